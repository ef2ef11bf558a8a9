//===- Runtime/HostFunction.h - A host-defined function ---------*- C++ -*-===//
//
// A host function is an anyfunc record (what its Extern points at) plus a
// host context {HostMagic, callback, data} that plays the role of the
// callee vmctx. Wasm reaches it through a wasm-to-host trampoline of the
// importing module, which calls hostFunctionEntry() with the context; the
// host reaches it directly.
//
// The anyfunc's func_ptr is either the engine's wasm-to-host trampoline for
// the type (Store::makeCallable, which the public API calls at creation, so
// its host functions can reach wasm as funcrefs before any import) or, for
// runtime-internal host functions reachable only through imports, null
// until the first importer sets its own trampoline. Both stay valid while
// the store (which keeps its instances' code and its engine) lives.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_HOSTFUNCTION_H
#define ORCA_RUNTIME_HOSTFUNCTION_H

#include "Runtime/Runtime.h"
#include "Runtime/Trap.h"
#include "Runtime/VMContext.h"

namespace orca {

class HostFunc {
public:
  HostFunc(Store &S, FuncType T, uint32_t SigId, HostCallback CB);
  /// A host function whose callback works on raw slots.
  HostFunc(Store &S, FuncType T, uint32_t SigId, RawHostCallback Raw);
  HostFunc(const HostFunc &) = delete;
  HostFunc &operator=(const HostFunc &) = delete;

  void *anyfunc() { return Anyfunc.get(); }
  void *context() { return Context.get(); }
  const FuncType &type() const { return Type; }
  Store &store() const { return *Owner; }

  /// The HostFunc whose context is \p Ctx (isHostContext(Ctx) must hold).
  static HostFunc *fromContext(void *Ctx);

  /// Runs the callback for a call from the host: Args are checked by the
  /// caller; a callback error becomes a HostError TrapError
  /// (hostErrorTrap).
  llvm::Expected<std::vector<Value>> callFromHost(llvm::ArrayRef<Value> Args);

  /// Runs the callback on the value slots of a wasm-to-host trampoline.
  /// Returns false when it failed, with its error (never success) in
  /// \p ErrorOut.
  bool callFromWasm(void *CallerVMCtx, ValRaw *Slots, llvm::Error &ErrorOut);

private:
  RecordStorage<3> Anyfunc;
  RecordStorage<3> Context;
  FuncType Type;
  HostCallback CB;
  RawHostCallback Raw; ///< Set instead of CB for raw host functions.
  Store *Owner;
};

/// The HostError trap for a host function's error \p E: a TrapError keeps
/// its message; any other error gives its message and becomes the trap's
/// Cause. No backtrace (the caller adds the frames it knows).
std::unique_ptr<TrapError> hostErrorTrap(llvm::Error E);

} // namespace orca

#endif // ORCA_RUNTIME_HOSTFUNCTION_H
