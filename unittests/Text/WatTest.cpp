//===- unittests/Text/WatTest.cpp - Modules, encodings, error positions ---===//
//
// Small modules checked byte for byte (abbreviations, implicit types,
// indices, names), and malformed texts checked for their exact
// `file:line:col: message`, including hostile input.
//
//===----------------------------------------------------------------------===//

#include "Text/Wat.h"

#include "Binary/Decoder.h"
#include "Binary/Validator.h"
#include "Text/TextError.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes wat(llvm::StringRef Text, bool Names = false) {
  WatOptions O;
  O.NameSection = Names;
  auto B = parseWat(Text, "t.wat", O);
  if (!B) {
    ADD_FAILURE() << llvm::toString(B.takeError());
    return {};
  }
  return *B;
}

std::string watError(llvm::StringRef Text) {
  auto B = parseWat(Text, "t.wat");
  if (B)
    return "(parsed)";
  std::string Msg;
  llvm::handleAllErrors(B.takeError(), [&](const TextError &E) {
    EXPECT_EQ(E.kind(), ErrorKind::Malformed);
    llvm::raw_string_ostream OS(Msg);
    E.log(OS);
    OS.flush();
    EXPECT_EQ(Msg.substr(0, 6), "t.wat:");
    Msg = Msg.substr(6);
  });
  return Msg;
}

Bytes header() { return {0, 'a', 's', 'm', 1, 0, 0, 0}; }
Bytes cat(std::initializer_list<Bytes> Parts) {
  Bytes B;
  for (const Bytes &P : Parts)
    B.insert(B.end(), P.begin(), P.end());
  return B;
}

TEST(Wat, EmptyModule) {
  EXPECT_EQ(wat("(module)"), header());
  EXPECT_EQ(wat(""), header());
  EXPECT_EQ(wat("(module $m)", true),
            cat({header(), {0, 9, 4, 'n', 'a', 'm', 'e', 0, 2, 1, 'm'}}));
}

TEST(Wat, FunctionWithImplicitType) {
  Bytes Want = cat({header(),
                    {1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f},                // type
                    {3, 2, 1, 0},                                     // func
                    {7, 5, 1, 1, 'f', 0, 0},                          // export
                    {10, 9, 1, 7, 0, 0x20, 0, 0x41, 1, 0x6a, 0x0b}}); // code
  EXPECT_EQ(wat("(module (func (export \"f\") (param i32) (result i32)"
                " (i32.add (local.get 0) (i32.const 1))))"),
            Want);
  // Flat, with ids.
  EXPECT_EQ(wat("(func $f (export \"f\") (param $x i32) (result i32)"
                " local.get $x i32.const 1 i32.add)"),
            Want);
}

TEST(Wat, TypeUseWithImpliedParams) {
  // (type $t) alone: the params come from the type, so $l is local 1.
  Bytes B = wat("(type $t (func (param i32))) "
                "(func (type $t) (local $l i64) (local.set $l (i64.const 0)))");
  Bytes Code = {10, 10, 1, 8, 1, 1, 0x7e, 0x42, 0, 0x21, 1, 0x0b};
  ASSERT_GE(B.size(), Code.size());
  EXPECT_EQ(Bytes(B.end() - Code.size(), B.end()), Code);
  EXPECT_EQ(watError("(type $t (func (param i32))) (func (type $t) (param "
                     "i64))"),
            "1:42: inline function type does not match the type it uses");
}

TEST(Wat, InlineImportsExportsAndSegments) {
  auto M = decodeAndValidate(
      wat("(module"
          " (func $i (import \"m\" \"f\") (param i32))"
          " (global $g1 (import \"m\" \"g\") i32)"
          " (memory (export \"mem\") (data \"hello\"))"
          " (table $t funcref (elem $i $g))"
          " (func $g (export \"g\") (result i32) global.get $g1)"
          " (elem declare func $g)"
          " (data (memory 0) (offset (i32.const 8)) \"x\" \"y\"))"));
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  const Module &Mod = **M;
  EXPECT_EQ(Mod.Imports.size(), 2u);
  EXPECT_EQ(Mod.Memories[0].Type.Lim.Min, 1u);
  EXPECT_EQ(Mod.Tables[0].Type.Lim.Min, 2u);
  ASSERT_EQ(Mod.Elems.size(), 2u);
  EXPECT_EQ(Mod.Elems[0].Items.size(), 2u);
  EXPECT_EQ(Mod.Elems[0].Items[1].Bits, 1u); // $g is function 1
  EXPECT_EQ(Mod.Elems[1].Mode, SegmentMode::Declarative);
  ASSERT_EQ(Mod.Datas.size(), 2u);
  EXPECT_EQ(Mod.Datas[1].DataSize, 2u);
  EXPECT_EQ(Mod.Exports.size(), 2u);
}

