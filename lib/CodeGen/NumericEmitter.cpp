//===- CodeGen/NumericEmitter.cpp - Dispatch of value instructions -------===//
//
// Owns which opcodes NumericEmitter lowers, the dispatch to the per-family
// emitters (EmitInteger.cpp, EmitFloat.cpp, EmitConversion.cpp and the
// EmitSIMD*.cpp files), and the helpers they share: the v128 type and the
// wasm min/max sequence.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/NumericEmitter.h"

#include "llvm/IR/Intrinsics.h"
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
