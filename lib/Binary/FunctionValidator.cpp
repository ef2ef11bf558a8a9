//===- Binary/FunctionValidator.cpp - Type-check one function body --------===//
//
// Owns the typing of instruction sequences: the operand/control stacks of
// the spec's validation appendix, the generic typing of every instruction
// that has an OpcodeInfo::Sig, and the hand-written rules for the rest
// (control flow, variables, tables, references, bulk operations).
//
//===----------------------------------------------------------------------===//

#include "Binary/FunctionValidator.h"

#include "Binary/InstrReader.h"
#include "Support/Error.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using llvm::ArrayRef;
using llvm::Error;

namespace orca {
namespace {

/// The bottom type of unreachable code: matches any value type. Zero is no
/// value type's encoding.
constexpr ValType Unknown = ValType(0);

/// Stable one-element storage for the result of a `blocktype` that is a
/// single value type, so that frames can refer to it by ArrayRef.
constexpr ValType SingleTypes[] = {
    ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
    ValType::V128, ValType::FuncRef, ValType::ExternRef};

ArrayRef<ValType> singleType(ValType T) {
  for (const ValType &S : SingleTypes)
    if (S == T)
      return ArrayRef<ValType>(&S, 1);
  return {};
}

/// A valid body never needs this many operands at once in practice, and the
/// cap keeps a hostile body (many multi-value calls) from exhausting memory.
constexpr size_t MaxOperandStack = size_t(1) << 22;

bool isNumOrUnknown(ValType T) { return T == Unknown || isNumType(T); }
bool isVecOrUnknown(ValType T) { return T == Unknown || T == ValType::V128; }

ValType sigLetterType(char C) {
  switch (C) {
  case 'i':
    return ValType::I32;
  case 'I':
    return ValType::I64;
  case 'f':
    return ValType::F32;
  case 'F':
    return ValType::F64;
  default:
    return ValType::V128;
  }
}

/// log2 of the natural alignment of a memory access, or -1 for an
/// instruction that has none.
int naturalAlignLog2(Opcode Op) {
  switch (Op) {
  case Opcode::I32Load8S:
  case Opcode::I32Load8U:
  case Opcode::I64Load8S:
  case Opcode::I64Load8U:
  case Opcode::I32Store8:
  case Opcode::I64Store8:
  case Opcode::V128Load8Splat:
  case Opcode::V128Load8Lane:
  case Opcode::V128Store8Lane:
    return 0;
  case Opcode::I32Load16S:
  case Opcode::I32Load16U:
  case Opcode::I64Load16S:
  case Opcode::I64Load16U:
  case Opcode::I32Store16:
  case Opcode::I64Store16:
  case Opcode::V128Load16Splat:
  case Opcode::V128Load16Lane:
  case Opcode::V128Store16Lane:
    return 1;
  case Opcode::I32Load:
  case Opcode::F32Load:
  case Opcode::I64Load32S:
  case Opcode::I64Load32U:
  case Opcode::I32Store:
  case Opcode::F32Store:
  case Opcode::I64Store32:
  case Opcode::V128Load32Splat:
  case Opcode::V128Load32Lane:
  case Opcode::V128Store32Lane:
  case Opcode::V128Load32Zero:
    return 2;
  case Opcode::I64Load:
  case Opcode::F64Load:
  case Opcode::I64Store:
  case Opcode::F64Store:
  case Opcode::V128Load8x8S:
  case Opcode::V128Load8x8U:
  case Opcode::V128Load16x4S:
  case Opcode::V128Load16x4U:
  case Opcode::V128Load32x2S:
  case Opcode::V128Load32x2U:
  case Opcode::V128Load64Splat:
  case Opcode::V128Load64Lane:
  case Opcode::V128Store64Lane:
  case Opcode::V128Load64Zero:
    return 3;
  case Opcode::V128Load:
  case Opcode::V128Store:
    return 4;
  default:
    return -1;
  }
}

/// Number of lanes addressed by a lane immediate.
unsigned laneCount(Opcode Op) {
  switch (Op) {
  case Opcode::I8x16ExtractLaneS:
  case Opcode::I8x16ExtractLaneU:
  case Opcode::I8x16ReplaceLane:
    return 16;
  case Opcode::I16x8ExtractLaneS:
  case Opcode::I16x8ExtractLaneU:
  case Opcode::I16x8ReplaceLane:
    return 8;
  case Opcode::I32x4ExtractLane:
  case Opcode::I32x4ReplaceLane:
  case Opcode::F32x4ExtractLane:
  case Opcode::F32x4ReplaceLane:
    return 4;
  case Opcode::I64x2ExtractLane:
  case Opcode::I64x2ReplaceLane:
  case Opcode::F64x2ExtractLane:
  case Opcode::F64x2ReplaceLane:
    return 2;
  default: {
    // The *_lane memory accesses: one lane per naturally aligned access.
    int Align = naturalAlignLog2(Op);
    return Align < 0 ? 0 : 16u >> Align;
  }
  }
}

/// Whether the proposal that introduced \p Op is enabled.
bool opcodeEnabled(Opcode Op, const OpcodeInfo &Info, const Features &F) {
  if (Info.Prefix == 0xfd)
    return F.SIMD;
  if (Info.Prefix == 0xfc) {
    if (Info.Code <= 7)
      return F.SaturatingFloatToInt;
    if (Info.Code <= 14)
      return F.BulkMemory;
    return F.ReferenceTypes;
  }
  if (Info.Code >= 0xc0 && Info.Code <= 0xc4)
    return F.SignExtension;
  switch (Op) {
  case Opcode::RefNull:
  case Opcode::RefIsNull:
  case Opcode::RefFunc:
  case Opcode::TableGet:
  case Opcode::TableSet:
  case Opcode::SelectT:
    return F.ReferenceTypes;
  default:
    return true;
  }
}

class FunctionValidator {
public:
  FunctionValidator(const Module &M, uint32_t FuncIndex,
                    const std::vector<bool> &DeclaredRefs, const Features &F)
      : M(M), DeclaredRefs(DeclaredRefs), Feat(F),
        Body(M.Bodies[FuncIndex - M.NumImportedFuncs]),
        Type(M.funcType(FuncIndex)) {}

