//===- CodeGen/EmitVariable.cpp - Locals, globals, constants, select ------===//
//
// Locals are allocas (SSA after mem2reg). A defined global's value sits in
// the first bytes of its 16-byte vmctx slot; an imported global is reached
// through the pointer its import record holds. References are stored as
// pointers.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"

using namespace llvm;

namespace orca {

void FunctionTranslator::emitLocalGet(uint32_t Index) {
  push(B.CreateLoad(lower(LocalTypes[Index]), Locals[Index]));
}

void FunctionTranslator::emitLocalSet(uint32_t Index, bool Tee) {
  Value *V = pop();
  B.CreateStore(V, Locals[Index]);
  if (Tee)
    push(V);
}

Value *FunctionTranslator::globalAddr(uint32_t Index) {
  const VMOffsets &O = Env.Offsets;
  if (Index < M.NumImportedGlobals)
    return VM->loadInvariantPtr(VM->vmctx(), O.importedGlobalFrom(Index));
  return VM->addr(VM->vmctx(), O.definedGlobal(Index - M.NumImportedGlobals));
}

void FunctionTranslator::emitGlobalGet(uint32_t Index) {
  Type *T = lower(M.Globals[Index].Type.Type);
  push(VM->load(T, globalAddr(Index), 0));
}

void FunctionTranslator::emitGlobalSet(uint32_t Index) {
  Value *V = pop();
  VM->store(V, globalAddr(Index), 0);
}

void FunctionTranslator::emitSelect() {
  Value *Cond = popCond();
  Value *False = pop();
  Value *True = pop();
  push(B.CreateSelect(Cond, True, False));
}

void FunctionTranslator::emitConst(const Instr &I) {
  switch (I.Op) {
  case Opcode::I32Const:
    push(B.getInt32(uint32_t(I.Imm)));
    return;
  case Opcode::I64Const:
    push(B.getInt64(I.Imm));
    return;
  case Opcode::F32Const:
    // From the bits, so NaN payloads survive.
    push(ConstantFP::get(
        Ctx, APFloat(APFloat::IEEEsingle(), APInt(32, uint32_t(I.Imm)))));
    return;
  case Opcode::F64Const:
    push(
        ConstantFP::get(Ctx, APFloat(APFloat::IEEEdouble(), APInt(64, I.Imm))));
    return;
  case Opcode::V128Const: {
    uint64_t Lo = 0, Hi = 0;
    for (int J = 7; J >= 0; --J) {
      Lo = Lo << 8 | I.Bytes[J];
      Hi = Hi << 8 | I.Bytes[J + 8];
    }
    push(ConstantVector::get({B.getInt64(Lo), B.getInt64(Hi)}));
    return;
  }
  default:
    llvm_unreachable("not a constant");
  }
}

} // namespace orca
