//===- CodeGen/EmitSIMDLanes.cpp - SIMD lane and bitwise instructions ----===//
//
// Part of NumericEmitter: v128.const, shuffles and swizzles, splats, lane
// extraction and replacement, the whole-vector bitwise operations, and the
// reductions to i32 (any_true, all_true, bitmask).
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"

using namespace llvm;

namespace orca {

Value *NumericEmitter::emitSIMDLanes(const Instr &I, ArrayRef<Value *> Args) {
  Type *I8 = B.getInt8Ty(), *I16 = B.getInt16Ty(), *I32 = B.getInt32Ty();
  Type *I64 = B.getInt64Ty(), *F32 = B.getFloatTy(), *F64 = B.getDoubleTy();

  // Scalar operands of i8/i16 lanes arrive as i32 and are wrapped.
  auto Narrowed = [&](Value *X, Type *Elt) {
    return X->getType() == Elt ? X : B.CreateTrunc(X, Elt);
  };
  auto Splat = [&](Type *Elt, unsigned N) {
    return toV128(B.CreateVectorSplat(N, Narrowed(Args[0], Elt)));
  };
  auto Extract = [&](Type *Elt, unsigned N) {
    assert(I.Lane < N && "lane index not validated");
    return B.CreateExtractElement(asLanes(Args[0], Elt, N), I.Lane % N);
  };
  auto Replace = [&](Type *Elt, unsigned N) {
    assert(I.Lane < N && "lane index not validated");
    return toV128(B.CreateInsertElement(asLanes(Args[0], Elt, N),
                                        Narrowed(Args[1], Elt), I.Lane % N));
  };
  auto AllTrue = [&](Type *Elt, unsigned N) {
    Value *V = asLanes(Args[0], Elt, N);
    Value *NonZero = B.CreateICmpNE(V, Constant::getNullValue(V->getType()));
    return B.CreateZExt(B.CreateAndReduce(NonZero), I32);
  };
  // The <N x i1> of lane sign bits, as an iN, is the mask (movmsk on x86).
  auto Bitmask = [&](Type *Elt, unsigned N) {
    Value *V = asLanes(Args[0], Elt, N);
    Value *Neg = B.CreateICmpSLT(V, Constant::getNullValue(V->getType()));
    return B.CreateZExt(B.CreateBitCast(Neg, B.getIntNTy(N)), I32);
  };

  switch (I.Op) {
  case Opcode::V128Const: {
    uint64_t Half[2] = {0, 0};
    for (unsigned K = 0; K < 16; ++K)
      Half[K / 8] |= uint64_t(I.Bytes[K]) << (8 * (K % 8));
    return ConstantVector::get({B.getInt64(Half[0]), B.getInt64(Half[1])});
  }
  case Opcode::I8x16Shuffle: {
    SmallVector<int, 16> Mask;
    for (uint8_t Idx : I.Bytes) {
      assert(Idx < 32 && "shuffle lane not validated");
      Mask.push_back(Idx & 31);
    }
    return toV128(B.CreateShuffleVector(asLanes(Args[0], I8, 16),
                                        asLanes(Args[1], I8, 16), Mask));
  }
  case Opcode::I8x16Swizzle: {
    // IR has no variable shuffle. Lane K is Src[Idx[K] & 15] (the x86
    // backend turns this build_vector of variable extracts into pshufb),
    // then lanes whose index was out of range are zeroed.
    auto *VecTy = FixedVectorType::get(I8, 16);
    Value *Src = asLanes(Args[0], I8, 16), *Idx = asLanes(Args[1], I8, 16);
    Value *Fifteen = ConstantInt::get(VecTy, 15);
    Value *Masked = B.CreateAnd(Idx, Fifteen);
    Value *R = PoisonValue::get(VecTy);
    for (unsigned K = 0; K < 16; ++K)
      R = B.CreateInsertElement(
          R, B.CreateExtractElement(Src, B.CreateExtractElement(Masked, K)), K);
    Value *InRange = B.CreateICmpULE(Idx, Fifteen);
    return toV128(B.CreateSelect(InRange, R, Constant::getNullValue(VecTy)));
  }

  case Opcode::I8x16Splat:
    return Splat(I8, 16);
  case Opcode::I16x8Splat:
    return Splat(I16, 8);
  case Opcode::I32x4Splat:
    return Splat(I32, 4);
  case Opcode::I64x2Splat:
    return Splat(I64, 2);
  case Opcode::F32x4Splat:
    return Splat(F32, 4);
  case Opcode::F64x2Splat:
    return Splat(F64, 2);

  case Opcode::I8x16ExtractLaneS:
    return B.CreateSExt(Extract(I8, 16), I32);
  case Opcode::I8x16ExtractLaneU:
    return B.CreateZExt(Extract(I8, 16), I32);
  case Opcode::I16x8ExtractLaneS:
    return B.CreateSExt(Extract(I16, 8), I32);
  case Opcode::I16x8ExtractLaneU:
    return B.CreateZExt(Extract(I16, 8), I32);
  case Opcode::I32x4ExtractLane:
    return Extract(I32, 4);
  case Opcode::I64x2ExtractLane:
    return Extract(I64, 2);
  case Opcode::F32x4ExtractLane:
    return Extract(F32, 4);
  case Opcode::F64x2ExtractLane:
    return Extract(F64, 2);
  case Opcode::I8x16ReplaceLane:
    return Replace(I8, 16);
  case Opcode::I16x8ReplaceLane:
    return Replace(I16, 8);
  case Opcode::I32x4ReplaceLane:
    return Replace(I32, 4);
  case Opcode::I64x2ReplaceLane:
    return Replace(I64, 2);
  case Opcode::F32x4ReplaceLane:
    return Replace(F32, 4);
  case Opcode::F64x2ReplaceLane:
    return Replace(F64, 2);

  case Opcode::V128Not:
    return B.CreateNot(Args[0]);
  case Opcode::V128And:
    return B.CreateAnd(Args[0], Args[1]);
  case Opcode::V128Andnot:
    return B.CreateAnd(Args[0], B.CreateNot(Args[1]));
  case Opcode::V128Or:
    return B.CreateOr(Args[0], Args[1]);
  case Opcode::V128Xor:
    return B.CreateXor(Args[0], Args[1]);
  case Opcode::V128Bitselect:
    return B.CreateOr(B.CreateAnd(Args[0], Args[2]),
                      B.CreateAnd(Args[1], B.CreateNot(Args[2])));
  case Opcode::V128AnyTrue: {
    Value *Wide = B.CreateBitCast(Args[0], B.getInt128Ty());
    return B.CreateZExt(B.CreateIsNotNull(Wide), I32);
  }
  case Opcode::I8x16AllTrue:
    return AllTrue(I8, 16);
  case Opcode::I16x8AllTrue:
    return AllTrue(I16, 8);
  case Opcode::I32x4AllTrue:
    return AllTrue(I32, 4);
  case Opcode::I64x2AllTrue:
    return AllTrue(I64, 2);
  case Opcode::I8x16Bitmask:
    return Bitmask(I8, 16);
  case Opcode::I16x8Bitmask:
    return Bitmask(I16, 8);
  case Opcode::I32x4Bitmask:
    return Bitmask(I32, 4);
  case Opcode::I64x2Bitmask:
    return Bitmask(I64, 2);
  default:
    return nullptr;
  }
}

} // namespace orca
