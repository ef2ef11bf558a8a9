//===- Runtime/TrapHandling.cpp - Catch points, signal traps --------------===//
//
// What this file owns: catch points, raiseTrap, the process-wide fault
// handler with its chaining, alternate signal stacks, the wasm stack limit
// and the frame-pointer walk. Invariants are in TrapHandling.h; everything
// reachable from handleSignal() must stay async-signal-safe (no malloc, no
// locks, no stdio).
//
//===----------------------------------------------------------------------===//

#include "Runtime/TrapHandling.h"
#include "JIT/CodeMap.h"
#include "Runtime/Instance.h"
#include "Runtime/Trap.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

using namespace orca;

char TrapError::ID = 0;

static thread_local CatchPoint *Innermost = nullptr;

CatchPoint *orca::currentCatchPoint() { return Innermost; }

//===----------------------------------------------------------------------===//
// Frame-pointer walk (async-signal-safe)
//===----------------------------------------------------------------------===//

static bool inJITFunction(uintptr_t PC) {
  CodeRange R;
  return CodeMap::global().lookup(PC, R) && R.FuncIndex != CodeRange::NoFunc;
}

/// Records in \p CP the frames from \p FP up to CP.EntryFrame, after \p PC
/// (the trapping instruction, 0 if none). On both x86-64 and AArch64 a
/// frame record is {saved frame pointer, return address} at the frame
/// pointer.
static void walkFrames(CatchPoint &CP, uintptr_t PC, uintptr_t FP) {
  CP.NumFrames = 0;
  if (PC && inJITFunction(PC))
    CP.Frames[CP.NumFrames++] = PC;
  while (FP && CP.NumFrames < CatchPoint::MaxFrames && FP < CP.EntryFrame &&
         FP % sizeof(uintptr_t) == 0) {
    const uintptr_t *Record = reinterpret_cast<const uintptr_t *>(FP);
    uintptr_t Next = Record[0], Ret = Record[1];
    if (Ret && inJITFunction(Ret - 1))
      CP.Frames[CP.NumFrames++] = Ret - 1;
    // The stack grows down: callers' records are at higher addresses.
    if (Next <= FP)
      break;
    FP = Next;
  }
}

//===----------------------------------------------------------------------===//
// raiseTrap and catch points
//===----------------------------------------------------------------------===//

// noinline and built with frame pointers (CMakeLists.txt), so the walk
// starts at this frame and climbs through the builtin to JIT code.
__attribute__((noinline)) void orca::raiseTrap(TrapCode Code) {
  CatchPoint *CP = Innermost;
  if (!CP) {
    std::fprintf(stderr, "orca: trap '%s' raised outside of wasm\n",
                 trapMessage(Code));
    std::abort();
  }
  CP->Code = Code;
  walkFrames(*CP, 0, reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
  siglongjmp(CP->Buf, 1);
}

// Kept out of line so that the sigsetjmp frame is exactly this one: nothing
// here is modified between sigsetjmp and a siglongjmp back to it, so no
// local needs to be volatile.
__attribute__((noinline)) bool
orca::callWithCatch(CatchPoint &CP, HostToWasmFn Tramp, const void *Fn,
                    void *CalleeVMCtx, void *CallerVMCtx, ValRaw *Values) {
  ensureAltSignalStack();
  CP.Prev = Innermost;
  CP.EntryFrame = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  Innermost = &CP;
  // The signal mask is not saved (it costs a syscall per entry): the signal
  // handler unblocks its signal itself before it jumps here.
  if (sigsetjmp(CP.Buf, 0) != 0) {
    Innermost = CP.Prev;
    return false;
  }
  Tramp(Fn, CalleeVMCtx, CallerVMCtx, Values);
  Innermost = CP.Prev;
  return true;
}

//===----------------------------------------------------------------------===//
// The signal handler
//===----------------------------------------------------------------------===//

static constexpr int HandledSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE};
static struct sigaction Previous[NSIG];

namespace {
struct Registers {
  uintptr_t PC, FP, SP;
};
} // namespace

static Registers registersOf(void *UCtx) {
  auto *UC = static_cast<ucontext_t *>(UCtx);
#if defined(__x86_64__)
  return {uintptr_t(UC->uc_mcontext.gregs[REG_RIP]),
          uintptr_t(UC->uc_mcontext.gregs[REG_RBP]),
          uintptr_t(UC->uc_mcontext.gregs[REG_RSP])};
#elif defined(__aarch64__)
  return {uintptr_t(UC->uc_mcontext.pc), uintptr_t(UC->uc_mcontext.regs[29]),
          uintptr_t(UC->uc_mcontext.sp)};
#else
#error "TrapHandling: unsupported host architecture"
#endif
}

