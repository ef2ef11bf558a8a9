//===- Binary/DecodeCode.cpp - Constant expressions and function bodies ---===//
//
// The parts of decoding that read instructions. Every body is scanned once
// here so that encoding errors (and uses of data indices, which need a data
// count section) are found at decode time; the validator re-reads bodies
// with the same InstrReader for typing.
//
//===----------------------------------------------------------------------===//

#include "Binary/DecoderImpl.h"
#include "Support/Error.h"

#include <optional>
#include <utility>

using namespace orca;
using llvm::Error;
using orca::detail::Decoder;

namespace {

/// More locals than this in one function is rejected as "too many locals".
/// The spec's own bound is 2^32-1; this implementation limit (the same as
/// other engines') keeps code generation from being asked for billions of
/// stack slots.
constexpr uint64_t MaxLocals = 50000;

bool isConstInstr(Opcode Op, const Features &F) {
  switch (Op) {
  case Opcode::I32Const:
  case Opcode::I64Const:
  case Opcode::F32Const:
  case Opcode::F64Const:
  case Opcode::V128Const:
  case Opcode::RefNull:
  case Opcode::RefFunc:
  case Opcode::GlobalGet:
    return true;
  case Opcode::I32Add:
  case Opcode::I32Sub:
  case Opcode::I32Mul:
  case Opcode::I64Add:
  case Opcode::I64Sub:
  case Opcode::I64Mul:
    return F.ExtendedConst;
  default:
    return false;
  }
}

/// The ConstExpr kind of an arithmetic instruction of extended constant
/// expressions, with its type.
std::optional<std::pair<ConstExpr::Kind, ValType>> arithKind(Opcode Op) {
  switch (Op) {
  case Opcode::I32Add:
    return std::pair(ConstExpr::I32Add, ValType::I32);
  case Opcode::I32Sub:
    return std::pair(ConstExpr::I32Sub, ValType::I32);
  case Opcode::I32Mul:
    return std::pair(ConstExpr::I32Mul, ValType::I32);
  case Opcode::I64Add:
    return std::pair(ConstExpr::I64Add, ValType::I64);
  case Opcode::I64Sub:
    return std::pair(ConstExpr::I64Sub, ValType::I64);
  case Opcode::I64Mul:
    return std::pair(ConstExpr::I64Mul, ValType::I64);
  default:
    return std::nullopt;
  }
}

} // namespace

Error Decoder::readInstr(InstrReader &IR, Instr &I) {
  return llvm::handleErrors(IR.read(I),
                            [&](std::unique_ptr<WasmError> W) -> Error {
                              if (W->kind() != ErrorKind::Invalid)
                                return Error(std::move(W));
                              deferInvalid(W->text(), W->offset());
                              return Error::success();
                            });
}

void Decoder::constInstr(const Instr &I, ConstExpr &C) {
  C.Offset = I.Offset;
  if (auto Arith = arithKind(I.Op)) {
    C.K = Arith->first;
    C.Type = Arith->second;
    return;
  }
  switch (I.Op) {
  case Opcode::I32Const:
    C.K = ConstExpr::I32Const;
    C.Type = ValType::I32;
    C.Bits = I.Imm;
    break;
  case Opcode::I64Const:
    C.K = ConstExpr::I64Const;
    C.Type = ValType::I64;
    C.Bits = I.Imm;
    break;
  case Opcode::F32Const:
    C.K = ConstExpr::F32Const;
    C.Type = ValType::F32;
    C.Bits = I.Imm;
    break;
  case Opcode::F64Const:
    C.K = ConstExpr::F64Const;
    C.Type = ValType::F64;
    C.Bits = I.Imm;
    break;
  case Opcode::V128Const:
    C.K = ConstExpr::V128Const;
    C.Type = ValType::V128;
    for (unsigned K = 0; K < 8; ++K) {
      C.Bits |= uint64_t(I.Bytes[K]) << (8 * K);
      C.BitsHi |= uint64_t(I.Bytes[8 + K]) << (8 * K);
    }
    break;
  case Opcode::RefNull:
    C.K = ConstExpr::RefNull;
    C.Type = I.Type;
    break;
  case Opcode::RefFunc:
    C.K = ConstExpr::RefFunc;
    C.Type = ValType::FuncRef;
    C.Bits = I.A;
    markEscapes(I.A);
    break;
  case Opcode::GlobalGet:
    C.K = ConstExpr::GlobalGet;
    C.Bits = I.A;
    // The validator checks the index; the type is only known if it exists.
    if (I.A < M.Globals.size())
      C.Type = M.Globals[I.A].Type.Type;
    break;
  default:
    break;
  }
}

