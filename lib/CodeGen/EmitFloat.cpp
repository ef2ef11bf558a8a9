//===- CodeGen/EmitFloat.cpp - Scalar floating-point instructions --------===//
//
// Part of NumericEmitter: f32/f64 arithmetic, rounding, min/max, sign
// manipulation and comparisons. LLVM's default floating-point environment
// (round to nearest even, no traps) is exactly wasm's, so arithmetic is plain
// IR (with a NaN guard where a constant operand lets LLVM fold it away:
// emitFloatArith). abs/neg/copysign are the bitwise intrinsics, which never
// touch a NaN's payload.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace orca {

Value *NumericEmitter::emitFloat(const Instr &I, ArrayRef<Value *> Args) {
  auto Cmp = [&](CmpInst::Predicate P) {
    return B.CreateZExt(B.CreateFCmp(P, Args[0], Args[1]), B.getInt32Ty());
  };
  auto Unary = [&](Intrinsic::ID ID) {
    return B.CreateUnaryIntrinsic(ID, Args[0]);
  };

  auto Arith = [&](Instruction::BinaryOps Opc) {
    return emitFloatArith(Opc, Args[0], Args[1]);
  };

  switch (I.Op) {
  // Every comparison but ne is false on NaN; ne is true.
  case Opcode::F32Eq:
  case Opcode::F64Eq:
    return Cmp(CmpInst::FCMP_OEQ);
  case Opcode::F32Ne:
  case Opcode::F64Ne:
    return Cmp(CmpInst::FCMP_UNE);
  case Opcode::F32Lt:
  case Opcode::F64Lt:
    return Cmp(CmpInst::FCMP_OLT);
  case Opcode::F32Gt:
  case Opcode::F64Gt:
    return Cmp(CmpInst::FCMP_OGT);
  case Opcode::F32Le:
  case Opcode::F64Le:
    return Cmp(CmpInst::FCMP_OLE);
  case Opcode::F32Ge:
  case Opcode::F64Ge:
    return Cmp(CmpInst::FCMP_OGE);

  case Opcode::F32Abs:
  case Opcode::F64Abs:
    return Unary(Intrinsic::fabs);
  case Opcode::F32Neg:
  case Opcode::F64Neg:
    return B.CreateFNeg(Args[0]);
  case Opcode::F32Ceil:
  case Opcode::F64Ceil:
    return Unary(Intrinsic::ceil);
  case Opcode::F32Floor:
  case Opcode::F64Floor:
    return Unary(Intrinsic::floor);
  case Opcode::F32Trunc:
  case Opcode::F64Trunc:
    return Unary(Intrinsic::trunc);
  case Opcode::F32Nearest:
  case Opcode::F64Nearest:
    return Unary(Intrinsic::roundeven);
  case Opcode::F32Sqrt:
  case Opcode::F64Sqrt:
    return Unary(Intrinsic::sqrt);

  case Opcode::F32Add:
  case Opcode::F64Add:
    return Arith(Instruction::FAdd);
  case Opcode::F32Sub:
  case Opcode::F64Sub:
    return Arith(Instruction::FSub);
  case Opcode::F32Mul:
  case Opcode::F64Mul:
    return Arith(Instruction::FMul);
  case Opcode::F32Div:
  case Opcode::F64Div:
    return Arith(Instruction::FDiv);
  case Opcode::F32Min:
  case Opcode::F64Min:
    return emitMinMax(Args[0], Args[1], /*IsMax=*/false);
  case Opcode::F32Max:
  case Opcode::F64Max:
    return emitMinMax(Args[0], Args[1], /*IsMax=*/true);
  case Opcode::F32Copysign:
  case Opcode::F64Copysign:
    return B.CreateBinaryIntrinsic(Intrinsic::copysign, Args[0], Args[1]);
  default:
    return nullptr;
  }
}

} // namespace orca
