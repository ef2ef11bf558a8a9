//===- Runtime/Table.cpp - A table of references --------------------------===//

#include "Runtime/Table.h"
#include "Runtime/Instance.h"
#include "Support/Error.h"

#include <cstdlib>
#include <cstring>

using namespace orca;

llvm::Expected<std::unique_ptr<TableInstance>>
TableInstance::create(const TableType &T, void *Def, void *Init, bool Lazy) {
  std::unique_ptr<TableInstance> Tab(new TableInstance());
  Tab->Type = T;
  Tab->MaxSize =
      std::min<uint64_t>(T.Lim.Max.value_or(UINT32_MAX), MaxElements);
  if (T.Lim.Min > Tab->MaxSize)
    return makeError(ErrorKind::Resource, "table size exceeds limits");
  Tab->Size = uint32_t(T.Lim.Min);
  // calloc: zero slots are "lazy" for funcref and null for externref; one
  // element at least so that the base is never null.
  Tab->Slots = static_cast<uintptr_t *>(
      std::calloc(std::max<uint32_t>(Tab->Size, 1), sizeof(uintptr_t)));
  if (!Tab->Slots)
    return makeError(ErrorKind::Resource, "failed to allocate a table");
  if (Init || (T.Elem == ValType::FuncRef && !Lazy))
    for (uint32_t I = 0; I < Tab->Size; ++I)
      Tab->Slots[I] = Tab->encode(Init);
  Tab->Def = Def ? Def : Tab->OwnDef.get();
  Tab->syncDefinition();
  return Tab;
}

TableInstance::~TableInstance() { std::free(Slots); }

void TableInstance::syncDefinition() {
  const VMOffsets &L = hostLayout();
  storeAt<void *>(Def, L.tableDefinitionBase(), Slots);
  // current_elements is a u32 in a pointer-sized field; clear the padding.
  storeAt<uintptr_t>(Def, L.tableDefinitionCurrentElements(), 0);
  storeAt<uint32_t>(Def, L.tableDefinitionCurrentElements(), Size);
}

TableType TableInstance::currentType() const {
  TableType T = Type;
  T.Lim.Min = Size;
  return T;
}

uintptr_t TableInstance::lazyValue(uint32_t I) const {
  if (!LazyOwner || I >= LazyFuncs.size() || LazyFuncs[I] == NoFunc)
    return FuncRefInitBit;
  return reinterpret_cast<uintptr_t>(LazyOwner->anyfunc(LazyFuncs[I])) |
         FuncRefInitBit;
}

void TableInstance::initRange(uint32_t From, uint32_t Len) {
  if (Type.Elem != ValType::FuncRef)
    return;
  for (uint32_t I = From, E = From + Len; I < E; ++I)
    if (Slots[I] == 0)
      Slots[I] = lazyValue(I);
}

bool TableInstance::get(uint32_t I, void *&Out) {
  if (I >= Size)
    return false;
  initRange(I, 1);
  uintptr_t S = Slots[I];
  if (Type.Elem == ValType::FuncRef)
    S &= ~FuncRefInitBit;
  Out = reinterpret_cast<void *>(S);
  return true;
}

bool TableInstance::set(uint32_t I, void *Ref) {
  if (I >= Size)
    return false;
  Slots[I] = encode(Ref);
  return true;
}

int64_t TableInstance::grow(uint64_t Delta, void *Init) {
  uint32_t Old = Size;
  if (Delta > MaxSize - Old)
    return -1;
  if (Delta == 0)
    return Old;
  uint64_t New = Old + Delta;
  void *P = std::realloc(Slots, New * sizeof(uintptr_t));
  if (!P)
    return -1;
  Slots = static_cast<uintptr_t *>(P);
  uintptr_t Enc = encode(Init);
  for (uint64_t I = Old; I < New; ++I)
    Slots[I] = Enc;
  Size = uint32_t(New);
  syncDefinition();
  return Old;
}

bool TableInstance::fill(uint32_t Dst, void *Ref, uint32_t Len) {
  if (!inBounds(Dst, Len))
    return false;
  uintptr_t Enc = encode(Ref);
  for (uint32_t I = 0; I < Len; ++I)
    Slots[Dst + I] = Enc;
  return true;
}

bool TableInstance::copy(TableInstance &Dst, TableInstance &Src,
                         uint32_t DstIdx, uint32_t SrcIdx, uint32_t Len) {
  if (!Src.inBounds(SrcIdx, Len) || !Dst.inBounds(DstIdx, Len))
    return false;
  // Materialise the source first: a lazy 0 means "this table's initial
  // value", which is not the destination's.
  Src.initRange(SrcIdx, Len);
  std::memmove(Dst.Slots + DstIdx, Src.Slots + SrcIdx,
               size_t(Len) * sizeof(uintptr_t));
  return true;
}
