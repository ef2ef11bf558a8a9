//===- Text/ModuleParser.cpp - Module fields to sections ------------------===//
//
// Pass 1 (scanFields) gives every entity its index and `$id` and checks the
// rule that imports precede definitions; pass 3 (parseField) encodes each
// field into its section, expanding the abbreviations: inline exports and
// imports, inline `elem` of tables and `data` of memories, and the offset
// and element-list shorthands of segments.
//
//===----------------------------------------------------------------------===//

#include "Text/ModuleParser.h"

#include "Text/Numbers.h"

using namespace orca;

const char *orca::spaceName(Space S) {
  switch (S) {
  case Space::Type:
    return "type";
  case Space::Func:
    return "function";
  case Space::Table:
    return "table";
  case Space::Memory:
    return "memory";
  case Space::Global:
    return "global";
  case Space::Elem:
    return "elem segment";
  case Space::Data:
    return "data segment";
  case Space::Tag:
    return "tag";
  }
  return "?";
}

namespace {
enum : uint8_t { KFunc = 0, KTable = 1, KMemory = 2, KGlobal = 3, KTag = 4 };
} // namespace

llvm::Error ModuleParser::define(Space S, const Token *IdTok) {
  IndexSpace &Sp = Spaces[unsigned(S)];
  uint32_t Index = Sp.Count++;
  if (!IdTok)
    return llvm::Error::success();
  std::string Name = idName(text(*IdTok));
  if (!Sp.Ids.try_emplace(Name, Index).second)
    return error(*IdTok,
                 llvm::Twine("duplicate ") + spaceName(S) + " $" + Name);
  Sp.Names.emplace_back(Index, std::move(Name));
  return llvm::Error::success();
}

