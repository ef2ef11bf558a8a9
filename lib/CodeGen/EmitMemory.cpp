//===- CodeGen/EmitMemory.cpp - Linear memory accesses to LLVM IR ---------===//
//
// Loads, stores (scalar and SIMD), memory.size/grow and the bulk memory
// instructions. A memory's {base, current_length} record is reached through
// a pointer in the vmctx. Both that pointer and the base are invariant (a
// memory never moves, Runtime/Memory.h), so LLVM loads them once per
// function; current_length changes with memory.grow (a call), and the TBAA
// tags of VMContextAccess let LLVM reuse its loads across heap stores.
// Wasm addresses are u32; the effective address (address + offset) is
// computed in i64 so it cannot wrap.
//
// Bounds: with CodeGenOptions::ExplicitBoundsChecks every access compares
// its end with current_length. In guard mode the address is just
// base + zext(index) + offset: the runtime reserves HeapReservedBytes from
// the base (Runtime/Memory.h), inaccessible beyond the current size, so an
// out-of-bounds access faults and the signal handler turns the fault into
// the trap. Memarg offsets are u32, so index + offset + size can reach
// 8 GiB; an access that could pass the end of the reservation (offset +
// size > HeapReservedBytes - (2^32 - 1), i.e. offset > ~2 GiB with the
// default sizes) keeps its explicit check, as do 64-bit memories. Every
// guard-page access is marked so that LLVM keeps it whole and in order
// (CodeGen/AccessMarkers.h, Transforms/GuardedAccesses.h).
//
//===----------------------------------------------------------------------===//

#include "CodeGen/AccessMarkers.h"
#include "CodeGen/FunctionTranslator.h"

using namespace llvm;

