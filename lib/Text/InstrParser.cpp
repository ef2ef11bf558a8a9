//===- Text/InstrParser.cpp - Instructions to their encodings -------------===//
//
// Flat and folded instructions of function bodies and constant
// expressions. Mnemonics, encodings and immediate kinds all come from
// Binary/Opcodes.def; this file only knows how each immediate kind is
// written in text. Structured instructions in flat form are tracked with
// the label stack, not recursion; only folded nesting recurses, up to
// MaxFoldedDepth.
//
//===----------------------------------------------------------------------===//

#include "Text/ModuleParser.h"

#include "Binary/Instr.h"
#include "Text/Numbers.h"
#include "llvm/ADT/StringExtras.h"

using namespace orca;

namespace {

struct OpcodeNames {
  llvm::StringMap<Opcode> ByName;
  std::vector<uint8_t> NaturalLog2;
  OpcodeNames();
};

/// The natural alignment of a memory access, from its mnemonic:
/// `i64.load32_u` reads 32 bits, `v128.load8x8_s` 64, `f64.store` 64.
unsigned naturalLog2(llvm::StringRef Name) {
  size_t Dot = Name.find('.');
  llvm::StringRef Type = Name.take_front(Dot);
  llvm::StringRef Op = Name.drop_front(Dot + 1);
  if (Op.consume_front("load") || Op.consume_front("store")) {
    unsigned Bits = 0, Count = 1;
    if (!Op.empty() && llvm::isDigit(Op[0])) {
      Op.consumeInteger(10, Bits);
      if (Op.consume_front("x"))
        Op.consumeInteger(10, Count);
    } else {
      Bits = Type == "v128" ? 128 : (Type.ends_with("64") ? 64 : 32);
    }
    unsigned Bytes = Bits * Count / 8, Log2 = 0;
    while ((1u << Log2) < Bytes)
      ++Log2;
    return Log2;
  }
  return 0;
}

OpcodeNames::OpcodeNames() {
#define ORCA_OPCODE(Enum, Prefix, Code, Name, Imm, Sig)                        \
  if (Opcode::Enum != Opcode::SelectT)                                         \
    ByName[Name] = Opcode::Enum;                                               \
  NaturalLog2.push_back(uint8_t(naturalLog2(Name)));
#include "Binary/Opcodes.def"
}

const OpcodeNames &names() {
  static const OpcodeNames N;
  return N;
}

/// Instructions of WebAssembly 3.0 (and threads) that Opcodes.def does not
/// have yet, so that using one says so rather than "unknown operator".
bool isUnsupportedInstr(llvm::StringRef N) {
  if (N.contains("relaxed") || N.contains("atomic"))
    return true;
  if (N.starts_with("struct.") || N.starts_with("array.") ||
      N.starts_with("i31.") || N.starts_with("ref.") ||
      N.starts_with("br_on_") || N.starts_with("return_call") ||
      N.starts_with("call_ref") || N.starts_with("throw") ||
      N.ends_with(".convert_any") || N.ends_with(".convert_extern"))
    return true;
  return llvm::StringSwitch<bool>(N)
      .Cases("try_table", "try", "catch", "catch_all", "delegate", "rethrow",
             true)
      .Cases("i64.add128", "i64.sub128", "i64.mul_wide_s", "i64.mul_wide_u",
             true)
      .Default(false);
}

} // namespace

llvm::Error ModuleParser::parseIndex(Space S, uint32_t &Out) {
  const Token &T = peek();
  if (T.Kind == TokKind::Id) {
    std::string Name = idName(text(T));
    const IndexSpace &Sp = Spaces[unsigned(S)];
    auto It = Sp.Ids.find(Name);
    if (It == Sp.Ids.end())
      return error(T, llvm::Twine("unknown ") + spaceName(S) + " $" + Name);
    Out = It->second;
    ++Pos;
    return llvm::Error::success();
  }
  if (T.Kind == TokKind::Number) {
    uint64_t V;
    NumStatus St = parseUnsigned(text(T), 0xffffffffu, V);
    if (St == NumStatus::Range)
      return error(T, "index out of range (above 2^32-1)");
    if (St != NumStatus::Ok)
      return error(T, "malformed index '" + text(T) + "'");
    Out = uint32_t(V);
    ++Pos;
    return llvm::Error::success();
  }
  return unexpected(std::string("a ") + spaceName(S) + " index");
}

