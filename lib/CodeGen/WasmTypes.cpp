//===- CodeGen/WasmTypes.cpp - Wasm types as LLVM types -------------------===//
//
// Implements the type mapping of the wasm calling convention.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/WasmTypes.h"

#include "llvm/IR/Function.h"

using namespace llvm;

namespace orca {

Type *lowerValType(LLVMContext &Ctx, ValType T) {
  switch (T) {
  case ValType::I32:
    return Type::getInt32Ty(Ctx);
  case ValType::I64:
    return Type::getInt64Ty(Ctx);
  case ValType::F32:
    return Type::getFloatTy(Ctx);
  case ValType::F64:
    return Type::getDoubleTy(Ctx);
  case ValType::V128:
    return FixedVectorType::get(Type::getInt64Ty(Ctx), 2);
  case ValType::FuncRef:
  case ValType::ExternRef:
    return PointerType::getUnqual(Ctx);
  }
  llvm_unreachable("bad value type");
}

Type *lowerResults(LLVMContext &Ctx, ArrayRef<ValType> Results) {
  if (Results.empty())
    return Type::getVoidTy(Ctx);
  if (Results.size() == 1)
    return lowerValType(Ctx, Results[0]);
  SmallVector<Type *, 8> Elts;
  for (ValType T : Results)
    Elts.push_back(lowerValType(Ctx, T));
  return StructType::get(Ctx, Elts);
}

FunctionType *lowerFuncType(LLVMContext &Ctx, const FuncType &T) {
  SmallVector<Type *, 8> Params(2, PointerType::getUnqual(Ctx));
  for (ValType P : T.Params)
    Params.push_back(lowerValType(Ctx, P));
  return FunctionType::get(lowerResults(Ctx, T.Results), Params, false);
}

Value *packResults(IRBuilder<> &B, Type *RetTy, ArrayRef<Value *> Values) {
  if (Values.empty())
    return nullptr;
  if (Values.size() == 1)
    return Values[0];
  Value *Agg = PoisonValue::get(RetTy);
  for (unsigned I = 0; I < Values.size(); ++I)
    Agg = B.CreateInsertValue(Agg, Values[I], I);
  return Agg;
}

void unpackResults(IRBuilder<> &B, Value *Ret, size_t NumResults,
                   SmallVectorImpl<Value *> &Out) {
  if (NumResults == 1) {
    Out.push_back(Ret);
    return;
  }
  for (unsigned I = 0; I < NumResults; ++I)
    Out.push_back(B.CreateExtractValue(Ret, I));
}

void addWasmFunctionAttrs(llvm::Function &F) {
  // Backtraces walk frame pointers, so every frame must keep one.
  F.addFnAttr("frame-pointer", "all");
  // Wasm has no tail calls: unbounded recursion must exhaust the stack (and
  // trap) rather than become a loop, and every call must leave a frame.
  F.addFnAttr("disable-tail-calls", "true");
  F.addFnAttr(Attribute::NoUnwind);
}

} // namespace orca
