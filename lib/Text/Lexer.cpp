//===- Text/Lexer.cpp - Tokens of the WebAssembly text format -------------===//
//
// A single forward scan; block comments and annotations nest and are
// tracked with counters, parentheses with an explicit stack, so hostile
// nesting costs heap, not native stack.
//
//===----------------------------------------------------------------------===//

#include "Text/Lexer.h"

using namespace orca;

namespace {

bool isIdChar(unsigned char C) {
  if (C < 0x21 || C > 0x7e)
    return false;
  switch (C) {
  case '"':
  case ',':
  case ';':
  case '(':
  case ')':
  case '[':
  case ']':
  case '{':
  case '}':
    return false;
  default:
    return true;
  }
}

int hexValue(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

/// Length of the UTF-8 sequence at \p S[I], or 0 if malformed.
size_t utf8Length(llvm::StringRef S, size_t I) {
  unsigned char C = S[I];
  size_t Len;
  uint32_t Min;
  if (C < 0x80)
    return 1;
  if ((C & 0xe0) == 0xc0) {
    Len = 2;
    Min = 0x80;
  } else if ((C & 0xf0) == 0xe0) {
    Len = 3;
    Min = 0x800;
  } else if ((C & 0xf8) == 0xf0) {
    Len = 4;
    Min = 0x10000;
  } else {
    return 0;
  }
  if (I + Len > S.size())
    return 0;
  uint32_t CP = C & (0x7f >> Len);
  for (size_t K = 1; K < Len; ++K) {
    unsigned char D = S[I + K];
    if ((D & 0xc0) != 0x80)
      return 0;
    CP = CP << 6 | (D & 0x3f);
  }
  if (CP < Min || CP > 0x10ffff || (CP >= 0xd800 && CP < 0xe000))
    return 0;
  return Len;
}

class Lexer {
public:
  explicit Lexer(const SourceFile &Src) : Src(Src), S(Src.Text) {}
  llvm::Expected<std::vector<Token>> run();

private:
  llvm::Error scanString(size_t &P);
  llvm::Error skipBlockComment(size_t &P);

  const SourceFile &Src;
  llvm::StringRef S;
};

llvm::Error Lexer::scanString(size_t &P) {
  size_t Start = P++;
  while (true) {
    if (P >= S.size())
      return Src.error(Start, "unclosed string");
    unsigned char C = S[P];
    if (C == '"') {
      ++P;
      return llvm::Error::success();
    }
    if (C == '\\') {
      if (P + 1 >= S.size())
        return Src.error(Start, "unclosed string");
      char E = S[P + 1];
      switch (E) {
      case 't':
      case 'n':
      case 'r':
      case '"':
      case '\'':
      case '\\':
        P += 2;
        continue;
      case 'u': {
        size_t Q = P + 2;
        if (Q >= S.size() || S[Q] != '{')
          return Src.error(P, "malformed escape in string");
        ++Q;
        uint64_t CP = 0;
        size_t Digits = 0;
        while (Q < S.size() && (hexValue(S[Q]) >= 0 || S[Q] == '_')) {
          if (S[Q] != '_') {
            CP = CP * 16 + hexValue(S[Q]);
            if (CP > 0x10ffff)
              return Src.error(P, "malformed escape in string: code point "
                                  "out of range");
            ++Digits;
          }
          ++Q;
        }
        if (!Digits || Q >= S.size() || S[Q] != '}')
          return Src.error(P, "malformed escape in string");
        if (CP >= 0xd800 && CP < 0xe000)
          return Src.error(P, "malformed escape in string: surrogate code "
                              "point");
        P = Q + 1;
        continue;
      }
      default:
        if (P + 2 < S.size() && hexValue(E) >= 0 && hexValue(S[P + 2]) >= 0) {
          P += 3;
          continue;
        }
        return Src.error(P, "malformed escape in string");
      }
    }
    if (C < 0x20 || C == 0x7f)
      return Src.error(P, "illegal control character in string");
    size_t Len = utf8Length(S, P);
    if (!Len)
      return Src.error(P, "malformed UTF-8 encoding");
    P += Len;
  }
}

llvm::Error Lexer::skipBlockComment(size_t &P) {
  size_t Start = P;
  unsigned Depth = 0;
  while (P < S.size()) {
    if (S[P] == '(' && P + 1 < S.size() && S[P + 1] == ';') {
      ++Depth;
      P += 2;
    } else if (S[P] == ';' && P + 1 < S.size() && S[P + 1] == ')') {
      P += 2;
      if (--Depth == 0)
        return llvm::Error::success();
    } else {
      ++P;
    }
  }
  return Src.error(Start, "unclosed comment");
}

llvm::Expected<std::vector<Token>> Lexer::run() {
  if (S.size() >= UINT32_MAX)
    return Src.error(0, "text too large (4 GiB or more)");
  std::vector<Token> Toks;
  Toks.reserve(S.size() / 4 + 1);
  std::vector<uint32_t> Open; // indices of unmatched LParen tokens
  // Inside an annotation: its nesting depth (its own paren counts as 1);
  // tokens are checked but dropped.
  unsigned AnnotDepth = 0;
  size_t AnnotStart = 0;
  size_t P = 0;
  const size_t N = S.size();
  while (P < N) {
    unsigned char C = S[P];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      ++P;
      continue;
    }
    if (C == ';' && P + 1 < N && S[P + 1] == ';') {
      // A line comment ends at a newline: \n, \r or \r\n.
      while (P < N && S[P] != '\n' && S[P] != '\r')
        ++P;
      continue;
    }
    if (C == '(' && P + 1 < N && S[P + 1] == ';') {
      if (auto E = skipBlockComment(P))
        return E;
      continue;
    }
    if (C == '(') {
      if (P + 1 < N && S[P + 1] == '@') {
        size_t Q = P + 2;
        if (Q < N && S[Q] == '"') {
          if (auto E = scanString(Q))
            return E;
          std::string Name = decodeString(S.slice(P + 2, Q));
          if (Name.empty())
            return Src.error(P, "empty annotation id");
          if (!isValidUTF8(Name))
            return Src.error(P, "malformed UTF-8 encoding in annotation id");
        } else {
          while (Q < N && isIdChar(S[Q]))
            ++Q;
        }
        if (Q == P + 2) {
          // Inside an annotation, `(@` alone is `(` and a reserved `@`.
          if (!AnnotDepth)
            return Src.error(P, "malformed annotation id");
          ++AnnotDepth;
          P += 2;
          continue;
        }
        if (!AnnotDepth)
          AnnotStart = P;
        ++AnnotDepth;
        P = Q;
        continue;
      }
      if (AnnotDepth) {
        ++AnnotDepth;
      } else {
        Open.push_back(uint32_t(Toks.size()));
        Toks.push_back({TokKind::LParen, uint32_t(P), uint32_t(P + 1)});
      }
      ++P;
      continue;
    }
    if (C == ')') {
      if (AnnotDepth) {
        --AnnotDepth;
      } else {
        if (Open.empty())
          return Src.error(P, "unexpected token ')': unbalanced parenthesis");
        Toks[Open.back()].Match = uint32_t(Toks.size());
        Open.pop_back();
        Toks.push_back({TokKind::RParen, uint32_t(P), uint32_t(P + 1)});
      }
      ++P;
      continue;
    }
    if (C == '"' || isIdChar(C)) {
      // A maximal run of id characters and strings is one token.
      size_t Start = P;
      unsigned Strings = 0;
      bool IdChars = false;
      while (P < N) {
        if (S[P] == '"') {
          if (auto E = scanString(P))
            return E;
          ++Strings;
        } else if (isIdChar(S[P])) {
          ++P;
          IdChars = true;
        } else {
          break;
        }
      }
      if (AnnotDepth)
        continue;
      TokKind K;
      char First = S[Start];
      if (!IdChars && Strings == 1)
        K = TokKind::String;
      else if (First == '$' && Strings == 0 && P - Start > 1)
        K = TokKind::Id;
      else if (First == '$' && Strings == 1 && S[Start + 1] == '"' &&
               S[P - 1] == '"')
        K = TokKind::Id;
      else if (Strings == 0 && First >= 'a' && First <= 'z')
        K = TokKind::Keyword;
      else if (Strings == 0 &&
               ((First >= '0' && First <= '9') || First == '+' || First == '-'))
        K = TokKind::Number;
      else
        return Src.error(Start, "unknown operator '" +
                                    S.slice(Start, std::min(P, Start + 40)) +
                                    "'");
      if (K == TokKind::Id && S[Start + 1] == '"') {
        if (P - Start == 3)
          return Src.error(Start, "empty identifier");
        if (!isValidUTF8(decodeString(S.slice(Start + 1, P))))
          return Src.error(Start, "malformed UTF-8 encoding in identifier");
      }
      Toks.push_back({K, uint32_t(Start), uint32_t(P)});
      continue;
    }
    if (AnnotDepth && (C == ',' || C == ';' || C == '[' || C == ']' ||
                       C == '{' || C == '}')) {
      ++P; // reserved characters are tokens an annotation may hold
      continue;
    }
    if (C >= 0x80) {
      size_t Len = utf8Length(S, P);
      if (!Len)
        return Src.error(P, "malformed UTF-8 encoding");
    }
    return Src.error(P, "illegal character");
  }
  if (AnnotDepth)
    return Src.error(AnnotStart, "unclosed annotation");
  if (!Open.empty())
    return Src.error(Toks[Open.back()].Begin,
                     "unclosed parenthesis: missing ')'");
  Toks.push_back({TokKind::Eof, uint32_t(N), uint32_t(N)});
  return Toks;
}

} // namespace