Error Decoder::constExpr(ConstExpr &C) {
  C = ConstExpr();
  C.Offset = R.offset();
  // Any instruction sequence decodes; only its constness is a validation
  // matter, so everything up to the matching `end` is read.
  InstrReader IR(M.Bytes, R.offset(), R.end(), Feat);
  Instr I;
  std::vector<Instr> Instrs;
  unsigned Depth = 1;
  uint32_t NonConstOffset = UINT32_MAX;
  while (true) {
    if (Error E = readInstr(IR, I))
      return E;
    if (I.Op == Opcode::End && --Depth == 0)
      break;
    if (I.Op == Opcode::Else && Depth == 1)
      return BinaryReader::error("END opcode expected", I.Offset);
    if (I.Op == Opcode::Block || I.Op == Opcode::Loop || I.Op == Opcode::If)
      ++Depth;
    if (I.Op == Opcode::MemoryInit || I.Op == Opcode::DataDrop)
      UsesDataIndex = true;
    if (!isConstInstr(I.Op, Feat) && NonConstOffset == UINT32_MAX)
      NonConstOffset = I.Offset;
    if (NonConstOffset == UINT32_MAX)
      Instrs.push_back(I);
  }
  R.seek(IR.offset());

  if (NonConstOffset != UINT32_MAX) {
    deferInvalid("constant expression required", NonConstOffset);
    return Error::success();
  }
  if (Instrs.size() == 1 && !arithKind(Instrs[0].Op)) {
    uint32_t Start = C.Offset;
    constInstr(Instrs[0], C);
    C.Offset = Start;
    return Error::success();
  }
  if (Instrs.empty() || !Feat.ExtendedConst) {
    // Zero or several values where exactly one is expected.
    deferInvalid("type mismatch", C.Offset);
    return Error::success();
  }
  // The validator types the sequence; its result type is that of the last
  // instruction when the sequence is valid.
  C.K = ConstExpr::Extended;
  C.Ops.resize(Instrs.size());
  for (size_t N = 0; N < Instrs.size(); ++N)
    constInstr(Instrs[N], C.Ops[N]);
  C.Type = C.Ops.back().Type;
  return Error::success();
}

Error Decoder::scanCode(uint32_t Start, uint32_t End) {
  // Like the reference interpreter, read on past the body's declared end
  // when its final `end` is missing: the error then is whatever those bytes
  // cause (often "section size mismatch" or "END opcode expected").
  InstrReader IR(M.Bytes, Start, R.end(), Feat);
  Instr I;
  unsigned Depth = 1;
  while (Depth > 0) {
    if (Error E = readInstr(IR, I))
      return E;
    switch (I.Op) {
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
      ++Depth;
      break;
    case Opcode::End:
      --Depth;
      break;
    case Opcode::Else:
      if (Depth == 1)
        return BinaryReader::error("END opcode expected", I.Offset);
      break;
    case Opcode::MemoryInit:
    case Opcode::DataDrop:
      UsesDataIndex = true;
      break;
    default:
      break;
    }
  }
  if (IR.offset() != End)
    return BinaryReader::error("section size mismatch", IR.offset());
  return Error::success();
}

Error Decoder::functionBody() {
  uint32_t Size;
  if (Error E = R.length(Size))
    return E;
  FunctionBody Body;
  Body.BodyStart = R.offset();
  uint32_t End = Body.BodyStart + Size;
  uint32_t LocalsOffset = R.offset();
  uint32_t NumRuns;
  if (Error E = R.length(NumRuns))
    return E;
  Body.Locals.reserve(NumRuns);
  for (uint32_t N = 0; N < NumRuns; ++N) {
    FunctionBody::LocalRun Run;
    if (Error E = R.u32(Run.Count))
      return E;
    if (Error E = R.valType(Run.Type))
      return E;
    Body.NumLocals += Run.Count;
    Body.Locals.push_back(Run);
  }
  if (Body.NumLocals > MaxLocals)
    return BinaryReader::error("too many locals", LocalsOffset);
  if (R.offset() > End)
    return BinaryReader::error("unexpected end of section or function", End);
  Body.CodeStart = R.offset();
  Body.CodeEnd = End;
  if (Error E = scanCode(Body.CodeStart, Body.CodeEnd))
    return E;
  R.seek(End);
  M.Bodies.push_back(std::move(Body));
  return Error::success();
}

Error Decoder::codeSection() {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  M.Bodies.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N)
    if (Error E = functionBody())
      return E;
  return Error::success();
}
