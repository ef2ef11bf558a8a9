//===- Runtime/StoreImpl.h - What a store owns ------------------*- C++ -*-===//
//
// A store's runtime limits (the VMRuntimeLimits record and the growth
// limits), owned instances and host objects, and the one way into wasm
// (enterWasm).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_STOREIMPL_H
#define ORCA_RUNTIME_STOREIMPL_H

#include "Runtime/EngineImpl.h"
#include "Runtime/Global.h"
#include "Runtime/HostFunction.h"
#include "Runtime/Memory.h"
#include "Runtime/Runtime.h"
#include "Runtime/Table.h"
#include "Runtime/TrapHandling.h"

#include <memory>
#include <vector>

namespace orca {

class InstanceData;

struct Store::Impl {
  Engine &E;
  Store &Self;
  /// The VMRuntimeLimits record every instance's runtime_limits points at.
  RecordStorage<8> Limits;
  /// Host->wasm entries currently active on this thread; the stack limit is
  /// set on the outermost one.
  unsigned EntryDepth = 0;

  std::vector<InstanceData *> Instances;
  std::vector<std::unique_ptr<HostFunc>> HostFuncs;
  std::vector<std::unique_ptr<MemoryInstance>> Memories;
  std::vector<std::unique_ptr<TableInstance>> Tables;
  std::vector<std::unique_ptr<GlobalInstance>> Globals;

  /// Store::setGrowthLimits.
  uint64_t MaxMemoryPages = UINT64_MAX;
  uint64_t MaxTableElements = UINT64_MAX;
  /// Whether growing a memory of \p Pages pages by \p Delta stays within
  /// MaxMemoryPages (growing by 0 always does; UINT64_MAX is no limit, so
  /// that a hostile delta is refused by the memory's own maximum).
  bool memoryMayGrow(uint64_t Pages, uint64_t Delta) const {
    return withinLimit(Pages, Delta, MaxMemoryPages);
  }
  bool tableMayGrow(uint64_t Elements, uint64_t Delta) const {
    return withinLimit(Elements, Delta, MaxTableElements);
  }
  static bool withinLimit(uint64_t Cur, uint64_t Delta, uint64_t Max) {
    return Delta == 0 || Max == UINT64_MAX ||
           (Delta <= Max && Cur <= Max - Delta);
  }

  /// Store::setEpochDeadlineCallback.
  Store::EpochDeadlineCallback EpochCallback;
  /// The EpochDeadline builtin: whether the callback extended the deadline
  /// (otherwise the caller traps with TrapCode::Interrupt).
  bool onEpochDeadline();

  Impl(Engine &E, Store &Self);
  ~Impl();

  Engine::Impl &engine() { return E.impl(); }

  /// Calls \p Fn (wasm convention) through host-to-wasm trampoline \p Tramp
  /// with values in \p Slots, under a catch point. A trap is returned as a
  /// TrapError.
  llvm::Error enterWasm(const void *Tramp, const void *Fn, void *CalleeVMCtx,
                        void *CallerVMCtx, ValRaw *Slots);
};

/// Converts a trap caught at \p CP into a TrapError.
llvm::Error trapFromCatchPoint(CatchPoint &CP);

} // namespace orca

#endif // ORCA_RUNTIME_STOREIMPL_H
