//===- unittests/WASI/GuestMemoryTest.cpp - Bounds checks and constants ---===//
//
// Pins GuestMemory's range rules (no byte outside the memory, no wrap) and
// a sample of the witx numbers that must never change.
//
//===----------------------------------------------------------------------===//

#include "WASI/GuestMemory.h"
#include "WASI/WasiTypes.h"

#include "gtest/gtest.h"

#include <cerrno>
#include <vector>

using namespace orca::wasi;

TEST(GuestMemory, Ranges) {
  std::vector<uint8_t> Bytes(65536);
  GuestMemory M(Bytes.data(), Bytes.size());
  EXPECT_EQ(M.range(0, 65536), Bytes.data());
  EXPECT_EQ(M.range(65535, 1), Bytes.data() + 65535);
  EXPECT_EQ(M.range(65536, 0), Bytes.data() + 65536);
  EXPECT_EQ(M.range(65536, 1), nullptr);
  EXPECT_EQ(M.range(65535, 2), nullptr);
  EXPECT_EQ(M.range(65537, 0), nullptr);
  EXPECT_EQ(M.range(0xffffffffu, 2), nullptr);
  EXPECT_EQ(M.range(1, UINT64_MAX), nullptr);
  uint32_t V = 0;
  EXPECT_FALSE(M.load(65533, V));
  EXPECT_TRUE(M.store<uint32_t>(65532, 0xdeadbeef));
  EXPECT_TRUE(M.load(65532, V));
  EXPECT_EQ(V, 0xdeadbeefu);
  GuestMemory None;
  EXPECT_EQ(None.range(0, 0), nullptr);
  EXPECT_FALSE(None.contains(0, 1));
}

TEST(WasiTypes, WitxNumbers) {
  EXPECT_EQ(uint16_t(Errno::BadF), 8);
  EXPECT_EQ(uint16_t(Errno::Fault), 21);
  EXPECT_EQ(uint16_t(Errno::Inval), 28);
  EXPECT_EQ(uint16_t(Errno::NoEnt), 44);
  EXPECT_EQ(uint16_t(Errno::NoSys), 52);
  EXPECT_EQ(uint16_t(Errno::NotCapable), 76);
  EXPECT_EQ(rights::SockAccept, 1ull << 29);
  EXPECT_EQ(layout::SubscriptionSize, 48u);
  EXPECT_EQ(layout::EventSize, 32u);
  EXPECT_EQ(layout::FilestatSize, 64u);
  EXPECT_EQ(errnoFromHost(ENOENT), Errno::NoEnt);
  EXPECT_EQ(errnoFromHost(EXDEV), Errno::XDev);
  EXPECT_EQ(errnoFromHost(123456), Errno::IO);
}
