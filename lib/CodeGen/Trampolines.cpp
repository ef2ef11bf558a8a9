//===- CodeGen/Trampolines.cpp - Host<->wasm call adapters ----------------===//
//
// Both trampolines move values between the wasm calling convention and
// arrays of 16-byte ValRaw slots: i32/f32 in the low 4 bytes, i64/f64/ref
// in the low 8, v128 in all 16 (little-endian hosts only).
//
//===----------------------------------------------------------------------===//

#include "CodeGen/Trampolines.h"
#include "CodeGen/ModuleTranslator.h"
#include "CodeGen/WasmTypes.h"

#include "llvm/IR/IRBuilder.h"

#include <algorithm>

using namespace llvm;

namespace orca {

// ValRaw arrays come from the host, which promises no more than 8-byte
// alignment.
static const Align SlotAlign(8);

static Value *slot(IRBuilder<> &B, Value *Values, unsigned I) {
  return B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Values,
                                      uint64_t(I) * VMOffsets::SizeOfValRaw);
}

static void emitHostToWasm(llvm::Module &LM, const FuncType &T,
                           uint32_t Index) {
  LLVMContext &Ctx = LM.getContext();
  Type *Ptr = PointerType::getUnqual(Ctx);
  auto *FTy =
      FunctionType::get(Type::getVoidTy(Ctx), {Ptr, Ptr, Ptr, Ptr}, false);
  llvm::Function *F = llvm::Function::Create(FTy, GlobalValue::ExternalLinkage,
                                             hostToWasmSymbol(Index), LM);
  addWasmFunctionAttrs(*F);
  Value *Fn = F->getArg(0), *Values = F->getArg(3);
  Fn->setName("fn");
  F->getArg(1)->setName("callee_vmctx");
  F->getArg(2)->setName("caller_vmctx");
  Values->setName("values");

  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", F));
  SmallVector<Value *, 8> Args{F->getArg(1), F->getArg(2)};
  for (unsigned I = 0; I < T.Params.size(); ++I)
    Args.push_back(B.CreateAlignedLoad(lowerValType(Ctx, T.Params[I]),
                                       slot(B, Values, I), SlotAlign));
  CallInst *Call = B.CreateCall(lowerFuncType(Ctx, T), Fn, Args);
  if (!T.Results.empty()) {
    SmallVector<Value *, 8> Results;
    unpackResults(B, Call, T.Results.size(), Results);
    for (unsigned I = 0; I < Results.size(); ++I)
      B.CreateAlignedStore(Results[I], slot(B, Values, I), SlotAlign);
  }
  B.CreateRetVoid();
}

static void emitWasmToHost(llvm::Module &LM, const FuncType &T, uint32_t Index,
                           const VMOffsets &Offsets) {
  LLVMContext &Ctx = LM.getContext();
  llvm::Function *F = llvm::Function::Create(lowerFuncType(Ctx, T),
                                             GlobalValue::ExternalLinkage,
                                             wasmToHostSymbol(Index), LM);
  addWasmFunctionAttrs(*F);
  Value *Callee = F->getArg(0), *Caller = F->getArg(1);
  Callee->setName("callee_vmctx");
  Caller->setName("caller_vmctx");

  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", F));
  unsigned Count = std::max<size_t>(T.Params.size(), T.Results.size());
  // At least one slot, so `values` is always a valid pointer.
  auto *ArrTy = ArrayType::get(B.getInt8Ty(), uint64_t(std::max(Count, 1u)) *
                                                  VMOffsets::SizeOfValRaw);
  AllocaInst *Values = B.CreateAlloca(ArrTy, nullptr, "values");
  Values->setAlignment(Align(16));
  for (unsigned I = 0; I < T.Params.size(); ++I)
    B.CreateAlignedStore(F->getArg(I + 2), slot(B, Values, I), SlotAlign);

  Value *Callback = B.CreateAlignedLoad(
      B.getPtrTy(),
      B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), Callee,
                                   Offsets.hostContextCallback()),
      Align(Offsets.pointerSize()), "callback");
  auto *CbTy = FunctionType::get(
      B.getVoidTy(), {B.getPtrTy(), B.getPtrTy(), B.getPtrTy(), B.getInt32Ty()},
      false);
  B.CreateCall(CbTy, Callback, {Callee, Caller, Values, B.getInt32(Count)});

  SmallVector<Value *, 8> Results;
  for (unsigned I = 0; I < T.Results.size(); ++I)
    Results.push_back(B.CreateAlignedLoad(lowerValType(Ctx, T.Results[I]),
                                          slot(B, Values, I), SlotAlign));
  if (Value *V = packResults(B, F->getReturnType(), Results))
    B.CreateRet(V);
  else
    B.CreateRetVoid();
}

void emitTrampolines(llvm::Module &LM, const orca::Module &M,
                     const VMOffsets &Offsets) {
  for (uint32_t I = 0; I < M.Types.size(); ++I) {
    emitHostToWasm(LM, M.Types[I], I);
    emitWasmToHost(LM, M.Types[I], I, Offsets);
  }
}

} // namespace orca
