//===- unittests/Runtime/EndToEndTest.cpp - Calls, traps, host functions --===//
//
// Calls into compiled code: argument checks, traps and their unwinding,
// memory growth and bulk bounds, host functions, nested entries.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

using namespace orca;
using namespace orca::test;

namespace {

class BasicTest : public InstanceTest {
protected:
  void SetUp() override { instantiateInput("basic"); }
};

TEST_F(BasicTest, CallsAndChecksArguments) {
  EXPECT_EQ(callI32("add", {Value::i32(2), Value::i32(3)}), 5u);
  auto R = call("add", {Value::i32(2)});
  ASSERT_FALSE(bool(R));
  ErrorReport Rep = takeErrorReport(R.takeError());
  EXPECT_EQ(Rep.Kind, ErrorKind::Usage);
  EXPECT_EQ(Rep.Message, "wrong number of arguments");
  R = call("add", {Value::i32(2), Value::i64(3)});
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(takeErrorReport(R.takeError()).Message, "argument type mismatch");

  R = call("multi", {Value::i64(5), Value::f64(2.5)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  ASSERT_EQ(R->size(), 2u);
  EXPECT_EQ((*R)[0].Type, ValType::F64);
  EXPECT_EQ((*R)[0].asF64(), 2.5);
  EXPECT_EQ((*R)[1].asI64(), 5u);
}

TEST_F(BasicTest, TrapsUnwindToTheCallAndLeaveTheStoreUsable) {
  auto R = call("trap", {});
  ASSERT_FALSE(bool(R));
  std::string Msg;
  llvm::handleAllErrors(R.takeError(), [&](const TrapError &T) {
    EXPECT_EQ(T.code(), TrapCode::Unreachable);
    Msg = T.text();
  });
  EXPECT_EQ(Msg, "unreachable");
  EXPECT_EQ(callTrap("div", {Value::i32(1), Value::i32(0)}),
            TrapCode::IntegerDivideByZero);
  EXPECT_EQ(callTrap("recurse", {Value::i32(0)}), TrapCode::StackOverflow);
  // Twice: the stack limit is reset for every outermost entry.
  EXPECT_EQ(callTrap("recurse", {Value::i32(0)}), TrapCode::StackOverflow);
  EXPECT_EQ(callI32("add", {Value::i32(40), Value::i32(2)}), 42u);
}

TEST_F(BasicTest, MemoryGrowAndBounds) {
  Extern Mem = *Inst->getExport("memory");
  EXPECT_EQ(callI32("size", {}), 1u);
  EXPECT_EQ(callTrap("load", {Value::i32(65534)}), TrapCode::MemoryOutOfBounds);
  uint8_t *Base = S.memoryData(Mem);
  EXPECT_EQ(callI32("grow", {Value::i32(1)}), 1u);
  EXPECT_EQ(S.memoryData(Mem), Base);
  EXPECT_EQ(S.memorySize(Mem), 2u * 65536);
  EXPECT_EQ(S.memoryType(Mem).Lim.Min, 2u);
  EXPECT_EQ(callI32("grow", {Value::i32(3)}), uint32_t(-1));
  EXPECT_EQ(callI32("grow", {Value::i32(0x10000)}), uint32_t(-1));
  EXPECT_EQ(callI32("size", {}), 2u);
  ASSERT_TRUE(bool(call("store", {Value::i32(65534), Value::i32(0x01020304)})));
  EXPECT_EQ(Base[65534], 4);
  EXPECT_EQ(callI32("load", {Value::i32(65534)}), 0x01020304u);
  EXPECT_EQ(callTrap("load", {Value::i32(2 * 65536 - 3)}),
            TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(callTrap("load", {Value::i32(-1)}), TrapCode::MemoryOutOfBounds);
}

TEST_F(BasicTest, BulkMemoryChecksBoundsBeforeWriting) {
  Extern Mem = *Inst->getExport("memory");
  uint8_t *Base = S.memoryData(Mem);
  EXPECT_EQ(callTrap("fill", {Value::i32(65535), Value::i32(7), Value::i32(2)}),
            TrapCode::MemoryOutOfBounds);
  EXPECT_EQ(Base[65535], 0);
  ASSERT_TRUE(
      bool(call("fill", {Value::i32(100), Value::i32(7), Value::i32(4)})));
  EXPECT_EQ(Base[103], 7);
  EXPECT_EQ(Base[104], 0);
  // Zero-length operations at the end are fine, past it they trap.
  EXPECT_TRUE(
      bool(call("fill", {Value::i32(65536), Value::i32(1), Value::i32(0)})));
  EXPECT_EQ(callTrap("fill", {Value::i32(65537), Value::i32(1), Value::i32(0)}),
            TrapCode::MemoryOutOfBounds);
  // Overlapping copy behaves like memmove: "hello" at 16 moves to 18.
  ASSERT_TRUE(
      bool(call("copy", {Value::i32(18), Value::i32(16), Value::i32(5)})));
  EXPECT_EQ(std::memcmp(Base + 16, "hehello", 7), 0);
  EXPECT_EQ(callTrap("copy", {Value::i32(0), Value::i32(65535), Value::i32(2)}),
            TrapCode::MemoryOutOfBounds);
}

FuncType funcType(std::vector<ValType> P, std::vector<ValType> R) {
  FuncType T;
  T.Params = std::move(P);
  T.Results = std::move(R);
  return T;
}

class HostTest : public ::testing::Test {
protected:
  void SetUp() override {
    CM = compileInput("host");
    ASSERT_TRUE(CM);
  }
  Instance *instantiate(HostCallback Add, HostCallback Reenter) {
    Extern Imports[] = {
        S.createHostFunction(
            funcType({ValType::I32, ValType::I32}, {ValType::I32}), Add),
        S.createHostFunction(funcType({ValType::I32}, {ValType::I32}),
                             Reenter)};
    auto I = S.instantiate(CM, Imports);
    if (!I) {
      ADD_FAILURE() << message(I.takeError());
      return nullptr;
    }
    return *I;
  }
  std::shared_ptr<CompiledModule> CM;
  Store S{sharedEngine()};
};

llvm::Error unused(Caller &, llvm::ArrayRef<Value>,
                   llvm::MutableArrayRef<Value>) {
  return makeError(ErrorKind::Usage, "not expected to be called");
}

TEST_F(HostTest, WasmCallsTheHost) {
  Instance *Seen = nullptr;
  Instance *I = instantiate(
      [&](Caller &C, llvm::ArrayRef<Value> Args,
          llvm::MutableArrayRef<Value> Results) -> llvm::Error {
        Seen = C.instance();
        EXPECT_EQ(&C.store(), &S);
        EXPECT_EQ(Results[0].Type, ValType::I32);
        Results[0] = Value::i32(Args[0].asI32() * 100 + Args[1].asI32());
        return llvm::Error::success();
      },
      unused);
  ASSERT_TRUE(I);
  auto R = S.call(*I->getExport("call_add"), {Value::i32(3), Value::i32(4)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 304u);
  EXPECT_EQ(Seen, I);
}

TEST_F(HostTest, HostErrorsBecomeTraps) {
  Instance *I = instantiate(
      [](Caller &, llvm::ArrayRef<Value>, llvm::MutableArrayRef<Value>) {
        return makeError(ErrorKind::Usage, "the host says no");
      },
      unused);
  ASSERT_TRUE(I);
  auto R = S.call(*I->getExport("call_add"), {Value::i32(3), Value::i32(4)});
  ASSERT_FALSE(bool(R));
  bool SawTrap = false;
  llvm::handleAllErrors(R.takeError(), [&](const TrapError &T) {
    SawTrap = true;
    EXPECT_EQ(T.code(), TrapCode::HostError);
    EXPECT_EQ(T.text(), "the host says no");
  });
  EXPECT_TRUE(SawTrap);
}

TEST_F(HostTest, HostFunctionsCanBeCalledFromTheHost) {
  Extern F = S.createHostFunction(funcType({ValType::I64}, {ValType::I64}),
                                  [](Caller &C, llvm::ArrayRef<Value> Args,
                                     llvm::MutableArrayRef<Value> Results) {
                                    EXPECT_EQ(C.instance(), nullptr);
                                    Results[0] =
                                        Value::i64(Args[0].asI64() + 1);
                                    return llvm::Error::success();
                                  });
  auto R = S.call(F, {Value::i64(41)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI64(), 42u);
  EXPECT_EQ(S.funcType(F).Params, std::vector<ValType>{ValType::I64});
}

// host -> wasm -> host -> wasm, where the innermost wasm may trap. The trap
// must unwind only to the innermost entry (the host callback's Store::call),
// not past the host frames to the outer entry.
TEST_F(HostTest, NestedEntriesUnwindToTheInnermostCatchPoint) {
  Instance *I = nullptr;
  bool Propagate = true;
  unsigned InnerTraps = 0;
  I = instantiate(unused,
                  [&](Caller &C, llvm::ArrayRef<Value> Args,
                      llvm::MutableArrayRef<Value> Results) -> llvm::Error {
                    auto R = C.store().call(*C.getExport("inner"), {Args[0]});
                    if (!R) {
                      ++InnerTraps;
                      if (Propagate)
                        return R.takeError();
                      llvm::consumeError(R.takeError());
                      Results[0] = Value::i32(5);
                      return llvm::Error::success();
                    }
                    Results[0] = (*R)[0];
                    return llvm::Error::success();
                  });
  ASSERT_TRUE(I);
  Extern Outer = *I->getExport("call_reenter");
  auto R = S.call(Outer, {Value::i32(3)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 1030u);

  // The inner trap, swallowed by the host: the outer call completes.
  Propagate = false;
  R = S.call(Outer, {Value::i32(0)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 1005u);
  EXPECT_EQ(InnerTraps, 1u);

  // Propagated: the outer call fails with a host error carrying the message.
  Propagate = true;
  R = S.call(Outer, {Value::i32(0)});
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(trapCode(R.takeError()), TrapCode::HostError);
  EXPECT_EQ(InnerTraps, 2u);

  // And everything still works afterwards.
  R = S.call(Outer, {Value::i32(7)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 1070u);
}

} // namespace