llvm::Expected<std::vector<Token>> orca::lex(const SourceFile &Src) {
  return Lexer(Src).run();
}

std::string orca::decodeString(llvm::StringRef Raw) {
  std::string Out;
  Raw = Raw.drop_front().drop_back();
  Out.reserve(Raw.size());
  for (size_t I = 0; I < Raw.size(); ++I) {
    char C = Raw[I];
    if (C != '\\') {
      Out.push_back(C);
      continue;
    }
    char E = Raw[++I];
    switch (E) {
    case 't':
      Out.push_back('\t');
      break;
    case 'n':
      Out.push_back('\n');
      break;
    case 'r':
      Out.push_back('\r');
      break;
    case '"':
    case '\'':
    case '\\':
      Out.push_back(E);
      break;
    case 'u': {
      uint32_t CP = 0;
      I += 2; // past 'u{'
      for (; Raw[I] != '}'; ++I)
        if (Raw[I] != '_')
          CP = CP * 16 + hexValue(Raw[I]);
      if (CP < 0x80) {
        Out.push_back(char(CP));
      } else if (CP < 0x800) {
        Out.push_back(char(0xc0 | CP >> 6));
        Out.push_back(char(0x80 | (CP & 0x3f)));
      } else if (CP < 0x10000) {
        Out.push_back(char(0xe0 | CP >> 12));
        Out.push_back(char(0x80 | (CP >> 6 & 0x3f)));
        Out.push_back(char(0x80 | (CP & 0x3f)));
      } else {
        Out.push_back(char(0xf0 | CP >> 18));
        Out.push_back(char(0x80 | (CP >> 12 & 0x3f)));
        Out.push_back(char(0x80 | (CP >> 6 & 0x3f)));
        Out.push_back(char(0x80 | (CP & 0x3f)));
      }
      break;
    }
    default:
      Out.push_back(char(hexValue(E) * 16 + hexValue(Raw[I + 1])));
      ++I;
      break;
    }
  }
  return Out;
}

std::string orca::idName(llvm::StringRef Raw) {
  if (Raw.size() > 1 && Raw[1] == '"')
    return decodeString(Raw.drop_front());
  return Raw.drop_front().str();
}

bool orca::isValidUTF8(llvm::StringRef S) {
  for (size_t I = 0; I < S.size();) {
    size_t Len = utf8Length(S, I);
    if (!Len)
      return false;
    I += Len;
  }
  return true;
}
