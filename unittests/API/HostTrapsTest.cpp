//===- unittests/API/HostTrapsTest.cpp - Backtraces of host traps ---------===//
//
// What this file owns: tests (through include/orca/orca.h only) that a
// trap a host function raises while called from wasm (returned as a Trap,
// returned as another error, or thrown as a C++ exception; typed and
// dynamic host functions) keeps its code and message and gets the wasm
// frames below the host call, innermost first, at -O0 and at -O2 (where
// the caller of the import is inlined into its own caller), in both
// bounds-check modes.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <tuple>

using namespace orca;

namespace {

std::vector<uint8_t> readInput(const std::string &Name) {
  std::ifstream In(std::string(ORCA_API_INPUTS) + "/" + Name + ".wasm",
                   std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

using Frames = std::vector<std::pair<uint32_t, uint32_t>>;

Frames framesOf(const Error &E) {
  Frames Out;
  if (const Trap *T = E.trap())
    for (const FrameInfo &F : T->backtrace())
      Out.emplace_back(F.FuncIndex, F.CodeOffset);
  return Out;
}

/// Offsets from host_traps.wat: call $fail in func 2, call $inner in func
/// 3 (the export "outer"), call $reenter in func 4, unreachable in func 5.
const Frames BelowFail = {{2, 0x5d}, {3, 0x64}};

/// (opt level, guard pages).
class HostTrapsTest
    : public ::testing::TestWithParam<std::tuple<unsigned, bool>> {
protected:
  void SetUp() override {
    Config C;
    C.OptLevel = std::get<0>(GetParam());
    C.Bounds = std::get<1>(GetParam()) ? BoundsChecks::GuardPages
                                       : BoundsChecks::Explicit;
    auto EOr = Engine::create(C);
    ASSERT_TRUE(EOr.ok()) << EOr.error().toString();
    E.emplace(std::move(*EOr));
    auto MOr = Module::compile(*E, readInput("host_traps"));
    ASSERT_TRUE(MOr.ok()) << MOr.error().toString();
    M.emplace(std::move(*MOr));
  }

  /// Instantiates with \p Fail as env.fail and calls "outer".
  Error outerWith(Linker &L) {
    Store S(*E);
    EXPECT_TRUE(L.funcWrap("env", "reenter", [] {}).ok());
    auto I = L.instantiate(S, *M);
    if (!I.ok())
      return I.error();
    Result<void> R = I->getTypedFunc<void(int32_t)>(S, "outer")->call(S, 7);
    if (R.ok())
      return Error(ErrorKind::Usage, "outer returned");
    return R.error();
  }

  std::optional<Engine> E;
  std::optional<Module> M;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(
    Levels, HostTrapsTest,
    ::testing::Combine(::testing::Values(0u, 2u), ::testing::Bool()),
    [](const ::testing::TestParamInfo<std::tuple<unsigned, bool>> &P) {
      return "O" + std::to_string(std::get<0>(P.param)) +
             (std::get<1>(P.param) ? "Guard" : "Explicit");
    });

TEST_P(HostTrapsTest, ReturnedTrapKeepsTheWasmFramesBelowIt) {
  Linker L(*E);
  ASSERT_TRUE(L.funcWrap("env", "fail", [](int32_t X) -> Result<void> {
                 return Trap("host says no to " + std::to_string(X));
               }).ok());
  Error Err = outerWith(L);
  ASSERT_TRUE(Err.isTrap()) << Err.toString();
  EXPECT_EQ(Err.trap()->code(), TrapCode::HostError);
  EXPECT_EQ(Err.trap()->message(), "host says no to 7");
  EXPECT_EQ(framesOf(Err), BelowFail);
}

TEST_P(HostTrapsTest, TrapCodeChosenByTheHostIsKept) {
  Linker L(*E);
  ASSERT_TRUE(L.funcWrap("env", "fail", [](int32_t) -> Result<void> {
                 return Trap(TrapCode::Unreachable, "host unreachable");
               }).ok());
  Error Err = outerWith(L);
  ASSERT_TRUE(Err.isTrap()) << Err.toString();
  EXPECT_EQ(Err.trap()->code(), TrapCode::Unreachable);
  EXPECT_EQ(Err.trap()->message(), "host unreachable");
  EXPECT_EQ(framesOf(Err), BelowFail);
}

TEST_P(HostTrapsTest, OtherErrorsAndExceptionsGetTheFramesToo) {
  {
    Linker L(*E);
    ASSERT_TRUE(L.funcNew("env", "fail", FuncType({ValType::I32}, {}),
                          [](Caller &, std::span<const Val>,
                             std::span<Val>) -> Result<void> {
                            return Error(ErrorKind::Usage, "not a trap");
                          })
                    .ok());
    Error Err = outerWith(L);
    ASSERT_TRUE(Err.isTrap()) << Err.toString();
    EXPECT_EQ(Err.trap()->code(), TrapCode::HostError);
    EXPECT_EQ(framesOf(Err), BelowFail);
  }
  {
    Linker L(*E);
    ASSERT_TRUE(L.funcWrap("env", "fail", [](int32_t) {
                   throw std::runtime_error("kaboom");
                 }).ok());
    Error Err = outerWith(L);
    ASSERT_TRUE(Err.isTrap()) << Err.toString();
    EXPECT_NE(Err.message().find("kaboom"), std::string::npos);
    EXPECT_EQ(framesOf(Err), BelowFail);
  }
  {
    Linker L(*E);
    ASSERT_TRUE(L.funcNew("env", "fail", FuncType({ValType::I32}, {}),
                          [](Caller &, std::span<const Val>,
                             std::span<Val>) -> Result<void> {
                            throw std::logic_error("dynamic kaboom");
                          })
                    .ok());
    Error Err = outerWith(L);
    ASSERT_TRUE(Err.isTrap()) << Err.toString();
    EXPECT_NE(Err.message().find("dynamic kaboom"), std::string::npos);
    EXPECT_EQ(framesOf(Err), BelowFail);
  }
}

TEST_P(HostTrapsTest, PropagatedTrapKeepsItsOwnBacktrace) {
  // A host function that returns the trap of a nested call keeps that
  // trap's frames (those of the entry that trapped), as wasmtime does.
  Store S(*E);
  Linker L(*E);
  ASSERT_TRUE(L.funcWrap("env", "fail", [](int32_t) {}).ok());
  ASSERT_TRUE(L.funcWrap("env", "reenter", [](Caller &C) -> Result<void> {
                 std::optional<Extern> Boom = C.getExport("boom");
                 if (!Boom || !Boom->func())
                   return Trap("no boom");
                 Result<std::vector<Val>> R = Boom->func()->call(C.store(), {});
                 if (!R.ok())
                   return R.error();
                 return {};
               }).ok());
  auto I = L.instantiate(S, *M);
  ASSERT_TRUE(I.ok()) << I.error().toString();
  Result<void> R = I->getTypedFunc<void()>(S, "call_reenter")->call(S);
  ASSERT_FALSE(R.ok());
  ASSERT_TRUE(R.error().isTrap());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::Unreachable);
  EXPECT_EQ(framesOf(R.error()), (Frames{{5, 0x6e}}));
}
