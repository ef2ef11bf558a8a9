//===- Runtime/Runtime.h - Engine, store, instances -------------*- C++ -*-===//
//
// The internal runtime API that tools (wasm-run, wasm-spectest) and the
// public API build on:
//   Engine         compiles modules (owns the JIT and the shared signature
//                  registry, so equal function types get equal ids)
//   CompiledModule a decoded, validated, compiled module (shareable)
//   Store          owns instances, host objects and the runtime limits;
//                  everything it owns dies with it
//   Extern         a function, table, memory or global of some instance or
//                  of the host, as imports take and exports give
//
// Traps are llvm::Errors of type TrapError (Runtime/Trap.h).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_RUNTIME_H
#define ORCA_RUNTIME_RUNTIME_H

#include "Binary/Features.h"
#include "Binary/Module.h"
#include "Runtime/Value.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace orca {

class Engine;
class CompiledModule;
class Store;
class Instance;
class Caller;

struct EngineConfig {
  Features Feat;
  unsigned OptLevel = 2;
  /// The CPU and features JIT code is compiled for (LLVM names, e.g.
  /// "x86-64-v2" and "+avx2,-avx512f"); empty: the host's.
  std::string TargetCPU;
  std::string TargetFeatures;
  /// Threads compiling a module; 0: one per hardware thread.
  unsigned CompileThreads = 0;
  /// Function-body bytes a module needs per part before it is split for
  /// parallel compilation (JIT/JITCompiler.h). Tests lower it.
  uint64_t CompilePartBytes = 16 * 1024;
  /// Name JIT code for perf in /tmp/perf-<pid>.map (--profile=perfmap).
  bool PerfMap = false;
  /// Explicit bounds checks on every memory access. Off by default on
  /// 64-bit hosts: memories are then surrounded by guard regions and an
  /// out-of-bounds access faults; the signal handler turns the fault into
  /// the trap (Runtime/TrapHandling.h). Tools expose it as
  /// --bounds-checks=explicit|guard.
  bool ExplicitBoundsChecks = sizeof(void *) < 8;
  /// Guard mode: address space reserved from each memory's base (at least
  /// its maximum size is always reserved).
  uint64_t MemoryReservation = uint64_t(4) << 30;
  /// Guard mode: inaccessible bytes after the reservation. Accesses whose
  /// static offset could reach past reservation + guard keep an explicit
  /// check (CodeGen/EmitMemory.cpp); with the defaults that is offsets
  /// above about 2 GiB.
  uint64_t MemoryGuardSize = uint64_t(2) << 30;
  /// Resource limit on each linear memory's size in bytes (wasm-run
  /// --max-memory): instantiation fails when a memory's minimum exceeds it
  /// and memory.grow past it returns -1, as if the module had declared a
  /// smaller maximum.
  uint64_t MaxMemoryBytes = ~uint64_t(0);
  /// Maximum wasm stack use per store, in bytes (as wasmtime's default).
  /// Also clamped so that wasm never reaches the thread's own guard page.
  uint64_t MaxWasmStack = 512 * 1024;
  /// Instrument code to consume fuel (Store::setFuel): every operator costs
  /// one unit (CodeGen/Interrupts.cpp); running out traps with
  /// TrapCode::OutOfFuel. Deterministic: the same at every optimisation
  /// level and on every target.
  bool ConsumeFuel = false;
  /// Instrument code to check the engine's epoch (Engine::incrementEpoch)
  /// against the store's deadline (Store::setEpochDeadline) at function
  /// entries and loop headers; passing it traps with TrapCode::Interrupt
  /// unless the store's callback extends it.
  bool EpochInterruption = false;
  /// Compiled-code cache directory (JIT/CodeCache.h); empty: no cache.
  /// compile() then looks modules up there before compiling them, and
  /// stores what it compiles.
  std::string CacheDir;
  /// Size limit of the cache directory; least recently used entries go.
  uint64_t CacheMaxBytes = uint64_t(512) << 20;
};

/// What an engine has done, for ORCA_TIMINGS and tests.
struct EngineStats {
  uint64_t Compiles = 0;    ///< modules compiled with LLVM
  uint64_t CacheHits = 0;   ///< modules loaded from the cache
  uint64_t CacheMisses = 0; ///< lookups that found nothing usable
  /// Cache entries that were there but rejected (corrupt, foreign).
  uint64_t CacheRejected = 0;
  uint64_t CacheStores = 0;      ///< entries written
  uint64_t CacheStoreErrors = 0; ///< entries that could not be written
  uint64_t Deserialized = 0;     ///< modules loaded from precompiled bytes
};