static void writeStr(const char *S) {
  ssize_t R = write(STDERR_FILENO, S, std::strlen(S));
  (void)R;
}

static void writeHex(uintptr_t V) {
  char Buf[2 + 16 + 1];
  char *P = Buf + sizeof(Buf);
  *--P = 0;
  do {
    *--P = "0123456789abcdef"[V & 15];
    V >>= 4;
  } while (V);
  *--P = 'x';
  *--P = '0';
  writeStr(P);
}

/// A fault in JIT code that is not a wasm trap: an Orca bug.
[[noreturn]] static void abortOnBug(int Sig, const char *Why, uintptr_t PC,
                                    uintptr_t Addr) {
  writeStr("orca: internal error: signal ");
  writeHex(uintptr_t(Sig));
  writeStr(" in JIT code at pc ");
  writeHex(PC);
  writeStr(", address ");
  writeHex(Addr);
  writeStr(": ");
  writeStr(Why);
  writeStr("\n");
  struct sigaction Dfl;
  std::memset(&Dfl, 0, sizeof(Dfl));
  Dfl.sa_handler = SIG_DFL;
  sigaction(SIGABRT, &Dfl, nullptr);
  abort();
}

/// Hands a signal that is not ours to the handler installed before Orca's,
/// or to the default action.
static void chainSignal(int Sig, siginfo_t *Info, void *UCtx) {
  const struct sigaction &P = Previous[Sig];
  if (P.sa_flags & SA_SIGINFO) {
    if (P.sa_sigaction) {
      P.sa_sigaction(Sig, Info, UCtx);
      return;
    }
  } else if (P.sa_handler != SIG_DFL && P.sa_handler != SIG_IGN) {
    P.sa_handler(Sig);
    return;
  }
  bool Sent = Info->si_code <= 0; // kill(), raise(), sigqueue()
  if (P.sa_handler == SIG_IGN && Sent)
    return;
  // Default action: restore it and let the faulting instruction run again
  // on return (or re-send a sent signal), so the process dies by the same
  // signal, with the same core dump, as without Orca.
  struct sigaction Dfl;
  std::memset(&Dfl, 0, sizeof(Dfl));
  Dfl.sa_handler = SIG_DFL;
  sigaction(Sig, &Dfl, nullptr);
  if (Sent)
    raise(Sig);
}

/// Whether \p Addr is in a memory reservation of store \p S; fills the
/// wasm address and size like the seed's wasm_fault.
static bool findWasmFault(Store::Impl &S, uintptr_t Addr, CatchPoint &CP) {
  auto Check = [&](const MemoryInstance *M) {
    auto Base = reinterpret_cast<uintptr_t>(M->base());
    if (Addr < Base || Addr >= reinterpret_cast<uintptr_t>(M->reservedEnd()))
      return false;
    CP.HasFault = true;
    CP.FaultAddress = Addr - Base;
    CP.FaultMemorySize = M->byteSize();
    return true;
  };
  for (const auto &M : S.Memories)
    if (Check(M.get()))
      return true;
  for (InstanceData *I : S.Instances)
    for (const auto &M : I->OwnedMemories)
      if (Check(M.get()))
        return true;
  return false;
}

/// A fault this close to the stack pointer is a stack overflow (JIT code
/// hit the thread's guard page before its prologue check could trap).
static constexpr uintptr_t StackFaultWindow = 64 * 1024;

static void handleSignal(int Sig, siginfo_t *Info, void *UCtx) {
  int SavedErrno = errno;
  Registers R = registersOf(UCtx);
  CodeRange Range;
  if (!CodeMap::global().lookup(R.PC, Range)) {
    chainSignal(Sig, Info, UCtx);
    errno = SavedErrno;
    return;
  }
  auto Addr = reinterpret_cast<uintptr_t>(Info->si_addr);
  CatchPoint *CP = Innermost;
  if (!CP)
    abortOnBug(Sig, "fault in JIT code outside of any wasm entry", R.PC, Addr);
  CP->HasFault = false;
  if (Sig == SIGSEGV || Sig == SIGBUS) {
    if (CP->S && findWasmFault(*CP->S, Addr, *CP))
      CP->Code = TrapCode::MemoryOutOfBounds;
    else if (Addr + StackFaultWindow >= R.SP && Addr < R.SP + StackFaultWindow)
      CP->Code = TrapCode::StackOverflow;
    else
      abortOnBug(Sig, "not a wasm memory access", R.PC, Addr);
  } else {
    abortOnBug(Sig, "JIT code raises no such signal", R.PC, Addr);
  }
  walkFrames(*CP, R.PC, R.FP);
  // Leaving the handler by siglongjmp does not restore the mask the kernel
  // set for it, and the catch point did not save one: unblock the signal.
  sigset_t Set;
  sigemptyset(&Set);
  sigaddset(&Set, Sig);
  pthread_sigmask(SIG_UNBLOCK, &Set, nullptr);
  errno = SavedErrno;
  siglongjmp(CP->Buf, 1);
}

