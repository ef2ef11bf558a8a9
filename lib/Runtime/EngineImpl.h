//===- Runtime/EngineImpl.h - What an engine owns ---------------*- C++ -*-===//
//
// An engine's JIT, signature registry, builtin array, epoch counter and the
// wasm-to-host trampolines it compiled for host functions on their own.
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
#include <map>
#include <memory>
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

  /// A wasm-to-host trampoline for signature \p SigId that belongs to no
  /// module: compiled on first request (a module with that one type and
  /// nothing else) and kept, with its code, for the engine's lifetime, so
  /// it outlives every store (and host function) of the engine.
  /// Thread-safe.
  llvm::Expected<const void *> wasmToHostTrampoline(uint32_t SigId);
  std::mutex TrampolineLock;
  std::map<uint32_t, std::unique_ptr<CompiledCode>> HostTrampolines;

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