class Engine {
public:
  static llvm::Expected<std::unique_ptr<Engine>> create(const EngineConfig &C);
  ~Engine();

  /// Decodes, validates and compiles. Errors have ErrorKind Malformed or
  /// Invalid (Support/Error.h).
  llvm::Expected<std::shared_ptr<CompiledModule>>
  compile(std::vector<uint8_t> Bytes);

  /// Loads a precompiled module (CompiledModule::serialize(), wasm-compile
  /// -o, a cache entry) without compiling anything. Loading native code is
  /// a trust decision: the bytes are checked for corruption, not for
  /// malice. Errors: Malformed (not an artifact, corrupt), Usage (made by
  /// another Orca or LLVM version, for another target, CPU or settings).
  llvm::Expected<std::shared_ptr<CompiledModule>>
  deserialize(std::unique_ptr<llvm::MemoryBuffer> Bytes);

  const EngineConfig &config() const;
  EngineStats stats() const;

  /// Advances the epoch by one tick (EngineConfig::EpochInterruption):
  /// stores whose deadline it reaches are interrupted at their next check.
  /// Safe from any thread and from a signal handler (one lock-free atomic
  /// add).
  void incrementEpoch();
  /// The current epoch.
  uint64_t epoch() const;

  struct Impl;
  Impl &impl() { return *I; }

private:
  explicit Engine(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> I;
};

/// A host function's implementation: reads Args, writes every Results[i]
/// (types preset from the signature). Returning an Error raises a trap
/// carrying its message.
using HostCallback =
    std::function<llvm::Error(Caller &C, llvm::ArrayRef<Value> Args,
                              llvm::MutableArrayRef<Value> Results)>;

/// A host function's implementation on the wasm-to-host trampoline's value
/// slots, with no Value boxing (used by the public API's typed host
/// functions). Slots[0..params) hold the arguments (i32/f32 in the low 32
/// bits of Lo, v128 in Lo/Hi, references as pointers in Lo); the callback
/// writes results into Slots[0..results). There are max(params, results,
/// 1) slots. Returning false raises a HostError trap from \p ErrorOut
/// (success on entry), as a HostCallback's error does: a TrapError gives
/// its message; any other error gives its message and rides along whole
/// as the trap's Cause, so the embedder gets back exactly what it raised,
/// with the trap's backtrace. The callback must have ended every C++ scope
/// it opened by then (it returns normally; the runtime raises the trap
/// after it).
using RawHostCallback =
    std::function<bool(Caller &C, ValRaw *Slots, llvm::Error &ErrorOut)>;

/// An exported or importable entity. Cheap to copy; valid while the Store
/// that owns the entity lives.
struct Extern {
  ExternKind Kind = ExternKind::Func;
  /// Runtime-private pointer to the entity (an anyfunc record for functions,
  /// the runtime's table/memory/global objects otherwise).
  void *Ptr = nullptr;
  explicit operator bool() const { return Ptr != nullptr; }
};

/// Given to host callbacks: the calling instance, when there is one.
class Caller {
public:
  Caller(Store &S, Instance *I) : S(&S), I(I) {}
  Store &store();
  Instance *instance();
  /// The caller's export of that name, e.g. its "memory".
  std::optional<Extern> getExport(std::string_view Name);

private:
  Store *S;
  Instance *I;
};

class Store {
public:
  explicit Store(Engine &E);
  ~Store();
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;

  Engine &engine();

  /// Instantiates \p M with \p Imports given in the module's import order.
  /// Errors: Unlinkable (wrong count, kind or type: "incompatible import
  /// type"), Uninstantiable (segment out of bounds; a trap in the start
  /// function is returned as a TrapError), Resource.
  llvm::Expected<Instance *>
  instantiate(const std::shared_ptr<CompiledModule> &M,
              llvm::ArrayRef<Extern> Imports);

