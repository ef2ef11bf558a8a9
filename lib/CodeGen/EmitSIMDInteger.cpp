//===- CodeGen/EmitSIMDInteger.cpp - SIMD integer lane arithmetic --------===//
//
// Part of NumericEmitter: i8x16/i16x8/i32x4/i64x2 comparisons, arithmetic
// (wrapping and saturating), min/max, abs/neg/popcnt, shifts, and the
// widening and narrowing operations (extend, extmul, extadd_pairwise,
// narrow, q15mulr, dot, avgr). Widening ops compute in double-width lanes,
// which the backend recognises as the native instructions where they exist.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace orca {

Value *NumericEmitter::emitSIMDInteger(const Instr &I, ArrayRef<Value *> Args) {
  Type *I8 = B.getInt8Ty(), *I16 = B.getInt16Ty(), *I32 = B.getInt32Ty();
  Type *I64 = B.getInt64Ty();

  auto Lanes = [&](unsigned K, Type *Elt, unsigned N) {
    return asLanes(Args[K], Elt, N);
  };
  auto WideTy = [&](Type *Elt, unsigned N) {
    return FixedVectorType::get(B.getIntNTy(2 * Elt->getIntegerBitWidth()), N);
  };
  auto Splat = [&](Type *Elt, unsigned N, const APInt &C) {
    return ConstantInt::get(FixedVectorType::get(Elt, N), C);
  };
  auto Cmp = [&](Type *Elt, unsigned N, CmpInst::Predicate P) {
    Value *C = B.CreateICmp(P, Lanes(0, Elt, N), Lanes(1, Elt, N));
    return toV128(B.CreateSExt(C, FixedVectorType::get(Elt, N)));
  };
  auto Bin = [&](Type *Elt, unsigned N, Instruction::BinaryOps Opc) {
    return toV128(B.CreateBinOp(Opc, Lanes(0, Elt, N), Lanes(1, Elt, N)));
  };
  auto BinIntr = [&](Type *Elt, unsigned N, Intrinsic::ID ID) {
    return toV128(
        B.CreateBinaryIntrinsic(ID, Lanes(0, Elt, N), Lanes(1, Elt, N)));
  };
  // The count is taken modulo the lane width, then applied to every lane.
  auto Shift = [&](Type *Elt, unsigned N, Instruction::BinaryOps Opc) {
    unsigned Bits = Elt->getIntegerBitWidth();
    Value *Count = B.CreateAnd(Args[1], Bits - 1);
    Count = B.CreateZExtOrTrunc(Count, Elt);
    return toV128(
        B.CreateBinOp(Opc, Lanes(0, Elt, N), B.CreateVectorSplat(N, Count)));
  };
  // Lanes [First, First + Step * (N/2)) by Step, widened.
  auto PickWiden = [&](Value *V, unsigned N, unsigned First, unsigned Step,
                       bool Signed) {
    SmallVector<int, 16> Mask;
    for (unsigned K = 0; K < N / 2; ++K)
      Mask.push_back(First + Step * K);
    Value *Picked = B.CreateShuffleVector(V, Mask);
    Type *Elt = cast<VectorType>(V->getType())->getElementType();
    Type *To = WideTy(Elt, N / 2);
    return Signed ? B.CreateSExt(Picked, To) : B.CreateZExt(Picked, To);
  };
  auto ExtendHalf = [&](unsigned K, Type *Elt, unsigned N, bool High,
                        bool Signed) {
    return PickWiden(Lanes(K, Elt, N), N, High ? N / 2 : 0, 1, Signed);
  };
  auto Extend = [&](Type *Elt, unsigned N, bool High, bool Signed) {
    return toV128(ExtendHalf(0, Elt, N, High, Signed));
  };
  auto ExtMul = [&](Type *Elt, unsigned N, bool High, bool Signed) {
    return toV128(B.CreateMul(ExtendHalf(0, Elt, N, High, Signed),
                              ExtendHalf(1, Elt, N, High, Signed)));
  };
  auto ExtAddPairwise = [&](Type *Elt, unsigned N, bool Signed) {
    Value *V = Lanes(0, Elt, N);
    return toV128(B.CreateAdd(PickWiden(V, N, 0, 2, Signed),
                              PickWiden(V, N, 1, 2, Signed)));
  };
  // Concatenates the two wide inputs, clamps to the narrow range and wraps
  // (packss/packus on x86).
  auto Narrow = [&](Type *Elt, unsigned N, bool Signed) {
    unsigned Bits = Elt->getIntegerBitWidth();
    Type *WideElt = B.getIntNTy(2 * Bits);
    SmallVector<int, 16> Mask;
    for (unsigned K = 0; K < N; ++K)
      Mask.push_back(K);
    Value *Cat = B.CreateShuffleVector(Lanes(0, WideElt, N / 2),
                                       Lanes(1, WideElt, N / 2), Mask);
    APInt Lo = Signed ? APInt::getSignedMinValue(Bits).sext(2 * Bits)
                      : APInt::getZero(2 * Bits);
    APInt Hi = Signed ? APInt::getSignedMaxValue(Bits).sext(2 * Bits)
                      : APInt::getMaxValue(Bits).zext(2 * Bits);
    Cat = B.CreateBinaryIntrinsic(Intrinsic::smax, Cat, Splat(WideElt, N, Lo));
    Cat = B.CreateBinaryIntrinsic(Intrinsic::smin, Cat, Splat(WideElt, N, Hi));
    return toV128(B.CreateTrunc(Cat, FixedVectorType::get(Elt, N)));
  };
  // (a + b + 1) >> 1 without overflow: in double-width lanes.
  auto AvgrU = [&](Type *Elt, unsigned N) {
    Type *W = WideTy(Elt, N);
    Value *Sum = B.CreateAdd(B.CreateZExt(Lanes(0, Elt, N), W),
                             B.CreateZExt(Lanes(1, Elt, N), W));
    Sum = B.CreateAdd(Sum, ConstantInt::get(W, 1));
    return toV128(
        B.CreateTrunc(B.CreateLShr(Sum, 1), FixedVectorType::get(Elt, N)));
  };

#define ORCA_INT_CMPS(Shape, Elt, N)                                           \
  case Opcode::Shape##Eq:                                                      \
    return Cmp(Elt, N, CmpInst::ICMP_EQ);                                      \
  case Opcode::Shape##Ne:                                                      \
    return Cmp(Elt, N, CmpInst::ICMP_NE);                                      \
  case Opcode::Shape##LtS:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_SLT);                                     \
  case Opcode::Shape##GtS:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_SGT);                                     \
  case Opcode::Shape##LeS:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_SLE);                                     \
  case Opcode::Shape##GeS:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_SGE);
#define ORCA_INT_UCMPS(Shape, Elt, N)                                          \
  case Opcode::Shape##LtU:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_ULT);                                     \
  case Opcode::Shape##GtU:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_UGT);                                     \
  case Opcode::Shape##LeU:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_ULE);                                     \
  case Opcode::Shape##GeU:                                                     \
    return Cmp(Elt, N, CmpInst::ICMP_UGE);
// Operations every integer shape has.
#define ORCA_INT_COMMON(Shape, Elt, N)                                         \
  ORCA_INT_CMPS(Shape, Elt, N)                                                 \
  case Opcode::Shape##Add:                                                     \
    return Bin(Elt, N, Instruction::Add);                                      \
  case Opcode::Shape##Sub:                                                     \
    return Bin(Elt, N, Instruction::Sub);                                      \
  case Opcode::Shape##Shl:                                                     \
    return Shift(Elt, N, Instruction::Shl);                                    \
  case Opcode::Shape##ShrS:                                                    \
    return Shift(Elt, N, Instruction::AShr);                                   \
  case Opcode::Shape##ShrU:                                                    \
    return Shift(Elt, N, Instruction::LShr);                                   \
  case Opcode::Shape##Abs:                                                     \
    return toV128(B.CreateBinaryIntrinsic(Intrinsic::abs, Lanes(0, Elt, N),    \
                                          B.getFalse()));                      \
  case Opcode::Shape##Neg:                                                     \
    return toV128(B.CreateNeg(Lanes(0, Elt, N)));
// i8x16, i16x8 and i32x4 have unsigned comparisons and min/max.
#define ORCA_INT_MINMAX(Shape, Elt, N)                                         \
  ORCA_INT_UCMPS(Shape, Elt, N)                                                \
  case Opcode::Shape##MinS:                                                    \
    return BinIntr(Elt, N, Intrinsic::smin);                                   \
  case Opcode::Shape##MinU:                                                    \
    return BinIntr(Elt, N, Intrinsic::umin);                                   \
  case Opcode::Shape##MaxS:                                                    \
    return BinIntr(Elt, N, Intrinsic::smax);                                   \
  case Opcode::Shape##MaxU:                                                    \
    return BinIntr(Elt, N, Intrinsic::umax);
// i8x16 and i16x8 have saturating arithmetic and avgr_u.
#define ORCA_INT_SAT(Shape, Elt, N)                                            \
  case Opcode::Shape##AddSatS:                                                 \
    return BinIntr(Elt, N, Intrinsic::sadd_sat);                               \
  case Opcode::Shape##AddSatU:                                                 \
    return BinIntr(Elt, N, Intrinsic::uadd_sat);                               \
  case Opcode::Shape##SubSatS:                                                 \
    return BinIntr(Elt, N, Intrinsic::ssub_sat);                               \
  case Opcode::Shape##SubSatU:                                                 \
    return BinIntr(Elt, N, Intrinsic::usub_sat);                               \
  case Opcode::Shape##AvgrU:                                                   \
    return AvgrU(Elt, N);

  switch (I.Op) {
    ORCA_INT_COMMON(I8x16, I8, 16)
    ORCA_INT_MINMAX(I8x16, I8, 16)
    ORCA_INT_SAT(I8x16, I8, 16)
    ORCA_INT_COMMON(I16x8, I16, 8)
    ORCA_INT_MINMAX(I16x8, I16, 8)
    ORCA_INT_SAT(I16x8, I16, 8)
    ORCA_INT_COMMON(I32x4, I32, 4)
    ORCA_INT_MINMAX(I32x4, I32, 4)
    ORCA_INT_COMMON(I64x2, I64, 2)
#undef ORCA_INT_CMPS
#undef ORCA_INT_UCMPS
#undef ORCA_INT_COMMON
#undef ORCA_INT_MINMAX
#undef ORCA_INT_SAT

  case Opcode::I16x8Mul:
    return Bin(I16, 8, Instruction::Mul);
  case Opcode::I32x4Mul:
    return Bin(I32, 4, Instruction::Mul);
  case Opcode::I64x2Mul:
    return Bin(I64, 2, Instruction::Mul);
  case Opcode::I8x16Popcnt:
    return toV128(B.CreateUnaryIntrinsic(Intrinsic::ctpop, Lanes(0, I8, 16)));

  case Opcode::I8x16NarrowI16x8S:
    return Narrow(I8, 16, /*Signed=*/true);
  case Opcode::I8x16NarrowI16x8U:
    return Narrow(I8, 16, /*Signed=*/false);
  case Opcode::I16x8NarrowI32x4S:
    return Narrow(I16, 8, /*Signed=*/true);
  case Opcode::I16x8NarrowI32x4U:
    return Narrow(I16, 8, /*Signed=*/false);

  case Opcode::I16x8ExtendLowI8x16S:
    return Extend(I8, 16, /*High=*/false, /*Signed=*/true);
  case Opcode::I16x8ExtendHighI8x16S:
    return Extend(I8, 16, /*High=*/true, /*Signed=*/true);
  case Opcode::I16x8ExtendLowI8x16U:
    return Extend(I8, 16, /*High=*/false, /*Signed=*/false);
  case Opcode::I16x8ExtendHighI8x16U:
    return Extend(I8, 16, /*High=*/true, /*Signed=*/false);
  case Opcode::I32x4ExtendLowI16x8S:
    return Extend(I16, 8, /*High=*/false, /*Signed=*/true);
  case Opcode::I32x4ExtendHighI16x8S:
    return Extend(I16, 8, /*High=*/true, /*Signed=*/true);
  case Opcode::I32x4ExtendLowI16x8U:
    return Extend(I16, 8, /*High=*/false, /*Signed=*/false);
  case Opcode::I32x4ExtendHighI16x8U:
    return Extend(I16, 8, /*High=*/true, /*Signed=*/false);
  case Opcode::I64x2ExtendLowI32x4S:
    return Extend(I32, 4, /*High=*/false, /*Signed=*/true);
  case Opcode::I64x2ExtendHighI32x4S:
    return Extend(I32, 4, /*High=*/true, /*Signed=*/true);
  case Opcode::I64x2ExtendLowI32x4U:
    return Extend(I32, 4, /*High=*/false, /*Signed=*/false);
  case Opcode::I64x2ExtendHighI32x4U:
    return Extend(I32, 4, /*High=*/true, /*Signed=*/false);

  case Opcode::I16x8ExtmulLowI8x16S:
    return ExtMul(I8, 16, /*High=*/false, /*Signed=*/true);
  case Opcode::I16x8ExtmulHighI8x16S:
    return ExtMul(I8, 16, /*High=*/true, /*Signed=*/true);
  case Opcode::I16x8ExtmulLowI8x16U:
    return ExtMul(I8, 16, /*High=*/false, /*Signed=*/false);
  case Opcode::I16x8ExtmulHighI8x16U:
    return ExtMul(I8, 16, /*High=*/true, /*Signed=*/false);
  case Opcode::I32x4ExtmulLowI16x8S:
    return ExtMul(I16, 8, /*High=*/false, /*Signed=*/true);
  case Opcode::I32x4ExtmulHighI16x8S:
    return ExtMul(I16, 8, /*High=*/true, /*Signed=*/true);
  case Opcode::I32x4ExtmulLowI16x8U:
    return ExtMul(I16, 8, /*High=*/false, /*Signed=*/false);
  case Opcode::I32x4ExtmulHighI16x8U:
    return ExtMul(I16, 8, /*High=*/true, /*Signed=*/false);
  case Opcode::I64x2ExtmulLowI32x4S:
    return ExtMul(I32, 4, /*High=*/false, /*Signed=*/true);
  case Opcode::I64x2ExtmulHighI32x4S:
    return ExtMul(I32, 4, /*High=*/true, /*Signed=*/true);
  case Opcode::I64x2ExtmulLowI32x4U:
    return ExtMul(I32, 4, /*High=*/false, /*Signed=*/false);
  case Opcode::I64x2ExtmulHighI32x4U:
    return ExtMul(I32, 4, /*High=*/true, /*Signed=*/false);

  case Opcode::I16x8ExtaddPairwiseI8x16S:
    return ExtAddPairwise(I8, 16, /*Signed=*/true);
  case Opcode::I16x8ExtaddPairwiseI8x16U:
    return ExtAddPairwise(I8, 16, /*Signed=*/false);
  case Opcode::I32x4ExtaddPairwiseI16x8S:
    return ExtAddPairwise(I16, 8, /*Signed=*/true);
  case Opcode::I32x4ExtaddPairwiseI16x8U:
    return ExtAddPairwise(I16, 8, /*Signed=*/false);

  case Opcode::I16x8Q15mulrSatS: {
    // (a * b + 2^14) >> 15 in i32 lanes; only -2^15 * -2^15 overflows i16,
    // and only upwards.
    Type *W = WideTy(I16, 8);
    Value *Prod = B.CreateMul(B.CreateSExt(Lanes(0, I16, 8), W),
                              B.CreateSExt(Lanes(1, I16, 8), W));
    Value *R = B.CreateAShr(B.CreateAdd(Prod, ConstantInt::get(W, 0x4000)), 15);
    R = B.CreateBinaryIntrinsic(Intrinsic::smin, R,
                                ConstantInt::get(W, 0x7fff));
    return toV128(B.CreateTrunc(R, FixedVectorType::get(I16, 8)));
  }
  case Opcode::I32x4DotI16x8S: {
    Type *W = WideTy(I16, 8);
    Value *Prod = B.CreateMul(B.CreateSExt(Lanes(0, I16, 8), W),
                              B.CreateSExt(Lanes(1, I16, 8), W));
    Value *Even = B.CreateShuffleVector(Prod, ArrayRef<int>{0, 2, 4, 6});
    Value *Odd = B.CreateShuffleVector(Prod, ArrayRef<int>{1, 3, 5, 7});
    return toV128(B.CreateAdd(Even, Odd));
  }
  default:
    return nullptr;
  }
}

} // namespace orca
