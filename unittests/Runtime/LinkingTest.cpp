//===- unittests/Runtime/LinkingTest.cpp - Import checks ------------------===//
//
// Import type matching and the partial effects of failed instantiation.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

#include "Runtime/Memory.h"
#include "Runtime/Table.h"

using namespace orca;
using namespace orca::test;

namespace {

FuncType funcType(std::vector<ValType> P, std::vector<ValType> R) {
  FuncType T;
  T.Params = std::move(P);
  T.Results = std::move(R);
  return T;
}

llvm::Error nop(Caller &, llvm::ArrayRef<Value>,
                llvm::MutableArrayRef<Value> Results) {
  return llvm::Error::success();
}

class LinkingTest : public ::testing::Test {
protected:
  void SetUp() override {
    CM = compileInput("imports");
    ASSERT_TRUE(CM);
    Imports = {
        S.createHostFunction(funcType({ValType::I32}, {ValType::I32}), nop),
        table(ValType::FuncRef, 2, std::nullopt), memory(1, 2),
        S.createGlobal({ValType::I64, true}, Value::i64(1))};
  }
  Extern table(ValType Elem, uint64_t Min, std::optional<uint64_t> Max) {
    TableType T;
    T.Elem = Elem;
    T.Lim.Min = Min;
    T.Lim.Max = Max;
    auto X = S.createTable(T, Value::ref(Elem, nullptr));
    EXPECT_TRUE(bool(X));
    return X ? *X : Extern();
  }
  Extern memory(uint64_t Min, std::optional<uint64_t> Max) {
    MemoryType T;
    T.Lim.Min = Min;
    T.Lim.Max = Max;
    auto X = S.createMemory(T);
    EXPECT_TRUE(bool(X));
    return X ? *X : Extern();
  }
  /// Instantiates with import \p Index replaced by \p X; returns the error.
  ErrorReport failWith(size_t Index, Extern X) {
    std::vector<Extern> Is = Imports;
    Is[Index] = X;
    auto I = S.instantiate(CM, Is);
    if (I)
      return {ErrorKind::Usage, "instantiated"};
    return takeErrorReport(I.takeError());
  }