  Error run();

private:
  struct Frame {
    Opcode Op;
    ArrayRef<ValType> Start;
    ArrayRef<ValType> End;
    size_t Height;
    bool Unreachable;
  };

  Error typeMismatch() { return invalid("type mismatch", Cur.Offset); }

  Error pushVal(ValType T) {
    if (Vals.size() >= MaxOperandStack)
      return invalid("operand stack too deep", Cur.Offset);
    Vals.push_back(T);
    return Error::success();
  }
  Error pushVals(ArrayRef<ValType> Ts) {
    if (Vals.size() + Ts.size() > MaxOperandStack)
      return invalid("operand stack too deep", Cur.Offset);
    Vals.insert(Vals.end(), Ts.begin(), Ts.end());
    return Error::success();
  }

  Error popAny(ValType &Out) {
    const Frame &Top = Ctrls.back();
    if (Vals.size() == Top.Height) {
      if (Top.Unreachable) {
        Out = Unknown;
        return Error::success();
      }
      return typeMismatch();
    }
    Out = Vals.back();
    Vals.pop_back();
    return Error::success();
  }
  Error popVal(ValType Expect, ValType *Actual = nullptr) {
    ValType T = Unknown;
    if (Error E = popAny(T))
      return E;
    if (T != Expect && T != Unknown && Expect != Unknown)
      return typeMismatch();
    if (Actual)
      *Actual = T;
    return Error::success();
  }
  /// Pops \p Ts (last first); when \p Popped is given it receives the
  /// actual types in stack order, Unknown where the stack was polymorphic.
  Error popVals(ArrayRef<ValType> Ts,
                llvm::SmallVectorImpl<ValType> *Popped = nullptr) {
    if (Popped)
      Popped->assign(Ts.size(), Unknown);
    for (size_t I = Ts.size(); I-- > 0;) {
      ValType Actual = Unknown;
      if (Error E = popVal(Ts[I], &Actual))
        return E;
      if (Popped)
        (*Popped)[I] = Actual;
    }
    return Error::success();
  }

  Error pushCtrl(Opcode Op, ArrayRef<ValType> In, ArrayRef<ValType> Out) {
    Ctrls.push_back(Frame{Op, In, Out, Vals.size(), false});
    return pushVals(In);
  }
  Error popCtrl(Frame &Out) {
    // Copy: pushes below may not invalidate it, and the caller needs it
    // after the pop.
    Out = Ctrls.back();
    if (Error E = popVals(Out.End))
      return E;
    if (Vals.size() != Out.Height)
      return typeMismatch();
    Ctrls.pop_back();
    return Error::success();
  }
  static ArrayRef<ValType> labelTypes(const Frame &F) {
    return F.Op == Opcode::Loop ? F.Start : F.End;
  }
  void markUnreachable() {
    Vals.resize(Ctrls.back().Height);
    Ctrls.back().Unreachable = true;
  }