llvm::Error ModuleParser::scanFields(size_t First) {
  // The kinds of definitions seen so far, for "import after function".
  const char *DefinedKind = nullptr;
  for (size_t I = First; Toks[I].Kind == TokKind::LParen;
       I = Toks[I].Match + 1) {
    const Token &KwTok = Toks[I + 1];
    if (KwTok.Kind != TokKind::Keyword)
      return error(KwTok, "unexpected token: expected a module field");
    llvm::StringRef Kw = text(KwTok);
    const Token *IdTok =
        Toks[I + 2].Kind == TokKind::Id ? &Toks[I + 2] : nullptr;
    // Direct children of the field.
    auto HasChild = [&](size_t Open, llvm::StringRef Name) {
      for (size_t J = Open + 1; J < Toks[Open].Match;) {
        if (Toks[J].Kind == TokKind::LParen) {
          if (Toks[J + 1].Kind == TokKind::Keyword && text(Toks[J + 1]) == Name)
            return true;
          J = Toks[J].Match + 1;
        } else {
          ++J;
        }
      }
      return false;
    };
    auto HasKeyword = [&](size_t Open, llvm::StringRef Name) {
      for (size_t J = Open + 2; J < Toks[Open].Match;) {
        if (Toks[J].Kind == TokKind::LParen) {
          J = Toks[J].Match + 1;
          continue;
        }
        if (Toks[J].Kind == TokKind::Keyword && text(Toks[J]) == Name)
          return true;
        ++J;
      }
      return false;
    };
    auto Import = [&](const char *Kind) -> llvm::Error {
      if (DefinedKind)
        return error(KwTok, llvm::Twine("import after ") + DefinedKind);
      (void)Kind;
      return llvm::Error::success();
    };
    std::optional<Space> S;
    const char *KindName = nullptr;
    if (Kw == "type") {
      S = Space::Type;
    } else if (Kw == "rec") {
      for (size_t J = I + 2; Toks[J].Kind == TokKind::LParen;
           J = Toks[J].Match + 1) {
        const Token *TId =
            Toks[J + 2].Kind == TokKind::Id ? &Toks[J + 2] : nullptr;
        ORCA_TRY(define(Space::Type, TId));
      }
      continue;
    } else if (Kw == "func") {
      S = Space::Func;
      KindName = "function";
    } else if (Kw == "table") {
      S = Space::Table;
      KindName = "table";
      TableIs64.push_back(HasKeyword(I, "i64"));
      if (HasChild(I, "elem"))
        ORCA_TRY(define(Space::Elem, nullptr));
    } else if (Kw == "memory") {
      S = Space::Memory;
      KindName = "memory";
      MemIs64.push_back(HasKeyword(I, "i64"));
      if (HasChild(I, "data"))
        ORCA_TRY(define(Space::Data, nullptr));
    } else if (Kw == "global") {
      S = Space::Global;
      KindName = "global";
    } else if (Kw == "tag") {
      S = Space::Tag;
      KindName = "tag";
    } else if (Kw == "elem") {
      S = Space::Elem;
    } else if (Kw == "data") {
      S = Space::Data;
    } else if (Kw == "import") {
      ORCA_TRY(Import(""));
      // (import "m" "n" (kind $id? ...))
      size_t D = I + 2;
      while (Toks[D].Kind == TokKind::String)
        ++D;
      if (Toks[D].Kind != TokKind::LParen ||
          Toks[D + 1].Kind != TokKind::Keyword)
        return error(Toks[D], "unexpected token in import");
      llvm::StringRef DK = text(Toks[D + 1]);
      const Token *DId =
          Toks[D + 2].Kind == TokKind::Id ? &Toks[D + 2] : nullptr;
      std::optional<Space> DS;
      if (DK == "func")
        DS = Space::Func;
      else if (DK == "table") {
        DS = Space::Table;
        TableIs64.push_back(HasKeyword(D, "i64"));
      } else if (DK == "memory") {
        DS = Space::Memory;
        MemIs64.push_back(HasKeyword(D, "i64"));
      } else if (DK == "global")
        DS = Space::Global;
      else if (DK == "tag")
        DS = Space::Tag;
      else
        return error(Toks[D + 1],
                     "unexpected token '" + DK + "': expected an import kind");
      ORCA_TRY(define(*DS, DId));
      continue;
    } else if (Kw == "export" || Kw == "start") {
      continue;
    } else {
      return error(KwTok,
                   "unexpected token '" + Kw + "': expected a module field");
    }
    ORCA_TRY(define(*S, IdTok));
    if (KindName) {
      if (HasChild(I, "import"))
        ORCA_TRY(Import(KindName));
      else
        DefinedKind = KindName;
    }
  }
  return llvm::Error::success();
}

llvm::Expected<std::vector<uint8_t>> ModuleParser::parseModule() {
  ORCA_TRY(expectLParen());
  ORCA_TRY(expectKeyword("module"));
  const Token *NameTok = at(TokKind::Id) ? &peek() : nullptr;
  if (NameTok)
    ++Pos;
  if (consumeKeyword("binary")) {
    std::string Bytes;
    while (at(TokKind::String)) {
      Bytes += decodeString(text(peek()));
      ++Pos;
    }
    ORCA_TRY(expectRParen());
    return std::vector<uint8_t>(Bytes.begin(), Bytes.end());
  }
  if (atKeyword("quote")) {
    const Token &Q = peek();
    ++Pos;
    std::string Text;
    while (at(TokKind::String)) {
      Text += decodeString(text(peek()));
      Text += ' ';
      ++Pos;
    }
    ORCA_TRY(expectRParen());
    auto [Line, Col] = Src.lineColumn(Q.Begin);
    SourceFile Quoted{Text, Src.Name + ":" + std::to_string(Line) + ":" +
                                std::to_string(Col) + ": quoted module"};
    auto QToks = lex(Quoted);
    if (!QToks)
      return QToks.takeError();
    ModuleParser Inner(Quoted, *QToks, 0, Opts);
    auto Bytes = Inner.parseFields();
    if (!Bytes)
      return Bytes.takeError();
    if (!Inner.at(TokKind::Eof))
      return Inner.unexpected();
    return Bytes;
  }
  if (NameTok) {
    Out.ModuleName = idName(text(*NameTok));
    Out.HasModuleName = true;
  }
  auto Bytes = parseFields();
  if (!Bytes)
    return Bytes.takeError();
  ORCA_TRY(expectRParen());
  return Bytes;
}

