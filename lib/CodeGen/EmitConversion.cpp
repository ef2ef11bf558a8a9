//===- CodeGen/EmitConversion.cpp - Scalar conversions -------------------===//
//
// Part of NumericEmitter: wrap/extend, float<->int conversions (trapping and
// saturating), demote/promote and reinterpretations. A trapping truncation
// checks its operand against the exclusive bounds of the values whose
// truncation fits the target, so that fptosi/fptoui only ever see operands
// with a defined result.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace orca {

/// Exclusive bounds (Lo, Hi) such that trunc(X) fits a \p Bits-bit integer
/// iff Lo < X < Hi, as values of the float semantics \p Sem.
static std::pair<APFloat, APFloat> truncBounds(const fltSemantics &Sem,
                                               unsigned Bits, bool Signed) {
  // Hi = 2^(Bits-1) or 2^Bits: exactly representable in every format.
  APFloat Hi(Sem);
  Hi.convertFromAPInt(APInt::getOneBitSet(Bits + 1, Signed ? Bits - 1 : Bits),
                      /*IsSigned=*/false, APFloat::rmNearestTiesToEven);
  APFloat Lo(Sem);
  if (Signed) {
    // trunc(X) >= -2^(Bits-1) iff X > -2^(Bits-1) - 1; when that is not
    // representable, the next float below -2^(Bits-1) separates the same
    // values, and rounding toward -inf picks exactly it.
    APInt Bound = -APInt::getOneBitSet(Bits + 1, Bits - 1) - 1;
    Lo.convertFromAPInt(Bound, /*IsSigned=*/true, APFloat::rmTowardNegative);
  } else {
    Lo = APFloat(Sem, "-1.0");
  }
  return {Lo, Hi};
}

Value *NumericEmitter::emitVectorTruncSat(Value *X, Type *To, bool Signed) {
  Type *FTy = X->getType();
  unsigned Bits = To->getScalarSizeInBits();
  auto [Lo, Hi] =
      truncBounds(FTy->getScalarType()->getFltSemantics(), Bits, Signed);
  Value *LoC = ConstantFP::get(FTy, Lo), *HiC = ConstantFP::get(FTy, Hi);
  // Convert only operands with a defined result (NaN and out-of-range lanes
  // convert 0 instead), then patch in the saturated lanes; ordered compares
  // leave NaN lanes at 0.
  Value *InRange =
      B.CreateAnd(B.CreateFCmpOGT(X, LoC), B.CreateFCmpOLT(X, HiC));
  Value *Safe = B.CreateSelect(InRange, X, Constant::getNullValue(FTy));
  Value *R = Signed ? B.CreateFPToSI(Safe, To) : B.CreateFPToUI(Safe, To);
  APInt Max =
      Signed ? APInt::getSignedMaxValue(Bits) : APInt::getMaxValue(Bits);
  R = B.CreateSelect(B.CreateFCmpOGE(X, HiC), ConstantInt::get(To, Max), R);
  if (Signed)
    R = B.CreateSelect(B.CreateFCmpOLE(X, LoC),
                       ConstantInt::get(To, APInt::getSignedMinValue(Bits)), R);
  return R;
}

Value *NumericEmitter::emitConversion(const Instr &I, ArrayRef<Value *> Args) {
  Type *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
  Type *F32 = B.getFloatTy(), *F64 = B.getDoubleTy();

  auto TrappingTrunc = [&](Type *To, bool Signed) {
    Value *X = Args[0];
    Traps.trapIf(B.CreateFCmpUNO(X, X), TrapCode::InvalidConversionToInteger);
    auto [Lo, Hi] = truncBounds(X->getType()->getFltSemantics(),
                                To->getIntegerBitWidth(), Signed);
    Value *InRange =
        B.CreateAnd(B.CreateFCmpOGT(X, ConstantFP::get(X->getType(), Lo)),
                    B.CreateFCmpOLT(X, ConstantFP::get(X->getType(), Hi)));
    Traps.trapIf(B.CreateNot(InRange), TrapCode::IntegerOverflow);
    return Signed ? B.CreateFPToSI(X, To) : B.CreateFPToUI(X, To);
  };
  auto SaturatingTrunc = [&](Type *To, bool Signed) {
    return B.CreateIntrinsic(Signed ? Intrinsic::fptosi_sat
                                    : Intrinsic::fptoui_sat,
                             {To, Args[0]->getType()}, {Args[0]});
  };

  switch (I.Op) {
  case Opcode::I32WrapI64:
    return B.CreateTrunc(Args[0], I32);
  case Opcode::I64ExtendI32S:
    return B.CreateSExt(Args[0], I64);
  case Opcode::I64ExtendI32U:
    return B.CreateZExt(Args[0], I64);

  case Opcode::I32TruncF32S:
  case Opcode::I32TruncF64S:
    return TrappingTrunc(I32, /*Signed=*/true);
  case Opcode::I32TruncF32U:
  case Opcode::I32TruncF64U:
    return TrappingTrunc(I32, /*Signed=*/false);
  case Opcode::I64TruncF32S:
  case Opcode::I64TruncF64S:
    return TrappingTrunc(I64, /*Signed=*/true);
  case Opcode::I64TruncF32U:
  case Opcode::I64TruncF64U:
    return TrappingTrunc(I64, /*Signed=*/false);

  case Opcode::I32TruncSatF32S:
  case Opcode::I32TruncSatF64S:
    return SaturatingTrunc(I32, /*Signed=*/true);
  case Opcode::I32TruncSatF32U:
  case Opcode::I32TruncSatF64U:
    return SaturatingTrunc(I32, /*Signed=*/false);
  case Opcode::I64TruncSatF32S:
  case Opcode::I64TruncSatF64S:
    return SaturatingTrunc(I64, /*Signed=*/true);
  case Opcode::I64TruncSatF32U:
  case Opcode::I64TruncSatF64U:
    return SaturatingTrunc(I64, /*Signed=*/false);

  case Opcode::F32ConvertI32S:
  case Opcode::F32ConvertI64S:
    return B.CreateSIToFP(Args[0], F32);
  case Opcode::F32ConvertI32U:
  case Opcode::F32ConvertI64U:
    return B.CreateUIToFP(Args[0], F32);
  case Opcode::F64ConvertI32S:
  case Opcode::F64ConvertI64S:
    return B.CreateSIToFP(Args[0], F64);
  case Opcode::F64ConvertI32U:
  case Opcode::F64ConvertI64U:
    return B.CreateUIToFP(Args[0], F64);
  // LLVM folds demote(promote(x)) to x, which would let a signalling NaN
  // through; wasm requires the conversion's quieted NaN. Re-deriving NaN
  // results by an addition keeps them quiet whatever folds around them.
  case Opcode::F32DemoteF64:
  case Opcode::F64PromoteF32: {
    Value *R = I.Op == Opcode::F32DemoteF64 ? B.CreateFPTrunc(Args[0], F32)
                                            : B.CreateFPExt(Args[0], F64);
    return B.CreateSelect(B.CreateFCmpUNO(Args[0], Args[0]), B.CreateFAdd(R, R),
                          R);
  }

  case Opcode::I32ReinterpretF32:
    return B.CreateBitCast(Args[0], I32);
  case Opcode::I64ReinterpretF64:
    return B.CreateBitCast(Args[0], I64);
  case Opcode::F32ReinterpretI32:
    return B.CreateBitCast(Args[0], F32);
  case Opcode::F64ReinterpretI64:
    return B.CreateBitCast(Args[0], F64);
  default:
    return nullptr;
  }
}

} // namespace orca
