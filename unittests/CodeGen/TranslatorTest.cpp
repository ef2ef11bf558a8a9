//===- unittests/CodeGen/TranslatorTest.cpp - Function translator tests ---===//
//
// Decodes small hand-encoded modules, translates them and checks that the
// result verifies and has the shapes the runtime relies on: one symbol per
// defined function with the wasm calling convention, both trampolines per
// type, and control flow that survives dead code and deep nesting.
//
//===----------------------------------------------------------------------===//

#include "Binary/Validator.h"
#include "CodeGen/ModuleTranslator.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/Verifier.h"
#include "llvm/TargetParser/Triple.h"

#include "gtest/gtest.h"

using namespace llvm;
using namespace orca;

namespace {

using Bytes = std::vector<uint8_t>;

void uleb(Bytes &Out, uint64_t V) {
  do {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Out.push_back(B | (V ? 0x80 : 0));
  } while (V);
}

void section(Bytes &Out, uint8_t Id, const Bytes &Body) {
  Out.push_back(Id);
  uleb(Out, Body.size());
  Out.insert(Out.end(), Body.begin(), Body.end());
}

/// A module of one memory and the given functions, each `Sig` being
/// {params, results} and `Code` its locals-free body (ending in `end`).
struct Fn {
  Bytes Params, Results, Code;
};

Bytes encode(const std::vector<Fn> &Fns, bool WithMemory = true) {
  Bytes M = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  Bytes Types, Funcs, Mem, Code;
  uleb(Types, Fns.size());
  uleb(Funcs, Fns.size());
  uleb(Code, Fns.size());
  for (size_t I = 0; I < Fns.size(); ++I) {
    Types.push_back(0x60);
    uleb(Types, Fns[I].Params.size());
    Types.insert(Types.end(), Fns[I].Params.begin(), Fns[I].Params.end());
    uleb(Types, Fns[I].Results.size());
    Types.insert(Types.end(), Fns[I].Results.begin(), Fns[I].Results.end());
    uleb(Funcs, I);
    Bytes Body = {0x00}; // no local runs
    Body.insert(Body.end(), Fns[I].Code.begin(), Fns[I].Code.end());
    uleb(Code, Body.size());
    Code.insert(Code.end(), Body.begin(), Body.end());
  }
  Mem = {0x01, 0x00, 0x01}; // one memory, min 1 page
  section(M, 1, Types);
  section(M, 3, Funcs);
  if (WithMemory)
    section(M, 5, Mem);
  section(M, 10, Code);
  return M;
}

constexpr uint8_t I32 = 0x7f, I64 = 0x7e;

struct Translated {
  std::unique_ptr<LLVMContext> Ctx = std::make_unique<LLVMContext>();
  std::unique_ptr<llvm::Module> LM;
};

Translated translate(const Bytes &Wasm, bool BoundsChecks = true) {
  Translated T;
  auto M = decodeAndValidate(Wasm);
  if (!M) {
    ADD_FAILURE() << toString(M.takeError());
    return T;
  }
  VMOffsets O = VMOffsets::forModule(**M, 8);
  CodeGenOptions Opts;
  Opts.ExplicitBoundsChecks = BoundsChecks;
  DataLayout DL("e-m:e-p:64:64-i64:64-i128:128-n8:16:32:64-S128");
  auto LM =
      translateModule(**M, O, *T.Ctx, DL, Triple("x86_64-pc-linux-gnu"), Opts);
  if (!LM) {
    ADD_FAILURE() << toString(LM.takeError());
    return T;
  }
  std::string Err;
  raw_string_ostream OS(Err);
  EXPECT_FALSE(verifyModule(**LM, &OS)) << Err;
  T.LM = std::move(*LM);
  return T;
}

unsigned countOps(const llvm::Function &F, unsigned Opcode) {
  unsigned N = 0;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB)
      N += I.getOpcode() == Opcode;
  return N;
}

