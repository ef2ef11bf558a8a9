//===- unittests/Runtime/ObjectsTest.cpp - Memories and tables alone ------===//
//
// The runtime objects without any compiled code: growth limits, the
// stable memory base, the definition records importers read, and the
// funcref slot encoding.
//
//===----------------------------------------------------------------------===//

#include "Runtime/Memory.h"
#include "Runtime/Table.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

MemoryType memType(uint64_t Min, std::optional<uint64_t> Max) {
  MemoryType T;
  T.Lim.Min = Min;
  T.Lim.Max = Max;
  return T;
}

TEST(MemoryInstanceTest, GrowsInPlaceUpToItsMaximum) {
  auto M = MemoryInstance::create(memType(1, 3), nullptr, MemoryLayout());
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  MemoryInstance &Mem = **M;
  uint8_t *Base = Mem.base();
  Base[65535] = 0xab;
  EXPECT_EQ(Mem.grow(1), 1);
  EXPECT_EQ(Mem.base(), Base);
  EXPECT_EQ(Mem.byteSize(), 2u * 65536);
  // New pages read as zero and are writable.
  EXPECT_EQ(Base[65536], 0);
  Base[2 * 65536 - 1] = 1;
  EXPECT_EQ(Base[65535], 0xab);
  EXPECT_EQ(Mem.grow(2), -1);
  EXPECT_EQ(Mem.grow(0), 2);
  EXPECT_EQ(Mem.grow(1), 2);
  EXPECT_EQ(Mem.pages(), 3u);
  EXPECT_EQ(Mem.grow(1), -1);
}

TEST(MemoryInstanceTest, DefinitionRecordFollowsGrowth) {
  alignas(16) uintptr_t Def[2] = {0, 0};
  auto M =
      MemoryInstance::create(memType(0, std::nullopt), Def, MemoryLayout());
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  EXPECT_EQ(reinterpret_cast<uint8_t *>(Def[0]), (*M)->base());
  EXPECT_NE(Def[0], 0u);
  EXPECT_EQ(Def[1], 0u);
  EXPECT_EQ((*M)->grow(2), 0);
  EXPECT_EQ(Def[1], 2u * 65536);
  // Without a declared maximum, growth stops at 65536 pages.
  EXPECT_EQ((*M)->grow(65535), -1);
}

TEST(MemoryInstanceTest, BoundsChecksDoNotWrap) {
  auto M = MemoryInstance::create(memType(1, 1), nullptr, MemoryLayout());
  ASSERT_TRUE(bool(M)) << llvm::toString(M.takeError());
  EXPECT_TRUE((*M)->inBounds(0, 65536));
  EXPECT_TRUE((*M)->inBounds(65536, 0));
  EXPECT_FALSE((*M)->inBounds(65537, 0));
  EXPECT_FALSE((*M)->inBounds(1, 65536));
  EXPECT_FALSE((*M)->inBounds(UINT64_MAX, 2));
}

TEST(MemoryInstanceTest, RejectsMinimumAboveFourGiB) {
  auto M = MemoryInstance::create(memType(65537, std::nullopt), nullptr,
                                  MemoryLayout());
  EXPECT_FALSE(bool(M));
  llvm::consumeError(M.takeError());
}

TableType tabType(ValType Elem, uint64_t Min, std::optional<uint64_t> Max) {
  TableType T;
  T.Elem = Elem;
  T.Lim.Min = Min;
  T.Lim.Max = Max;
  return T;
}

TEST(TableInstanceTest, FuncrefSlotsAreTagged) {
  alignas(16) uintptr_t Def[2] = {0, 0};
  auto T = TableInstance::create(tabType(ValType::FuncRef, 2, 4), Def, nullptr);
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  TableInstance &Tab = **T;
  // An eagerly created funcref table holds initialised nulls.
  EXPECT_EQ(Tab.slots()[0], FuncRefInitBit);
  alignas(8) static uintptr_t FakeAnyfunc[3];
  EXPECT_TRUE(Tab.set(1, FakeAnyfunc));
  EXPECT_EQ(Tab.slots()[1], reinterpret_cast<uintptr_t>(FakeAnyfunc) | 1);
  void *Out = nullptr;
  EXPECT_TRUE(Tab.get(1, Out));
  EXPECT_EQ(Out, FakeAnyfunc);
  EXPECT_FALSE(Tab.get(2, Out));
  EXPECT_EQ(reinterpret_cast<uintptr_t *>(Def[0]), Tab.slots());
  EXPECT_EQ(uint32_t(Def[1]), 2u);

  EXPECT_EQ(Tab.grow(2, FakeAnyfunc), 2);
  EXPECT_EQ(uint32_t(Def[1]), 4u);
  EXPECT_EQ(reinterpret_cast<uintptr_t *>(Def[0]), Tab.slots());
  EXPECT_TRUE(Tab.get(3, Out));
  EXPECT_EQ(Out, FakeAnyfunc);
  EXPECT_EQ(Tab.grow(1, nullptr), -1);
}

TEST(TableInstanceTest, ExternrefFillAndCopy) {
  auto T = TableInstance::create(tabType(ValType::ExternRef, 4, std::nullopt),
                                 nullptr, nullptr);
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  TableInstance &Tab = **T;
  EXPECT_EQ(Tab.slots()[0], 0u);
  void *P = reinterpret_cast<void *>(0x1234);
  EXPECT_TRUE(Tab.fill(1, P, 2));
  EXPECT_FALSE(Tab.fill(3, P, 2)); // out of bounds: nothing written
  EXPECT_EQ(Tab.slots()[3], 0u);
  EXPECT_TRUE(Tab.fill(4, P, 0));
  EXPECT_FALSE(Tab.fill(5, P, 0));
  // Overlapping copy has memmove semantics.
  EXPECT_TRUE(TableInstance::copy(Tab, Tab, 2, 1, 2));
  EXPECT_EQ(Tab.slots()[1], 0x1234u);
  EXPECT_EQ(Tab.slots()[2], 0x1234u);
  EXPECT_EQ(Tab.slots()[3], 0x1234u);
  EXPECT_FALSE(TableInstance::copy(Tab, Tab, 0, 3, 2));
}

TEST(TableInstanceTest, HugeTablesAreRefused) {
  auto T = TableInstance::create(
      tabType(ValType::FuncRef, TableInstance::MaxElements + 1, std::nullopt),
      nullptr, nullptr);
  EXPECT_FALSE(bool(T));
  llvm::consumeError(T.takeError());
  auto Small = TableInstance::create(tabType(ValType::FuncRef, 0, std::nullopt),
                                     nullptr, nullptr);
  ASSERT_TRUE(bool(Small));
  EXPECT_EQ((*Small)->grow(0xfffffff0u, nullptr), -1);
}

} // namespace
