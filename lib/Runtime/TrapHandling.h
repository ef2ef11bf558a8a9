//===- Runtime/TrapHandling.h - Catch points and signal traps ---*- C++ -*-===//
//
// What this file owns: the per-thread stack of catch points, the
// process-wide signal handler that turns faults in JIT code into traps,
// per-thread alternate signal stacks, and trap backtraces.
//
// Every entry from the host into wasm goes through callWithCatch(), which
// pushes a catch point on a per-thread stack. A trap siglongjmps to the
// innermost catch point, so host->wasm->host->wasm nesting unwinds only to
// the entry it belongs to. Traps come from:
//   - raiseTrap(): the RaiseTrap builtin, a failing builtin, a host
//     callback's error;
//   - the signal handler (SIGSEGV/SIGBUS/SIGILL/SIGFPE): a fault whose PC
//     is in JIT code (JIT/CodeMap.h) and whose address is in a memory
//     reservation of the entry's store is "out of bounds memory access";
//     a fault on the stack next to the stack pointer is "call stack
//     exhausted". Any other fault in JIT code is an Orca bug and aborts
//     with a message. A fault outside JIT code goes to the handler that
//     was installed before Orca's (or the default action), so host bugs
//     crash as they would without Orca.
//
// Both record a backtrace (return PCs into JIT functions, innermost first)
// by walking frame pointers, which JIT code always keeps and this library
// is built with, up to the catch point's own frame.
//
// Invariants:
//  - No frame between a catch point and the raise may hold a C++ object
//    with a non-trivial destructor, since siglongjmp skips destructors.
//    JIT frames and trampolines hold none; builtins and the host-callback
//    wrapper end all C++ scopes before raising.
//  - The signal handler is async-signal-safe: it allocates nothing, takes
//    no lock, and only reads the CatchPoint's raw fields, the code map and
//    the store's memories (which only the thread running the store's wasm
//    may change, and it is the one in the handler).
//  - Threads that run wasm get an alternate signal stack (ensured on every
//    entry), so a fault on an exhausted stack still reaches the handler.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_TRAPHANDLING_H
#define ORCA_RUNTIME_TRAPHANDLING_H

#include "Environ/TrapCode.h"
#include "Runtime/Runtime.h"
#include "Runtime/Value.h"

#include <csetjmp>
#include <cstdint>
#include <string>

namespace orca {

struct CatchPoint {
  sigjmp_buf Buf;
  CatchPoint *Prev = nullptr;
  TrapCode Code = TrapCode::Unreachable;
  /// For HostError: the host's error, kept as it is so that the embedder
  /// gets back exactly what its callback returned (WASI's proc_exit relies
  /// on this). Written before the raise; consumed by trapFromCatchPoint.
  llvm::Error HostErr = llvm::Error::success();
  ~CatchPoint() { llvm::consumeError(std::move(HostErr)); }
  /// The store whose wasm this entry runs: faults are checked against its
  /// memories. Set by the caller of callWithCatch.
  Store::Impl *S = nullptr;
  /// Frame address of callWithCatch: backtrace walks stop below it.
  uintptr_t EntryFrame = 0;

  /// Memory faults: the wasm address and the memory's size at the time.
  bool HasFault = false;
  uint64_t FaultAddress = 0;
  uint64_t FaultMemorySize = 0;

  /// PCs inside JIT functions, innermost first (return addresses minus one,
  /// so each lies in its caller's call instruction).
  static constexpr unsigned MaxFrames = 128;
  unsigned NumFrames = 0;
  uintptr_t Frames[MaxFrames];
};

/// The innermost catch point of this thread, or null outside wasm.
CatchPoint *currentCatchPoint();

/// Unwinds to the innermost catch point with \p Code, recording a
/// backtrace from the caller's frames. Never returns. Must only be called
/// while wasm runs (a catch point exists); aborts otherwise.
[[noreturn]] void raiseTrap(TrapCode Code);

/// The host-to-wasm trampoline signature (CodeGen/ModuleTranslator.h).
using HostToWasmFn = void (*)(const void *Fn, void *CalleeVMCtx,
                              void *CallerVMCtx, ValRaw *Values);

/// Calls \p Tramp(Fn, Callee, Caller, Values) under a new catch point.
/// Returns true if the call returned, false if it trapped (then CP.Code and,
/// for host errors, CP.HostErr say why).
bool callWithCatch(CatchPoint &CP, HostToWasmFn Tramp, const void *Fn,
                   void *CalleeVMCtx, void *CallerVMCtx, ValRaw *Values);

/// Installs the process-wide handler for SIGSEGV, SIGBUS, SIGILL and SIGFPE
/// (once; thread-safe). The handlers installed before are kept for
/// chaining.
void installTrapHandlers();

/// Gives this thread an alternate signal stack if it has none big enough
/// (freed when the thread exits). Cheap after the first call.
void ensureAltSignalStack();

/// The lowest stack address wasm may use on this thread given a budget of
/// \p MaxWasmStack below \p SP: never closer than a safety margin to the
/// thread's own stack end.
uintptr_t wasmStackLimit(uintptr_t SP, uint64_t MaxWasmStack);

} // namespace orca

#endif // ORCA_RUNTIME_TRAPHANDLING_H
