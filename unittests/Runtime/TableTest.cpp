//===- unittests/Runtime/TableTest.cpp - Lazy tables and table ops --------===//
//
// Element segments of a defined funcref table are applied lazily: slots
// stay 0 until first read, and the anyfuncs behind them are built only
// then. These tests watch the slots while wasm uses the table.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

#include "Runtime/Instance.h"

using namespace orca;
using namespace orca::test;

namespace {

class TableTest : public InstanceTest {
protected:
  void SetUp() override {
    instantiateInput("tables");
    Data = static_cast<InstanceData *>(Inst);
    Tab = Data->Tables[0];
  }
  void *anyfuncSlot(uint32_t Func) {
    return addrAt(Data->vmctx(), Module->impl().Offsets.anyfunc(
                                     Module->impl().AnyfuncSlots[Func]));
  }

  InstanceData *Data = nullptr;
  TableInstance *Tab = nullptr;
};

constexpr uint32_t Inc = 0, Dbl = 1;

TEST_F(TableTest, SlotsStayUninitialisedUntilUsed) {
  for (uint32_t I = 0; I < 8; ++I)
    EXPECT_EQ(Tab->slots()[I], 0u) << I;
  EXPECT_EQ(AnyfuncRef{anyfuncSlot(Inc)}.funcPtr(), nullptr);
  EXPECT_EQ(AnyfuncRef{anyfuncSlot(Dbl)}.funcPtr(), nullptr);

  EXPECT_EQ(callI32("call", {Value::i32(1), Value::i32(10)}), 11u);
  EXPECT_EQ(Tab->slots()[1],
            reinterpret_cast<uintptr_t>(anyfuncSlot(Inc)) | FuncRefInitBit);
  EXPECT_NE(AnyfuncRef{anyfuncSlot(Inc)}.funcPtr(), nullptr);
  // Only the slot that was read got initialised.
  EXPECT_EQ(Tab->slots()[2], 0u);
  EXPECT_EQ(AnyfuncRef{anyfuncSlot(Dbl)}.funcPtr(), nullptr);

  EXPECT_EQ(callI32("call", {Value::i32(2), Value::i32(10)}), 20u);
  EXPECT_EQ(callI32("call", {Value::i32(5), Value::i32(10)}), 11u);
}

TEST_F(TableTest, NullOutOfRangeAndUninitialisedSlots) {
  EXPECT_EQ(callTrap("call", {Value::i32(0), Value::i32(1)}),
            TrapCode::IndirectCallToNull);
  // Reading slot 0 turned it into an initialised null.
  EXPECT_EQ(Tab->slots()[0], FuncRefInitBit);
  EXPECT_EQ(callTrap("call", {Value::i32(8), Value::i32(1)}),
            TrapCode::UndefinedElement);
  EXPECT_EQ(callI32("is_null", {Value::i32(3)}), 1u);
  EXPECT_EQ(callI32("is_null", {Value::i32(2)}), 0u);
  EXPECT_EQ(callTrap("is_null", {Value::i32(8)}), TrapCode::TableOutOfBounds);
}

TEST_F(TableTest, InitDropAndGrow) {
  auto R = call("init", {Value::i32(6), Value::i32(0), Value::i32(2)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ(callI32("call", {Value::i32(6), Value::i32(5)}), 10u);
  EXPECT_EQ(callI32("is_null", {Value::i32(7)}), 1u);
  // Out of bounds in the table or the segment: nothing is written.
  EXPECT_EQ(callTrap("init", {Value::i32(7), Value::i32(0), Value::i32(2)}),
            TrapCode::TableOutOfBounds);
  EXPECT_EQ(callTrap("init", {Value::i32(0), Value::i32(1), Value::i32(2)}),
            TrapCode::TableOutOfBounds);
  EXPECT_EQ(callI32("is_null", {Value::i32(0)}), 1u);
  ASSERT_TRUE(bool(call("drop", {})));
  EXPECT_EQ(callTrap("init", {Value::i32(0), Value::i32(0), Value::i32(1)}),
            TrapCode::TableOutOfBounds);
  EXPECT_TRUE(
      bool(call("init", {Value::i32(0), Value::i32(0), Value::i32(0)})));

  EXPECT_EQ(callI32("grow", {Value::i32(4)}), 8u);
  EXPECT_EQ(S.tableType(*Inst->getExport("table")).Lim.Min, 12u);
  EXPECT_EQ(callI32("grow", {Value::i32(5)}), uint32_t(-1));
  EXPECT_EQ(callI32("is_null", {Value::i32(11)}), 1u);
  // Lazy slots survive the move of the slot array.
  EXPECT_EQ(callI32("call", {Value::i32(2), Value::i32(4)}), 8u);
}

TEST_F(TableTest, RefFuncIsStable) {
  auto A = call("ref_other", {});
  auto B = call("ref_other", {});
  ASSERT_TRUE(A && B);
  EXPECT_NE((*A)[0].asRef(), nullptr);
  EXPECT_EQ((*A)[0].asRef(), (*B)[0].asRef());
  // The funcref can be called from the host.
  auto R = S.call(Extern{ExternKind::Func, (*A)[0].asRef()}, {});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 7u);
}

} // namespace