llvm::Expected<std::vector<uint8_t>> ModuleParser::parseFields() {
  FieldsBegin = Pos;
  ORCA_TRY(scanFields(Pos));
  ORCA_TRY(parseTypeFields(Pos));
  while (at(TokKind::LParen))
    ORCA_TRY(parseField());
  if (!at(TokKind::RParen) && !at(TokKind::Eof))
    return unexpected("a module field");
  Out.Spaces = Spaces;
  return writeModule(Out, Opts.NameSection);
}

llvm::Error ModuleParser::parseField() {
  llvm::StringRef Kw = text(peek(1));
  if (Kw == "type" || Kw == "rec") {
    skipSExpr(); // pass 2 encoded it
    return llvm::Error::success();
  }
  if (Kw == "func")
    return parseFunc();
  if (Kw == "table")
    return parseTable();
  if (Kw == "memory")
    return parseMemory();
  if (Kw == "global")
    return parseGlobal();
  if (Kw == "tag")
    return parseTag();
  if (Kw == "import")
    return parseImport();
  if (Kw == "export")
    return parseExport();
  if (Kw == "start")
    return parseStart();
  if (Kw == "elem")
    return parseElem();
  if (Kw == "data")
    return parseData();
  return errorHere("unexpected token: expected a module field");
}