llvm::Error ModuleParser::parseLabelIndex(uint32_t &Out) {
  const Token &T = peek();
  if (T.Kind == TokKind::Id) {
    std::string Name = idName(text(T));
    for (size_t I = Labels.size(); I-- > 0;)
      if (Labels[I].Id == Name) {
        Out = uint32_t(Labels.size() - 1 - I);
        ++Pos;
        return llvm::Error::success();
      }
    return error(T, "unknown label $" + Name);
  }
  if (T.Kind == TokKind::Number) {
    uint64_t V;
    if (parseUnsigned(text(T), 0xffffffffu, V) != NumStatus::Ok)
      return error(T, "malformed label index");
    Out = uint32_t(V);
    ++Pos;
    return llvm::Error::success();
  }
  return unexpected("a label");
}

llvm::Error ModuleParser::parseLocalIndex(uint32_t &Out) {
  const Token &T = peek();
  if (T.Kind == TokKind::Id) {
    std::string Name = idName(text(T));
    auto It =
        Func ? Func->Locals.find(Name) : llvm::StringMap<uint32_t>::iterator();
    if (!Func || It == Func->Locals.end())
      return error(T, "unknown local $" + Name);
    Out = It->second;
    ++Pos;
    return llvm::Error::success();
  }
  if (T.Kind == TokKind::Number) {
    uint64_t V;
    if (parseUnsigned(text(T), 0xffffffffu, V) != NumStatus::Ok)
      return error(T, "malformed local index");
    Out = uint32_t(V);
    ++Pos;
    return llvm::Error::success();
  }
  return unexpected("a local");
}