void orca::installTrapHandlers() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    // Publish the (empty) code map before any handler can run.
    (void)CodeMap::global();
    for (int Sig : HandledSignals) {
      struct sigaction SA;
      std::memset(&SA, 0, sizeof(SA));
      SA.sa_sigaction = &handleSignal;
      SA.sa_flags = SA_SIGINFO | SA_ONSTACK;
      sigemptyset(&SA.sa_mask);
      sigaction(Sig, &SA, &Previous[Sig]);
    }
  });
}

//===----------------------------------------------------------------------===//
// Alternate signal stacks and the stack limit
//===----------------------------------------------------------------------===//

namespace {
/// This thread's alternate signal stack, when Orca made it.
struct AltStack {
  void *Mapping = nullptr;
  size_t Size = 0;
  bool Checked = false;
  ~AltStack() {
    if (!Mapping)
      return;
    stack_t Cur;
    if (sigaltstack(nullptr, &Cur) == 0 &&
        static_cast<uint8_t *>(Cur.ss_sp) ==
            static_cast<uint8_t *>(Mapping) + sysconf(_SC_PAGESIZE)) {
      stack_t Off;
      std::memset(&Off, 0, sizeof(Off));
      Off.ss_flags = SS_DISABLE;
      sigaltstack(&Off, nullptr);
    }
    munmap(Mapping, Size);
  }
};
} // namespace

static thread_local AltStack ThreadAltStack;

void orca::ensureAltSignalStack() {
  if (ThreadAltStack.Checked)
    return;
  ThreadAltStack.Checked = true;
  const size_t Wanted = std::max<size_t>(64 * 1024, 4 * MINSIGSTKSZ);
  stack_t Cur;
  if (sigaltstack(nullptr, &Cur) == 0 && !(Cur.ss_flags & SS_DISABLE) &&
      Cur.ss_size >= Wanted)
    return; // the host gave this thread one already
  size_t Page = size_t(sysconf(_SC_PAGESIZE));
  size_t Stack = (Wanted + Page - 1) / Page * Page;
  void *P = mmap(nullptr, Page + Stack, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (P == MAP_FAILED)
    return; // faults still work; only a host stack overflow would not
  // A guard page below, so a handler overflow faults instead of corrupting.
  mprotect(P, Page, PROT_NONE);
  stack_t New;
  std::memset(&New, 0, sizeof(New));
  New.ss_sp = static_cast<uint8_t *>(P) + Page;
  New.ss_size = Stack;
  if (sigaltstack(&New, nullptr) != 0) {
    munmap(P, Page + Stack);
    return;
  }
  ThreadAltStack.Mapping = P;
  ThreadAltStack.Size = Page + Stack;
}

/// Lowest address of this thread's stack (0 when unknown).
static uintptr_t threadStackLow() {
  static thread_local uintptr_t Low = [] {
    uintptr_t L = 0;
    pthread_attr_t A;
    if (pthread_getattr_np(pthread_self(), &A) == 0) {
      void *Addr;
      size_t Size;
      if (pthread_attr_getstack(&A, &Addr, &Size) == 0)
        L = reinterpret_cast<uintptr_t>(Addr);
      pthread_attr_destroy(&A);
    }
    return L;
  }();
  return Low;
}

uintptr_t orca::wasmStackLimit(uintptr_t SP, uint64_t MaxWasmStack) {
  uintptr_t Limit = SP > MaxWasmStack ? uintptr_t(SP - MaxWasmStack) : 0;
  // Leave room for host functions and builtins called at the deepest wasm
  // frame, so that they never reach the thread's guard page either.
  constexpr uintptr_t HostMargin = 128 * 1024;
  if (uintptr_t Low = threadStackLow())
    Limit = std::max(Limit, Low + HostMargin);
  return Limit;
}
