//===- Text/Script.cpp - WebAssembly script (.wast) commands --------------===//
//
// Commands are read one s-expression at a time; the modules inside them
// are handed to ModuleParser on the script's own tokens (or, for `quote`,
// on the lexed text of their strings), so positions in errors are the
// script's.
//
//===----------------------------------------------------------------------===//

#include "Text/Script.h"

#include "Text/ModuleParser.h"
#include "Text/Numbers.h"

using namespace orca;

const char *orca::commandKindName(CommandKind K) {
  switch (K) {
  case CommandKind::Module:
    return "module";
  case CommandKind::Instance:
    return "module instance";
  case CommandKind::Register:
    return "register";
  case CommandKind::Action:
    return "action";
  case CommandKind::AssertReturn:
    return "assert_return";
  case CommandKind::AssertTrap:
    return "assert_trap";
  case CommandKind::AssertExhaustion:
    return "assert_exhaustion";
  case CommandKind::AssertException:
    return "assert_exception";
  case CommandKind::AssertInvalid:
    return "assert_invalid";
  case CommandKind::AssertMalformed:
    return "assert_malformed";
  case CommandKind::AssertUnlinkable:
    return "assert_unlinkable";
  case CommandKind::AssertUninstantiable:
    return "assert_uninstantiable";
  case CommandKind::Input:
    return "input";
  case CommandKind::Output:
    return "output";
  }
  return "?";
}

namespace {

std::string errorMessage(llvm::Error E) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  llvm::logAllUnhandledErrors(std::move(E), OS);
  OS.flush();
  while (!S.empty() && S.back() == '\n')
    S.pop_back();
  return S;
}

bool isModuleField(llvm::StringRef K) {
  return llvm::StringSwitch<bool>(K)
      .Cases("type", "rec", "func", "table", "memory", "global", "tag", true)
      .Cases("import", "export", "start", "elem", "data", true)
      .Default(false);
}

class ScriptParser : public TokenCursor {
public:
  ScriptParser(const SourceFile &Src, llvm::ArrayRef<Token> Toks,
               const WatOptions &Opts)
      : TokenCursor(Src, Toks, 0), Opts(Opts) {}
  llvm::Error parseCommands(std::vector<Command> &Out, bool Nested);

private:
  llvm::Error parseCommand(std::vector<Command> &Out);
  llvm::Error parseModule(ScriptModule &M, bool AllowDefinition);
  llvm::Error parseAction(ScriptAction &A);
  llvm::Error parseValue(ScriptValue &V);
  llvm::Error parseResult(ResultPattern &R);
  llvm::Error parseNumber(ScriptValue::Kind K, uint64_t &Bits);
  llvm::Error parseVector(ScriptValue &V, ResultPattern *R);
  uint32_t line(const Token &T) const { return Src.lineColumn(T.Begin).first; }
  bool atId() const { return at(TokKind::Id); }
  const WatOptions &Opts;
  std::string takeId() {
    if (!atId())
      return "";
    return idName(text(Toks[Pos++]));
  }
};

llvm::Error ScriptParser::parseCommands(std::vector<Command> &Out,
                                        bool Nested) {
  while (at(TokKind::LParen))
    ORCA_TRY(parseCommand(Out));
  if (Nested ? !at(TokKind::RParen) : !at(TokKind::Eof))
    return unexpected("a command");
  return llvm::Error::success();
}

llvm::Error ScriptParser::parseModule(ScriptModule &M, bool AllowDefinition) {
  const Token &Open = peek();
  size_t End = Open.Match;
  M.Line = line(Open);
  ORCA_TRY(expectLParen());
  ORCA_TRY(expectKeyword("module"));
  if (AllowDefinition && consumeKeyword("definition"))
    M.IsDefinition = true;
  M.Id = takeId();
  if (consumeKeyword("binary")) {
    M.K = ScriptModule::Binary;
    while (at(TokKind::String)) {
      std::string S = decodeString(text(peek()));
      M.Bytes.insert(M.Bytes.end(), S.begin(), S.end());
      ++Pos;
    }
    return expectRParen();
  }
  if (atKeyword("quote")) {
    const Token &Q = peek();
    ++Pos;
    M.K = ScriptModule::Quote;
    while (at(TokKind::String)) {
      M.Source += decodeString(text(peek()));
      M.Source += ' ';
      ++Pos;
    }
    ORCA_TRY(expectRParen());
    auto [L, C] = Src.lineColumn(Q.Begin);
    SourceFile Quoted{M.Source, Src.Name + ":" + std::to_string(L) + ":" +
                                    std::to_string(C) + ": quoted module"};
    auto QToks = lex(Quoted);
    if (!QToks) {
      M.Error = errorMessage(QToks.takeError());
      return llvm::Error::success();
    }
    ModuleParser P(Quoted, *QToks, 0, Opts);
    auto Bytes = P.parseFields();
    if (Bytes && !P.at(TokKind::Eof)) {
      llvm::consumeError(Bytes.takeError());
      Bytes = P.unexpected("a module field");
    }
    if (!Bytes)
      M.Error = errorMessage(Bytes.takeError());
    else
      M.Bytes = std::move(*Bytes);
    return llvm::Error::success();
  }
  M.K = ScriptModule::Text;
  ModuleParser P(Src, Toks, Pos, Opts);
  if (!M.Id.empty())
    P.setModuleName(M.Id);
  auto Bytes = P.parseFields();
  if (Bytes && P.Pos != End) {
    llvm::consumeError(Bytes.takeError());
    Bytes = P.unexpected("a module field");
  }
  if (!Bytes)
    M.Error = errorMessage(Bytes.takeError());
  else
    M.Bytes = std::move(*Bytes);
  Pos = End + 1;
  return llvm::Error::success();
}

