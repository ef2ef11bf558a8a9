//===- Runtime/EngineImpl.h - What an engine owns ---------------*- C++ -*-===//
//
// An engine's compiler, code loader and code cache, signature registry,
// builtin array, epoch counter and the wasm-to-host trampolines it
// compiled for host functions on their own.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_ENGINEIMPL_H
#define ORCA_RUNTIME_ENGINEIMPL_H

#include "JIT/CodeCache.h"
#include "JIT/CodeLoader.h"
#include "JIT/JITCompiler.h"
#include "Runtime/Builtins.h"
#include "Runtime/Memory.h"
#include "Runtime/Runtime.h"
#include "Runtime/SignatureRegistry.h"

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace orca {

/// The compiler options an engine configuration means; the one mapping,
/// also used by wasm-compile so that its .cwasm files load in engines of
/// the same configuration.
JITOptions jitOptionsFor(const EngineConfig &C);

struct Engine::Impl {
  EngineConfig Config;
  /// Compiles and loads without a lock (JIT/JITCompiler.cpp): modules
  /// compile in parallel on any number of threads.
  std::unique_ptr<JITCompiler> Compiler;
  std::unique_ptr<CodeLoader> Loader;
  /// Null without EngineConfig::CacheDir.
  std::unique_ptr<CodeCache> Cache;
  struct {
    std::atomic<uint64_t> Compiles{0}, CacheHits{0}, CacheMisses{0},
        CacheRejected{0}, CacheStores{0}, CacheStoreErrors{0}, Deserialized{0};
  } Stats;
  SignatureRegistry Sigs;
  /// Every vmctx's builtin_functions field points here.
  std::array<void *, NumBuiltins> Builtins{};
  /// The epoch counter vmctx epoch_ptr fields point at. JIT code reads it
  /// as a plain u64 with relaxed atomic loads (CodeGen/Interrupts.cpp);
  /// Engine::incrementEpoch advances it from any thread or signal handler.
  std::atomic<uint64_t> Epoch{0};
  static_assert(std::atomic<uint64_t>::is_always_lock_free &&
                    sizeof(std::atomic<uint64_t>) == sizeof(uint64_t),
                "JIT code reads the epoch as a u64");

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