namespace orca {

Value *FunctionTranslator::memoryDefinition(uint32_t Mem) {
  const VMOffsets &O = Env.Offsets;
  uint64_t Off = Mem < M.NumImportedMemories
                     ? O.importedMemoryFrom(Mem)
                     : O.definedMemoryPointer(Mem - M.NumImportedMemories);
  // Set at instantiation, never changed: one load per function.
  return VM->loadInvariantPtr(VM->vmctx(), Off, O.sizeOfMemoryDefinition());
}

/// Whether an access of \p Size bytes at offset \p Offset of a memory needs
/// an explicit bounds check (see the file comment).
static bool needsExplicitCheck(const CodeGenOptions &Opts, bool Is64,
                               uint64_t Offset, unsigned Size) {
  if (Opts.ExplicitBoundsChecks || Is64)
    return true;
  const uint64_t MaxIndex = UINT32_MAX;
  uint64_t Reserved = Opts.HeapReservedBytes;
  return Reserved < MaxIndex || Offset + Size > Reserved - MaxIndex;
}

Value *FunctionTranslator::heapAddress(uint32_t Mem, Value *Addr,
                                       uint64_t Offset, unsigned Size) {
  const VMOffsets &O = Env.Offsets;
  Value *Def = memoryDefinition(Mem);
  Value *EA = B.CreateZExt(Addr, B.getInt64Ty());
  if (Offset)
    EA = B.CreateAdd(EA, B.getInt64(Offset), "ea", /*HasNUW=*/true);
  if (needsExplicitCheck(Env.Opts, M.Memories[Mem].Type.Lim.Is64, Offset,
                         Size)) {
    Value *Len = VM->loadUIntPtr(Def, O.memoryDefinitionCurrentLength());
    Value *End = B.CreateAdd(EA, B.getInt64(Size), "", /*HasNUW=*/true);
    trapIf(B.CreateICmpUGT(End, Len), TrapCode::MemoryOutOfBounds);
  }
  // The base never moves (Runtime/Memory.h). It is not dereferenceable
  // for LLVM: a speculated load could fault where wasm would not.
  Value *Base = VM->loadInvariantPtr(Def, O.memoryDefinitionBase());
  return B.CreateGEP(B.getInt8Ty(), Base, EA);
}

Value *FunctionTranslator::heapLoad(Type *T, Value *Ptr) {
  LoadInst *L = B.CreateAlignedLoad(T, Ptr, Align(1));
  VM->tagHeap(L);
  // Guard mode: the load itself is the bounds check.
  if (!Env.Opts.ExplicitBoundsChecks)
    markGuardedLoad(B, *L);
  return L;
}

void FunctionTranslator::heapStore(Value *V, Value *Ptr) {
  StoreInst *S = B.CreateAlignedStore(V, Ptr, Align(1));
  VM->tagHeap(S);
  if (!Env.Opts.ExplicitBoundsChecks)
    markGuardedStore(B, *S);
}

namespace {
enum class Ext { None, Sign, Zero };
struct ScalarAccess {
  bool Store;
  unsigned Bits; // bits in memory
  ValType Value; // the wasm value type
  Ext Extend;
};
} // namespace

static std::optional<ScalarAccess> scalarAccess(Opcode Op) {
  switch (Op) {
  case Opcode::I32Load:
    return ScalarAccess{false, 32, ValType::I32, Ext::None};
  case Opcode::I64Load:
    return ScalarAccess{false, 64, ValType::I64, Ext::None};
  case Opcode::F32Load:
    return ScalarAccess{false, 32, ValType::F32, Ext::None};
  case Opcode::F64Load:
    return ScalarAccess{false, 64, ValType::F64, Ext::None};
  case Opcode::V128Load:
    return ScalarAccess{false, 128, ValType::V128, Ext::None};
  case Opcode::I32Load8S:
    return ScalarAccess{false, 8, ValType::I32, Ext::Sign};
  case Opcode::I32Load8U:
    return ScalarAccess{false, 8, ValType::I32, Ext::Zero};
  case Opcode::I32Load16S:
    return ScalarAccess{false, 16, ValType::I32, Ext::Sign};
  case Opcode::I32Load16U:
    return ScalarAccess{false, 16, ValType::I32, Ext::Zero};
  case Opcode::I64Load8S:
    return ScalarAccess{false, 8, ValType::I64, Ext::Sign};
  case Opcode::I64Load8U:
    return ScalarAccess{false, 8, ValType::I64, Ext::Zero};
  case Opcode::I64Load16S:
    return ScalarAccess{false, 16, ValType::I64, Ext::Sign};
  case Opcode::I64Load16U:
    return ScalarAccess{false, 16, ValType::I64, Ext::Zero};
  case Opcode::I64Load32S:
    return ScalarAccess{false, 32, ValType::I64, Ext::Sign};
  case Opcode::I64Load32U:
    return ScalarAccess{false, 32, ValType::I64, Ext::Zero};
  case Opcode::I32Store:
    return ScalarAccess{true, 32, ValType::I32, Ext::None};
  case Opcode::I64Store:
    return ScalarAccess{true, 64, ValType::I64, Ext::None};
  case Opcode::F32Store:
    return ScalarAccess{true, 32, ValType::F32, Ext::None};
  case Opcode::F64Store:
    return ScalarAccess{true, 64, ValType::F64, Ext::None};
  case Opcode::V128Store:
    return ScalarAccess{true, 128, ValType::V128, Ext::None};
  case Opcode::I32Store8:
    return ScalarAccess{true, 8, ValType::I32, Ext::Zero};
  case Opcode::I32Store16:
    return ScalarAccess{true, 16, ValType::I32, Ext::Zero};
  case Opcode::I64Store8:
    return ScalarAccess{true, 8, ValType::I64, Ext::Zero};
  case Opcode::I64Store16:
    return ScalarAccess{true, 16, ValType::I64, Ext::Zero};
  case Opcode::I64Store32:
    return ScalarAccess{true, 32, ValType::I64, Ext::Zero};
  default:
    return std::nullopt;
  }
}

bool FunctionTranslator::emitLoadStore(const Instr &I) {
  std::optional<ScalarAccess> A = scalarAccess(I.Op);
  if (!A)
    return false;
  Type *ValTy = lower(A->Value);
  Type *MemTy = A->Extend == Ext::None ? ValTy : B.getIntNTy(A->Bits);
  if (A->Store) {
    Value *V = pop();
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, A->Bits / 8);
    heapStore(A->Extend == Ext::None ? V : B.CreateTrunc(V, MemTy), Ptr);
    return true;
  }
  Value *Ptr = heapAddress(I.B, pop(), I.Imm, A->Bits / 8);
  Value *V = heapLoad(MemTy, Ptr);
  if (A->Extend == Ext::Sign)
    V = B.CreateSExt(V, ValTy);
  else if (A->Extend == Ext::Zero)
    V = B.CreateZExt(V, ValTy);
  push(V);
  return true;
}

