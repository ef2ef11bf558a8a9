//===- Text/TypeParser.cpp - Types and type uses --------------------------===//
//
// Value, reference and heap types (encoded as their binary bytes), type
// definitions including rec groups, subtypes, structs and arrays, and type
// uses: an explicit `(type x)` checked against its inline signature, or a
// signature alone, which names the first equal plain function type or adds
// an implicit one at the end of the type section.
//
//===----------------------------------------------------------------------===//

#include "Text/ModuleParser.h"

using namespace orca;

namespace {

uint8_t numType(llvm::StringRef K) {
  return llvm::StringSwitch<uint8_t>(K)
      .Case("i32", 0x7f)
      .Case("i64", 0x7e)
      .Case("f32", 0x7d)
      .Case("f64", 0x7c)
      .Case("v128", 0x7b)
      .Default(0);
}

uint8_t refShorthand(llvm::StringRef K) {
  return llvm::StringSwitch<uint8_t>(K)
      .Case("funcref", 0x70)
      .Case("externref", 0x6f)
      .Case("anyref", 0x6e)
      .Case("eqref", 0x6d)
      .Case("i31ref", 0x6c)
      .Case("structref", 0x6b)
      .Case("arrayref", 0x6a)
      .Case("exnref", 0x69)
      .Case("nullref", 0x71)
      .Case("nullexternref", 0x72)
      .Case("nullfuncref", 0x73)
      .Case("nullexnref", 0x74)
      .Default(0);
}

uint8_t abstractHeap(llvm::StringRef K) {
  return llvm::StringSwitch<uint8_t>(K)
      .Case("func", 0x70)
      .Case("extern", 0x6f)
      .Case("any", 0x6e)
      .Case("eq", 0x6d)
      .Case("i31", 0x6c)
      .Case("struct", 0x6b)
      .Case("array", 0x6a)
      .Case("exn", 0x69)
      .Case("none", 0x71)
      .Case("noextern", 0x72)
      .Case("nofunc", 0x73)
      .Case("noexn", 0x74)
      .Default(0);
}

std::string sigKey(const std::vector<std::string> &P,
                   const std::vector<std::string> &R) {
  std::string K;
  for (const std::string &T : P)
    K += T;
  K += '\xff';
  for (const std::string &T : R)
    K += T;
  return K;
}

} // namespace

bool ModuleParser::atRefType() const {
  if (at(TokKind::Keyword))
    return refShorthand(text(peek())) != 0;
  return atField("ref");
}

bool ModuleParser::atValType() const {
  if (at(TokKind::Keyword))
    return numType(text(peek())) || refShorthand(text(peek()));
  return atField("ref");
}

