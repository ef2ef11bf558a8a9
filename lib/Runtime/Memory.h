//===- Runtime/Memory.h - A linear memory -----------------------*- C++ -*-===//
//
// A linear memory reserves address space for its maximum size up front
// (PROT_NONE) and commits pages on growth, so its base never moves and JIT
// code may keep base pointers across calls. Its VMMemoryDefinition
// {base, current_length} lives either in the defining instance's vmctx
// (owned memories) or, for host-created memories, in the object itself;
// importers point at that one record, so every instance sees growth.
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

class MemoryInstance {
public:
  static constexpr uint64_t PageSize = 65536;
  static constexpr uint64_t MaxPages32 = 65536;

  /// Creates a memory of type \p T. \p Def is where its definition record
  /// lives; null means inside the Memory itself. \p GuardBytes of
  /// inaccessible space follow the maximum size.
  static llvm::Expected<std::unique_ptr<MemoryInstance>>
  create(const MemoryType &T, void *Def, uint64_t GuardBytes);
  ~MemoryInstance();
  MemoryInstance(const MemoryInstance &) = delete;
  MemoryInstance &operator=(const MemoryInstance &) = delete;

  uint8_t *base() const { return Base; }
  uint64_t byteSize() const { return Pages * PageSize; }
  uint64_t pages() const { return Pages; }
  /// The type with the current size as its minimum (for import matching).
  MemoryType currentType() const;
  /// The VMMemoryDefinition importers point at.
  void *definition() const { return Def; }

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
  uint64_t Reserved = 0; // bytes of the mapping, guard included
  uint64_t Pages = 0;
  uint64_t MaxPages = 0;
  void *Def = nullptr;
  RecordStorage<2> OwnDef;
};

} // namespace orca

#endif // ORCA_RUNTIME_MEMORY_H