llvm::Error ScriptParser::parseNumber(ScriptValue::Kind K, uint64_t &Bits) {
  const Token &T = peek();
  if (T.Kind != TokKind::Number && T.Kind != TokKind::Keyword)
    return unexpected("a number");
  NumStatus St;
  switch (K) {
  case ScriptValue::I32:
    St = parseInteger(text(T), 32, Bits);
    break;
  case ScriptValue::I64:
    St = parseInteger(text(T), 64, Bits);
    break;
  case ScriptValue::F32: {
    uint32_t F;
    St = parseFloat32(text(T), F);
    Bits = F;
    break;
  }
  default:
    St = parseFloat64(text(T), Bits);
    break;
  }
  if (St == NumStatus::Range)
    return error(T, "constant out of range");
  if (St != NumStatus::Ok)
    return unexpected("a number");
  ++Pos;
  return llvm::Error::success();
}

/// After `v128.const`: a shape and its lanes. With \p R, lanes may be NaN
/// patterns; R becomes Lanes if any is, else Exact.
llvm::Error ScriptParser::parseVector(ScriptValue &V, ResultPattern *R) {
  if (!at(TokKind::Keyword))
    return unexpected("a vector shape");
  llvm::StringRef Shape = text(peek());
  unsigned Lanes, Bits;
  ScriptValue::Kind LaneKind;
  if (Shape == "i8x16")
    Lanes = 16, Bits = 8, LaneKind = ScriptValue::I32;
  else if (Shape == "i16x8")
    Lanes = 8, Bits = 16, LaneKind = ScriptValue::I32;
  else if (Shape == "i32x4")
    Lanes = 4, Bits = 32, LaneKind = ScriptValue::I32;
  else if (Shape == "i64x2")
    Lanes = 2, Bits = 64, LaneKind = ScriptValue::I64;
  else if (Shape == "f32x4")
    Lanes = 4, Bits = 32, LaneKind = ScriptValue::F32;
  else if (Shape == "f64x2")
    Lanes = 2, Bits = 64, LaneKind = ScriptValue::F64;
  else
    return unexpected("a vector shape");
  ++Pos;
  V.K = ScriptValue::V128;
  uint8_t Bytes[16] = {};
  bool AnyNan = false;
  std::vector<ResultPattern> LanePats;
  for (unsigned I = 0; I < Lanes; ++I) {
    ResultPattern LP;
    LP.Type = LaneKind;
    uint64_t X = 0;
    bool Float = LaneKind == ScriptValue::F32 || LaneKind == ScriptValue::F64;
    if (R && Float && atKeyword("nan:canonical")) {
      LP.K = ResultPattern::CanonicalNan;
      AnyNan = true;
      ++Pos;
    } else if (R && Float && atKeyword("nan:arithmetic")) {
      LP.K = ResultPattern::ArithmeticNan;
      AnyNan = true;
      ++Pos;
    } else if (Bits < 32) {
      const Token &T = peek();
      if (!at(TokKind::Number))
        return unexpected("a lane value");
      NumStatus St = parseInteger(text(T), Bits, X);
      if (St != NumStatus::Ok)
        return error(T, St == NumStatus::Range ? "constant out of range"
                                               : "malformed lane value");
      ++Pos;
    } else {
      ORCA_TRY(parseNumber(LaneKind, X));
    }
    LP.V.K = LaneKind;
    LP.V.Bits = X;
    LanePats.push_back(std::move(LP));
    for (unsigned K = 0; K < Bits / 8; ++K)
      Bytes[I * (Bits / 8) + K] = uint8_t(X >> (8 * K));
  }
  for (unsigned K = 0; K < 8; ++K) {
    V.Bits |= uint64_t(Bytes[K]) << (8 * K);
    V.BitsHi |= uint64_t(Bytes[K + 8]) << (8 * K);
  }
  if (R) {
    R->V = V;
    if (AnyNan) {
      R->K = ResultPattern::Lanes;
      R->Shape = Shape.str();
      R->Sub = std::move(LanePats);
    }
  }
  return llvm::Error::success();
}