  Error checkLabel(uint32_t Depth) {
    if (Depth >= Ctrls.size())
      return invalid("unknown label", Cur.Offset);
    return Error::success();
  }
  const Frame &label(uint32_t Depth) const {
    return Ctrls[Ctrls.size() - 1 - Depth];
  }

  Error localType(uint32_t Index, ValType &Out);
  Error blockType(const BlockType &BT, ArrayRef<ValType> &In,
                  ArrayRef<ValType> &Out);
  Error checkMemory(uint32_t Index) {
    if (Index >= M.Memories.size())
      return invalid("unknown memory " + std::to_string(Index), Cur.Offset);
    return Error::success();
  }
  Error checkTable(uint32_t Index) {
    if (Index >= M.Tables.size())
      return invalid("unknown table " + std::to_string(Index), Cur.Offset);
    return Error::success();
  }
  Error checkData(uint32_t Index);
  Error checkElem(uint32_t Index) {
    if (Index >= M.Elems.size())
      return invalid("unknown elem segment " + std::to_string(Index),
                     Cur.Offset);
    return Error::success();
  }
  Error checkFunc(uint32_t Index) {
    if (Index >= M.Funcs.size())
      return invalid("unknown function " + std::to_string(Index), Cur.Offset);
    return Error::success();
  }
  Error popI32s(unsigned N) {
    for (unsigned I = 0; I < N; ++I)
      if (Error E = popVal(ValType::I32))
        return E;
    return Error::success();
  }

  Error genericSig(const char *Sig);
  Error memArg(const OpcodeInfo &Info);
  Error instr(const OpcodeInfo &Info);
  Error control();
  Error variable();
  Error reference();
  Error tableOrBulk();

  const Module &M;
  const std::vector<bool> &DeclaredRefs;
  const Features &Feat;
  const FunctionBody &Body;
  const FuncType &Type;

