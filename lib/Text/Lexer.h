//===- Text/Lexer.h - Tokens of the WebAssembly text format -----*- C++ -*-===//
//
// Owns the token grammar of the text format (the spec's text/lexical
// section): parentheses, keywords, numbers, `$id`s (also the quoted
// `$"..."` form), strings; white space, line and nested block comments and
// `(@...)` annotations are skipped. The whole input becomes one token
// vector, each `(` knowing its matching `)`, so that parsers can skip a
// whole s-expression in O(1) and never recurse to find its end.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_LEXER_H
#define ORCA_TEXT_LEXER_H

#include "Text/TextError.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace orca {

enum class TokKind : uint8_t {
  LParen,
  RParen,
  Keyword, ///< starts with a lower-case letter: `i32.add`, `offset=4`, `nan`
  Number,  ///< starts with a digit, `+` or `-`
  Id,      ///< `$name` or `$"name"`
  String,  ///< `"..."`, escapes still in place
  Eof,
};

struct Token {
  TokKind Kind;
  uint32_t Begin; ///< byte offsets into the source
  uint32_t End;
  /// For LParen: the index of the matching RParen token.
  uint32_t Match = 0;
};

/// Splits \p Src into tokens ending with one Eof token. Fails on an illegal
/// character, a malformed string or escape, an unclosed comment or
/// annotation, a token that is not a keyword, number, id or string (a
/// "reserved" token such as `1x"a"`), or unbalanced parentheses.
llvm::Expected<std::vector<Token>> lex(const SourceFile &Src);

/// The bytes a string token denotes (\p Raw includes the quotes; the lexer
/// has checked its escapes).
std::string decodeString(llvm::StringRef Raw);

/// The name an Id token denotes: the characters after `$`, or the decoded
/// string of `$"..."`.
std::string idName(llvm::StringRef Raw);

/// True if \p S is well-formed UTF-8.
bool isValidUTF8(llvm::StringRef S);

} // namespace orca

#endif // ORCA_TEXT_LEXER_H