  std::shared_ptr<CompiledModule> CM;
  Store S{sharedEngine()};
  std::vector<Extern> Imports;
};

TEST_F(LinkingTest, MatchingImportsInstantiate) {
  auto I = S.instantiate(CM, Imports);
  EXPECT_TRUE(bool(I)) << message(I.takeError());
  EXPECT_EQ(CM->importType(0).Func.Params, std::vector<ValType>{ValType::I32});
  EXPECT_EQ(CM->importType(3).Kind, ExternKind::Global);
}

TEST_F(LinkingTest, MissingImportIsUnknown) {
  ErrorReport R = failWith(2, Extern());
  EXPECT_EQ(R.Kind, ErrorKind::Unlinkable);
  EXPECT_EQ(R.Message.rfind("unknown import", 0), 0u) << R.Message;
}

TEST_F(LinkingTest, MismatchesAreIncompatible) {
  auto Expect = [&](size_t Index, Extern X, const char *What) {
    ErrorReport R = failWith(Index, X);
    EXPECT_EQ(R.Kind, ErrorKind::Unlinkable) << What;
    // The spec's wording first (scripts match it), then the details.
    EXPECT_EQ(R.Message.rfind("incompatible import type: ", 0), 0u)
        << What << ": " << R.Message;
  };
  Expect(0, S.createHostFunction(funcType({ValType::I64}, {ValType::I32}), nop),
         "function parameters");
  Expect(0, S.createHostFunction(funcType({ValType::I32}, {}), nop),
         "function results");
  Expect(0, Imports[2], "kind");
  Expect(1, table(ValType::FuncRef, 1, std::nullopt), "table minimum");
  Expect(1, table(ValType::ExternRef, 2, std::nullopt), "table element");
  Expect(2, memory(1, std::nullopt), "memory without maximum");
  Expect(2, memory(1, 3), "memory maximum too large");
  Expect(2, memory(0, 2), "memory minimum");
  Expect(3, S.createGlobal({ValType::I64, false}, Value::i64(1)),
         "global mutability");
  Expect(3, S.createGlobal({ValType::I32, true}, Value::i32(1)), "global type");
}

TEST_F(LinkingTest, LimitsMatchTheCurrentSize) {
  Extern Mem = memory(0, 2);
  EXPECT_EQ(failWith(2, Mem).Message.rfind("incompatible import type: ", 0),
            0u);
  auto *M = static_cast<MemoryInstance *>(Mem.Ptr);
  EXPECT_EQ(M->grow(1), 0);
  EXPECT_EQ(failWith(2, Mem).Message, "instantiated");
}

TEST_F(LinkingTest, SharedFlagMustMatch) {
  MemoryType T;
  T.Lim.Min = 1;
  T.Lim.Max = 2;
  T.Lim.Shared = true;
  auto Shared = S.createMemory(T);
  ASSERT_TRUE(bool(Shared));
  EXPECT_EQ(failWith(2, *Shared).Message,
            "incompatible import type: m.mem is imported as memory 1..2 but "
            "is memory 1..2 shared");
  EXPECT_EQ(failWith(0, memory(1, 2)).Message,
            "incompatible import type: m.f is imported as a func but is a "
            "memory");
  EXPECT_EQ(failWith(2, memory(1, 3)).Message,
            "incompatible import type: m.mem is imported as memory 1..2 but "
            "is memory 1..3");
}

TEST(InstantiateTest, FailedElementSegmentKeepsEarlierWrites) {
  auto CM = compileInput("segments");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  TableType T;
  T.Lim.Min = 3;
  auto Tab = S.createTable(T, Value::ref(ValType::FuncRef, nullptr));
  ASSERT_TRUE(bool(Tab));
  Extern Imports[] = {*Tab};
  auto I = S.instantiate(CM, Imports);
  ASSERT_FALSE(bool(I));
  ErrorReport R = takeErrorReport(I.takeError());
  EXPECT_EQ(R.Kind, ErrorKind::Uninstantiable);
  EXPECT_EQ(R.Message, "out of bounds table access");
  auto *TI = static_cast<TableInstance *>(Tab->Ptr);
  void *Ref = nullptr;
  ASSERT_TRUE(TI->get(0, Ref));
  ASSERT_NE(Ref, nullptr);
  ASSERT_TRUE(TI->get(2, Ref));
  EXPECT_EQ(Ref, nullptr);
  // The function the failed instance put in the table still works.
  ASSERT_TRUE(TI->get(0, Ref));
  auto Res = S.call(Extern{ExternKind::Func, Ref}, {});
  ASSERT_TRUE(bool(Res)) << message(Res.takeError());
  EXPECT_EQ((*Res)[0].asI32(), 1u);
}

TEST(InstantiateTest, FailedDataSegmentKeepsEarlierWrites) {
  auto CM = compileInput("data_oob");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  MemoryType T;
  T.Lim.Min = 1;
  auto Mem = S.createMemory(T);
  ASSERT_TRUE(bool(Mem));
  Extern Imports[] = {*Mem};
  auto I = S.instantiate(CM, Imports);
  ASSERT_FALSE(bool(I));
  ErrorReport R = takeErrorReport(I.takeError());
  EXPECT_EQ(R.Kind, ErrorKind::Uninstantiable);
  EXPECT_EQ(R.Message, "out of bounds memory access");
  EXPECT_EQ(std::memcmp(S.memoryData(*Mem), "ab", 2), 0);
  EXPECT_EQ(S.memoryData(*Mem)[65535], 0);
}

TEST(InstantiateTest, TrapInStartFunction) {
  auto CM = compileInput("start_trap");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  auto I = S.instantiate(CM, {});
  ASSERT_FALSE(bool(I));
  EXPECT_EQ(trapCode(I.takeError()), TrapCode::Unreachable);
}

} // namespace