llvm::Error ModuleParser::parseHeapType(std::string &Out) {
  if (at(TokKind::Keyword)) {
    if (uint8_t B = abstractHeap(text(peek()))) {
      Out.push_back(char(B));
      ++Pos;
      return llvm::Error::success();
    }
    return unexpected("a heap type");
  }
  uint32_t Index;
  ORCA_TRY(parseIndex(Space::Type, Index));
  ByteWriter W;
  W.s64(Index);
  Out.append(W.Bytes.begin(), W.Bytes.end());
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseRefType(std::string &Out) {
  if (at(TokKind::Keyword)) {
    if (uint8_t B = refShorthand(text(peek()))) {
      Out.push_back(char(B));
      ++Pos;
      return llvm::Error::success();
    }
    return unexpected("a reference type");
  }
  if (!atField("ref"))
    return unexpected("a reference type");
  Pos += 2;
  bool Null = consumeKeyword("null");
  std::string HT;
  ORCA_TRY(parseHeapType(HT));
  ORCA_TRY(expectRParen());
  if (Null && HT.size() == 1 && uint8_t(HT[0]) >= 0x69 &&
      uint8_t(HT[0]) <= 0x74) {
    Out += HT; // (ref null func) is funcref
    return llvm::Error::success();
  }
  Out.push_back(char(Null ? 0x63 : 0x64));
  Out += HT;
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseValType(std::string &Out) {
  if (at(TokKind::Keyword)) {
    if (uint8_t B = numType(text(peek()))) {
      Out.push_back(char(B));
      ++Pos;
      return llvm::Error::success();
    }
  }
  if (atRefType())
    return parseRefType(Out);
  return unexpected("a value type");
}

llvm::Error ModuleParser::parseFieldType(ByteWriter &W) {
  bool Mut = false;
  if (atField("mut")) {
    Pos += 2;
    Mut = true;
  }
  if (consumeKeyword("i8")) {
    W.byte(0x78);
  } else if (consumeKeyword("i16")) {
    W.byte(0x77);
  } else {
    std::string T;
    ORCA_TRY(parseValType(T));
    W.raw(T);
  }
  if (Mut)
    ORCA_TRY(expectRParen());
  W.byte(Mut);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseFuncSig(TypeDef &T, ByteWriter &W) {
  while (atField("param")) {
    Pos += 2;
    if (at(TokKind::Id)) {
      ++Pos;
      T.Params.emplace_back();
      ORCA_TRY(parseValType(T.Params.back()));
    } else {
      while (!at(TokKind::RParen)) {
        T.Params.emplace_back();
        ORCA_TRY(parseValType(T.Params.back()));
      }
    }
    ORCA_TRY(expectRParen());
  }
  while (atField("result")) {
    Pos += 2;
    while (!at(TokKind::RParen)) {
      T.Results.emplace_back();
      ORCA_TRY(parseValType(T.Results.back()));
    }
    ORCA_TRY(expectRParen());
  }
  W.byte(0x60);
  W.u32(T.Params.size());
  for (const std::string &P : T.Params)
    W.raw(P);
  W.u32(T.Results.size());
  for (const std::string &R : T.Results)
    W.raw(R);
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTypeDef(ByteWriter &W, bool InRec,
                                       unsigned RecSize) {
  ORCA_TRY(expectLParen());
  ORCA_TRY(expectKeyword("type"));
  if (at(TokKind::Id))
    ++Pos;
  TypeDef T;
  T.Plain = RecSize == 1;
  bool Sub = false;
  if (atField("sub")) {
    Pos += 2;
    Sub = true;
    bool Final = consumeKeyword("final");
    std::vector<uint32_t> Supers;
    while (atIndex()) {
      uint32_t S;
      ORCA_TRY(parseIndex(Space::Type, S));
      Supers.push_back(S);
    }
    if (!Final || !Supers.empty())
      T.Plain = false;
    W.byte(Final ? 0x4f : 0x50);
    W.u32(Supers.size());
    for (uint32_t S : Supers)
      W.u32(S);
  }
  if (atField("func")) {
    Pos += 2;
    T.K = TypeDef::Func;
    ORCA_TRY(parseFuncSig(T, W));
    ORCA_TRY(expectRParen());
  } else if (atField("struct")) {
    Pos += 2;
    T.K = TypeDef::Struct;
    ByteWriter Fields;
    uint32_t N = 0;
    while (atField("field")) {
      Pos += 2;
      if (at(TokKind::Id)) {
        std::string Name = idName(text(peek()));
        if (!T.FieldIds.try_emplace(Name, N).second)
          return errorHere("duplicate field $" + Name);
        ++Pos;
        ORCA_TRY(parseFieldType(Fields));
        ++N;
      } else {
        while (!at(TokKind::RParen)) {
          ORCA_TRY(parseFieldType(Fields));
          ++N;
        }
      }
      ORCA_TRY(expectRParen());
    }
    ORCA_TRY(expectRParen());
    W.byte(0x5f);
    W.u32(N);
    W.append(Fields);
  } else if (atField("array")) {
    Pos += 2;
    T.K = TypeDef::Array;
    W.byte(0x5e);
    if (atField("field")) {
      Pos += 2;
      if (at(TokKind::Id))
        ++Pos;
      ORCA_TRY(parseFieldType(W));
      ORCA_TRY(expectRParen());
    } else {
      ORCA_TRY(parseFieldType(W));
    }
    ORCA_TRY(expectRParen());
  } else {
    return unexpected("'(func', '(struct' or '(array'");
  }
  if (Sub)
    ORCA_TRY(expectRParen());
  ORCA_TRY(expectRParen());
  (void)InRec;
  uint32_t Index = uint32_t(Types.size());
  if (T.Plain && T.K == TypeDef::Func)
    FuncTypeIndex.try_emplace(sigKey(T.Params, T.Results), Index);
  Types.push_back(std::move(T));
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTypeFields(size_t First) {
  for (size_t I = First; Toks[I].Kind == TokKind::LParen;
       I = Toks[I].Match + 1) {
    Pos = I;
    if (atField("type")) {
      ORCA_TRY(parseTypeDef(Out.Types.W, false, 1));
      ++Out.Types.Count;
    } else if (atField("rec")) {
      Pos += 2;
      unsigned N = 0;
      for (size_t J = Pos; Toks[J].Kind == TokKind::LParen;
           J = Toks[J].Match + 1)
        ++N;
      Out.Types.W.byte(0x4e);
      Out.Types.W.u32(N);
      for (unsigned K = 0; K < N; ++K)
        ORCA_TRY(parseTypeDef(Out.Types.W, true, N));
      ORCA_TRY(expectRParen());
      ++Out.Types.Count;
    }
  }
  Pos = First;
  return llvm::Error::success();
}

llvm::Error ModuleParser::parseTypeUse(TypeUse &TU, bool AllowParamIds) {
  if (atField("type")) {
    Pos += 2;
    TU.IndexTok = &peek();
    uint32_t Index;
    ORCA_TRY(parseIndex(Space::Type, Index));
    ORCA_TRY(expectRParen());
    TU.Index = Index;
  }
  while (atField("param")) {
    Pos += 2;
    TU.HasInline = true;
    if (at(TokKind::Id)) {
      if (!AllowParamIds)
        return unexpected();
      TU.ParamIds.push_back(idName(text(peek())));
      ++Pos;
      TU.Params.emplace_back();
      ORCA_TRY(parseValType(TU.Params.back()));
    } else {
      while (!at(TokKind::RParen)) {
        TU.ParamIds.emplace_back();
        TU.Params.emplace_back();
        ORCA_TRY(parseValType(TU.Params.back()));
      }
    }
    ORCA_TRY(expectRParen());
  }
  while (atField("result")) {
    Pos += 2;
    TU.HasInline = true;
    while (!at(TokKind::RParen)) {
      TU.Results.emplace_back();
      ORCA_TRY(parseValType(TU.Results.back()));
    }
    ORCA_TRY(expectRParen());
  }
  return llvm::Error::success();
}

uint32_t ModuleParser::findOrAddFuncType(const std::vector<std::string> &P,
                                         const std::vector<std::string> &R) {
  auto [It, New] = FuncTypeIndex.try_emplace(sigKey(P, R), Types.size());
  if (!New)
    return It->second;
  TypeDef T;
  T.Params = P;
  T.Results = R;
  ByteWriter &W = Out.Types.W;
  W.byte(0x60);
  W.u32(P.size());
  for (const std::string &X : P)
    W.raw(X);
  W.u32(R.size());
  for (const std::string &X : R)
    W.raw(X);
  ++Out.Types.Count;
  Types.push_back(std::move(T));
  return It->second;
}

llvm::Expected<uint32_t> ModuleParser::resolveTypeUse(TypeUse &TU) {
  if (!TU.Index)
    return findOrAddFuncType(TU.Params, TU.Results);
  uint32_t I = *TU.Index;
  if (I < Types.size() && Types[I].K == TypeDef::Func) {
    const TypeDef &T = Types[I];
    if (TU.HasInline) {
      if (TU.Params != T.Params || TU.Results != T.Results)
        return error(*TU.IndexTok, "inline function type does not match "
                                   "the type it uses");
    } else {
      TU.Params = T.Params;
      TU.Results = T.Results;
      TU.ParamIds.assign(T.Params.size(), "");
    }
  } else if (TU.HasInline) {
    // Without the type, the inline signature cannot be checked.
    return error(*TU.IndexTok, "unknown type " + llvm::Twine(I));
  }
  return I;
}
