//===- unittests/API/FuncRefTest.cpp - Host functions as funcrefs ---------===//
//
// A host function made by Func::wrap or Func::create that no module has
// imported can reach wasm as a funcref value (argument, host result, global,
// table slot); call_indirect through it must call the host function.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <fstream>
#include <iterator>

using namespace orca;

namespace {

Module load(const Engine &E, const std::string &Name) {
  return Module::fromFile(E,
                          std::string(ORCA_API_INPUTS) + "/" + Name + ".wasm")
      .value();
}

struct FuncRefTest : ::testing::Test {
  Engine E = Engine::create().value();
  Store S{E};
  Instance I;
  /// Never imported by any module.
  Func Triple, Dynamic;

  void SetUp() override {
    Triple = Func::wrap(S, [](int32_t X) { return X * 3; });
    Dynamic = Func::create(
        S, FuncType({ValType::I32}, {ValType::I32}),
        [](Caller &, std::span<const Val> P, std::span<Val> R) -> Result<void> {
          R[0] = Val(P[0].i32() + 100);
          return {};
        });
    Linker L(E);
    Func Made = Func::wrap(S, [](int32_t X) { return X - 1; });
    ASSERT_TRUE(L.funcNew("env", "make", FuncType({}, {ValType::FuncRef}),
                          [Made](Caller &, std::span<const Val>,
                                 std::span<Val> R) -> Result<void> {
                            R[0] = Val::funcref(Made);
                            return {};
                          })
                    .ok());
    Result<Instance> R = L.instantiate(S, load(E, "funcref"));
    ASSERT_TRUE(R.ok()) << R.error().toString();
    I = *R;
  }

  int32_t call(std::string_view Name, std::vector<Val> Args) {
    Result<std::vector<Val>> R = I.getFunc(S, Name)->call(S, Args);
    EXPECT_TRUE(R.ok()) << R.error().toString();
    return R.ok() ? (*R)[0].i32() : -1;
  }
};

} // namespace

TEST_F(FuncRefTest, AsArgument) {
  EXPECT_EQ(call("call_arg", {Val::funcref(Triple), Val(14)}), 42);
  EXPECT_EQ(call("call_arg", {Val::funcref(Dynamic), Val(1)}), 101);
}

TEST_F(FuncRefTest, AsHostResult) { EXPECT_EQ(call("call_made", {Val(8)}), 7); }

TEST_F(FuncRefTest, ThroughGlobal) {
  ASSERT_TRUE(I.getGlobal(S, "g")->set(S, Val::funcref(Triple)).ok());
  EXPECT_EQ(call("call_global", {Val(5)}), 15);
  Global G = Global::create(S, GlobalType{ValType::FuncRef, false},
                            Val::funcref(Dynamic))
                 .value();
  EXPECT_EQ(G.get(S)->funcref(), Dynamic);
}

TEST_F(FuncRefTest, ThroughTable) {
  Table T = *I.getTable(S, "table");
  Result<void> R = T.set(S, 1, Val::funcref(Triple));
  ASSERT_TRUE(R.ok()) << R.error().toString();
  EXPECT_EQ(call("call_slot", {Val(1), Val(3)}), 9);
  ASSERT_TRUE(T.grow(S, 1, Val::funcref(Dynamic)).ok());
  EXPECT_EQ(call("call_slot", {Val(2), Val(3)}), 103);
  // A host table created with the function as its initial value.
  Table H = Table::create(S, TableType{ValType::FuncRef, {1, std::nullopt}},
                          Val::funcref(Triple))
                .value();
  EXPECT_EQ(H.get(S, 0)->funcref(), Triple);
}

TEST_F(FuncRefTest, StillCallableFromTheHost) {
  EXPECT_EQ(Triple.typed<int32_t(int32_t)>(S)->call(S, 4).value(), 12);
  EXPECT_EQ(Dynamic.call(S, {Val(4)}).value()[0].i32(), 104);
}
