//===- Runtime/EngineImpl.h - What an engine owns ---------------*- C++ -*-===//
//
// An engine's JIT, signature registry, builtin array and epoch counter.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_ENGINEIMPL_H
#define ORCA_RUNTIME_ENGINEIMPL_H

#include "JIT/JITCompiler.h"
#include "Runtime/Builtins.h"
#include "Runtime/Memory.h"
#include "Runtime/Runtime.h"
#include "Runtime/SignatureRegistry.h"

#include <array>
#include <mutex>

namespace orca {

struct Engine::Impl {
  EngineConfig Config;
  std::unique_ptr<JITCompiler> JIT;
  std::mutex JITLock;
  SignatureRegistry Sigs;
  /// Every vmctx's builtin_functions field points here.
  std::array<void *, NumBuiltins> Builtins{};
  /// The epoch counter vmctx epoch_ptr fields point at (never advanced yet).
  uint64_t Epoch = 0;

  /// The address space each memory reserves (Memory.h). Explicit mode needs
  /// no guard beyond the maximum size; one 64 KiB guard on each side still
  /// catches runtime bugs.
  MemoryLayout memoryLayout() const {
    MemoryLayout L;
    L.MaxBytes = Config.MaxMemoryBytes;
    if (!Config.ExplicitBoundsChecks) {
      L.Reservation = Config.MemoryReservation;
      L.GuardAfter = Config.MemoryGuardSize;
    }
    return L;
  }
};

} // namespace orca

#endif // ORCA_RUNTIME_ENGINEIMPL_H
