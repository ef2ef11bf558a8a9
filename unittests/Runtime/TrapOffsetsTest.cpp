//===- unittests/Runtime/TrapOffsetsTest.cpp - Wasm offsets in traces -----===//
//
// Owner: the "offsets" work (JIT/CodeMap PC maps, CodeGen/DebugLocations).
// Checks the code map's PC-to-wasm-offset lookup on its own, and that trap
// backtraces name the trapping instruction (innermost frame) and the call
// instructions (outer frames) in both bounds-check modes.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeMap.h"
#include "Runtime/CompiledModuleImpl.h"
#include "RuntimeTestUtil.h"

using namespace orca;
using namespace orca::test;

TEST(CodeMapOffsetsTest, RowsMapPCsToWasmOffsets) {
  CodeMap M;
  CodeRange A{0x1000, 0x1100, 3, 1};
  CodeRange B{0x2000, 0x2010, 4, 2};
  std::vector<FunctionDebugInfo> Info(2);
  Info[0].Rows = {{0, 0x40}, {0x10, 0x44}, {0x30, 0}, {0x38, 0x4a}};
  M.add({A, B}, std::move(Info));
  CodeRange R;
  uint32_t Off = 99;
  ASSERT_TRUE(M.lookup(0x1000, R, &Off));
  EXPECT_EQ(Off, 0x40u);
  EXPECT_EQ(R.NumRows, 4u);
  ASSERT_TRUE(M.lookup(0x100f, R, &Off));
  EXPECT_EQ(Off, 0x40u);
  ASSERT_TRUE(M.lookup(0x1010, R, &Off));
  EXPECT_EQ(Off, 0x44u);
  ASSERT_TRUE(M.lookup(0x1031, R, &Off));
  EXPECT_EQ(Off, 0u) << "a line-0 row means no wasm instruction";
  ASSERT_TRUE(M.lookup(0x10ff, R, &Off));
  EXPECT_EQ(Off, 0x4au);
  // A range without rows knows no offset; without the out-parameter the
  // lookup is the plain one.
  ASSERT_TRUE(M.lookup(0x2004, R, &Off));
  EXPECT_EQ(Off, 0u);
  EXPECT_EQ(R.Rows, nullptr);
  ASSERT_TRUE(M.lookup(0x2004, R));
  // Rows follow their owner and go with it.
  M.transferOwner(1, 5);
  ASSERT_TRUE(M.lookup(0x1010, R, &Off));
  EXPECT_EQ(R.Owner, 5u);
  EXPECT_EQ(Off, 0x44u);
  M.removeOwner(5);
  EXPECT_FALSE(M.lookup(0x1010, R, &Off));
  EXPECT_EQ(M.size(), 1u);
}

TEST(CodeMapOffsetsTest, InlinedScopesGiveOneFramePerInlinedCall) {
  // Function 7 at 0x1000 with function 8 inlined at its call at 0x60
  // (code 0x10..0x30), and function 9 inlined into that copy of 8 at 8's
  // call at 0x84 (code 0x18..0x20).
  CodeMap M;
  CodeRange A{0x1000, 0x1100, 7, 1};
  std::vector<FunctionDebugInfo> Info(1);
  Info[0].Rows = {
      {0, 0x50}, {0x10, 0x80}, {0x18, 0x90}, {0x20, 0x88}, {0x30, 0x64}};
  Info[0].Scopes = {{8, 0x60, InlineScope::NoScope}, {9, 0x84, 0}};
  Info[0].Inlined = {{0, InlineScope::NoScope},
                     {0x10, 0},
                     {0x18, 1},
                     {0x20, 0},
                     {0x30, InlineScope::NoScope}};
  M.add({A}, std::move(Info));
  auto FramesAt = [&](uintptr_t PC) {
    CodeRange R;
    WasmFrame F[4];
    unsigned N = M.lookupFrames(PC, R, F, 4);
    std::vector<std::pair<uint32_t, uint32_t>> Out;
    for (unsigned I = 0; I < N; ++I)
      Out.emplace_back(F[I].FuncIndex, F[I].WasmOffset);
    return Out;
  };
  using Frames = std::vector<std::pair<uint32_t, uint32_t>>;
  EXPECT_EQ(FramesAt(0x1004), (Frames{{7, 0x50}}));
  EXPECT_EQ(FramesAt(0x1010), (Frames{{8, 0x80}, {7, 0x60}}));
  EXPECT_EQ(FramesAt(0x101c), (Frames{{9, 0x90}, {8, 0x84}, {7, 0x60}}));
  EXPECT_EQ(FramesAt(0x1020), (Frames{{8, 0x88}, {7, 0x60}}));
  EXPECT_EQ(FramesAt(0x1040), (Frames{{7, 0x64}}));
  EXPECT_EQ(FramesAt(0x2000), Frames{});
  // At most MaxFrames, the innermost ones.
  CodeRange R;
  WasmFrame One[1];
  ASSERT_EQ(M.lookupFrames(0x101c, R, One, 1), 1u);
  EXPECT_EQ(One[0].FuncIndex, 9u);
}

