//===- Runtime/EngineImpl.h - What an engine owns ---------------*- C++ -*-===//
//
// An engine's JIT, signature registry, builtin array and epoch counter.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_ENGINEIMPL_H
#define ORCA_RUNTIME_ENGINEIMPL_H

#include "JIT/JITCompiler.h"
#include "Runtime/Builtins.h"
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

  /// Inaccessible bytes after each memory's maximum size.
  uint64_t memoryGuardBytes() const {
    return Config.ExplicitBoundsChecks ? 65536 : (uint64_t(4) << 30);
  }
};

} // namespace orca

#endif // ORCA_RUNTIME_ENGINEIMPL_H