  /// Host-defined entities, owned by this store.
  Extern createHostFunction(const FuncType &T, HostCallback CB);
  /// As createHostFunction, for a callback on raw slots (RawHostCallback).
  Extern createRawHostFunction(const FuncType &T, RawHostCallback CB);
  llvm::Expected<Extern> createMemory(const MemoryType &T);
  llvm::Expected<Extern> createTable(const TableType &T, Value Init);
  Extern createGlobal(const GlobalType &T, Value Init);

  /// Gives host function \p Func an entry point that wasm can call through
  /// a funcref (the engine's wasm-to-host trampoline for its type) unless it
  /// has one. Without this a host function gets its entry point from the
  /// first module that imports it; the public API calls this when it
  /// creates a host function, since it can hand the function to wasm as a
  /// value (argument, result, table element, global) before any import.
  llvm::Error makeCallable(Extern Func);

  /// Store-wide resource limits (the public StoreLimits): the largest size
  /// in pages of any memory and in elements of any table that growth may
  /// reach, for wasm's memory.grow and table.grow (which then return -1) as
  /// for growth from the host. Sizes reached before the limit was set stay.
  void setGrowthLimits(uint64_t MaxMemoryPages, uint64_t MaxTableElements);

  /// Sets the fuel left (EngineConfig::ConsumeFuel; a store starts with
  /// none). Running out traps with TrapCode::OutOfFuel; the store can then
  /// be given fuel and used again. Amounts above INT64_MAX are clamped.
  /// Usage error when the engine does not consume fuel.
  llvm::Error setFuel(uint64_t Fuel);
  /// The fuel left: 0 once it has run out (the last stretch of code before
  /// the check that trapped may have overrun it; the overrun is not owed).
  llvm::Expected<uint64_t> getFuel();

  /// Interrupts wasm once the engine's epoch has advanced \p Ticks from
  /// now (EngineConfig::EpochInterruption; without a deadline a store is
  /// never interrupted). Also usable from a host function or the callback.
  void setEpochDeadline(uint64_t Ticks);
  /// Called when the deadline is reached: a number of ticks extends the
  /// deadline by that much from the current epoch and wasm continues;
  /// nullopt (and no callback, the default) traps with
  /// TrapCode::Interrupt. The callback runs on the thread running wasm; it
  /// should only decide about the deadline: it may see linear memory and
  /// globals without the stores made since the code's last call (JIT code
  /// treats the call as touching no program memory, CodeGen/Interrupts.cpp),
  /// and must not call into wasm.
  using EpochDeadlineCallback = std::function<std::optional<uint64_t>()>;
  void setEpochDeadlineCallback(EpochDeadlineCallback CB);

  /// Calls a function. Checks the argument count and types. A trap is
  /// returned as a TrapError.
  llvm::Expected<std::vector<Value>> call(Extern Func,
                                          llvm::ArrayRef<Value> Args);

  /// Types and contents of externs.
  FuncType funcType(Extern Func);
  GlobalType globalType(Extern G);
  Value getGlobal(Extern G);
  llvm::Error setGlobal(Extern G, Value V);
  /// Memory bytes (valid until the memory grows) and size in bytes.
  uint8_t *memoryData(Extern Mem);
  uint64_t memorySize(Extern Mem);
  MemoryType memoryType(Extern Mem);
  TableType tableType(Extern T);

  struct Impl;
  Impl &impl() { return *I; }

private:
  std::unique_ptr<Impl> I;
};

class CompiledModule {
public:
  const Module &module() const;
  /// The module's import list and export list, for linkers.
  llvm::ArrayRef<Import> imports() const;
  llvm::ArrayRef<Export> exports() const;
  /// The type of an import (by position in imports()).
  struct ImportType {
    ExternKind Kind;
    FuncType Func;
    TableType Table;
    MemoryType Mem;
    GlobalType Global;
  };
  ImportType importType(size_t ImportIndex) const;

  /// The module as a precompiled artifact (JIT/Artifact.h) that
  /// Engine::deserialize() of an engine with the same configuration loads.
  std::vector<uint8_t> serialize() const;

  struct Impl;
  Impl &impl() { return *I; }
  explicit CompiledModule(std::unique_ptr<Impl> I);
  ~CompiledModule();

private:
  std::unique_ptr<Impl> I;
};

class Instance {
public:
  std::optional<Extern> getExport(std::string_view Name);
  const CompiledModule &module() const;
  // The rest of Instance (ending in its vmctx) is private to the runtime.
};

} // namespace orca

#endif // ORCA_RUNTIME_RUNTIME_H