llvm::Error ModuleParser::parseInlineExports(uint8_t Kind, uint32_t Index) {
  while (atField("export")) {
    Pos += 2;
    std::string Name;
    ORCA_TRY(parseName(Name));
    ORCA_TRY(expectRParen());
    Out.Exports.W.name(Name);
    Out.Exports.W.byte(Kind);
    Out.Exports.W.u32(Index);
    ++Out.Exports.Count;
  }
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseInlineImport(std::string &Module,
                                            std::string &Field, bool &Found) {
  Found = false;
  if (!atField("import"))
    return llvm::Error::success();
  Pos += 2;
  ORCA_TRY(parseName(Module));
  ORCA_TRY(parseName(Field));
  ORCA_TRY(expectRParen());
  Found = true;
  return llvm::Error::success();
}

static void writeImportHead(ByteWriter &W, const std::string &M,
                            const std::string &F, uint8_t Kind) {
  W.name(M);
  W.name(F);
  W.byte(Kind);
}

llvm::Error ModuleParser::parseFunc() {
  Pos += 2; // ( func
  uint32_t Index = next(Space::Func);
  if (at(TokKind::Id))
    ++Pos;
  ORCA_TRY(parseInlineExports(KFunc, Index));
  std::string M, F;
  bool Imported;
  ORCA_TRY(parseInlineImport(M, F, Imported));
  TypeUse TU;
  ORCA_TRY(parseTypeUse(TU, /*AllowParamIds=*/true));
  auto TypeIdx = resolveTypeUse(TU);
  if (!TypeIdx)
    return TypeIdx.takeError();
  if (Imported) {
    writeImportHead(Out.Imports.W, M, F, KFunc);
    Out.Imports.W.u32(*TypeIdx);
    ++Out.Imports.Count;
    return expectRParen();
  }
  Out.Funcs.W.u32(*TypeIdx);
  ++Out.Funcs.Count;

  FuncState FS;
  std::vector<std::pair<uint32_t, std::string>> LocalNames;
  auto AddLocal = [&](const Token *IdTok) -> llvm::Error {
    uint32_t L = FS.NumLocals++;
    if (!IdTok)
      return llvm::Error::success();
    std::string Name = idName(text(*IdTok));
    if (!FS.Locals.try_emplace(Name, L).second)
      return error(*IdTok, "duplicate local $" + Name);
    LocalNames.emplace_back(L, std::move(Name));
    return llvm::Error::success();
  };
  for (size_t I = 0; I < TU.Params.size(); ++I) {
    if (I < TU.ParamIds.size() && !TU.ParamIds[I].empty()) {
      uint32_t L = FS.NumLocals++;
      if (!FS.Locals.try_emplace(TU.ParamIds[I], L).second)
        return errorHere("duplicate local $" + TU.ParamIds[I]);
      LocalNames.emplace_back(L, TU.ParamIds[I]);
    } else {
      ++FS.NumLocals;
    }
  }
  // Locals, as runs of one type.
  std::vector<std::pair<uint32_t, std::string>> Runs;
  while (atField("local")) {
    Pos += 2;
    if (at(TokKind::Id)) {
      const Token *IdTok = &peek();
      ++Pos;
      std::string T;
      ORCA_TRY(parseValType(T));
      ORCA_TRY(AddLocal(IdTok));
      if (!Runs.empty() && Runs.back().second == T)
        ++Runs.back().first;
      else
        Runs.emplace_back(1, T);
    } else {
      while (!at(TokKind::RParen)) {
        std::string T;
        ORCA_TRY(parseValType(T));
        ORCA_TRY(AddLocal(nullptr));
        if (!Runs.empty() && Runs.back().second == T)
          ++Runs.back().first;
        else
          Runs.emplace_back(1, T);
      }
    }
    ORCA_TRY(expectRParen());
  }
  ByteWriter Body;
  Body.u32(Runs.size());
  for (auto &[N, T] : Runs) {
    Body.u32(N);
    Body.raw(T);
  }
  Func = &FS;
  Labels.clear();
  llvm::Error E = parseInstrSeq(Body, 0);
  Func = nullptr;
  ORCA_TRY(std::move(E));
  Body.byte(0x0b);
  ORCA_TRY(expectRParen());
  Out.Code.W.sized(Body);
  ++Out.Code.Count;
  if (!LocalNames.empty())
    Out.LocalNames.emplace_back(Index, std::move(LocalNames));
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseLimits(ByteWriter &W, bool Is64,
                                      bool AllowShared) {
  uint64_t Max64 = Is64 || Opts.WideLimits ? ~uint64_t(0) : 0xffffffffu;
  uint64_t Min, Max = 0;
  bool HasMax = false;
  const Token &MinTok = peek();
  if (!at(TokKind::Number))
    return unexpected("a limit");
  NumStatus St = parseUnsigned(text(MinTok), Max64, Min);
  if (St != NumStatus::Ok)
    return error(MinTok,
                 St == NumStatus::Range
                     ? (Max64 == ~uint64_t(0) ? "i64 constant out of range"
                                              : "i32 constant out of range")
                     : "malformed limit");
  ++Pos;
  if (at(TokKind::Number)) {
    const Token &MaxTok = peek();
    St = parseUnsigned(text(MaxTok), Max64, Max);
    if (St != NumStatus::Ok)
      return error(MaxTok,
                   St == NumStatus::Range
                       ? (Max64 == ~uint64_t(0) ? "i64 constant out of range"
                                                : "i32 constant out of range")
                       : "malformed limit");
    ++Pos;
    HasMax = true;
  }
  bool Shared = AllowShared && consumeKeyword("shared");
  W.byte(uint8_t(HasMax) | uint8_t(Shared) << 1 | uint8_t(Is64) << 2);
  W.u32(Min);
  if (HasMax)
    W.u32(Max);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTableType(ByteWriter &W) {
  bool Is64 = consumeKeyword("i64");
  if (!Is64)
    consumeKeyword("i32");
  ByteWriter Lim;
  ORCA_TRY(parseLimits(Lim, Is64, false));
  std::string RT;
  ORCA_TRY(parseRefType(RT));
  W.raw(RT);
  W.append(Lim);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseMemType(ByteWriter &W, bool &Is64) {
  Is64 = consumeKeyword("i64");
  if (!Is64)
    consumeKeyword("i32");
  ORCA_TRY(parseLimits(W, Is64, true));
  if (atField("pagesize"))
    return errorHere("unsupported: custom page sizes are not encoded yet");
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseGlobalType(ByteWriter &W) {
  std::string T;
  if (atField("mut")) {
    Pos += 2;
    ORCA_TRY(parseValType(T));
    ORCA_TRY(expectRParen());
    W.raw(T);
    W.byte(1);
    return llvm::Error::success();
  }
  ORCA_TRY(parseValType(T));
  W.raw(T);
  W.byte(0);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTable() {
  Pos += 2;
  uint32_t Index = next(Space::Table);
  if (at(TokKind::Id))
    ++Pos;
  ORCA_TRY(parseInlineExports(KTable, Index));
  std::string M, F;
  bool Imported;
  ORCA_TRY(parseInlineImport(M, F, Imported));
  if (Imported) {
    writeImportHead(Out.Imports.W, M, F, KTable);
    ORCA_TRY(parseTableType(Out.Imports.W));
    ++Out.Imports.Count;
    return expectRParen();
  }
  // `(table i64? reftype (elem ...))`: the table is as large as the list.
  size_t Save = Pos;
  bool Is64 = consumeKeyword("i64");
  if (!Is64)
    consumeKeyword("i32");
  if (atRefType()) {
    std::string RT;
    ORCA_TRY(parseRefType(RT));
    if (!atField("elem"))
      return unexpected("'(elem'");
    Pos += 2;
    uint32_t ElemIndex = next(Space::Elem);
    (void)ElemIndex;
    ByteWriter Items;
    uint32_t N = 0;
    bool Exprs = false;
    if (at(TokKind::LParen)) {
      Exprs = true;
      while (at(TokKind::LParen)) {
        if (atField("item")) {
          Pos += 2;
          ORCA_TRY(parseExpr(Items));
          ORCA_TRY(expectRParen());
        } else {
          ORCA_TRY(parseFoldedInstr(Items, 1));
          Items.byte(0x0b);
        }
        ++N;
      }
    } else {
      while (atIndex()) {
        uint32_t FIdx;
        ORCA_TRY(parseIndex(Space::Func, FIdx));
        Items.u32(FIdx);
        ++N;
      }
    }
    ORCA_TRY(expectRParen());
    ORCA_TRY(expectRParen());
    ByteWriter &T = Out.Tables.W;
    T.raw(RT);
    T.byte(0x01 | uint8_t(Is64) << 2);
    T.u32(N);
    T.u32(N);
    ++Out.Tables.Count;
    // The segment: active, this table, offset 0.
    ByteWriter &E = Out.Elems.W;
    bool FuncRef = RT.size() == 1 && uint8_t(RT[0]) == 0x70;
    ByteWriter Offset;
    Offset.byte(Is64 ? 0x42 : 0x41);
    Offset.byte(0);
    Offset.byte(0x0b);
    if (!Exprs && Index == 0) {
      E.byte(0);
      E.append(Offset);
    } else if (!Exprs) {
      E.byte(2);
      E.u32(Index);
      E.append(Offset);
      E.byte(0);
    } else if (Index == 0 && FuncRef) {
      E.byte(4);
      E.append(Offset);
    } else {
      E.byte(6);
      E.u32(Index);
      E.append(Offset);
      E.raw(RT);
    }
    E.u32(N);
    E.append(Items);
    ++Out.Elems.Count;
    return llvm::Error::success();
  }
  Pos = Save;
  ByteWriter TT;
  ORCA_TRY(parseTableType(TT));
  if (!at(TokKind::RParen)) {
    // 3.0: an initialiser expression.
    Out.Tables.W.byte(0x40);
    Out.Tables.W.byte(0x00);
    Out.Tables.W.append(TT);
    ORCA_TRY(parseExpr(Out.Tables.W));
  } else {
    Out.Tables.W.append(TT);
  }
  ++Out.Tables.Count;
  return expectRParen();
}

llvm::Error ModuleParser::parseMemory() {
  Pos += 2;
  uint32_t Index = next(Space::Memory);
  if (at(TokKind::Id))
    ++Pos;
  ORCA_TRY(parseInlineExports(KMemory, Index));
  std::string M, F;
  bool Imported;
  ORCA_TRY(parseInlineImport(M, F, Imported));
  if (Imported) {
    writeImportHead(Out.Imports.W, M, F, KMemory);
    bool Is64;
    ORCA_TRY(parseMemType(Out.Imports.W, Is64));
    ++Out.Imports.Count;
    return expectRParen();
  }
  size_t Save = Pos;
  bool Is64 = consumeKeyword("i64");
  if (!Is64)
    consumeKeyword("i32");
  if (atField("data")) {
    Pos += 2;
    next(Space::Data);
    std::string Bytes;
    while (at(TokKind::String)) {
      Bytes += decodeString(text(peek()));
      ++Pos;
    }
    ORCA_TRY(expectRParen());
    ORCA_TRY(expectRParen());
    uint64_t Pages = (uint64_t(Bytes.size()) + 65535) / 65536;
    ByteWriter &W = Out.Memories.W;
    W.byte(0x01 | uint8_t(Is64) << 2);
    W.u32(Pages);
    W.u32(Pages);
    ++Out.Memories.Count;
    ByteWriter &D = Out.Datas.W;
    if (Index == 0) {
      D.byte(0);
    } else {
      D.byte(2);
      D.u32(Index);
    }
    D.byte(Is64 ? 0x42 : 0x41);
    D.byte(0);
    D.byte(0x0b);
    D.name(Bytes);
    ++Out.Datas.Count;
    return llvm::Error::success();
  }
  Pos = Save;
  ORCA_TRY(parseMemType(Out.Memories.W, Is64));
  ++Out.Memories.Count;
  return expectRParen();
}

llvm::Error ModuleParser::parseGlobal() {
  Pos += 2;
  uint32_t Index = next(Space::Global);
  if (at(TokKind::Id))
    ++Pos;
  ORCA_TRY(parseInlineExports(KGlobal, Index));
  std::string M, F;
  bool Imported;
  ORCA_TRY(parseInlineImport(M, F, Imported));
  if (Imported) {
    writeImportHead(Out.Imports.W, M, F, KGlobal);
    ORCA_TRY(parseGlobalType(Out.Imports.W));
    ++Out.Imports.Count;
    return expectRParen();
  }
  ORCA_TRY(parseGlobalType(Out.Globals.W));
  ORCA_TRY(parseExpr(Out.Globals.W));
  ++Out.Globals.Count;
  return expectRParen();
}

llvm::Error ModuleParser::parseTag() {
  Pos += 2;
  uint32_t Index = next(Space::Tag);
  if (at(TokKind::Id))
    ++Pos;
  ORCA_TRY(parseInlineExports(KTag, Index));
  std::string M, F;
  bool Imported;
  ORCA_TRY(parseInlineImport(M, F, Imported));
  TypeUse TU;
  ORCA_TRY(parseTypeUse(TU, false));
  auto TypeIdx = resolveTypeUse(TU);
  if (!TypeIdx)
    return TypeIdx.takeError();
  if (Imported) {
    writeImportHead(Out.Imports.W, M, F, KTag);
    Out.Imports.W.byte(0);
    Out.Imports.W.u32(*TypeIdx);
    ++Out.Imports.Count;
  } else {
    Out.Tags.W.byte(0);
    Out.Tags.W.u32(*TypeIdx);
    ++Out.Tags.Count;
  }
  return expectRParen();
}

llvm::Error ModuleParser::parseImport() {
  Pos += 2;
  std::string M, F;
  ORCA_TRY(parseName(M));
  ORCA_TRY(parseName(F));
  if (!at(TokKind::LParen) || !at(TokKind::Keyword, 1))
    return unexpected("an import description");
  const Token &KindTok = peek(1);
  llvm::StringRef K = text(KindTok);
  Pos += 2;
  ByteWriter &W = Out.Imports.W;
  if (K == "func") {
    next(Space::Func);
    if (at(TokKind::Id))
      ++Pos;
    TypeUse TU;
    ORCA_TRY(parseTypeUse(TU, true));
    auto TypeIdx = resolveTypeUse(TU);
    if (!TypeIdx)
      return TypeIdx.takeError();
    writeImportHead(W, M, F, KFunc);
    W.u32(*TypeIdx);
  } else if (K == "table") {
    next(Space::Table);
    if (at(TokKind::Id))
      ++Pos;
    writeImportHead(W, M, F, KTable);
    ORCA_TRY(parseTableType(W));
  } else if (K == "memory") {
    next(Space::Memory);
    if (at(TokKind::Id))
      ++Pos;
    writeImportHead(W, M, F, KMemory);
    bool Is64;
    ORCA_TRY(parseMemType(W, Is64));
  } else if (K == "global") {
    next(Space::Global);
    if (at(TokKind::Id))
      ++Pos;
    writeImportHead(W, M, F, KGlobal);
    ORCA_TRY(parseGlobalType(W));
  } else if (K == "tag") {
    next(Space::Tag);
    if (at(TokKind::Id))
      ++Pos;
    TypeUse TU;
    ORCA_TRY(parseTypeUse(TU, false));
    auto TypeIdx = resolveTypeUse(TU);
    if (!TypeIdx)
      return TypeIdx.takeError();
    writeImportHead(W, M, F, KTag);
    W.byte(0);
    W.u32(*TypeIdx);
  } else {
    return error(KindTok,
                 "unexpected token '" + K + "': expected an import kind");
  }
  ++Out.Imports.Count;
  ORCA_TRY(expectRParen());
  return expectRParen();
}

llvm::Error ModuleParser::parseExport() {
  Pos += 2;
  std::string Name;
  ORCA_TRY(parseName(Name));
  if (!at(TokKind::LParen) || !at(TokKind::Keyword, 1))
    return unexpected("an export description");
  llvm::StringRef K = text(peek(1));
  uint8_t Kind;
  Space S;
  if (K == "func")
    Kind = KFunc, S = Space::Func;
  else if (K == "table")
    Kind = KTable, S = Space::Table;
  else if (K == "memory")
    Kind = KMemory, S = Space::Memory;
  else if (K == "global")
    Kind = KGlobal, S = Space::Global;
  else if (K == "tag")
    Kind = KTag, S = Space::Tag;
  else
    return error(peek(1),
                 "unexpected token '" + K + "': expected an export kind");
  Pos += 2;
  uint32_t Index;
  ORCA_TRY(parseIndex(S, Index));
  ORCA_TRY(expectRParen());
  Out.Exports.W.name(Name);
  Out.Exports.W.byte(Kind);
  Out.Exports.W.u32(Index);
  ++Out.Exports.Count;
  return expectRParen();
}

llvm::Error ModuleParser::parseStart() {
  const Token &StartTok = peek();
  Pos += 2;
  uint32_t Index;
  ORCA_TRY(parseIndex(Space::Func, Index));
  if (Out.Start)
    return error(StartTok, "multiple start sections");
  Out.Start = Index;
  return expectRParen();
}

/// Flag bits of an element list: 1 = expressions rather than indices.
llvm::Error ModuleParser::parseElemList(ByteWriter &W, bool AllowBareIndices,
                                        uint32_t *NumItems, uint8_t &Flags) {
  // Writes the element type (elemkind or reftype) and the vector.
  ByteWriter Items;
  uint32_t N = 0;
  std::string RT;
  bool Exprs;
  if (consumeKeyword("func")) {
    Exprs = false;
  } else if (atRefType()) {
    ORCA_TRY(parseRefType(RT));
    Exprs = true;
  } else if (AllowBareIndices) {
    Exprs = false;
  } else if (at(TokKind::RParen)) {
    return unexpected("an element type");
  } else {
    return unexpected("'func' or a reference type");
  }
  if (!Exprs) {
    while (atIndex()) {
      uint32_t FIdx;
      ORCA_TRY(parseIndex(Space::Func, FIdx));
      Items.u32(FIdx);
      ++N;
    }
  } else {
    while (at(TokKind::LParen)) {
      if (atField("item")) {
        Pos += 2;
        ORCA_TRY(parseExpr(Items));
        ORCA_TRY(expectRParen());
      } else {
        ORCA_TRY(parseFoldedInstr(Items, 1));
        Items.byte(0x0b);
      }
      ++N;
    }
  }
  Flags = Exprs ? 1 : 0;
  // Callers write the flag byte and head first; then this type and vector.
  if (Exprs)
    W.raw(RT);
  else
    W.byte(0x00); // elemkind funcref
  W.u32(N);
  W.append(Items);
  if (NumItems)
    *NumItems = N;
  // Remember whether the type was exactly funcref (for flag 4).
  if (Exprs && RT.size() == 1 && uint8_t(RT[0]) == 0x70)
    Flags |= 2;
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseElem() {
  Pos += 2;
  next(Space::Elem);
  if (at(TokKind::Id))
    ++Pos;
  ByteWriter &E = Out.Elems.W;
  ByteWriter List;
  uint8_t LF = 0;
  if (consumeKeyword("declare")) {
    ORCA_TRY(parseElemList(List, false, nullptr, LF));
    E.byte((LF & 1) ? 7 : 3);
    E.append(List);
  } else if (at(TokKind::LParen) && !atField("ref")) {
    // Active: (table x)? (offset expr) | (instr)
    std::optional<uint32_t> Table;
    if (atField("table")) {
      Pos += 2;
      uint32_t T;
      ORCA_TRY(parseIndex(Space::Table, T));
      ORCA_TRY(expectRParen());
      Table = T;
    }
    ByteWriter Offset;
    if (atField("offset")) {
      Pos += 2;
      ORCA_TRY(parseExpr(Offset));
      ORCA_TRY(expectRParen());
    } else if (at(TokKind::LParen)) {
      ORCA_TRY(parseFoldedInstr(Offset, 1));
      Offset.byte(0x0b);
    } else {
      return unexpected("an offset expression");
    }
    ORCA_TRY(parseElemList(List, !Table, nullptr, LF));
    uint32_t T = Table.value_or(0);
    bool Exprs = LF & 1;
    if (!Exprs && T == 0) {
      E.byte(0);
      E.append(Offset);
      E.raw(llvm::ArrayRef<uint8_t>(List.Bytes).drop_front()); // no elemkind
    } else if (!Exprs) {
      E.byte(2);
      E.u32(T);
      E.append(Offset);
      E.append(List);
    } else if (T == 0 && (LF & 2)) {
      E.byte(4);
      E.append(Offset);
      E.raw(llvm::ArrayRef<uint8_t>(List.Bytes).drop_front()); // no reftype
    } else {
      E.byte(6);
      E.u32(T);
      E.append(Offset);
      E.append(List);
    }
  } else {
    ORCA_TRY(parseElemList(List, false, nullptr, LF));
    E.byte((LF & 1) ? 5 : 1);
    E.append(List);
  }
  ++Out.Elems.Count;
  return expectRParen();
}

llvm::Error ModuleParser::parseData() {
  Pos += 2;
  next(Space::Data);
  if (at(TokKind::Id))
    ++Pos;
  ByteWriter &D = Out.Datas.W;
  if (at(TokKind::LParen)) {
    uint32_t Mem = 0;
    if (atField("memory")) {
      Pos += 2;
      ORCA_TRY(parseIndex(Space::Memory, Mem));
      ORCA_TRY(expectRParen());
    }
    ByteWriter Offset;
    if (atField("offset")) {
      Pos += 2;
      ORCA_TRY(parseExpr(Offset));
      ORCA_TRY(expectRParen());
    } else if (at(TokKind::LParen)) {
      ORCA_TRY(parseFoldedInstr(Offset, 1));
      Offset.byte(0x0b);
    } else {
      return unexpected("an offset expression");
    }
    if (Mem == 0) {
      D.byte(0);
    } else {
      D.byte(2);
      D.u32(Mem);
    }
    D.append(Offset);
  } else {
    D.byte(1);
  }
  std::string Bytes;
  while (at(TokKind::String)) {
    Bytes += decodeString(text(peek()));
    ++Pos;
  }
  D.name(Bytes);
  ++Out.Datas.Count;
  return expectRParen();
}