namespace {

class TrapOffsetsTest
    : public ::testing::TestWithParam<std::tuple<bool, bool>> {
protected:
  void SetUp() override {
    Engine &E = engineFor(std::get<0>(GetParam()), std::get<1>(GetParam()));
    auto C = E.compile(readInput("offsets"));
    ASSERT_TRUE(bool(C)) << message(C.takeError());
    Compiled = *C;
    S = std::make_unique<Store>(E);
    auto I = S->instantiate(Compiled, {});
    ASSERT_TRUE(bool(I)) << message(I.takeError());
    Inst = *I;
  }

  /// Byte offset of \p Delta past the start of function \p Func's body.
  uint32_t at(uint32_t Func, uint32_t Delta) const {
    const orca::Module &M = Compiled->module();
    return M.Bodies[Func - M.NumImportedFuncs].CodeStart + Delta;
  }

  /// (function index, code offset) of each frame of the trap \p Name
  /// raises with \p Args.
  std::vector<std::pair<uint32_t, uint32_t>> frames(const char *Name,
                                                    std::vector<Value> Args) {
    std::vector<std::pair<uint32_t, uint32_t>> Out;
    auto R = S->call(*Inst->getExport(Name), Args);
    if (R) {
      ADD_FAILURE() << Name << " returned instead of trapping";
      return Out;
    }
    llvm::handleAllErrors(
        R.takeError(),
        [&](const TrapError &T) {
          for (const TrapFrame &F : T.Backtrace)
            Out.emplace_back(F.FuncIndex, F.CodeOffset);
        },
        [&](const llvm::ErrorInfoBase &E) { ADD_FAILURE() << E.message(); });
    return Out;
  }

  using Frames = std::vector<std::pair<uint32_t, uint32_t>>;
  std::shared_ptr<CompiledModule> Compiled;
  std::unique_ptr<Store> S;
  Instance *Inst = nullptr;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(
    BothModes, TrapOffsetsTest,
    ::testing::Combine(::testing::Bool(), ::testing::Bool()),
    [](const ::testing::TestParamInfo<std::tuple<bool, bool>> &P) {
      return std::string(std::get<0>(P.param) ? "Explicit" : "Guard") +
             (std::get<1>(P.param) ? "SplitCompile" : "");
    });

TEST_P(TrapOffsetsTest, EveryWasmFunctionHasAPCMap) {
  const auto &Fns = Compiled->impl().Code->Functions;
  ASSERT_EQ(Fns.size(), 6u);
  for (const void *Fn : Fns) {
    CodeRange R;
    uint32_t Off = 0;
    ASSERT_TRUE(
        CodeMap::global().lookup(reinterpret_cast<uintptr_t>(Fn), R, &Off));
    EXPECT_GT(R.NumRows, 0u);
    // The entry's code comes from the prologue, located at the body start.
    EXPECT_EQ(Off, at(R.FuncIndex, 0));
  }
}

TEST_P(TrapOffsetsTest, InnermostFrameIsTheTrappingInstruction) {
  // Each of two sites of one trap kind in one function is told apart.
  EXPECT_EQ(frames("divs", {Value::i32(1), Value::i32(0), Value::i32(1)}),
            (Frames{{0, at(0, 4)}}));
  EXPECT_EQ(frames("divs", {Value::i32(1), Value::i32(1), Value::i32(0)}),
            (Frames{{0, at(0, 9)}}));
  EXPECT_EQ(
      frames("divs", {Value::i32(INT32_MIN), Value::i32(-1), Value::i32(1)}),
      (Frames{{0, at(0, 4)}}));
  // Memory faults: a signal at the load (guard) or a RaiseTrap call
  // (explicit) give the same offset.
  EXPECT_EQ(frames("loads", {Value::i32(65536), Value::i32(0)}),
            (Frames{{1, at(1, 2)}}));
  EXPECT_EQ(frames("loads", {Value::i32(0), Value::i32(65533)}),
            (Frames{{1, at(1, 8)}}));
}

TEST_P(TrapOffsetsTest, OuterFramesAreTheirCallInstructions) {
  EXPECT_EQ(frames("top", {Value::i32(1), Value::i32(0)}),
            (Frames{{2, at(2, 4)}, {3, at(3, 6)}, {4, at(4, 6)}}));
}

TEST_P(TrapOffsetsTest, DirectCallsWorkAcrossParts) {
  auto R = S->call(*Inst->getExport("direct"), {Value::i32(7), Value::i32(2)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  ASSERT_EQ(R->size(), 1u);
  EXPECT_EQ((*R)[0].asI32(), 3u);
  // The callee may be inlined (one compilation unit) or not (split): it
  // has its frame either way.
  EXPECT_EQ(frames("direct", {Value::i32(1), Value::i32(0)}),
            (Frames{{2, at(2, 4)}, {5, at(5, 4)}}));
}
