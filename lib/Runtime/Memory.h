//===- Runtime/Memory.h - A linear memory -----------------------*- C++ -*-===//
//
// What this file owns: a linear memory's address-space reservation, its
// committed pages and its {base, current_length} definition record.
//
// A memory reserves address space once (PROT_NONE) and commits pages on
// growth with mprotect, so its base never moves and JIT code may keep base
// pointers across calls. The reservation is
//
//   [guard before][max(reservation, maximum size)][guard after]
//                 ^ base
//
// (MemoryLayout). In guard mode (EngineConfig::ExplicitBoundsChecks off)
// JIT code relies on every byte from base to base + reservation + guard
// after being either committed or inaccessible; faults there are wasm
// traps (TrapHandling.cpp, findWasmFault). Page sizes come from sysconf.
//
// Its VMMemoryDefinition {base, current_length} lives either in the
// defining instance's vmctx (owned memories) or, for host-created memories,
// in the object itself; importers point at that one record, so every
// instance sees growth.
//
// Invariant (async-signal safety): base(), reservedEnd() and byteSize() are
// plain field reads, so the signal handler may call them on the thread
// that runs wasm of this memory's store.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_MEMORY_H
#define ORCA_RUNTIME_MEMORY_H

#include "Binary/Module.h"
#include "Runtime/VMContext.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>

namespace orca {

/// How much address space a memory reserves around its base.
struct MemoryLayout {
  /// Bytes reserved from the base (at least the maximum size is always
  /// reserved, so the base never moves).
  uint64_t Reservation = 0;
  /// Inaccessible bytes after the reservation.
  uint64_t GuardAfter = 65536;
  /// Inaccessible bytes before the base (rounded up to host pages).
  uint64_t GuardBefore = 65536;
  /// The embedder's limit on the memory's size (EngineConfig::MaxMemoryBytes).
  uint64_t MaxBytes = ~uint64_t(0);
};

class MemoryInstance {
public:
  static constexpr uint64_t PageSize = 65536;
  static constexpr uint64_t MaxPages32 = 65536;

  /// Creates a memory of type \p T. \p Def is where its definition record
  /// lives; null means inside the Memory itself. \p L says how much address
  /// space to reserve around it.
  static llvm::Expected<std::unique_ptr<MemoryInstance>>
  create(const MemoryType &T, void *Def, const MemoryLayout &L);
  ~MemoryInstance();
  MemoryInstance(const MemoryInstance &) = delete;
  MemoryInstance &operator=(const MemoryInstance &) = delete;

  uint8_t *base() const { return Base; }
  /// One past the last reserved byte (guard after included): faults in
  /// [base(), reservedEnd()) are this memory's out-of-bounds accesses.
  uint8_t *reservedEnd() const { return Base + ReservedAfterBase; }
  uint64_t byteSize() const { return Pages * PageSize; }
  uint64_t pages() const { return Pages; }
  /// The type with the current size as its minimum (for import matching).
  MemoryType currentType() const;
  /// The VMMemoryDefinition importers point at.
  void *definition() const { return Def; }
  /// The instance that defines this memory (null for the host's) and the
  /// memory's defined index there: importers record both beside `from`.
  void setOwner(void *VMCtx, uint32_t DefinedIndex) {
    OwnerVMCtx = VMCtx;
    OwnerIndex = DefinedIndex;
  }
  void *ownerVMCtx() const { return OwnerVMCtx; }
  uint32_t ownerIndex() const { return OwnerIndex; }

  /// memory.grow: the old size in pages, or -1 when the new size would
  /// exceed the maximum or cannot be committed.
  int64_t grow(uint64_t DeltaPages);

  /// True when [Addr, Addr + Len) lies within the current size.
  bool inBounds(uint64_t Addr, uint64_t Len) const {
    uint64_t Size = byteSize();
    return Addr <= Size && Len <= Size - Addr;
  }

private:
  MemoryInstance() = default;
  void syncDefinition();

  MemoryType Type;
  uint8_t *Base = nullptr;
  uint8_t *Mapping = nullptr; // start of the mapping (guard before)
  uint64_t Reserved = 0;      // bytes of the mapping, guards included
  uint64_t ReservedAfterBase = 0;
  uint64_t Pages = 0;
  uint64_t MaxPages = 0;
  void *Def = nullptr;
  RecordStorage<2> OwnDef;
  void *OwnerVMCtx = nullptr;
  uint32_t OwnerIndex = 0;
};

} // namespace orca

#endif // ORCA_RUNTIME_MEMORY_H