TEST(TranslatorTest, SymbolsAndConvention) {
  // (func (param i32 i64) (result i64 i32) local.get 1 local.get 0)
  Translated T =
      translate(encode({{{I32, I64}, {I64, I32}, {0x20, 1, 0x20, 0, 0x0b}}}));
  ASSERT_TRUE(T.LM);
  llvm::Function *F = T.LM->getFunction("wasm_func_0");
  ASSERT_TRUE(F);
  ASSERT_EQ(F->arg_size(), 4u);
  EXPECT_TRUE(F->getArg(0)->getType()->isPointerTy());
  EXPECT_TRUE(F->getArg(1)->getType()->isPointerTy());
  EXPECT_TRUE(F->getArg(2)->getType()->isIntegerTy(32));
  EXPECT_TRUE(F->getArg(3)->getType()->isIntegerTy(64));
  auto *Ret = dyn_cast<StructType>(F->getReturnType());
  ASSERT_TRUE(Ret);
  EXPECT_TRUE(Ret->isLiteral());
  EXPECT_TRUE(Ret->getElementType(0)->isIntegerTy(64));
  EXPECT_TRUE(Ret->getElementType(1)->isIntegerTy(32));
  EXPECT_TRUE(F->hasFnAttribute(Attribute::NoUnwind));
  EXPECT_EQ(F->getFnAttribute("frame-pointer").getValueAsString(), "all");
  EXPECT_TRUE(T.LM->getFunction("orca_h2w_0"));
  EXPECT_TRUE(T.LM->getFunction("orca_w2h_0"));
}

TEST(TranslatorTest, DeadCodeAfterBranchesIsSkipped) {
  // block (result i32)
  //   i32.const 1  br 0
  //   block  loop  i32.const 0  if  unreachable i32.add drop
  //   else  unreachable  end  end  end
  //   i32.add
  // end
  Translated T = translate(
      encode({{{}, {I32}, {0x02, I32,  0x41, 1,    0x0c, 0,                //
                           0x02, 0x40, 0x03, 0x40, 0x41, 0,    0x04, 0x40, //
                           0x00, 0x6a, 0x1a, 0x05, 0x00, 0x0b, 0x0b, 0x0b, //
                           0x6a, 0x0b, 0x0b}}}));
  ASSERT_TRUE(T.LM);
  llvm::Function *F = T.LM->getFunction("wasm_func_0");
  EXPECT_EQ(countOps(*F, Instruction::Add), 0u);
}

TEST(TranslatorTest, DeepNestingDoesNotRecurse) {
  // 5000 nested blocks around `i32.const 7`, each passing the value out.
  Bytes Code;
  const int Depth = 5000;
  for (int I = 0; I < Depth; ++I)
    Code.insert(Code.end(), {0x02, I32});
  Code.insert(Code.end(), {0x41, 7});
  for (int I = 0; I < Depth; ++I)
    Code.push_back(0x0b);
  Code.push_back(0x0b);
  Translated T = translate(encode({{{}, {I32}, Code}}));
  ASSERT_TRUE(T.LM);
}

TEST(TranslatorTest, BoundsChecksFollowTheOption) {
  // (func (param i32) (result i32) local.get 0 i32.load offset=4)
  Fn Load{{I32}, {I32}, {0x20, 0, 0x28, 0x02, 0x04, 0x0b}};
  Translated Checked = translate(encode({Load}), /*BoundsChecks=*/true);
  Translated Guarded = translate(encode({Load}), /*BoundsChecks=*/false);
  ASSERT_TRUE(Checked.LM && Guarded.LM);
  // Checked: the stack check and the bounds check; guarded: only the
  // stack check.
  EXPECT_EQ(
      countOps(*Checked.LM->getFunction("wasm_func_0"), Instruction::ICmp), 2u);
  EXPECT_EQ(
      countOps(*Guarded.LM->getFunction("wasm_func_0"), Instruction::ICmp), 1u);
}

TEST(TranslatorTest, BrTableToSwitch) {
  // block block local.get 0 br_table 0 1 0 end end i32.const 3
  Translated T = translate(encode({{{I32},
                                    {I32},
                                    {0x02, 0x40, 0x02, 0x40, 0x20, 0, 0x0e, 2,
                                     0, 1, 0, 0x0b, 0x0b, 0x41, 3, 0x0b}}}));
  ASSERT_TRUE(T.LM);
  llvm::Function *F = T.LM->getFunction("wasm_func_0");
  ASSERT_EQ(countOps(*F, Instruction::Switch), 1u);
  for (BasicBlock &BB : *F) {
    if (auto *SI = dyn_cast<SwitchInst>(BB.getTerminator())) {
      EXPECT_EQ(SI->getNumCases(), 2u);
    }
  }
}

} // namespace