  Instr Cur;
  std::vector<ValType> Vals;
  std::vector<Frame> Ctrls;
  /// Cumulative local counts after each run, for lookups by binary search
  /// without materialising (possibly very many) locals.
  std::vector<uint64_t> RunEnds;
  llvm::SmallVector<ValType, 8> Scratch;
};

Error FunctionValidator::localType(uint32_t Index, ValType &Out) {
  if (Index < Type.Params.size()) {
    Out = Type.Params[Index];
    return Error::success();
  }
  uint64_t Rel = uint64_t(Index) - Type.Params.size();
  auto It = std::upper_bound(RunEnds.begin(), RunEnds.end(), Rel);
  if (It == RunEnds.end())
    return invalid("unknown local " + std::to_string(Index), Cur.Offset);
  Out = Body.Locals[It - RunEnds.begin()].Type;
  return Error::success();
}

Error FunctionValidator::blockType(const BlockType &BT, ArrayRef<ValType> &In,
                                   ArrayRef<ValType> &Out) {
  In = {};
  Out = {};
  switch (BT.K) {
  case BlockType::Empty:
    return Error::success();
  case BlockType::Value:
    if (!valTypeEnabled(BT.Type, Feat))
      return invalid("value type not enabled", Cur.Offset);
    Out = singleType(BT.Type);
    return Error::success();
  case BlockType::TypeIndex:
    break;
  }
  if (BT.Index >= M.Types.size())
    return invalid("unknown type", Cur.Offset);
  const FuncType &FT = M.Types[BT.Index];
  if (!Feat.MultiValue && (!FT.Params.empty() || FT.Results.size() > 1))
    return invalid("invalid result arity", Cur.Offset);
  In = FT.Params;
  Out = FT.Results;
  return Error::success();
}

Error FunctionValidator::checkData(uint32_t Index) {
  // Code may only name data segments that the data count section announced.
  // The decoder rejects data indices in code without that section when a
  // data section exists; without either, no index is known.
  uint64_t Count = M.DataCount ? *M.DataCount : M.Datas.size();
  if (Index >= Count)
    return invalid("unknown data segment " + std::to_string(Index), Cur.Offset);
  return Error::success();
}

Error FunctionValidator::genericSig(const char *Sig) {
  const char *Colon = Sig;
  while (*Colon != ':')
    ++Colon;
  for (const char *P = Colon; P-- != Sig;)
    if (Error E = popVal(sigLetterType(*P)))
      return E;
  for (const char *P = Colon + 1; *P; ++P)
    if (Error E = pushVal(sigLetterType(*P)))
      return E;
  return Error::success();
}

Error FunctionValidator::memArg(const OpcodeInfo &Info) {
  if (Error E = checkMemory(Cur.B))
    return E;
  int Natural = naturalAlignLog2(Cur.Op);
  if (Natural >= 0 && Cur.A > uint32_t(Natural))
    return invalid("alignment must not be larger than natural", Cur.Offset);
  if (Info.Imm == ImmKind::MemArgLane && Cur.Lane >= laneCount(Cur.Op))
    return invalid("invalid lane index", Cur.Offset);
  return Error::success();
}

Error FunctionValidator::control() {
  ArrayRef<ValType> In, Out;
  switch (Cur.Op) {
  case Opcode::Unreachable:
    markUnreachable();
    return Error::success();
  case Opcode::Nop:
    return Error::success();
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If:
    if (Error E = blockType(Cur.Block, In, Out))
      return E;
    if (Cur.Op == Opcode::If)
      if (Error E = popVal(ValType::I32))
        return E;
    if (Error E = popVals(In))
      return E;
    return pushCtrl(Cur.Op, In, Out);
  case Opcode::Else: {
    if (Ctrls.back().Op != Opcode::If)
      return invalid("else without matching if", Cur.Offset);
    Frame F;
    if (Error E = popCtrl(F))
      return E;
    return pushCtrl(Opcode::Else, F.Start, F.End);
  }
  case Opcode::End: {
    Frame F;
    if (Error E = popCtrl(F))
      return E;
    // An `if` without `else` behaves as if its else arm were empty, which
    // only type-checks when the block leaves its inputs unchanged.
    if (F.Op == Opcode::If && F.Start != F.End)
      return typeMismatch();
    if (Ctrls.empty())
      return Error::success();
    return pushVals(F.End);
  }
  case Opcode::Br:
    if (Error E = checkLabel(Cur.A))
      return E;
    if (Error E = popVals(labelTypes(label(Cur.A))))
      return E;
    markUnreachable();
    return Error::success();
  case Opcode::BrIf: {
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = checkLabel(Cur.A))
      return E;
    ArrayRef<ValType> Ts = labelTypes(label(Cur.A));
    if (Error E = popVals(Ts))
      return E;
    return pushVals(Ts);
  }
  case Opcode::BrTable: {
    if (Error E = popVal(ValType::I32))
      return E;
    ArrayRef<uint32_t> Targets = Cur.Targets;
    if (Targets.empty())
      return malformed("br_table without default", Cur.Offset);
    uint32_t Default = Targets.back();
    if (Error E = checkLabel(Default))
      return E;
    size_t Arity = labelTypes(label(Default)).size();
    for (uint32_t Depth : Targets.drop_back()) {
      if (Error E = checkLabel(Depth))
        return E;
      ArrayRef<ValType> Ts = labelTypes(label(Depth));
      if (Ts.size() != Arity)
        return typeMismatch();
      // Re-push what was actually popped so that, under a polymorphic
      // stack, every target sees the same operands.
      if (Error E = popVals(Ts, &Scratch))
        return E;
      if (Error E = pushVals(Scratch))
        return E;
    }
    if (Error E = popVals(labelTypes(label(Default))))
      return E;
    markUnreachable();
    return Error::success();
  }
  case Opcode::Return:
    if (Error E = popVals(Type.Results))
      return E;
    markUnreachable();
    return Error::success();
  case Opcode::Call: {
    if (Error E = checkFunc(Cur.A))
      return E;
    const FuncType &FT = M.funcType(Cur.A);
    if (Error E = popVals(FT.Params))
      return E;
    return pushVals(FT.Results);
  }
  case Opcode::CallIndirect: {
    if (Error E = checkTable(Cur.B))
      return E;
    if (M.Tables[Cur.B].Type.Elem != ValType::FuncRef)
      return typeMismatch();
    if (Cur.A >= M.Types.size())
      return invalid("unknown type", Cur.Offset);
    const FuncType &FT = M.Types[Cur.A];
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = popVals(FT.Params))
      return E;
    return pushVals(FT.Results);
  }
  default:
    llvm_unreachable("not a control instruction");
  }
}

