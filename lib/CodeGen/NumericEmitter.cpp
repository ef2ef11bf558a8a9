//===- CodeGen/NumericEmitter.cpp - Dispatch of value instructions -------===//
//
// Owns which opcodes NumericEmitter lowers, the dispatch to the per-family
// emitters (EmitInteger.cpp, EmitFloat.cpp, EmitConversion.cpp and the
// EmitSIMD*.cpp files), and the helpers they share: the v128 type, float
// arithmetic that quiets NaNs, and the wasm min/max sequence.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/ErrorHandling.h"

#include <cstring>

using namespace llvm;

namespace orca {

TrapSink::~TrapSink() = default;

bool NumericEmitter::handles(Opcode Op) {
  switch (Op) {
  case Opcode::Unreachable:
  case Opcode::Nop:
  case Opcode::Else:
  case Opcode::End:
  case Opcode::Return:
  case Opcode::Drop:
  case Opcode::Select:
  case Opcode::RefIsNull:
    return false;
  default:
    break;
  }
  switch (opcodeInfo(Op).Imm) {
  case ImmKind::None:
  case ImmKind::V128:
  case ImmKind::Shuffle:
  case ImmKind::Lane:
    return true;
  default:
    return false;
  }
}

/// Number of operands \p Op pops, from its "params:results" signature.
static size_t arity(Opcode Op) {
  const char *Sig = opcodeInfo(Op).Sig;
  const char *Colon = std::strchr(Sig, ':');
  return Colon ? size_t(Colon - Sig) : 0;
}

Value *NumericEmitter::emit(const Instr &I, ArrayRef<Value *> Args) {
  assert(handles(I.Op) && "not a value instruction");
  assert(Args.size() == arity(I.Op) && "wrong operand count");
  (void)arity;
  Value *R = nullptr;
  if (opcodeInfo(I.Op).Prefix == 0xfd) {
    if (!(R = emitSIMDLanes(I, Args)) && !(R = emitSIMDInteger(I, Args)))
      R = emitSIMDFloat(I, Args);
  } else if (!(R = emitInteger(I, Args)) && !(R = emitFloat(I, Args))) {
    R = emitConversion(I, Args);
  }
  if (!R)
    report_fatal_error(Twine("NumericEmitter: no lowering for ") +
                       opcodeName(I.Op));
  return R;
}

Type *NumericEmitter::v128Type() {
  return FixedVectorType::get(B.getInt64Ty(), 2);
}

Value *NumericEmitter::asLanes(Value *V, Type *Elt, unsigned N) {
  return B.CreateBitCast(V, FixedVectorType::get(Elt, N));
}

Value *NumericEmitter::toV128(Value *V) {
  return B.CreateBitCast(V, v128Type());
}

// With a constant operand LLVM folds x*1, x/1, x-0, -0-x, x*-1 and x/-1 to
// x or -x (and x+0, x-(-0) when it knows x is not -0), which keeps a
// signalling NaN signalling; wasm requires the quieted NaN that the
// operation itself would give. Any arithmetic with a NaN operand gives such
// a NaN. Only those constants (±0 for add/sub, ±1 for mul/div, in any lane
// of a vector) can fold away; any other constant leaves a real operation,
// which quiets, so libm's polynomial evaluation and x * dt stay one
// instruction.
static bool mayFoldAway(Instruction::BinaryOps Opc, Value *V,
                        const DataLayout &DL) {
  auto *C = dyn_cast<Constant>(V);
  if (!C)
    return false;
  // A v128.const reaches here as a bitcast of <2 x i64>; fold it to lanes.
  C = ConstantFoldConstant(C, DL);
  auto Foldable = [&](Constant *Lane) {
    auto *F = dyn_cast_or_null<ConstantFP>(Lane);
    if (!F)
      return true; // undef, poison or an expression: assume the worst
    if (Opc == Instruction::FAdd || Opc == Instruction::FSub)
      return F->isZero();
    return F->isExactlyValue(1.0) || F->isExactlyValue(-1.0);
  };
  auto *VT = dyn_cast<FixedVectorType>(C->getType());
  if (!VT)
    return Foldable(C);
  for (unsigned I = 0, E = VT->getNumElements(); I != E; ++I)
    if (Foldable(C->getAggregateElement(I)))
      return true;
  return false;
}

Value *NumericEmitter::emitFloatArith(Instruction::BinaryOps Opc, Value *L,
                                      Value *R) {
  Value *Result = B.CreateBinOp(Opc, L, R);
  const DataLayout &DL = B.GetInsertBlock()->getModule()->getDataLayout();
  // Two constants fold to a constant here, with quiet NaNs.
  if ((isa<Constant>(L) && isa<Constant>(R)) ||
      (!mayFoldAway(Opc, L, DL) && !mayFoldAway(Opc, R, DL)))
    return Result;
  // Where the other operand is NaN, double it: adding the constant could
  // fold too. Lanes where only the constant is NaN keep the operation's
  // (constant NaN) result.
  Value *V = isa<Constant>(L) ? R : L;
  return B.CreateSelect(B.CreateFCmpUNO(V, V), B.CreateFAdd(V, V), Result);
}

Value *NumericEmitter::emitMinMax(Value *L, Value *R, bool IsMax) {
  // llvm.minimum/maximum give the right ordering (-0 < +0) and a NaN when
  // either input is one, but x86 passes a signalling NaN through unquieted,
  // while wasm requires an arithmetic (quiet) NaN. The sum of the operands is
  // such a NaN, and canonical when the NaN inputs are.
  Value *MM = B.CreateBinaryIntrinsic(
      IsMax ? Intrinsic::maximum : Intrinsic::minimum, L, R);
  Value *AnyNaN = B.CreateFCmpUNO(L, R);
  return B.CreateSelect(AnyNaN, B.CreateFAdd(L, R), MM);
}

} // namespace orca
