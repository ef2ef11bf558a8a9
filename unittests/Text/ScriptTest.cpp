//===- unittests/Text/ScriptTest.cpp - Script commands as data ------------===//

#include "Text/Script.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

TEST(Script, Commands) {
  const char *Text = R"WAST(
(module $M (func (export "f") (param i32) (result i32) local.get 0))
(module definition $D (memory 1))
(module instance $I $D)
(register "m" $M)
(invoke "f" (i32.const 1))
(assert_return (invoke $M "f" (i32.const -1)) (i32.const 0xffffffff))
(assert_return (get "g") (f32.const nan:canonical))
(assert_return (invoke "v")
  (v128.const f32x4 nan:arithmetic 1 -0 inf)
  (either (i32.const 1) (i32.const 2))
  (ref.null func) (ref.extern 7) (ref.func) (ref.extern) (ref.any))
(assert_trap (invoke "t") "unreachable")
(assert_trap (module (func $s unreachable) (start $s)) "unreachable")
(assert_exhaustion (invoke "r") "call stack exhausted")
(assert_exception (invoke "x"))
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(func (i32.const x))") "unexpected token")
(assert_malformed (module binary "\00asm") "unexpected end")
(assert_unlinkable (module (import "x" "y" (func))) "unknown import")
(assert_uninstantiable (module binary "\00asm\01\00\00\00") "x")
)WAST";
  auto S = parseWast(Text, "s.wast");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  const auto &C = S->Commands;
  ASSERT_EQ(C.size(), 17u);
  EXPECT_EQ(C[0].K, CommandKind::Module);
  EXPECT_EQ(C[0].Module.Id, "M");
  EXPECT_FALSE(C[0].Module.Error);
  EXPECT_GT(C[0].Module.Bytes.size(), 8u);
  EXPECT_EQ(C[0].Line, 2u);
  EXPECT_TRUE(C[1].Module.IsDefinition);
  EXPECT_EQ(C[2].K, CommandKind::Instance);
  EXPECT_EQ(C[2].Id, "I");
  EXPECT_EQ(C[2].ModuleId, "D");
  EXPECT_EQ(C[3].Text, "m");
  EXPECT_EQ(C[3].ModuleId, "M");
  EXPECT_EQ(C[4].K, CommandKind::Action);
  EXPECT_EQ(C[4].Action.Args[0].Bits, 1u);
  EXPECT_EQ(C[5].Action.ModuleId, "M");
  EXPECT_EQ(C[5].Action.Args[0].Bits, 0xffffffffu);
  EXPECT_EQ(C[5].Results[0].V.Bits, 0xffffffffu);
  EXPECT_EQ(C[6].Action.K, ScriptAction::Get);
  EXPECT_EQ(C[6].Results[0].K, ResultPattern::CanonicalNan);
  EXPECT_EQ(C[6].Results[0].Type, ScriptValue::F32);
  const auto &R = C[7].Results;
  ASSERT_EQ(R.size(), 7u);
  EXPECT_EQ(R[0].K, ResultPattern::Lanes);
  EXPECT_EQ(R[0].Shape, "f32x4");
  EXPECT_EQ(R[0].Sub[0].K, ResultPattern::ArithmeticNan);
  EXPECT_EQ(R[0].Sub[2].V.Bits, 0x80000000u);
  EXPECT_EQ(R[1].K, ResultPattern::Either);
  EXPECT_EQ(R[1].Sub.size(), 2u);
  EXPECT_EQ(R[2].V.K, ScriptValue::RefNull);
  EXPECT_EQ(R[2].V.HeapType, "func");
  EXPECT_EQ(R[3].V.K, ScriptValue::RefExtern);
  EXPECT_EQ(R[3].V.Bits, 7u);
  EXPECT_EQ(R[4].K, ResultPattern::AnyRefFunc);
  EXPECT_EQ(R[5].K, ResultPattern::AnyRefExtern);
  EXPECT_EQ(R[6].K, ResultPattern::AnyRef);
  EXPECT_EQ(C[8].K, CommandKind::AssertTrap);
  EXPECT_EQ(C[8].Text, "unreachable");
  EXPECT_TRUE(C[9].OnModule);
  EXPECT_EQ(C[10].K, CommandKind::AssertExhaustion);
  EXPECT_EQ(C[11].K, CommandKind::AssertException);
  EXPECT_EQ(C[12].K, CommandKind::AssertInvalid);
  EXPECT_FALSE(C[12].Module.Error);
  EXPECT_EQ(C[13].Module.K, ScriptModule::Quote);
  ASSERT_TRUE(C[13].Module.Error);
  EXPECT_EQ(*C[13].Module.Error, "s.wast:18:27: quoted module:1:18: "
                                 "unexpected token 'x', expected an i32 "
                                 "constant");
  EXPECT_EQ(C[14].Module.K, ScriptModule::Binary);
  EXPECT_EQ(C[14].Module.Bytes.size(), 4u);
  EXPECT_EQ(C[15].K, CommandKind::AssertUnlinkable);
  EXPECT_EQ(C[16].K, CommandKind::AssertUninstantiable);
}

TEST(Script, ModuleErrorsStayWithTheirCommand) {
  auto S = parseWast("(module (func (i32.const 1e3)))\n(invoke \"f\")", "s");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  ASSERT_EQ(S->Commands.size(), 2u);
  ASSERT_TRUE(S->Commands[0].Module.Error);
  EXPECT_EQ(*S->Commands[0].Module.Error,
            "s:1:26: unexpected token '1e3', expected an i32 constant");
}

TEST(Script, SyntaxErrors) {
  auto S = parseWast("(assert_return (invoke \"f\") (i32.const x))", "s");
  ASSERT_FALSE(bool(S));
  EXPECT_EQ(llvm::toString(S.takeError()),
            "s:1:40: unexpected token 'x', expected a number");
  S = parseWast("(frobnicate)", "s");
  ASSERT_FALSE(bool(S));
  EXPECT_EQ(llvm::toString(S.takeError()), "s:1:2: unknown command "
                                           "'frobnicate'");
}

TEST(Script, BareFieldsAreOneModule) {
  auto S = parseWast("(func) (memory 0)", "s");
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  ASSERT_EQ(S->Commands.size(), 1u);
  EXPECT_FALSE(S->Commands[0].Module.Error);
}

} // namespace