llvm::Error ModuleParser::parseMemArg(ByteWriter &B, unsigned NaturalLog2,
                                      bool Lane) {
  uint32_t Mem = 0;
  if (at(TokKind::Id)) {
    ORCA_TRY(parseIndex(Space::Memory, Mem));
  } else if (at(TokKind::Number) && (!Lane || at(TokKind::Number, 1) ||
                                     (at(TokKind::Keyword, 1) &&
                                      (text(peek(1)).starts_with("offset=") ||
                                       text(peek(1)).starts_with("align="))))) {
    ORCA_TRY(parseIndex(Space::Memory, Mem));
  }
  bool Is64 = Mem < MemIs64.size() && MemIs64[Mem];
  uint64_t Offset = 0;
  uint64_t Align = uint64_t(1) << NaturalLog2;
  if (at(TokKind::Keyword) && text(peek()).starts_with("offset=")) {
    const Token &T = peek();
    NumStatus St = parseUnsigned(
        text(T).drop_front(7),
        Is64 || Opts.WideLimits ? ~uint64_t(0) : 0xffffffffu, Offset);
    if (St == NumStatus::Range)
      return error(T, Is64 ? "i64 constant out of range"
                           : "i32 constant out of range");
    if (St != NumStatus::Ok)
      return error(T, "malformed offset");
    ++Pos;
  }
  if (at(TokKind::Keyword) && text(peek()).starts_with("align=")) {
    const Token &T = peek();
    NumStatus St = parseUnsigned(text(T).drop_front(6), ~uint64_t(0), Align);
    if (St != NumStatus::Ok)
      return error(T, "malformed alignment");
    if (Align == 0 || (Align & (Align - 1)))
      return error(T, "alignment must be a power of two");
    ++Pos;
  }
  unsigned Log2 = 0;
  while ((uint64_t(1) << Log2) < Align)
    ++Log2;
  if (Mem != 0) {
    B.u32(Log2 | 0x40);
    B.u32(Mem);
  } else {
    B.u32(Log2);
  }
  B.u32(Offset);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseV128Const(ByteWriter &B) {
  const Token &ShapeTok = peek();
  if (!at(TokKind::Keyword))
    return unexpected("a vector shape");
  llvm::StringRef Shape = text(ShapeTok);
  unsigned Lanes, Bits;
  bool Float = false;
  if (Shape == "i8x16")
    Lanes = 16, Bits = 8;
  else if (Shape == "i16x8")
    Lanes = 8, Bits = 16;
  else if (Shape == "i32x4")
    Lanes = 4, Bits = 32;
  else if (Shape == "i64x2")
    Lanes = 2, Bits = 64;
  else if (Shape == "f32x4")
    Lanes = 4, Bits = 32, Float = true;
  else if (Shape == "f64x2")
    Lanes = 2, Bits = 64, Float = true;
  else
    return unexpected("a vector shape");
  ++Pos;
  for (unsigned I = 0; I < Lanes; ++I) {
    const Token &T = peek();
    if (T.Kind != TokKind::Number && T.Kind != TokKind::Keyword)
      return unexpected("a lane value");
    uint64_t V = 0;
    NumStatus St;
    if (Float && Bits == 32) {
      uint32_t F;
      St = parseFloat32(text(T), F);
      V = F;
    } else if (Float) {
      St = parseFloat64(text(T), V);
    } else {
      St = T.Kind == TokKind::Number ? parseInteger(text(T), Bits, V)
                                     : NumStatus::Syntax;
    }
    if (St == NumStatus::Range)
      return error(T, "constant out of range");
    if (St != NumStatus::Ok)
      return unexpected("a lane value");
    ++Pos;
    for (unsigned K = 0; K < Bits / 8; ++K)
      B.byte(uint8_t(V >> (8 * K)));
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseBlockHeader(std::string &LabelId,
                                           ByteWriter &BT) {
  if (at(TokKind::Id)) {
    LabelId = idName(text(peek()));
    ++Pos;
  }
  TypeUse TU;
  ORCA_TRY(parseTypeUse(TU, false));
  if (!TU.Index && TU.Params.empty() && TU.Results.size() <= 1) {
    if (TU.Results.empty())
      BT.byte(0x40);
    else
      BT.raw(TU.Results[0]);
    return llvm::Error::success();
  }
  auto Index = resolveTypeUse(TU);
  if (!Index)
    return Index.takeError();
  // A type index naming [] -> [] or [] -> [t] is written in the short form,
  // as wabt and wasm-tools do.
  if (*Index < Types.size() && Types[*Index].K == TypeDef::Func &&
      TU.Params.empty() && TU.Results.size() <= 1) {
    if (TU.Results.empty())
      BT.byte(0x40);
    else
      BT.raw(TU.Results[0]);
    return llvm::Error::success();
  }
  BT.s64(*Index);
  return llvm::Error::success();
}

llvm::Error ModuleParser::checkEndLabel(const Label &L) {
  if (!at(TokKind::Id))
    return llvm::Error::success();
  if (idName(text(peek())) != L.Id)
    return errorHere("mismatching label");
  ++Pos;
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseInstrSeq(ByteWriter &B, unsigned Depth) {
  const size_t Base = Labels.size();
  while (true) {
    const Token &T = peek();
    if (T.Kind == TokKind::RParen || T.Kind == TokKind::Eof) {
      if (Labels.size() != Base)
        return unexpected("'end'");
      return llvm::Error::success();
    }
    if (T.Kind == TokKind::LParen) {
      ORCA_TRY(parseFoldedInstr(B, Depth + 1));
      continue;
    }
    if (T.Kind != TokKind::Keyword)
      return unexpected("an instruction");
    llvm::StringRef KW = text(T);
    if (KW == "block" || KW == "loop" || KW == "if") {
      ++Pos;
      Label L;
      L.Op = KW == "block" ? 0x02 : KW == "loop" ? 0x03 : 0x04;
      ByteWriter BT;
      ORCA_TRY(parseBlockHeader(L.Id, BT));
      B.byte(L.Op);
      B.append(BT);
      Labels.push_back(std::move(L));
      continue;
    }
    if (KW == "else") {
      if (Labels.size() == Base || Labels.back().Op != 0x04 ||
          Labels.back().SeenElse)
        return error(T, "unexpected token 'else'");
      ++Pos;
      ORCA_TRY(checkEndLabel(Labels.back()));
      Labels.back().SeenElse = true;
      B.byte(0x05);
      continue;
    }
    if (KW == "end") {
      if (Labels.size() == Base)
        return error(T, "unexpected token 'end'");
      ++Pos;
      ORCA_TRY(checkEndLabel(Labels.back()));
      Labels.pop_back();
      B.byte(0x0b);
      continue;
    }
    ORCA_TRY(parsePlainInstr(B));
  }
}

llvm::Error ModuleParser::parseFoldedInstr(ByteWriter &B, unsigned Depth) {
  if (Depth > MaxFoldedDepth)
    return errorHere("folded instructions nested too deeply (more than " +
                     llvm::Twine(MaxFoldedDepth) + " levels)");
  ORCA_TRY(expectLParen());
  if (!at(TokKind::Keyword))
    return unexpected("an instruction");
  llvm::StringRef KW = text(peek());
  if (KW == "block" || KW == "loop") {
    ++Pos;
    Label L;
    L.Op = KW == "block" ? 0x02 : 0x03;
    ByteWriter BT;
    ORCA_TRY(parseBlockHeader(L.Id, BT));
    B.byte(L.Op);
    B.append(BT);
    Labels.push_back(std::move(L));
    ORCA_TRY(parseInstrSeq(B, Depth));
    Labels.pop_back();
    B.byte(0x0b);
    return expectRParen();
  }
  if (KW == "if") {
    ++Pos;
    Label L;
    L.Op = 0x04;
    ByteWriter BT;
    ORCA_TRY(parseBlockHeader(L.Id, BT));
    // The condition, outside the label's scope.
    while (at(TokKind::LParen) && !atField("then"))
      ORCA_TRY(parseFoldedInstr(B, Depth + 1));
    B.byte(0x04);
    B.append(BT);
    Labels.push_back(std::move(L));
    if (!atField("then"))
      return unexpected("'(then'");
    Pos += 2;
    ORCA_TRY(parseInstrSeq(B, Depth));
    ORCA_TRY(expectRParen());
    if (atField("else")) {
      Pos += 2;
      B.byte(0x05);
      ORCA_TRY(parseInstrSeq(B, Depth));
      ORCA_TRY(expectRParen());
    }
    Labels.pop_back();
    B.byte(0x0b);
    return expectRParen();
  }
  ByteWriter Op;
  ORCA_TRY(parsePlainInstr(Op));
  while (at(TokKind::LParen))
    ORCA_TRY(parseFoldedInstr(B, Depth + 1));
  B.append(Op);
  return expectRParen();
}

llvm::Error ModuleParser::parseExpr(ByteWriter &B) {
  std::vector<Label> Saved;
  Saved.swap(Labels);
  llvm::Error E = parseInstrSeq(B, 0);
  Labels.swap(Saved);
  ORCA_TRY(std::move(E));
  B.byte(0x0b);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parsePlainInstr(ByteWriter &B) {
  const Token &T = peek();
  if (T.Kind != TokKind::Keyword)
    return unexpected("an instruction");
  llvm::StringRef Name = text(T);
  const OpcodeNames &N = names();
  auto It = N.ByName.find(Name);
  if (It == N.ByName.end()) {
    if (isUnsupportedInstr(Name))
      return error(T, "unsupported instruction '" + Name +
                          "': not encoded yet (WebAssembly 3.0)");
    return error(T, "unknown operator '" + Name.take_front(40) + "'");
  }
  ++Pos;
  Opcode Op = It->second;
  const OpcodeInfo &Info = opcodeInfo(Op);
  if (Op == Opcode::Select && atField("result")) {
    std::vector<std::string> Ts;
    while (atField("result")) {
      Pos += 2;
      while (!at(TokKind::RParen)) {
        Ts.emplace_back();
        ORCA_TRY(parseValType(Ts.back()));
      }
      ORCA_TRY(expectRParen());
    }
    B.byte(0x1c);
    B.u32(Ts.size());
    for (const std::string &X : Ts)
      B.raw(X);
    return llvm::Error::success();
  }
  if (Info.Prefix) {
    B.byte(Info.Prefix);
    B.u32(Info.Code);
  } else {
    B.byte(uint8_t(Info.Code));
  }
  uint32_t A, C;
  switch (Info.Imm) {
  case ImmKind::None:
    return llvm::Error::success();
  case ImmKind::Block:
  case ImmKind::SelectT:
    return error(T, "unexpected token '" + Name + "'");
  case ImmKind::Label:
    ORCA_TRY(parseLabelIndex(A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::BrTable: {
    std::vector<uint32_t> Ls;
    while (atIndex()) {
      ORCA_TRY(parseLabelIndex(A));
      Ls.push_back(A);
    }
    if (Ls.empty())
      return unexpected("a label");
    B.u32(Ls.size() - 1);
    for (uint32_t L : Ls)
      B.u32(L);
    return llvm::Error::success();
  }
  case ImmKind::Func:
    ORCA_TRY(parseIndex(Space::Func, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::CallIndirect: {
    uint32_t Table = 0;
    if (atIndex())
      ORCA_TRY(parseIndex(Space::Table, Table));
    TypeUse TU;
    ORCA_TRY(parseTypeUse(TU, false));
    auto Index = resolveTypeUse(TU);
    if (!Index)
      return Index.takeError();
    B.u32(*Index);
    B.u32(Table);
    return llvm::Error::success();
  }
  case ImmKind::Local:
    ORCA_TRY(parseLocalIndex(A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::Global:
    ORCA_TRY(parseIndex(Space::Global, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::Table:
    A = 0;
    if (atIndex())
      ORCA_TRY(parseIndex(Space::Table, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::MemArg:
  case ImmKind::MemArgLane: {
    bool Lane = Info.Imm == ImmKind::MemArgLane;
    ORCA_TRY(parseMemArg(B, N.NaturalLog2[size_t(Op)], Lane));
    if (Lane) {
      const Token &LT = peek();
      uint64_t V;
      if (!at(TokKind::Number) ||
          parseUnsigned(text(LT), 255, V) != NumStatus::Ok)
        return unexpected("a lane index");
      ++Pos;
      B.byte(uint8_t(V));
    }
    return llvm::Error::success();
  }
  case ImmKind::Mem:
    A = 0;
    if (atIndex())
      ORCA_TRY(parseIndex(Space::Memory, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::I32:
  case ImmKind::I64: {
    unsigned Bits = Info.Imm == ImmKind::I32 ? 32 : 64;
    uint64_t V;
    NumStatus St = at(TokKind::Number) ? parseInteger(text(peek()), Bits, V)
                                       : NumStatus::Syntax;
    if (St == NumStatus::Range)
      return errorHere(Bits == 32 ? "i32 constant out of range"
                                  : "i64 constant out of range");
    if (St != NumStatus::Ok)
      return unexpected(Bits == 32 ? "an i32 constant" : "an i64 constant");
    ++Pos;
    B.s64(Bits == 32 ? int64_t(int32_t(uint32_t(V))) : int64_t(V));
    return llvm::Error::success();
  }
  case ImmKind::F32: {
    uint32_t V;
    NumStatus St = at(TokKind::Number) || at(TokKind::Keyword)
                       ? parseFloat32(text(peek()), V)
                       : NumStatus::Syntax;
    if (St == NumStatus::Range)
      return errorHere("f32 constant out of range");
    if (St != NumStatus::Ok)
      return unexpected("an f32 constant");
    ++Pos;
    B.fixed32(V);
    return llvm::Error::success();
  }
  case ImmKind::F64: {
    uint64_t V;
    NumStatus St = at(TokKind::Number) || at(TokKind::Keyword)
                       ? parseFloat64(text(peek()), V)
                       : NumStatus::Syntax;
    if (St == NumStatus::Range)
      return errorHere("f64 constant out of range");
    if (St != NumStatus::Ok)
      return unexpected("an f64 constant");
    ++Pos;
    B.fixed64(V);
    return llvm::Error::success();
  }
  case ImmKind::RefType: {
    std::string HT;
    ORCA_TRY(parseHeapType(HT));
    B.raw(HT);
    return llvm::Error::success();
  }
  case ImmKind::DataMem:
    // memory.init memidx? dataidx
    Out.NeedsDataCount = true;
    A = 0;
    if (atIndex() && (at(TokKind::Id, 1) || at(TokKind::Number, 1)))
      ORCA_TRY(parseIndex(Space::Memory, A));
    ORCA_TRY(parseIndex(Space::Data, C));
    B.u32(C);
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::Data:
    Out.NeedsDataCount = true;
    ORCA_TRY(parseIndex(Space::Data, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::MemMem:
    A = C = 0;
    if (atIndex()) {
      ORCA_TRY(parseIndex(Space::Memory, A));
      ORCA_TRY(parseIndex(Space::Memory, C));
    }
    B.u32(A);
    B.u32(C);
    return llvm::Error::success();
  case ImmKind::ElemTable:
    // table.init tableidx? elemidx
    A = 0;
    if (atIndex() && (at(TokKind::Id, 1) || at(TokKind::Number, 1)))
      ORCA_TRY(parseIndex(Space::Table, A));
    ORCA_TRY(parseIndex(Space::Elem, C));
    B.u32(C);
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::Elem:
    ORCA_TRY(parseIndex(Space::Elem, A));
    B.u32(A);
    return llvm::Error::success();
  case ImmKind::TableTable:
    A = C = 0;
    if (atIndex()) {
      ORCA_TRY(parseIndex(Space::Table, A));
      ORCA_TRY(parseIndex(Space::Table, C));
    }
    B.u32(A);
    B.u32(C);
    return llvm::Error::success();
  case ImmKind::V128:
    return parseV128Const(B);
  case ImmKind::Shuffle:
    for (int I = 0; I < 16; ++I) {
      uint64_t V;
      if (!at(TokKind::Number) ||
          parseUnsigned(text(peek()), 255, V) != NumStatus::Ok)
        return unexpected("a lane index");
      ++Pos;
      B.byte(uint8_t(V));
    }
    return llvm::Error::success();
  case ImmKind::Lane: {
    uint64_t V;
    if (!at(TokKind::Number) ||
        parseUnsigned(text(peek()), 255, V) != NumStatus::Ok)
      return unexpected("a lane index");
    ++Pos;
    B.byte(uint8_t(V));
    return llvm::Error::success();
  }
  }
  return error(T, "unhandled immediate kind");
}