bool FunctionTranslator::emitSIMDMemory(const Instr &I) {
  Type *V128 = lower(ValType::V128);
  auto Vec = [&](unsigned Bits, unsigned N) {
    return FixedVectorType::get(B.getIntNTy(Bits), N);
  };
  // Extending loads: 8 bytes of N lanes widened to twice their width.
  auto Extend = [&](unsigned Bits, bool Signed) {
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, 8);
    Value *Narrow = heapLoad(Vec(Bits, 64 / Bits), Ptr);
    Type *Wide = Vec(2 * Bits, 64 / Bits);
    Value *W = Signed ? B.CreateSExt(Narrow, Wide) : B.CreateZExt(Narrow, Wide);
    push(B.CreateBitCast(W, V128));
  };
  auto Splat = [&](unsigned Bits) {
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, Bits / 8);
    Value *S = heapLoad(B.getIntNTy(Bits), Ptr);
    push(B.CreateBitCast(B.CreateVectorSplat(128 / Bits, S), V128));
  };
  auto Zero = [&](unsigned Bits) {
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, Bits / 8);
    Value *S = heapLoad(B.getIntNTy(Bits), Ptr);
    Value *V = B.CreateInsertElement(
        Constant::getNullValue(Vec(Bits, 128 / Bits)), S, uint64_t(0));
    push(B.CreateBitCast(V, V128));
  };
  auto LoadLane = [&](unsigned Bits) {
    Value *V = B.CreateBitCast(pop(), Vec(Bits, 128 / Bits));
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, Bits / 8);
    Value *S = heapLoad(B.getIntNTy(Bits), Ptr);
    push(B.CreateBitCast(B.CreateInsertElement(V, S, uint64_t(I.Lane)), V128));
  };
  auto StoreLane = [&](unsigned Bits) {
    Value *V = B.CreateBitCast(pop(), Vec(Bits, 128 / Bits));
    Value *Ptr = heapAddress(I.B, pop(), I.Imm, Bits / 8);
    heapStore(B.CreateExtractElement(V, uint64_t(I.Lane)), Ptr);
  };

  switch (I.Op) {
  case Opcode::V128Load8x8S:
    Extend(8, true);
    return true;
  case Opcode::V128Load8x8U:
    Extend(8, false);
    return true;
  case Opcode::V128Load16x4S:
    Extend(16, true);
    return true;
  case Opcode::V128Load16x4U:
    Extend(16, false);
    return true;
  case Opcode::V128Load32x2S:
    Extend(32, true);
    return true;
  case Opcode::V128Load32x2U:
    Extend(32, false);
    return true;
  case Opcode::V128Load8Splat:
    Splat(8);
    return true;
  case Opcode::V128Load16Splat:
    Splat(16);
    return true;
  case Opcode::V128Load32Splat:
    Splat(32);
    return true;
  case Opcode::V128Load64Splat:
    Splat(64);
    return true;
  case Opcode::V128Load32Zero:
    Zero(32);
    return true;
  case Opcode::V128Load64Zero:
    Zero(64);
    return true;
  case Opcode::V128Load8Lane:
    LoadLane(8);
    return true;
  case Opcode::V128Load16Lane:
    LoadLane(16);
    return true;
  case Opcode::V128Load32Lane:
    LoadLane(32);
    return true;
  case Opcode::V128Load64Lane:
    LoadLane(64);
    return true;
  case Opcode::V128Store8Lane:
    StoreLane(8);
    return true;
  case Opcode::V128Store16Lane:
    StoreLane(16);
    return true;
  case Opcode::V128Store32Lane:
    StoreLane(32);
    return true;
  case Opcode::V128Store64Lane:
    StoreLane(64);
    return true;
  default:
    return false;
  }
}

