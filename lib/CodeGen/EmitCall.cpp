//===- CodeGen/EmitCall.cpp - Direct, imported and indirect calls ---------===//
//
// Every call passes (callee vmctx, caller vmctx, args...). A defined callee
// is called directly with our own vmctx; an import through the body and
// vmctx its import record holds; call_indirect through an anyfunc, after
// the bounds, null and signature checks wasm requires.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"
#include "CodeGen/WasmTypes.h"

#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"

using namespace llvm;

namespace orca {

void FunctionTranslator::emitCallWith(const FuncType &T, FunctionCallee Callee,
                                      Value *CalleeVMCtx) {
  SmallVector<Value *, 8> Args{CalleeVMCtx, VM->vmctx()};
  SmallVector<Value *, 8> Params = popN(T.Params.size());
  Args.append(Params.begin(), Params.end());
  CallInst *Call = B.CreateCall(Callee, Args);
  if (T.Results.empty())
    return;
  SmallVector<Value *, 8> Results;
  unpackResults(B, Call, T.Results.size(), Results);
  for (Value *V : Results)
    push(V);
}

void FunctionTranslator::emitCall(uint32_t Func) {
  const FuncType &T = M.funcType(Func);
  if (Func >= M.NumImportedFuncs) {
    emitCallWith(T, Env.Funcs[Func - M.NumImportedFuncs], VM->vmctx());
    return;
  }
  const VMOffsets &O = Env.Offsets;
  Value *Body = VM->loadInvariantPtr(VM->vmctx(), O.importedFunctionBody(Func));
  Value *CalleeVMCtx =
      VM->loadInvariantPtr(VM->vmctx(), O.importedFunctionVMCtx(Func));
  emitCallWith(T, FunctionCallee(lowerFuncType(Ctx, T), Body), CalleeVMCtx);
}

void FunctionTranslator::emitCallIndirect(uint32_t TypeIndex, uint32_t Table) {
  const VMOffsets &O = Env.Offsets;
  Value *Index = pop();
  Value *Def = tableDefinition(Table);
  trapIf(B.CreateICmpUGE(Index, tableSize(Def)), TrapCode::UndefinedElement);

  // Slot encoding (VMOffsets.h): 0 = not yet initialised, otherwise the
  // anyfunc pointer tagged with FuncRefInitBit.
  Value *Base = VM->loadPtr(Def, O.tableDefinitionBase());
  Value *SlotAddr =
      B.CreateGEP(B.getPtrTy(), Base, B.CreateZExt(Index, B.getInt64Ty()));
  Value *Slot = VM->load(B.getPtrTy(), SlotAddr, 0);
  Type *IntPtrTy = B.getIntNTy(O.pointerSize() * 8);
  Value *Masked = B.CreateIntrinsic(
      Intrinsic::ptrmask, {B.getPtrTy(), IntPtrTy},
      {Slot, ConstantInt::get(IntPtrTy, ~uint64_t(FuncRefInitBit))});
  BasicBlock *Fast = B.GetInsertBlock();
  BasicBlock *Lazy = newBlock("lazy_init");
  BasicBlock *Join = newBlock("anyfunc");
  B.CreateCondBr(B.CreateICmpEQ(Slot, ConstantPointerNull::get(B.getPtrTy())),
                 Lazy, Join, MDBuilder(Ctx).createBranchWeights(1, 1u << 10));
  B.SetInsertPoint(Lazy);
  Value *Init =
      VM->callBuiltin(Builtin::TableGetLazyInit, {B.getInt32(Table), Index});
  B.CreateBr(Join);
  B.SetInsertPoint(Join);
  PHINode *Anyfunc = B.CreatePHI(B.getPtrTy(), 2);
  Anyfunc->addIncoming(Masked, Fast);
  Anyfunc->addIncoming(Init, Lazy);

  trapIf(B.CreateICmpEQ(Anyfunc, ConstantPointerNull::get(B.getPtrTy())),
         TrapCode::IndirectCallToNull);
  Value *Actual = VM->loadU32(Anyfunc, O.anyfuncTypeIndex());
  Value *SigIds = VM->loadInvariantPtr(VM->vmctx(), O.signatureIds());
  Value *Expected = VM->loadU32(SigIds, uint64_t(TypeIndex) * 4);
  trapIf(B.CreateICmpNE(Actual, Expected), TrapCode::BadSignature);

  Value *Fn = VM->loadPtr(Anyfunc, O.anyfuncFuncPtr());
  Value *CalleeVMCtx = VM->loadPtr(Anyfunc, O.anyfuncVMCtx());
  const FuncType &T = M.Types[TypeIndex];
  emitCallWith(T, FunctionCallee(lowerFuncType(Ctx, T), Fn), CalleeVMCtx);
}

} // namespace orca