TEST(Wat, NameSection) {
  auto M =
      decodeModule(wat("(module $mod (func $f (param $p i32) (local $l f32)) "
                       "(func $\"quoted name\"))",
                       true));
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  const NameSection &N = (*M)->Names;
  EXPECT_EQ(N.ModuleName, "mod");
  ASSERT_EQ(N.FunctionNames.size(), 2u);
  EXPECT_EQ(N.FunctionNames[1].second, "quoted name");
  ASSERT_EQ(N.LocalNames.size(), 1u);
  ASSERT_EQ(N.LocalNames[0].second.size(), 2u);
  EXPECT_EQ(N.LocalNames[0].second[1].second, "l");
}

TEST(Wat, BinaryAndQuote) {
  EXPECT_EQ(wat("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")"), header());
  EXPECT_EQ(wat("(module quote \"(func)\")"), wat("(module (func))"));
}

TEST(Wat, SimdAndMultiMemory) {
  Features MultiMemory;
  MultiMemory.MultiMemory = true;
  auto M = decodeModule(
      wat("(memory 1) (memory $m 1)"
          "(func (result v128)"
          " (v128.const f32x4 1 -0x1p0 nan inf)"
          " (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 "
          "  (v128.load $m offset=16 align=4 (i32.const 0)))"
          " i8x16.add"
          " (v128.load8_lane 1 3 (i32.const 0) (v128.const i64x2 0 0))) ",
          false),
      MultiMemory);
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
}

TEST(Wat, Errors) {
  struct Case {
    const char *Text, *Message;
  };
  for (Case C : {
           Case{"(module (func (i32.const 0x1_0000_0000)))",
                "1:26: i32 constant out of range"},
           Case{"(module\n  (func (f32.const 1e39)))",
                "2:20: f32 constant out of range"},
           Case{"(func (f64.const nan:0x0))", "1:18: f64 constant out of "
                                              "range"},
           Case{"(func (i32.const))", "1:17: unexpected token ')', expected "
                                      "an i32 constant"},
           Case{"(func (i32.frob))", "1:8: unknown operator 'i32.frob'"},
           Case{"(func (call_ref 0))", "1:8: unsupported instruction "
                                       "'call_ref': not encoded yet "
                                       "(WebAssembly 3.0)"},
           Case{"(func (call $nope))", "1:13: unknown function $nope"},
           Case{"(func $f) (func $f)", "1:17: duplicate function $f"},
           Case{"(func (param $x i32) (local $x i32))",
                "1:29: duplicate local $x"},
           Case{"(func block $a end $b)", "1:20: mismatching label"},
           Case{"(func block)", "1:12: unexpected token ')', expected 'end'"},
           Case{"(func end)", "1:7: unexpected token 'end'"},
           Case{"(func br $out)", "1:10: unknown label $out"},
           Case{"(func (i32.load align=3 (i32.const 0)))",
                "1:17: alignment must be a power of two"},
           Case{"(func) (import \"m\" \"f\" (func))",
                "1:9: import after function"},
           Case{"(start 0) (start 0)", "1:11: multiple start sections"},
           Case{"(export \"\\ff\" (func 0))", "1:9: malformed UTF-8 encoding"},
           Case{"(module (func)) (module)", "1:17: unexpected token '(', "
                                            "expected the end of the "
                                            "module"},
           Case{"(modul)", "1:2: unexpected token 'modul': expected a "
                           "module field"},
           Case{"(module quote \"(func (i32.const x))\")",
                "1:9: quoted module:1:18: unexpected token 'x', expected an "
                "i32 constant"},
       }) {
    EXPECT_EQ(watError(C.Text), C.Message) << C.Text;
  }
}

TEST(Wat, QuotedModuleErrorsNameTheirPlace) {
  auto B = parseWat("(module quote \"(func (i32.const x))\")", "q.wast");
  ASSERT_FALSE(bool(B));
  EXPECT_EQ(llvm::toString(B.takeError()),
            "q.wast:1:9: quoted module:1:18: unexpected token 'x', "
            "expected an i32 constant");
}

TEST(Wat, HostileInput) {
  // Deeply folded instructions are refused, not a stack overflow.
  std::string Deep = "(func ";
  for (int I = 0; I < 100000; ++I)
    Deep += "(block ";
  Deep += std::string(100000, ')') + ")";
  EXPECT_EQ(watError(Deep).substr(0, 39),
            "1:14007: folded instructions nested too");
  // Deep flat nesting needs no recursion at all.
  std::string Flat = "(func ";
  for (int I = 0; I < 100000; ++I)
    Flat += "block ";
  for (int I = 0; I < 100000; ++I)
    Flat += "end ";
  Flat += ")";
  EXPECT_GT(wat(Flat).size(), 200000u);
  // Huge numbers.
  EXPECT_EQ(watError("(func (i64.const " + std::string(100000, '9') + "))"),
            "1:18: i64 constant out of range");
  EXPECT_EQ(watError("(func (f64.const 1e" + std::string(100000, '9') + "))"),
            "1:18: f64 constant out of range");
  EXPECT_EQ(watError("(memory 99999999999999999999999)"),
            "1:9: i64 constant out of range");
}

TEST(Wat, IsWasmBinary) {
  EXPECT_TRUE(isWasmBinary(header()));
  EXPECT_FALSE(isWasmBinary(Bytes{'(', 'm'}));
}

} // namespace
