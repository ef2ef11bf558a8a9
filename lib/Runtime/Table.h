//===- Runtime/Table.h - A table of references ------------------*- C++ -*-===//
//
// Elements are pointer-sized slots. externref slots hold the host pointer
// (0 = null). funcref slots use the lazy encoding JIT code relies on:
//   0            not yet initialised: the value is the one the defining
//                instance's element segments put there (LazyFuncs), or null
//   anyfunc | 1  an initialised slot; an initialised null is 1
// Every path that reads a funcref slot on behalf of wasm or the host
// initialises it first (get(), initRange()); every write stores the tagged
// form, so a 0 is only ever seen on slots nobody has written since the
// table was created.
//
// The table's VMTableDefinition {base, current_elements} lives in the
// defining instance's vmctx (or in the Table for host tables); importers
// point at it, so they see growth, which may move the slots.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_TABLE_H
#define ORCA_RUNTIME_TABLE_H

#include "Binary/Module.h"
#include "Runtime/VMContext.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace orca {

class InstanceData;

class TableInstance {
public:
  /// A bound on any table's size, so that hostile limits cannot make the
  /// runtime allocate gigabytes of slots.
  static constexpr uint64_t MaxElements = 10'000'000;
  static constexpr uint32_t NoFunc = ~0u;

  /// Creates a table of \p T with every slot holding \p Init (a decoded
  /// reference), or, when \p Lazy, with funcref slots left uninitialised
  /// for setLazyOwner(). \p Def is where its definition record lives; null
  /// means inside the Table itself.
  static llvm::Expected<std::unique_ptr<TableInstance>>
  create(const TableType &T, void *Def, void *Init, bool Lazy = false);
  ~TableInstance();
  TableInstance(const TableInstance &) = delete;
  TableInstance &operator=(const TableInstance &) = delete;

  ValType elemType() const { return Type.Elem; }
  uint32_t size() const { return Size; }
  TableType currentType() const;
  void *definition() const { return Def; }
  uintptr_t *slots() const { return Slots; }

  /// Makes untouched slots take their values from \p Owner's functions:
  /// slot I is Owner's anyfunc for LazyFuncs[I] (NoFunc: null).
  void setLazyOwner(InstanceData *Owner) { LazyOwner = Owner; }
  /// The vmctx of the instance that defines this table (null for the
  /// host's): importers record it beside `from`.
  void setOwnerVMCtx(void *VMCtx) { OwnerVMCtx = VMCtx; }
  void *ownerVMCtx() const { return OwnerVMCtx; }
  std::vector<uint32_t> &lazyFuncs() { return LazyFuncs; }

  /// The slot encoding of a decoded reference.
  uintptr_t encode(void *Ref) const {
    uintptr_t R = reinterpret_cast<uintptr_t>(Ref);
    return Type.Elem == ValType::FuncRef ? R | FuncRefInitBit : R;
  }

  /// Element \p I as a decoded reference (anyfunc pointer, host pointer or
  /// null). False when out of bounds.
  bool get(uint32_t I, void *&Out);
  bool set(uint32_t I, void *Ref);
  /// Initialises the lazy slots of [From, From + Len), which must be in
  /// bounds.
  void initRange(uint32_t From, uint32_t Len);
  /// table.grow: the old size, or -1.
  int64_t grow(uint64_t Delta, void *Init);
  /// table.fill; false (nothing written) when out of bounds.
  bool fill(uint32_t Dst, void *Ref, uint32_t Len);
  /// table.copy with memmove semantics; false (nothing written) when either
  /// range is out of bounds.
  static bool copy(TableInstance &Dst, TableInstance &Src, uint32_t DstIdx,
                   uint32_t SrcIdx, uint32_t Len);
  /// True when [Idx, Idx + Len) lies within the current size.
  bool inBounds(uint64_t Idx, uint64_t Len) const {
    return Idx <= Size && Len <= Size - Idx;
  }

private:
  TableInstance() = default;
  void syncDefinition();
  uintptr_t lazyValue(uint32_t I) const;

  TableType Type;
  uintptr_t *Slots = nullptr;
  uint32_t Size = 0;
  uint64_t MaxSize = 0;
  void *Def = nullptr;
  RecordStorage<2> OwnDef;
  InstanceData *LazyOwner = nullptr;
  void *OwnerVMCtx = nullptr;
  std::vector<uint32_t> LazyFuncs;
};

} // namespace orca

#endif // ORCA_RUNTIME_TABLE_H
