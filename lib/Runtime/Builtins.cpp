//===- Runtime/Builtins.cpp - The C functions behind Builtins.def ---------===//
//
// Each builtin receives the calling instance's vmctx and works on that
// instance's index spaces. Bulk operations check every bound before
// writing anything, as the spec requires. A builtin that traps calls
// raiseTrap() only from its own frame with no C++ object alive, so the
// unwind skips no destructor (TrapHandling.h).
//
//===----------------------------------------------------------------------===//

#include "Runtime/Builtins.h"
#include "Runtime/Instance.h"
#include "Runtime/TrapHandling.h"

#include <cstring>

using namespace orca;

static InstanceData &inst(void *VMCtx) {
  return *InstanceData::fromVMCtx(VMCtx);
}

static void builtinRaiseTrap(void *VMCtx, uint32_t Code) {
  if (Code >= uint32_t(TrapCode::NumTrapCodes))
    Code = uint32_t(TrapCode::Unreachable);
  raiseTrap(TrapCode(Code));
}

// memory.grow and table.grow obey the store's growth limits as well as the
// declared maximum: beyond either they fail with -1, as wasm code expects.
static uint64_t builtinMemoryGrow(void *VMCtx, uint32_t Mem, uint64_t Delta) {
  InstanceData &I = inst(VMCtx);
  MemoryInstance *M = I.Memories[Mem];
  if (!I.store().memoryMayGrow(M->pages(), Delta))
    return ~uint64_t(0);
  return uint64_t(M->grow(Delta));
}

static void builtinMemoryInit(void *VMCtx, uint32_t Mem, uint32_t Data,
                              uint64_t Dst, uint32_t Src, uint32_t Len) {
  InstanceData &I = inst(VMCtx);
  const DataSegment &Seg = I.mod().Datas[Data];
  uint64_t SegSize = I.DroppedDatas[Data] ? 0 : Seg.DataSize;
  MemoryInstance *M = I.Memories[Mem];
  if (uint64_t(Src) + Len > SegSize || !M->inBounds(Dst, Len))
    raiseTrap(TrapCode::MemoryOutOfBounds);
  std::memcpy(M->base() + Dst, I.mod().Bytes.data() + Seg.DataStart + Src, Len);
}

static void builtinDataDrop(void *VMCtx, uint32_t Data) {
  inst(VMCtx).DroppedDatas[Data] = true;
}

static void *builtinTableGet(void *VMCtx, uint32_t Table, uint32_t Index) {
  void *Ref;
  if (!inst(VMCtx).Tables[Table]->get(Index, Ref))
    raiseTrap(TrapCode::TableOutOfBounds);
  return Ref;
}

static void builtinTableSet(void *VMCtx, uint32_t Table, uint32_t Index,
                            void *Ref) {
  if (!inst(VMCtx).Tables[Table]->set(Index, Ref))
    raiseTrap(TrapCode::TableOutOfBounds);
}

static uint32_t builtinTableGrow(void *VMCtx, uint32_t Table, uint32_t Delta,
                                 void *Init) {
  InstanceData &I = inst(VMCtx);
  TableInstance *T = I.Tables[Table];
  if (!I.store().tableMayGrow(T->size(), Delta))
    return ~uint32_t(0);
  return uint32_t(T->grow(Delta, Init));
}

static void builtinTableFill(void *VMCtx, uint32_t Table, uint32_t Dst,
                             void *Ref, uint32_t Len) {
  if (!inst(VMCtx).Tables[Table]->fill(Dst, Ref, Len))
    raiseTrap(TrapCode::TableOutOfBounds);
}

static void builtinTableCopy(void *VMCtx, uint32_t DstTable, uint32_t SrcTable,
                             uint32_t Dst, uint32_t Src, uint32_t Len) {
  InstanceData &I = inst(VMCtx);
  if (!TableInstance::copy(*I.Tables[DstTable], *I.Tables[SrcTable], Dst, Src,
                           Len))
    raiseTrap(TrapCode::TableOutOfBounds);
}

static void builtinTableInit(void *VMCtx, uint32_t Table, uint32_t Elem,
                             uint32_t Dst, uint32_t Src, uint32_t Len) {
  InstanceData &I = inst(VMCtx);
  const ElemSegment &Seg = I.mod().Elems[Elem];
  uint64_t SegSize = I.DroppedElems[Elem] ? 0 : Seg.Items.size();
  TableInstance *T = I.Tables[Table];
  if (uint64_t(Src) + Len > SegSize || !T->inBounds(Dst, Len))
    raiseTrap(TrapCode::TableOutOfBounds);
  for (uint32_t K = 0; K < Len; ++K)
    T->set(Dst + K, I.evalConst(Seg.Items[Src + K]).asRef());
}

static void builtinElemDrop(void *VMCtx, uint32_t Elem) {
  inst(VMCtx).DroppedElems[Elem] = true;
}

static void *builtinRefFunc(void *VMCtx, uint32_t Func) {
  return inst(VMCtx).anyfunc(Func);
}

static void builtinEpochDeadline(void *VMCtx) {
  // The callback's scope has ended when this raises.
  if (!inst(VMCtx).store().onEpochDeadline())
    raiseTrap(TrapCode::Interrupt);
}

void orca::fillBuiltinArray(void **Out) {
  auto Set = [&](BuiltinIndex I, auto *Fn) {
    Out[unsigned(I)] = reinterpret_cast<void *>(Fn);
  };
  Set(BuiltinIndex::RaiseTrap, &builtinRaiseTrap);
  Set(BuiltinIndex::MemoryGrow, &builtinMemoryGrow);
  Set(BuiltinIndex::MemoryInit, &builtinMemoryInit);
  Set(BuiltinIndex::DataDrop, &builtinDataDrop);
  // Both table.get entries initialise lazy slots; the lazy variant exists
  // so that JIT code can take a fast path for initialised slots itself.
  Set(BuiltinIndex::TableGetLazyInit, &builtinTableGet);
  Set(BuiltinIndex::TableGet, &builtinTableGet);
  Set(BuiltinIndex::TableSet, &builtinTableSet);
  Set(BuiltinIndex::TableGrow, &builtinTableGrow);
  Set(BuiltinIndex::TableFill, &builtinTableFill);
  Set(BuiltinIndex::TableCopy, &builtinTableCopy);
  Set(BuiltinIndex::TableInit, &builtinTableInit);
  Set(BuiltinIndex::ElemDrop, &builtinElemDrop);
  Set(BuiltinIndex::RefFunc, &builtinRefFunc);
  Set(BuiltinIndex::EpochDeadline, &builtinEpochDeadline);
  static_assert(NumBuiltins == 14, "a builtin of Builtins.def has no body");
}
