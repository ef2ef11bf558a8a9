//===- CodeGen/EmitInteger.cpp - Scalar integer instructions -------------===//
//
// Part of NumericEmitter: i32/i64 arithmetic, bitwise, shifts and rotates,
// bit counts, comparisons and in-place sign extension. Division and
// remainder guard every case LLVM leaves undefined (x / 0, INT_MIN / -1,
// INT_MIN % -1) with a trap or an explicit result before the operation.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace orca {

Value *NumericEmitter::emitInteger(const Instr &I, ArrayRef<Value *> Args) {
  auto Cmp = [&](CmpInst::Predicate P) {
    return B.CreateZExt(B.CreateICmp(P, Args[0], Args[1]), B.getInt32Ty());
  };
  // wasm takes shift counts modulo the bit width; LLVM would give poison.
  auto MaskedCount = [&] {
    unsigned Bits = Args[1]->getType()->getIntegerBitWidth();
    return B.CreateAnd(Args[1], Bits - 1);
  };
  auto SignExtendFrom = [&](unsigned Bits) {
    Type *Ty = Args[0]->getType();
    return B.CreateSExt(B.CreateTrunc(Args[0], B.getIntNTy(Bits)), Ty);
  };
  auto TrapIfZero = [&] {
    Traps.trapIf(B.CreateIsNull(Args[1]), TrapCode::IntegerDivideByZero);
  };

  switch (I.Op) {
  case Opcode::I32Eqz:
  case Opcode::I64Eqz:
    return B.CreateZExt(B.CreateIsNull(Args[0]), B.getInt32Ty());
  case Opcode::I32Eq:
  case Opcode::I64Eq:
    return Cmp(CmpInst::ICMP_EQ);
  case Opcode::I32Ne:
  case Opcode::I64Ne:
    return Cmp(CmpInst::ICMP_NE);
  case Opcode::I32LtS:
  case Opcode::I64LtS:
    return Cmp(CmpInst::ICMP_SLT);
  case Opcode::I32LtU:
  case Opcode::I64LtU:
    return Cmp(CmpInst::ICMP_ULT);
  case Opcode::I32GtS:
  case Opcode::I64GtS:
    return Cmp(CmpInst::ICMP_SGT);
  case Opcode::I32GtU:
  case Opcode::I64GtU:
    return Cmp(CmpInst::ICMP_UGT);
  case Opcode::I32LeS:
  case Opcode::I64LeS:
    return Cmp(CmpInst::ICMP_SLE);
  case Opcode::I32LeU:
  case Opcode::I64LeU:
    return Cmp(CmpInst::ICMP_ULE);
  case Opcode::I32GeS:
  case Opcode::I64GeS:
    return Cmp(CmpInst::ICMP_SGE);
  case Opcode::I32GeU:
  case Opcode::I64GeU:
    return Cmp(CmpInst::ICMP_UGE);

  case Opcode::I32Clz:
  case Opcode::I64Clz:
    return B.CreateBinaryIntrinsic(Intrinsic::ctlz, Args[0], B.getFalse());
  case Opcode::I32Ctz:
  case Opcode::I64Ctz:
    return B.CreateBinaryIntrinsic(Intrinsic::cttz, Args[0], B.getFalse());
  case Opcode::I32Popcnt:
  case Opcode::I64Popcnt:
    return B.CreateUnaryIntrinsic(Intrinsic::ctpop, Args[0]);

  case Opcode::I32Add:
  case Opcode::I64Add:
    return B.CreateAdd(Args[0], Args[1]);
  case Opcode::I32Sub:
  case Opcode::I64Sub:
    return B.CreateSub(Args[0], Args[1]);
  case Opcode::I32Mul:
  case Opcode::I64Mul:
    return B.CreateMul(Args[0], Args[1]);
  case Opcode::I32DivS:
  case Opcode::I64DivS: {
    TrapIfZero();
    Type *Ty = Args[0]->getType();
    unsigned Bits = Ty->getIntegerBitWidth();
    Value *IsMin = B.CreateICmpEQ(
        Args[0], ConstantInt::get(Ty, APInt::getSignedMinValue(Bits)));
    Value *IsMinusOne = B.CreateICmpEQ(Args[1], Constant::getAllOnesValue(Ty));
    Traps.trapIf(B.CreateAnd(IsMin, IsMinusOne), TrapCode::IntegerOverflow);
    return B.CreateSDiv(Args[0], Args[1]);
  }
  case Opcode::I32DivU:
  case Opcode::I64DivU:
    TrapIfZero();
    return B.CreateUDiv(Args[0], Args[1]);
  case Opcode::I32RemS:
  case Opcode::I64RemS: {
    TrapIfZero();
    // x % -1 is 0 for every x, but srem INT_MIN, -1 is undefined in LLVM
    // (and faults on x86): divide by 1 instead, which also yields 0.
    Type *Ty = Args[1]->getType();
    Value *IsMinusOne = B.CreateICmpEQ(Args[1], Constant::getAllOnesValue(Ty));
    Value *Divisor =
        B.CreateSelect(IsMinusOne, ConstantInt::get(Ty, 1), Args[1]);
    return B.CreateSRem(Args[0], Divisor);
  }
  case Opcode::I32RemU:
  case Opcode::I64RemU:
    TrapIfZero();
    return B.CreateURem(Args[0], Args[1]);

  case Opcode::I32And:
  case Opcode::I64And:
    return B.CreateAnd(Args[0], Args[1]);
  case Opcode::I32Or:
  case Opcode::I64Or:
    return B.CreateOr(Args[0], Args[1]);
  case Opcode::I32Xor:
  case Opcode::I64Xor:
    return B.CreateXor(Args[0], Args[1]);
  case Opcode::I32Shl:
  case Opcode::I64Shl:
    return B.CreateShl(Args[0], MaskedCount());
  case Opcode::I32ShrS:
  case Opcode::I64ShrS:
    return B.CreateAShr(Args[0], MaskedCount());
  case Opcode::I32ShrU:
  case Opcode::I64ShrU:
    return B.CreateLShr(Args[0], MaskedCount());
  // Funnel shifts take the count modulo the width themselves.
  case Opcode::I32Rotl:
  case Opcode::I64Rotl:
    return B.CreateIntrinsic(Intrinsic::fshl, {Args[0]->getType()},
                             {Args[0], Args[0], Args[1]});
  case Opcode::I32Rotr:
  case Opcode::I64Rotr:
    return B.CreateIntrinsic(Intrinsic::fshr, {Args[0]->getType()},
                             {Args[0], Args[0], Args[1]});

  case Opcode::I32Extend8S:
  case Opcode::I64Extend8S:
    return SignExtendFrom(8);
  case Opcode::I32Extend16S:
  case Opcode::I64Extend16S:
    return SignExtendFrom(16);
  case Opcode::I64Extend32S:
    return SignExtendFrom(32);
  default:
    return nullptr;
  }
}

} // namespace orca
