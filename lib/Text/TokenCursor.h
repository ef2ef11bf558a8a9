//===- Text/TokenCursor.h - Reading a token vector --------------*- C++ -*-===//
//
// Owns the small vocabulary every text parser here shares: looking at the
// next tokens, consuming expected ones, skipping a whole s-expression by its
// matching parenthesis, and making a positioned error for a token.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_TOKENCURSOR_H
#define ORCA_TEXT_TOKENCURSOR_H

#include "Text/Lexer.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

namespace orca {

/// Propagates a failed llvm::Error.
#define ORCA_TRY(X)                                                            \
  do {                                                                         \
    if (llvm::Error TryErr_ = (X))                                             \
      return TryErr_;                                                          \
  } while (0)

class TokenCursor {
public:
  TokenCursor(const SourceFile &Src, llvm::ArrayRef<Token> Toks, size_t Pos)
      : Src(Src), Toks(Toks), Pos(Pos) {}

  const SourceFile &Src;
  llvm::ArrayRef<Token> Toks; ///< ends with an Eof token
  size_t Pos;

  const Token &peek(size_t K = 0) const {
    return Toks[std::min(Pos + K, Toks.size() - 1)];
  }
  llvm::StringRef text(const Token &T) const {
    return Src.Text.slice(T.Begin, T.End);
  }
  bool at(TokKind K, size_t Ahead = 0) const { return peek(Ahead).Kind == K; }
  bool atKeyword(llvm::StringRef KW, size_t Ahead = 0) const {
    const Token &T = peek(Ahead);
    return T.Kind == TokKind::Keyword && text(T) == KW;
  }
  /// True at `(` followed by keyword \p KW.
  bool atField(llvm::StringRef KW) const {
    return at(TokKind::LParen) && atKeyword(KW, 1);
  }
  bool consumeKeyword(llvm::StringRef KW) {
    if (!atKeyword(KW))
      return false;
    ++Pos;
    return true;
  }
  /// Skips the s-expression starting at the current `(`.
  void skipSExpr() { Pos = peek().Match + 1; }

  llvm::Error error(const Token &T, const llvm::Twine &Msg) const {
    return Src.error(T.Begin, Msg);
  }
  llvm::Error errorHere(const llvm::Twine &Msg) const {
    return error(peek(), Msg);
  }
  /// "unexpected token" naming the current token (or end of input).
  llvm::Error unexpected(llvm::StringRef Expected = "") const {
    const Token &T = peek();
    std::string What =
        T.Kind == TokKind::Eof
            ? std::string("unexpected end of input")
            : "unexpected token '" + text(T).take_front(40).str() + "'";
    if (!Expected.empty())
      What += ", expected " + Expected.str();
    return error(T, What);
  }
  llvm::Error expect(TokKind K, llvm::StringRef What) {
    if (!at(K))
      return unexpected(What);
    ++Pos;
    return llvm::Error::success();
  }
  llvm::Error expectLParen() { return expect(TokKind::LParen, "'('"); }
  llvm::Error expectRParen() { return expect(TokKind::RParen, "')'"); }
  llvm::Error expectKeyword(llvm::StringRef KW) {
    if (!consumeKeyword(KW))
      return unexpected("'" + KW.str() + "'");
    return llvm::Error::success();
  }
  /// A string token's bytes.
  llvm::Error parseString(std::string &Out) {
    if (!at(TokKind::String))
      return unexpected("a string");
    Out = decodeString(text(peek()));
    ++Pos;
    return llvm::Error::success();
  }
  /// A string that must be valid UTF-8 (import, export and module names).
  llvm::Error parseName(std::string &Out) {
    const Token &T = peek();
    ORCA_TRY(parseString(Out));
    if (!isValidUTF8(Out))
      return error(T, "malformed UTF-8 encoding");
    return llvm::Error::success();
  }
};

} // namespace orca

#endif // ORCA_TEXT_TOKENCURSOR_H