Error FunctionValidator::variable() {
  ValType T = Unknown;
  switch (Cur.Op) {
  case Opcode::LocalGet:
    if (Error E = localType(Cur.A, T))
      return E;
    return pushVal(T);
  case Opcode::LocalSet:
    if (Error E = localType(Cur.A, T))
      return E;
    return popVal(T);
  case Opcode::LocalTee:
    if (Error E = localType(Cur.A, T))
      return E;
    if (Error E = popVal(T))
      return E;
    return pushVal(T);
  case Opcode::GlobalGet:
    if (Cur.A >= M.Globals.size())
      return invalid("unknown global " + std::to_string(Cur.A), Cur.Offset);
    return pushVal(M.Globals[Cur.A].Type.Type);
  case Opcode::GlobalSet: {
    if (Cur.A >= M.Globals.size())
      return invalid("unknown global " + std::to_string(Cur.A), Cur.Offset);
    const GlobalType &GT = M.Globals[Cur.A].Type;
    if (!GT.Mutable)
      return invalid("global is immutable", Cur.Offset);
    return popVal(GT.Type);
  }
  case Opcode::Drop:
    return popAny(T);
  case Opcode::Select: {
    ValType T1 = Unknown, T2 = Unknown;
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = popAny(T1))
      return E;
    if (Error E = popAny(T2))
      return E;
    if (!(isNumOrUnknown(T1) && isNumOrUnknown(T2)) &&
        !(isVecOrUnknown(T1) && isVecOrUnknown(T2)))
      return typeMismatch();
    if (T1 != T2 && T1 != Unknown && T2 != Unknown)
      return typeMismatch();
    return pushVal(T1 == Unknown ? T2 : T1);
  }
  case Opcode::SelectT:
    if (!valTypeEnabled(Cur.Type, Feat))
      return invalid("value type not enabled", Cur.Offset);
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = popVal(Cur.Type))
      return E;
    if (Error E = popVal(Cur.Type))
      return E;
    return pushVal(Cur.Type);
  default:
    llvm_unreachable("not a variable instruction");
  }
}

Error FunctionValidator::reference() {
  switch (Cur.Op) {
  case Opcode::RefNull:
    return pushVal(Cur.Type);
  case Opcode::RefIsNull: {
    ValType T = Unknown;
    if (Error E = popAny(T))
      return E;
    if (T != Unknown && !isRefType(T))
      return typeMismatch();
    return pushVal(ValType::I32);
  }
  case Opcode::RefFunc:
    if (Error E = checkFunc(Cur.A))
      return E;
    if (!DeclaredRefs[Cur.A])
      return invalid("undeclared function reference", Cur.Offset);
    return pushVal(ValType::FuncRef);
  default:
    llvm_unreachable("not a reference instruction");
  }
}

Error FunctionValidator::tableOrBulk() {
  switch (Cur.Op) {
  case Opcode::TableGet:
    if (Error E = checkTable(Cur.A))
      return E;
    if (Error E = popVal(ValType::I32))
      return E;
    return pushVal(M.Tables[Cur.A].Type.Elem);
  case Opcode::TableSet:
    if (Error E = checkTable(Cur.A))
      return E;
    if (Error E = popVal(M.Tables[Cur.A].Type.Elem))
      return E;
    return popVal(ValType::I32);
  case Opcode::TableSize:
    if (Error E = checkTable(Cur.A))
      return E;
    return pushVal(ValType::I32);
  case Opcode::TableGrow:
    if (Error E = checkTable(Cur.A))
      return E;
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = popVal(M.Tables[Cur.A].Type.Elem))
      return E;
    return pushVal(ValType::I32);
  case Opcode::TableFill:
    if (Error E = checkTable(Cur.A))
      return E;
    if (Error E = popVal(ValType::I32))
      return E;
    if (Error E = popVal(M.Tables[Cur.A].Type.Elem))
      return E;
    return popVal(ValType::I32);
  case Opcode::TableInit:
    if (Error E = checkTable(Cur.B))
      return E;
    if (Error E = checkElem(Cur.A))
      return E;
    if (M.Elems[Cur.A].Type != M.Tables[Cur.B].Type.Elem)
      return typeMismatch();
    return popI32s(3);
  case Opcode::ElemDrop:
    return checkElem(Cur.A);
  case Opcode::TableCopy:
    if (Error E = checkTable(Cur.A))
      return E;
    if (Error E = checkTable(Cur.B))
      return E;
    if (M.Tables[Cur.A].Type.Elem != M.Tables[Cur.B].Type.Elem)
      return typeMismatch();
    return popI32s(3);
  case Opcode::MemorySize:
    if (Error E = checkMemory(Cur.A))
      return E;
    return pushVal(ValType::I32);
  case Opcode::MemoryGrow:
    if (Error E = checkMemory(Cur.A))
      return E;
    if (Error E = popVal(ValType::I32))
      return E;
    return pushVal(ValType::I32);
  case Opcode::MemoryFill:
    if (Error E = checkMemory(Cur.A))
      return E;
    return popI32s(3);
  case Opcode::MemoryCopy:
    if (Error E = checkMemory(Cur.A))
      return E;
    if (Error E = checkMemory(Cur.B))
      return E;
    return popI32s(3);
  case Opcode::MemoryInit:
    if (Error E = checkMemory(Cur.B))
      return E;
    if (Error E = checkData(Cur.A))
      return E;
    return popI32s(3);
  case Opcode::DataDrop:
    return checkData(Cur.A);
  default:
    llvm_unreachable("not a table, memory or bulk instruction");
  }
}

