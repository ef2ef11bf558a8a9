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

using namespace orca;
using llvm::Error;
using orca::detail::Decoder;

namespace {

/// More locals than this in one function is rejected as "too many locals".
/// The spec's own bound is 2^32-1; this implementation limit (the same as
/// other engines') keeps code generation from being asked for billions of
/// stack slots.
constexpr uint64_t MaxLocals = 50000;

bool isConstInstr(Opcode Op) {
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
  default:
    return false;
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

Error Decoder::constExpr(ConstExpr &C) {
  C = ConstExpr();
  C.Offset = R.offset();
  // Any instruction sequence decodes; only its constness is a validation
  // matter, so everything up to the matching `end` is read.
  InstrReader IR(M.Bytes, R.offset(), R.end(), Feat);
  Instr I, First;
  unsigned Depth = 1, NumInstrs = 0;
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
    if (!isConstInstr(I.Op) && NonConstOffset == UINT32_MAX)
      NonConstOffset = I.Offset;
    if (NumInstrs++ == 0)
      First = I;
  }
  R.seek(IR.offset());

  if (NonConstOffset != UINT32_MAX) {
    deferInvalid("constant expression required", NonConstOffset);
    return Error::success();
  }
  if (NumInstrs != 1) {
    // Zero or several values where exactly one is expected.
    deferInvalid("type mismatch", C.Offset);
    return Error::success();
  }
  switch (First.Op) {
  case Opcode::I32Const:
    C.K = ConstExpr::I32Const;
    C.Type = ValType::I32;
    C.Bits = First.Imm;
    break;
  case Opcode::I64Const:
    C.K = ConstExpr::I64Const;
    C.Type = ValType::I64;
    C.Bits = First.Imm;
    break;
  case Opcode::F32Const:
    C.K = ConstExpr::F32Const;
    C.Type = ValType::F32;
    C.Bits = First.Imm;
    break;
  case Opcode::F64Const:
    C.K = ConstExpr::F64Const;
    C.Type = ValType::F64;
    C.Bits = First.Imm;
    break;
  case Opcode::V128Const:
    C.K = ConstExpr::V128Const;
    C.Type = ValType::V128;
    for (unsigned K = 0; K < 8; ++K) {
      C.Bits |= uint64_t(First.Bytes[K]) << (8 * K);
      C.BitsHi |= uint64_t(First.Bytes[8 + K]) << (8 * K);
    }
    break;
  case Opcode::RefNull:
    C.K = ConstExpr::RefNull;
    C.Type = First.Type;
    break;
  case Opcode::RefFunc:
    C.K = ConstExpr::RefFunc;
    C.Type = ValType::FuncRef;
    C.Bits = First.A;
    markEscapes(First.A);
    break;
  case Opcode::GlobalGet:
    C.K = ConstExpr::GlobalGet;
    C.Bits = First.A;
    // The validator checks the index; the type is only known if it exists.
    if (First.A < M.Globals.size())
      C.Type = M.Globals[First.A].Type.Type;
    break;
  default:
    break;
  }
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
