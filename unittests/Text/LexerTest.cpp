//===- unittests/Text/LexerTest.cpp - Tokens and their errors -------------===//

#include "Text/Lexer.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

struct Lexed {
  SourceFile Src;
  std::vector<Token> Toks;
  std::string Error;
};

Lexed lexText(llvm::StringRef Text) {
  Lexed L{{Text, "t.wat"}, {}, {}};
  auto T = lex(L.Src);
  if (T)
    L.Toks = std::move(*T);
  else
    L.Error = llvm::toString(T.takeError());
  return L;
}

std::vector<std::string> kinds(const Lexed &L) {
  std::vector<std::string> Out;
  for (const Token &T : L.Toks) {
    const char *K = "?";
    switch (T.Kind) {
    case TokKind::LParen:
      K = "(";
      break;
    case TokKind::RParen:
      K = ")";
      break;
    case TokKind::Keyword:
      K = "kw";
      break;
    case TokKind::Number:
      K = "num";
      break;
    case TokKind::Id:
      K = "id";
      break;
    case TokKind::String:
      K = "str";
      break;
    case TokKind::Eof:
      K = "eof";
      break;
    }
    Out.push_back(std::string(K) + ":" +
                  L.Src.Text.slice(T.Begin, T.End).str());
  }
  return Out;
}

TEST(Lexer, Tokens) {
  Lexed L = lexText("(module $m (func $\"a b\" i32.const -0x1_0 \"s\\n\"))");
  ASSERT_EQ(L.Error, "");
  std::vector<std::string> Want = {"(:(",          "kw:module",  "id:$m",
                                   "(:(",          "kw:func",    "id:$\"a b\"",
                                   "kw:i32.const", "num:-0x1_0", "str:\"s\\n\"",
                                   "):)",          "):)",        "eof:"};
  EXPECT_EQ(kinds(L), Want);
  EXPECT_EQ(L.Toks[0].Match, 10u);
  EXPECT_EQ(L.Toks[3].Match, 9u);
}

TEST(Lexer, CommentsAndAnnotations) {
  Lexed L = lexText("(; a (; nested ;) ;) x ;; line\n (@name (a \"(\" ;) "
                    "y) (@x (@ [ , ] {})) z");
  ASSERT_EQ(L.Error, "");
  std::vector<std::string> Want = {"kw:x", "kw:z", "eof:"};
  EXPECT_EQ(kinds(L), Want);
}

TEST(Lexer, Strings) {
  EXPECT_EQ(decodeString("\"a\\t\\n\\r\\\"\\'\\\\\\41\\u{48}\\u{20AC}\""),
            "a\t\n\r\"'\\AH\xE2\x82\xAC");
  EXPECT_EQ(idName("$\"a\\41\""), "aA");
  EXPECT_EQ(idName("$abc"), "abc");
  EXPECT_TRUE(isValidUTF8("\xE2\x82\xAC"));
  EXPECT_FALSE(isValidUTF8("\xE2\x82"));
  EXPECT_FALSE(isValidUTF8("\xC0\x80"));     // overlong
  EXPECT_FALSE(isValidUTF8("\xED\xA0\x80")); // surrogate
}

TEST(Lexer, Errors) {
  struct Case {
    const char *Text, *Message;
  };
  for (Case C : {
           Case{"(module \"abc", "t.wat:1:9: unclosed string"},
           Case{"\n  (; x", "t.wat:2:3: unclosed comment"},
           Case{"(module\n (func))\n)", "t.wat:3:1: unexpected token ')': "
                                        "unbalanced parenthesis"},
           Case{"(module (func)", "t.wat:1:1: unclosed parenthesis: "
                                  "missing ')'"},
           Case{"\"\\q\"", "t.wat:1:2: malformed escape in string"},
           Case{"\"\\u{d800}\"", "t.wat:1:2: malformed escape in string: "
                                 "surrogate code point"},
           Case{"\"\\u{110000}\"", "t.wat:1:2: malformed escape in string: "
                                   "code point out of range"},
           Case{"\"a\tb\"", "t.wat:1:3: illegal control character in "
                            "string"},
           Case{"\"\xff\"", "t.wat:1:2: malformed UTF-8 encoding"},
           Case{"a,b", "t.wat:1:2: illegal character"},
           Case{"x 1x\"a\"", "t.wat:1:3: unknown operator '1x\"a\"'"},
           Case{"$\"\"", "t.wat:1:1: empty identifier"},
           Case{"(@ x)", "t.wat:1:1: malformed annotation id"},
           Case{"(@x (y)", "t.wat:1:1: unclosed annotation"},
           Case{"A", "t.wat:1:1: unknown operator 'A'"},
       }) {
    Lexed L = lexText(C.Text);
    EXPECT_EQ(L.Error, C.Message) << C.Text;
  }
}

TEST(Lexer, DeepNestingUsesNoNativeStack) {
  std::string S(1000000, '(');
  S += std::string(1000000, ')');
  Lexed L = lexText(S);
  EXPECT_EQ(L.Error, "");
  EXPECT_EQ(L.Toks.size(), 2000001u);
}

} // namespace