void FunctionTranslator::emitMemorySize(uint32_t Mem) {
  Value *Len = VM->loadUIntPtr(memoryDefinition(Mem),
                               Env.Offsets.memoryDefinitionCurrentLength());
  push(B.CreateTrunc(B.CreateLShr(Len, 16), B.getInt32Ty()));
}

void FunctionTranslator::emitMemoryGrow(uint32_t Mem) {
  Value *Delta = B.CreateZExt(pop(), B.getInt64Ty());
  Value *Old = VM->callBuiltin(Builtin::MemoryGrow, {B.getInt32(Mem), Delta});
  // -1 (failure) truncates to the i32 -1 wasm expects.
  push(B.CreateTrunc(Old, B.getInt32Ty()));
}

Value *FunctionTranslator::bulkAddress(uint32_t Mem, Value *Addr, Value *Len) {
  const VMOffsets &O = Env.Offsets;
  Value *Def = memoryDefinition(Mem);
  Value *End = B.CreateAdd(Addr, Len, "", /*HasNUW=*/true);
  Value *Size = VM->loadUIntPtr(Def, O.memoryDefinitionCurrentLength());
  trapIf(B.CreateICmpUGT(End, Size), TrapCode::MemoryOutOfBounds);
  Value *Base = VM->loadInvariantPtr(Def, O.memoryDefinitionBase());
  return B.CreateGEP(B.getInt8Ty(), Base, Addr);
}

// memory.copy and memory.fill check both ranges before writing anything
// (a partial copy is not allowed), then become llvm.memmove/memset: inline
// code for small constant lengths, the C library's otherwise.
void FunctionTranslator::emitMemoryCopy(uint32_t Dst, uint32_t Src) {
  Value *Len = B.CreateZExt(pop(), B.getInt64Ty());
  Value *S = B.CreateZExt(pop(), B.getInt64Ty());
  Value *D = B.CreateZExt(pop(), B.getInt64Ty());
  Value *DstPtr = bulkAddress(Dst, D, Len);
  Value *SrcPtr = bulkAddress(Src, S, Len);
  CallInst *C = B.CreateMemMove(DstPtr, Align(1), SrcPtr, Align(1), Len);
  VM->tagHeap(C);
}

void FunctionTranslator::emitMemoryFill(uint32_t Mem) {
  Value *Len = B.CreateZExt(pop(), B.getInt64Ty());
  Value *Val = B.CreateTrunc(pop(), B.getInt8Ty());
  Value *D = B.CreateZExt(pop(), B.getInt64Ty());
  CallInst *C =
      B.CreateMemSet(bulkAddress(Mem, D, Len), Val, Len, MaybeAlign(1));
  VM->tagHeap(C);
}

void FunctionTranslator::emitMemoryInit(uint32_t Data, uint32_t Mem) {
  Value *Len = pop();
  Value *S = pop();
  Value *D = B.CreateZExt(pop(), B.getInt64Ty());
  VM->callBuiltin(Builtin::MemoryInit,
                  {B.getInt32(Mem), B.getInt32(Data), D, S, Len});
}

void FunctionTranslator::emitDataDrop(uint32_t Data) {
  VM->callBuiltin(Builtin::DataDrop, {B.getInt32(Data)});
}

} // namespace orca
