//===- CodeGen/VMContextAccess.cpp - Reach instance state from JIT code ---===//
//
// Implements vmctx field access and builtin calls.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/VMContextAccess.h"

#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace orca {

namespace {
struct BuiltinDesc {
  const char *Name;
  const char *Ret;
  const char *Params;
};
constexpr BuiltinDesc Builtins[] = {
#define ORCA_BUILTIN(Name, Ret, Params) {#Name, Ret, Params},
#include "Environ/Builtins.def"
};

Type *letterType(LLVMContext &Ctx, char C) {
  switch (C) {
  case 'v':
    return Type::getVoidTy(Ctx);
  case 'p':
    return PointerType::getUnqual(Ctx);
  case 'i':
    return Type::getInt32Ty(Ctx);
  case 'I':
    return Type::getInt64Ty(Ctx);
  }
  llvm_unreachable("bad builtin type letter");
}
} // namespace

VMContextAccess::VMContextAccess(IRBuilder<> &B, const VMOffsets &Offsets,
                                 Value *VMCtx)
    : B(B), Offsets(Offsets), VMCtx(VMCtx) {
  MDBuilder MDB(B.getContext());
  MDNode *Root = MDB.createTBAARoot("orca");
  MDNode *VMType = MDB.createTBAAScalarTypeNode("orca-vmctx", Root);
  MDNode *HeapType = MDB.createTBAAScalarTypeNode("orca-heap", Root);
  VMTag = MDB.createTBAAStructTagNode(VMType, VMType, 0);
  HeapTag = MDB.createTBAAStructTagNode(HeapType, HeapType, 0);
}

Value *VMContextAccess::addr(Value *Base, uint64_t Offset) {
  if (Offset == 0)
    return Base;
  return B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Base, Offset);
}

// Runtime records are at least pointer-aligned, but the runtime may keep a
// host global's v128 in storage aligned to less than 16.
static Align stateAlign(IRBuilder<> &B, Type *T) {
  const DataLayout &DL = B.GetInsertBlock()->getModule()->getDataLayout();
  return std::min(DL.getABITypeAlign(T), Align(8));
}

LoadInst *VMContextAccess::load(Type *T, Value *Base, uint64_t Offset) {
  LoadInst *L = B.CreateAlignedLoad(T, addr(Base, Offset), stateAlign(B, T));
  L->setMetadata(LLVMContext::MD_tbaa, VMTag);
  return L;
}

StoreInst *VMContextAccess::store(Value *V, Value *Base, uint64_t Offset) {
  StoreInst *S =
      B.CreateAlignedStore(V, addr(Base, Offset), stateAlign(B, V->getType()));
  S->setMetadata(LLVMContext::MD_tbaa, VMTag);
  return S;
}

Value *VMContextAccess::loadPtr(Value *Base, uint64_t Offset) {
  return load(B.getPtrTy(), Base, Offset);
}

Value *VMContextAccess::loadInvariantPtr(Value *Base, uint64_t Offset,
                                         uint64_t DerefBytes) {
  LoadInst *L = load(B.getPtrTy(), Base, Offset);
  LLVMContext &Ctx = B.getContext();
  L->setMetadata(LLVMContext::MD_invariant_load, MDNode::get(Ctx, {}));
  L->setMetadata(LLVMContext::MD_nonnull, MDNode::get(Ctx, {}));
  if (DerefBytes) {
    Metadata *N = ConstantAsMetadata::get(B.getInt64(DerefBytes));
    L->setMetadata(LLVMContext::MD_dereferenceable, MDNode::get(Ctx, N));
  }
  return L;
}

Value *VMContextAccess::loadU32(Value *Base, uint64_t Offset) {
  return load(B.getInt32Ty(), Base, Offset);
}

Value *VMContextAccess::loadUIntPtr(Value *Base, uint64_t Offset) {
  Value *V = load(B.getIntNTy(Offsets.pointerSize() * 8), Base, Offset);
  return B.CreateZExtOrTrunc(V, B.getInt64Ty());
}

void VMContextAccess::tagHeap(Instruction *I) {
  I->setMetadata(LLVMContext::MD_tbaa, HeapTag);
}

FunctionType *VMContextAccess::builtinType(LLVMContext &Ctx, Builtin K) {
  const BuiltinDesc &D = Builtins[unsigned(K)];
  SmallVector<Type *, 8> Params;
  for (const char *P = D.Params; *P; ++P)
    Params.push_back(letterType(Ctx, *P));
  return FunctionType::get(letterType(Ctx, D.Ret[0]), Params, false);
}

CallInst *VMContextAccess::callBuiltin(Builtin K, ArrayRef<Value *> Args) {
  Value *Array = loadInvariantPtr(VMCtx, Offsets.builtinFunctions());
  // The array is filled once at instantiation and never changes.
  Value *Fn = loadInvariantPtr(Array, uint64_t(K) * Offsets.pointerSize());
  SmallVector<Value *, 8> All{VMCtx};
  All.append(Args.begin(), Args.end());
  FunctionType *FTy = builtinType(B.getContext(), K);
  assert(FTy->getNumParams() == All.size() && "builtin arity mismatch");
  return B.CreateCall(FTy, Fn, All);
}

} // namespace orca