llvm::Error ScriptParser::parseValue(ScriptValue &V) {
  ORCA_TRY(expectLParen());
  if (!at(TokKind::Keyword))
    return unexpected("a constant");
  llvm::StringRef K = text(peek());
  ++Pos;
  if (K == "i32.const" || K == "i64.const" || K == "f32.const" ||
      K == "f64.const") {
    V.K = K[0] == 'i' ? (K[1] == '3' ? ScriptValue::I32 : ScriptValue::I64)
                      : (K[1] == '3' ? ScriptValue::F32 : ScriptValue::F64);
    ORCA_TRY(parseNumber(V.K, V.Bits));
  } else if (K == "v128.const") {
    ORCA_TRY(parseVector(V, nullptr));
  } else if (K == "ref.null") {
    V.K = ScriptValue::RefNull;
    if (!at(TokKind::RParen)) {
      V.HeapType = text(peek()).str();
      ++Pos;
    }
  } else if (K == "ref.extern" || K == "ref.host") {
    V.K = K == "ref.extern" ? ScriptValue::RefExtern : ScriptValue::RefHost;
    const Token &T = peek();
    if (!at(TokKind::Number) ||
        parseUnsigned(text(T), ~uint64_t(0), V.Bits) != NumStatus::Ok)
      return unexpected("a reference number");
    ++Pos;
  } else if (K == "ref.func") {
    V.K = ScriptValue::RefFunc;
    if (!at(TokKind::RParen)) {
      V.HeapType = text(peek()).str();
      ++Pos;
    }
  } else {
    return error(Toks[Pos - 1], "unknown constant '" + K + "'");
  }
  return expectRParen();
}

llvm::Error ScriptParser::parseResult(ResultPattern &R) {
  if (!at(TokKind::LParen) || !at(TokKind::Keyword, 1))
    return unexpected("a result");
  llvm::StringRef K = text(peek(1));
  if (K == "either") {
    Pos += 2;
    R.K = ResultPattern::Either;
    while (at(TokKind::LParen)) {
      R.Sub.emplace_back();
      ORCA_TRY(parseResult(R.Sub.back()));
    }
    return expectRParen();
  }
  if ((K == "f32.const" || K == "f64.const") &&
      (atKeyword("nan:canonical", 2) || atKeyword("nan:arithmetic", 2))) {
    R.K = atKeyword("nan:canonical", 2) ? ResultPattern::CanonicalNan
                                        : ResultPattern::ArithmeticNan;
    R.Type = K[1] == '3' ? ScriptValue::F32 : ScriptValue::F64;
    Pos += 3;
    return expectRParen();
  }
  if (K == "v128.const") {
    Pos += 2;
    R.K = ResultPattern::Exact;
    ORCA_TRY(parseVector(R.V, &R));
    return expectRParen();
  }
  auto Any = [&](ResultPattern::Kind PK) {
    if (!at(TokKind::RParen, 2))
      return false;
    R.K = PK;
    Pos += 3;
    return true;
  };
  if (K == "ref.func" && Any(ResultPattern::AnyRefFunc))
    return llvm::Error::success();
  if (K == "ref.extern" && Any(ResultPattern::AnyRefExtern))
    return llvm::Error::success();
  if (K == "ref.any" && Any(ResultPattern::AnyRef))
    return llvm::Error::success();
  if (K == "ref.eq" && Any(ResultPattern::AnyRefEq))
    return llvm::Error::success();
  if (K == "ref.i31" && Any(ResultPattern::AnyRefI31))
    return llvm::Error::success();
  if (K == "ref.struct" && Any(ResultPattern::AnyRefStruct))
    return llvm::Error::success();
  if (K == "ref.array" && Any(ResultPattern::AnyRefArray))
    return llvm::Error::success();
  R.K = ResultPattern::Exact;
  ORCA_TRY(parseValue(R.V));
  R.Type = R.V.K;
  return llvm::Error::success();
}

llvm::Error ScriptParser::parseAction(ScriptAction &A) {
  ORCA_TRY(expectLParen());
  if (consumeKeyword("invoke")) {
    A.K = ScriptAction::Invoke;
    A.ModuleId = takeId();
    ORCA_TRY(parseName(A.Name));
    while (at(TokKind::LParen)) {
      A.Args.emplace_back();
      ORCA_TRY(parseValue(A.Args.back()));
    }
  } else if (consumeKeyword("get")) {
    A.K = ScriptAction::Get;
    A.ModuleId = takeId();
    ORCA_TRY(parseName(A.Name));
  } else {
    return unexpected("'invoke' or 'get'");
  }
  return expectRParen();
}

