//===- CodeGen/NumericEmitter.h - Pure value instructions to IR -*- C++ -*-===//
//
// Lowers every instruction that only consumes and produces values (numeric
// i32/i64/f32/f64 ops, comparisons, conversions, sign extension, saturating
// truncation, and the SIMD value ops: lanes, arithmetic, comparisons,
// shuffles, conversions) with exact wasm semantics. Memory, control, and
// variable instructions are FunctionTranslator's. Trapping instructions
// (div/rem, trapping float-to-int) ask the TrapSink for a conditional trap.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_NUMERICEMITTER_H
#define ORCA_CODEGEN_NUMERICEMITTER_H

#include "Binary/Instr.h"
#include "Environ/TrapCode.h"

#include "llvm/IR/IRBuilder.h"

namespace orca {

/// Raises traps on behalf of an emitter; implemented by FunctionTranslator.
class TrapSink {
public:
  virtual ~TrapSink();
  /// Emits: if (Cond) trap(Code); continues in a fresh block otherwise.
  virtual void trapIf(llvm::Value *Cond, TrapCode Code) = 0;
};

class NumericEmitter {
public:
  NumericEmitter(llvm::IRBuilder<> &B, TrapSink &Traps) : B(B), Traps(Traps) {}

  /// True if \p Op is lowered here (its ImmKind is None, I32..F64 consts
  /// excluded, or V128/Shuffle/Lane).
  static bool handles(Opcode Op);

  /// Emits \p I applied to \p Args (in wasm operand order: the first popped
  /// value is last). Returns the result, or null for none. The v128 type is
  /// <2 x i64>; operations bitcast to the lane shape they need and back.
  llvm::Value *emit(const Instr &I, llvm::ArrayRef<llvm::Value *> Args);

private:
  // Each family returns null when \p I is not one of its opcodes.
  llvm::Value *emitInteger(const Instr &I, llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *emitFloat(const Instr &I, llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *emitConversion(const Instr &I,
                              llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *emitSIMDLanes(const Instr &I,
                             llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *emitSIMDInteger(const Instr &I,
                               llvm::ArrayRef<llvm::Value *> Args);
  llvm::Value *emitSIMDFloat(const Instr &I,
                             llvm::ArrayRef<llvm::Value *> Args);

  /// Float add/sub/mul/div on scalars or vectors whose NaN results are
  /// quiet even where LLVM folds the operation away (EmitFloat.cpp).
  llvm::Value *emitFloatArith(llvm::Instruction::BinaryOps Opc, llvm::Value *L,
                              llvm::Value *R);

  /// wasm min/max on scalars or vectors: NaN-propagating with a quiet NaN,
  /// and -0 < +0.
  llvm::Value *emitMinMax(llvm::Value *L, llvm::Value *R, bool IsMax);

  /// Saturating float-to-int truncation of a vector \p X to \p To, as
  /// compares and selects around a plain (in-range) conversion; the
  /// fptosi.sat intrinsics are scalarised by the x86 backend.
  llvm::Value *emitVectorTruncSat(llvm::Value *X, llvm::Type *To, bool Signed);

  llvm::Type *v128Type();
  /// Bitcasts a v128 (<2 x i64>) to <N x Elt>.
  llvm::Value *asLanes(llvm::Value *V, llvm::Type *Elt, unsigned N);
  /// Bitcasts a 128-bit vector back to the canonical <2 x i64>.
  llvm::Value *toV128(llvm::Value *V);

  llvm::IRBuilder<> &B;
  TrapSink &Traps;
};

} // namespace orca

#endif // ORCA_CODEGEN_NUMERICEMITTER_H
