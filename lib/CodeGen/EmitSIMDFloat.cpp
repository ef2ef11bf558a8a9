//===- CodeGen/EmitSIMDFloat.cpp - SIMD floating-point lanes -------------===//
//
// Part of NumericEmitter: f32x4/f64x2 comparisons, arithmetic, rounding,
// min/max (wasm and pseudo), and every conversion between float and integer
// lane shapes. Each maps to LLVM vector IR with the same lane semantics as
// the scalar instruction.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Intrinsics.h"

using namespace llvm;

namespace orca {

Value *NumericEmitter::emitSIMDFloat(const Instr &I, ArrayRef<Value *> Args) {
  Type *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
  Type *F32 = B.getFloatTy(), *F64 = B.getDoubleTy();
  auto Vec = [](Type *Elt, unsigned N) { return FixedVectorType::get(Elt, N); };
  auto Lanes = [&](unsigned K, Type *Elt, unsigned N) {
    return asLanes(Args[K], Elt, N);
  };
  auto Cmp = [&](Type *Elt, unsigned N, CmpInst::Predicate P) {
    Type *IntElt = Elt == F32 ? I32 : I64;
    Value *C = B.CreateFCmp(P, Lanes(0, Elt, N), Lanes(1, Elt, N));
    return toV128(B.CreateSExt(C, Vec(IntElt, N)));
  };
  auto Bin = [&](Type *Elt, unsigned N, Instruction::BinaryOps Opc) {
    return toV128(emitFloatArith(Opc, Lanes(0, Elt, N), Lanes(1, Elt, N)));
  };
  auto Unary = [&](Type *Elt, unsigned N, Intrinsic::ID ID) {
    return toV128(B.CreateUnaryIntrinsic(ID, Lanes(0, Elt, N)));
  };
  auto MinMax = [&](Type *Elt, unsigned N, bool IsMax) {
    return toV128(emitMinMax(Lanes(0, Elt, N), Lanes(1, Elt, N), IsMax));
  };
  // pmin is b < a ? b : a, pmax is a < b ? b : a: exactly as written, so
  // NaNs and zeros pass through from whichever operand is selected.
  auto PMinMax = [&](Type *Elt, unsigned N, bool IsMax) {
    Value *A = Lanes(0, Elt, N), *Bv = Lanes(1, Elt, N);
    Value *C = IsMax ? B.CreateFCmpOLT(A, Bv) : B.CreateFCmpOLT(Bv, A);
    return toV128(B.CreateSelect(C, Bv, A));
  };
  auto SatTrunc = [&](Value *V, Type *To, bool Signed) {
    return emitVectorTruncSat(V, To, Signed);
  };
  // Lanes 0 and 1 of a 4-lane vector.
  auto Low2 = [&](Value *V) {
    return B.CreateShuffleVector(V, ArrayRef<int>{0, 1});
  };
  // A 2-lane vector followed by two zero lanes.
  auto ZeroExtend4 = [&](Value *V) {
    return B.CreateShuffleVector(V, Constant::getNullValue(V->getType()),
                                 ArrayRef<int>{0, 1, 2, 3});
  };

#define ORCA_FLOAT_OPS(Shape, Elt, N)                                          \
  case Opcode::Shape##Eq:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_OEQ);                                     \
  case Opcode::Shape##Ne:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_UNE);                                     \
  case Opcode::Shape##Lt:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_OLT);                                     \
  case Opcode::Shape##Gt:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_OGT);                                     \
  case Opcode::Shape##Le:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_OLE);                                     \
  case Opcode::Shape##Ge:                                                      \
    return Cmp(Elt, N, CmpInst::FCMP_OGE);                                     \
  case Opcode::Shape##Abs:                                                     \
    return Unary(Elt, N, Intrinsic::fabs);                                     \
  case Opcode::Shape##Neg:                                                     \
    return toV128(B.CreateFNeg(Lanes(0, Elt, N)));                             \
  case Opcode::Shape##Sqrt:                                                    \
    return Unary(Elt, N, Intrinsic::sqrt);                                     \
  case Opcode::Shape##Ceil:                                                    \
    return Unary(Elt, N, Intrinsic::ceil);                                     \
  case Opcode::Shape##Floor:                                                   \
    return Unary(Elt, N, Intrinsic::floor);                                    \
  case Opcode::Shape##Trunc:                                                   \
    return Unary(Elt, N, Intrinsic::trunc);                                    \
  case Opcode::Shape##Nearest:                                                 \
    return Unary(Elt, N, Intrinsic::roundeven);                                \
  case Opcode::Shape##Add:                                                     \
    return Bin(Elt, N, Instruction::FAdd);                                     \
  case Opcode::Shape##Sub:                                                     \
    return Bin(Elt, N, Instruction::FSub);                                     \
  case Opcode::Shape##Mul:                                                     \
    return Bin(Elt, N, Instruction::FMul);                                     \
  case Opcode::Shape##Div:                                                     \
    return Bin(Elt, N, Instruction::FDiv);                                     \
  case Opcode::Shape##Min:                                                     \
    return MinMax(Elt, N, /*IsMax=*/false);                                    \
  case Opcode::Shape##Max:                                                     \
    return MinMax(Elt, N, /*IsMax=*/true);                                     \
  case Opcode::Shape##Pmin:                                                    \
    return PMinMax(Elt, N, /*IsMax=*/false);                                   \
  case Opcode::Shape##Pmax:                                                    \
    return PMinMax(Elt, N, /*IsMax=*/true);

  switch (I.Op) {
    ORCA_FLOAT_OPS(F32x4, F32, 4)
    ORCA_FLOAT_OPS(F64x2, F64, 2)
#undef ORCA_FLOAT_OPS

  case Opcode::I32x4TruncSatF32x4S:
    return toV128(SatTrunc(Lanes(0, F32, 4), Vec(I32, 4), /*Signed=*/true));
  case Opcode::I32x4TruncSatF32x4U:
    return toV128(SatTrunc(Lanes(0, F32, 4), Vec(I32, 4), /*Signed=*/false));
  case Opcode::I32x4TruncSatF64x2SZero:
    return toV128(
        ZeroExtend4(SatTrunc(Lanes(0, F64, 2), Vec(I32, 2), /*Signed=*/true)));
  case Opcode::I32x4TruncSatF64x2UZero:
    return toV128(
        ZeroExtend4(SatTrunc(Lanes(0, F64, 2), Vec(I32, 2), /*Signed=*/false)));
  case Opcode::F32x4ConvertI32x4S:
    return toV128(B.CreateSIToFP(Lanes(0, I32, 4), Vec(F32, 4)));
  case Opcode::F32x4ConvertI32x4U:
    return toV128(B.CreateUIToFP(Lanes(0, I32, 4), Vec(F32, 4)));
  case Opcode::F64x2ConvertLowI32x4S:
    return toV128(B.CreateSIToFP(Low2(Lanes(0, I32, 4)), Vec(F64, 2)));
  case Opcode::F64x2ConvertLowI32x4U:
    return toV128(B.CreateUIToFP(Low2(Lanes(0, I32, 4)), Vec(F64, 2)));
  case Opcode::F32x4DemoteF64x2Zero:
    return toV128(ZeroExtend4(B.CreateFPTrunc(Lanes(0, F64, 2), Vec(F32, 2))));
  case Opcode::F64x2PromoteLowF32x4:
    return toV128(B.CreateFPExt(Low2(Lanes(0, F32, 4)), Vec(F64, 2)));
  default:
    return nullptr;
  }
}

} // namespace orca
