//===- Runtime/TrapHandling.cpp - Catch points wasm traps unwind to -------===//

#include "Runtime/TrapHandling.h"
#include "Runtime/Trap.h"

#include <cstdio>
#include <cstdlib>

using namespace orca;

char TrapError::ID = 0;

static thread_local CatchPoint *Innermost = nullptr;

CatchPoint *orca::currentCatchPoint() { return Innermost; }

void orca::raiseTrap(TrapCode Code) {
  CatchPoint *CP = Innermost;
  if (!CP) {
    std::fprintf(stderr, "orca: trap '%s' raised outside of wasm\n",
                 trapMessage(Code));
    std::abort();
  }
  CP->Code = Code;
  siglongjmp(CP->Buf, 1);
}

// Kept out of line so that the sigsetjmp frame is exactly this one: nothing
// here is modified between sigsetjmp and a siglongjmp back to it, so no
// local needs to be volatile.
__attribute__((noinline)) bool
orca::callWithCatch(CatchPoint &CP, HostToWasmFn Tramp, const void *Fn,
                    void *CalleeVMCtx, void *CallerVMCtx, ValRaw *Values) {
  CP.Prev = Innermost;
  Innermost = &CP;
  // The signal mask is not saved: traps are raised by calls, not signals.
  if (sigsetjmp(CP.Buf, 0) != 0) {
    Innermost = CP.Prev;
    return false;
  }
  Tramp(Fn, CalleeVMCtx, CallerVMCtx, Values);
  Innermost = CP.Prev;
  return true;
}