Error FunctionValidator::instr(const OpcodeInfo &Info) {
  if (!opcodeEnabled(Cur.Op, Info, Feat))
    return malformed("illegal opcode", Cur.Offset);

  if (Info.Sig[0] != '\0') {
    switch (Info.Imm) {
    case ImmKind::MemArg:
    case ImmKind::MemArgLane:
      if (Error E = memArg(Info))
        return E;
      break;
    case ImmKind::Lane:
      if (Cur.Lane >= laneCount(Cur.Op))
        return invalid("invalid lane index", Cur.Offset);
      break;
    case ImmKind::Shuffle:
      for (uint8_t L : Cur.Bytes)
        if (L >= 32)
          return invalid("invalid lane index", Cur.Offset);
      break;
    default:
      break;
    }
    return genericSig(Info.Sig);
  }

  switch (Cur.Op) {
  case Opcode::Unreachable:
  case Opcode::Nop:
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If:
  case Opcode::Else:
  case Opcode::End:
  case Opcode::Br:
  case Opcode::BrIf:
  case Opcode::BrTable:
  case Opcode::Return:
  case Opcode::Call:
  case Opcode::CallIndirect:
    return control();
  case Opcode::LocalGet:
  case Opcode::LocalSet:
  case Opcode::LocalTee:
  case Opcode::GlobalGet:
  case Opcode::GlobalSet:
  case Opcode::Drop:
  case Opcode::Select:
  case Opcode::SelectT:
    return variable();
  case Opcode::RefNull:
  case Opcode::RefIsNull:
  case Opcode::RefFunc:
    return reference();
  default:
    return tableOrBulk();
  }
}

Error FunctionValidator::run() {
  uint64_t Sum = 0;
  RunEnds.reserve(Body.Locals.size());
  for (const FunctionBody::LocalRun &R : Body.Locals) {
    if (!valTypeEnabled(R.Type, Feat))
      return invalid("value type not enabled", Body.BodyStart);
    Sum += R.Count;
    RunEnds.push_back(Sum);
  }

  // Modules built by hand (not by the decoder) must still not make the
  // reader run off the bytes.
  if (Body.CodeStart > Body.CodeEnd || Body.CodeEnd > M.Bytes.size())
    return malformed("unexpected end", Body.BodyStart);

  InstrReader Reader(M, Body, Feat);
  Cur.Offset = Body.CodeStart;
  if (Error E = pushCtrl(Opcode::Block, {}, Type.Results))
    return E;
  while (!Ctrls.empty()) {
    if (Reader.atEnd())
      return malformed("unexpected end of section or function",
                       Reader.offset());
    if (Error E = Reader.read(Cur))
      return E;
    if (Error E = instr(opcodeInfo(Cur.Op)))
      return E;
  }
  if (!Reader.atEnd())
    return malformed("operators remaining after end of function",
                     Reader.offset());
  return Error::success();
}

} // namespace

Error validateFunctionBody(const Module &M, uint32_t FuncIndex,
                           const std::vector<bool> &DeclaredRefs,
                           const Features &F) {
  return FunctionValidator(M, FuncIndex, DeclaredRefs, F).run();
}

} // namespace orca
