//===- Runtime/TrapHandling.h - Trap catch points ---------------*- C++ -*-===//
//
// Every entry from the host into wasm goes through callWithCatch(), which
// pushes a catch point on a per-thread stack. A trap (the RaiseTrap builtin,
// a failing builtin, a host callback's error) siglongjmps to the innermost
// catch point, so host->wasm->host->wasm nesting unwinds only to the entry
// it belongs to.
//
// Invariant: no frame between a catch point and the raise may hold a C++
// object with a non-trivial destructor, since siglongjmp skips destructors.
// JIT frames and trampolines hold none; builtins and the host-callback
// wrapper are written to end all C++ scopes before raising.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_TRAPHANDLING_H
#define ORCA_RUNTIME_TRAPHANDLING_H

#include "Environ/TrapCode.h"
#include "Runtime/Value.h"

#include <csetjmp>
#include <string>

namespace orca {

struct CatchPoint {
  sigjmp_buf Buf;
  CatchPoint *Prev = nullptr;
  TrapCode Code = TrapCode::Unreachable;
  /// For HostError: the host's message, written before the raise.
  std::string Message;
};

/// The innermost catch point of this thread, or null outside wasm.
CatchPoint *currentCatchPoint();

/// Unwinds to the innermost catch point with \p Code. Never returns. Must
/// only be called while wasm runs (a catch point exists); aborts otherwise.
[[noreturn]] void raiseTrap(TrapCode Code);

/// The host-to-wasm trampoline signature (CodeGen/ModuleTranslator.h).
using HostToWasmFn = void (*)(const void *Fn, void *CalleeVMCtx,
                              void *CallerVMCtx, ValRaw *Values);

/// Calls \p Tramp(Fn, Callee, Caller, Values) under a new catch point.
/// Returns true if the call returned, false if it trapped (then CP.Code and,
/// for host errors, CP.Message say why).
bool callWithCatch(CatchPoint &CP, HostToWasmFn Tramp, const void *Fn,
                   void *CalleeVMCtx, void *CallerVMCtx, ValRaw *Values);

} // namespace orca

#endif // ORCA_RUNTIME_TRAPHANDLING_H
