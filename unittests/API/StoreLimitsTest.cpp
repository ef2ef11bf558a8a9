//===- unittests/API/StoreLimitsTest.cpp - StoreLimits bound wasm growth --===//
//
// StoreLimits bound growth from wasm (memory.grow, table.grow return -1) as
// well as from the host (Resource errors), in the store they are set on.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

struct StoreLimitsTest : ::testing::Test {
  Engine E = Engine::create().value();
  Store S{E};
  Instance I;

  void SetUp() override {
    StoreLimits L;
    L.MaxMemoryPages = 3;
    L.MaxTableElements = 4;
    S.setLimits(L);
    Module M =
        Module::fromFile(E, std::string(ORCA_API_INPUTS) + "/limits.wasm")
            .value();
    Result<Instance> R = Instance::create(S, M);
    ASSERT_TRUE(R.ok()) << R.error().toString();
    I = *R;
  }

  int32_t call(std::string_view Name, int32_t Arg) {
    auto F = I.getTypedFunc<int32_t(int32_t)>(S, Name);
    EXPECT_TRUE(F.ok());
    return F->call(S, Arg).value();
  }
};

} // namespace

TEST_F(StoreLimitsTest, WasmMemoryGrowStopsAtTheLimit) {
  EXPECT_EQ(call("grow", 1), 1);  // 1 -> 2 pages
  EXPECT_EQ(call("grow", 2), -1); // 4 pages: over the limit of 3
  EXPECT_EQ(call("grow", 1), 2);  // 2 -> 3 pages: exactly the limit
  EXPECT_EQ(call("grow", 1), -1);
  EXPECT_EQ(call("grow", 0), 3); // growing by 0 always succeeds
  EXPECT_EQ(I.getMemory(S, "memory")->size(S), 3u);
}

TEST_F(StoreLimitsTest, WasmTableGrowStopsAtTheLimit) {
  EXPECT_EQ(call("table_grow", 2), 1); // 1 -> 3 elements
  EXPECT_EQ(call("table_grow", 2), -1);
  EXPECT_EQ(call("table_grow", 1), 3);
  EXPECT_EQ(call("table_grow", 1), -1);
  EXPECT_EQ(I.getTable(S, "table")->size(S), 4u);
}

TEST_F(StoreLimitsTest, HostGrowthAndImportedMemories) {
  Memory M = Memory::create(S, MemoryType{{1, std::nullopt}}).value();
  EXPECT_EQ(M.grow(S, 2).value(), 1u);
  Result<uint64_t> R = M.grow(S, 1);
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Resource);
  Table T = *I.getTable(S, "table");
  EXPECT_EQ(T.grow(S, 3, Val::nullref(ValType::FuncRef)).value(), 1u);
  EXPECT_EQ(T.grow(S, 1, Val::nullref(ValType::FuncRef)).error().kind(),
            ErrorKind::Resource);
}

TEST(StoreLimits, OtherStoresAreNotLimited) {
  Engine E = Engine::create().value();
  Store Limited(E), Free(E);
  StoreLimits L;
  L.MaxMemoryPages = 1;
  Limited.setLimits(L);
  Module M = Module::fromFile(E, std::string(ORCA_API_INPUTS) + "/limits.wasm")
                 .value();
  Instance A = Instance::create(Limited, M).value();
  Instance B = Instance::create(Free, M).value();
  EXPECT_EQ(A.getTypedFunc<int32_t(int32_t)>(Limited, "grow")
                ->call(Limited, 1)
                .value(),
            -1);
  EXPECT_EQ(
      B.getTypedFunc<int32_t(int32_t)>(Free, "grow")->call(Free, 1).value(), 1);
}

TEST(StoreLimits, CountsOfInstancesMemoriesAndTables) {
  Engine E = Engine::create().value();
  Module M = Module::fromFile(E, std::string(ORCA_API_INPUTS) + "/limits.wasm")
                 .value();
  auto Fails = [](const auto &R) {
    return !R.ok() && R.error().kind() == ErrorKind::Resource;
  };
  {
    // limits.wasm defines one memory and one table.
    Store S(E);
    StoreLimits L;
    L.MaxMemories = 2;
    S.setLimits(L);
    EXPECT_TRUE(Instance::create(S, M).ok());
    EXPECT_TRUE(Memory::create(S, MemoryType{{1, std::nullopt}}).ok());
    EXPECT_TRUE(Fails(Instance::create(S, M)));
    EXPECT_TRUE(Fails(Memory::create(S, MemoryType{{1, std::nullopt}})));
    // Tables are not limited.
    EXPECT_TRUE(
        Table::create(S, TableType{}, Val::nullref(ValType::FuncRef)).ok());
  }
  {
    Store S(E);
    StoreLimits L;
    L.MaxTables = 1;
    S.setLimits(L);
    EXPECT_TRUE(
        Table::create(S, TableType{}, Val::nullref(ValType::FuncRef)).ok());
    EXPECT_TRUE(Fails(Instance::create(S, M)));
    EXPECT_TRUE(
        Fails(Table::create(S, TableType{}, Val::nullref(ValType::FuncRef))));
    EXPECT_TRUE(Memory::create(S, MemoryType{{1, std::nullopt}}).ok());
  }
  {
    Store S(E);
    StoreLimits L;
    L.MaxInstances = 2;
    S.setLimits(L);
    EXPECT_TRUE(Instance::create(S, M).ok());
    EXPECT_TRUE(Instance::create(S, M).ok());
    EXPECT_TRUE(Fails(Instance::create(S, M)));
  }
}