llvm::Error ScriptParser::parseCommand(std::vector<Command> &Out) {
  const Token &Open = peek();
  if (!at(TokKind::Keyword, 1))
    return error(peek(1), "unexpected token: expected a command");
  llvm::StringRef K = text(peek(1));
  Command C;
  C.Line = line(Open);
  auto Message = [&]() -> llvm::Error { return parseString(C.Text); };
  if (K == "module") {
    if (atKeyword("instance", 2)) {
      Pos += 3;
      C.K = CommandKind::Instance;
      C.Id = takeId();
      C.ModuleId = takeId();
      ORCA_TRY(expectRParen());
    } else {
      C.K = CommandKind::Module;
      ORCA_TRY(parseModule(C.Module, true));
    }
  } else if (K == "register") {
    Pos += 2;
    C.K = CommandKind::Register;
    ORCA_TRY(parseName(C.Text));
    C.ModuleId = takeId();
    ORCA_TRY(expectRParen());
  } else if (K == "invoke" || K == "get") {
    C.K = CommandKind::Action;
    ORCA_TRY(parseAction(C.Action));
  } else if (K == "assert_return") {
    Pos += 2;
    C.K = CommandKind::AssertReturn;
    ORCA_TRY(parseAction(C.Action));
    while (at(TokKind::LParen)) {
      C.Results.emplace_back();
      ORCA_TRY(parseResult(C.Results.back()));
    }
    ORCA_TRY(expectRParen());
  } else if (K == "assert_trap") {
    Pos += 2;
    C.K = CommandKind::AssertTrap;
    if (atField("module")) {
      C.OnModule = true;
      ORCA_TRY(parseModule(C.Module, false));
    } else {
      ORCA_TRY(parseAction(C.Action));
    }
    ORCA_TRY(Message());
    ORCA_TRY(expectRParen());
  } else if (K == "assert_exhaustion" || K == "assert_exception") {
    Pos += 2;
    C.K = K == "assert_exhaustion" ? CommandKind::AssertExhaustion
                                   : CommandKind::AssertException;
    ORCA_TRY(parseAction(C.Action));
    if (at(TokKind::String))
      ORCA_TRY(Message());
    ORCA_TRY(expectRParen());
  } else if (K == "assert_invalid" || K == "assert_malformed" ||
             K == "assert_unlinkable" || K == "assert_uninstantiable") {
    Pos += 2;
    C.K = K == "assert_invalid"      ? CommandKind::AssertInvalid
          : K == "assert_malformed"  ? CommandKind::AssertMalformed
          : K == "assert_unlinkable" ? CommandKind::AssertUnlinkable
                                     : CommandKind::AssertUninstantiable;
    if (!atField("module"))
      return unexpected("'(module'");
    ORCA_TRY(parseModule(C.Module, true));
    ORCA_TRY(Message());
    ORCA_TRY(expectRParen());
  } else if (K == "script") {
    Pos += 2;
    takeId();
    ORCA_TRY(parseCommands(Out, true));
    return expectRParen();
  } else if (K == "input" || K == "output") {
    Pos += 2;
    C.K = K == "input" ? CommandKind::Input : CommandKind::Output;
    C.Id = takeId();
    if (at(TokKind::String))
      ORCA_TRY(parseString(C.Text));
    ORCA_TRY(expectRParen());
  } else {
    return error(peek(1), "unknown command '" + K + "'");
  }
  Out.push_back(std::move(C));
  return llvm::Error::success();
}

} // namespace

llvm::Expected<Script> orca::parseWast(llvm::StringRef Text,
                                       llvm::StringRef FileName,
                                       const WatOptions &Opts) {
  SourceFile Src{Text, FileName.str()};
  auto Toks = lex(Src);
  if (!Toks)
    return Toks.takeError();
  Script S;
  S.FileName = FileName.str();
  ScriptParser P(Src, *Toks, Opts);
  if (P.at(TokKind::LParen) && P.at(TokKind::Keyword, 1) &&
      isModuleField(P.text(P.peek(1)))) {
    // A script that is just module fields is one module.
    Command C;
    C.Line = 1;
    C.Module.Line = 1;
    ModuleParser MP(Src, *Toks, 0, Opts);
    auto Bytes = MP.parseFields();
    if (Bytes && !MP.at(TokKind::Eof)) {
      llvm::consumeError(Bytes.takeError());
      Bytes = MP.unexpected("a module field");
    }
    if (!Bytes)
      C.Module.Error = errorMessage(Bytes.takeError());
    else
      C.Module.Bytes = std::move(*Bytes);
    S.Commands.push_back(std::move(C));
    return S;
  }
  ORCA_TRY(P.parseCommands(S.Commands, false));
  return S;
}
