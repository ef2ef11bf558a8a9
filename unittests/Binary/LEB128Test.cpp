//===- unittests/Binary/LEB128Test.cpp - BinaryReader primitives ----------===//
//
// LEB128 decoding at every width's boundaries (maximal length, over-long,
// unused bits set, sign extension), truncation, lengths and UTF-8 names,
// with the messages the spec tests expect.
//
//===----------------------------------------------------------------------===//

#include "Binary/BinaryReader.h"
#include "Support/Error.h"

#include "gtest/gtest.h"

#include <vector>

using namespace orca;

namespace {

/// The message of \p E without its offset, or "" for success.
std::string messageOf(llvm::Error E, uint64_t *Offset = nullptr) {
  std::string Msg;
  llvm::handleAllErrors(std::move(E), [&](const WasmError &W) {
    Msg = W.text();
    if (Offset)
      *Offset = W.offset();
  });
  return Msg;
}

template <typename T, typename Fn>
std::string read(std::vector<uint8_t> Bytes, Fn Method, T &Out,
                 uint32_t *EndPos = nullptr) {
  BinaryReader R(Bytes);
  std::string Msg = messageOf((R.*Method)(Out));
  if (EndPos)
    *EndPos = R.offset();
  return Msg;
}

TEST(LEB128Test, U32Valid) {
  uint32_t V = 7;
  uint32_t End;
  EXPECT_EQ(read({0x00}, &BinaryReader::u32, V), "");
  EXPECT_EQ(V, 0u);
  EXPECT_EQ(read({0x7f}, &BinaryReader::u32, V), "");
  EXPECT_EQ(V, 127u);
  EXPECT_EQ(read({0x80, 0x01}, &BinaryReader::u32, V), "");
  EXPECT_EQ(V, 128u);
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x0f}, &BinaryReader::u32, V, &End),
            "");
  EXPECT_EQ(V, UINT32_MAX);
  EXPECT_EQ(End, 5u);
  // Padding up to the maximal width is allowed.
  EXPECT_EQ(read({0x83, 0x80, 0x80, 0x80, 0x00}, &BinaryReader::u32, V), "");
  EXPECT_EQ(V, 3u);
}

TEST(LEB128Test, U32Malformed) {
  uint32_t V;
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, &BinaryReader::u32, V),
            "integer representation too long");
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x1f}, &BinaryReader::u32, V),
            "integer too large");
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x70}, &BinaryReader::u32, V),
            "integer too large");
  // Unused bits are checked before the continuation bit.
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x90, 0x00}, &BinaryReader::u32, V),
            "integer too large");
  EXPECT_EQ(read({0x80}, &BinaryReader::u32, V),
            "unexpected end of section or function");
  EXPECT_EQ(read({}, &BinaryReader::u32, V),
            "unexpected end of section or function");
}

TEST(LEB128Test, ErrorOffsets) {
  std::vector<uint8_t> Bytes = {0x00, 0xff, 0xff, 0xff, 0xff, 0x1f};
  BinaryReader R(Bytes);
  uint8_t B;
  ASSERT_FALSE(R.u8(B));
  uint32_t V;
  uint64_t Offset = 0;
  EXPECT_EQ(messageOf(R.u32(V), &Offset), "integer too large");
  EXPECT_EQ(Offset, 5u); // the offending last byte
}

TEST(LEB128Test, S32Boundaries) {
  int32_t V;
  EXPECT_EQ(read({0x7f}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, -1);
  EXPECT_EQ(read({0x40}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, -64);
  EXPECT_EQ(read({0x3f}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, 63);
  EXPECT_EQ(read({0xc0, 0x00}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, 64);
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x07}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, INT32_MAX);
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x78}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, INT32_MIN);
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x7f}, &BinaryReader::s32, V), "");
  EXPECT_EQ(V, -1);
}

TEST(LEB128Test, S32Malformed) {
  int32_t V;
  // The unused bits must copy the sign bit.
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x0f}, &BinaryReader::s32, V),
            "integer too large");
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x70}, &BinaryReader::s32, V),
            "integer too large");
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, &BinaryReader::s32, V),
            "integer representation too long");
  EXPECT_EQ(read({0xff, 0xff}, &BinaryReader::s32, V),
            "unexpected end of section or function");
}

TEST(LEB128Test, S33BlockTypeIndex) {
  int64_t V;
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x0f}, &BinaryReader::s33, V), "");
  EXPECT_EQ(V, int64_t(UINT32_MAX));
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x70}, &BinaryReader::s33, V), "");
  EXPECT_EQ(V, -(int64_t(1) << 32));
  EXPECT_EQ(read({0x80, 0x80, 0x80, 0x80, 0x20}, &BinaryReader::s33, V),
            "integer too large");
}

TEST(LEB128Test, S64Boundaries) {
  int64_t V;
  std::vector<uint8_t> Min(9, 0x80), Max(9, 0xff);
  Min.push_back(0x7f);
  Max.push_back(0x00);
  EXPECT_EQ(read(Min, &BinaryReader::s64, V), "");
  EXPECT_EQ(V, INT64_MIN);
  EXPECT_EQ(read(Max, &BinaryReader::s64, V), "");
  EXPECT_EQ(V, INT64_MAX);

  std::vector<uint8_t> Bad(9, 0x80);
  Bad.push_back(0x01);
  EXPECT_EQ(read(Bad, &BinaryReader::s64, V), "integer too large");
  Bad.back() = 0x41;
  EXPECT_EQ(read(Bad, &BinaryReader::s64, V), "integer too large");
  std::vector<uint8_t> Long(10, 0xff);
  Long.push_back(0x7f);
  EXPECT_EQ(read(Long, &BinaryReader::s64, V),
            "integer representation too long");
}

TEST(LEB128Test, U64Boundaries) {
  uint64_t V;
  std::vector<uint8_t> Max(9, 0xff);
  Max.push_back(0x01);
  EXPECT_EQ(read(Max, &BinaryReader::u64, V), "");
  EXPECT_EQ(V, UINT64_MAX);
  Max.back() = 0x02;
  EXPECT_EQ(read(Max, &BinaryReader::u64, V), "integer too large");
  std::vector<uint8_t> Long(10, 0x80);
  Long.push_back(0x00);
  EXPECT_EQ(read(Long, &BinaryReader::u64, V),
            "integer representation too long");
}

TEST(LEB128Test, OneBitFlags) {
  uint64_t V;
  std::vector<uint8_t> One = {0x01}, Two = {0x02}, Long = {0x81, 0x00};
  BinaryReader R1(One), R2(Two), R3(Long);
  EXPECT_EQ(messageOf(R1.uN(1, V)), "");
  EXPECT_EQ(V, 1u);
  EXPECT_EQ(messageOf(R2.uN(1, V)), "integer too large");
  EXPECT_EQ(messageOf(R3.uN(1, V)), "integer representation too long");
}

TEST(LEB128Test, FixedWidth) {
  std::vector<uint8_t> Bytes = {0x00, 0x00, 0x80, 0x3f, 1, 2, 3};
  BinaryReader R(Bytes);
  uint32_t F;
  ASSERT_EQ(messageOf(R.fixed32(F)), "");
  EXPECT_EQ(F, 0x3f800000u); // 1.0f
  uint64_t D;
  EXPECT_EQ(messageOf(R.fixed64(D)), "unexpected end of section or function");
}

TEST(LEB128Test, LengthIsBoundedByRemainingBytes) {
  uint32_t N;
  // A hostile count must fail before anything is reserved for it.
  EXPECT_EQ(read({0xff, 0xff, 0xff, 0xff, 0x0f}, &BinaryReader::length, N),
            "length out of bounds");
  EXPECT_EQ(read({0x02, 0xaa, 0xbb}, &BinaryReader::length, N), "");
  EXPECT_EQ(N, 2u);
}

TEST(LEB128Test, Names) {
  std::string S;
  EXPECT_EQ(read({0x03, 'a', 'b', 'c'}, &BinaryReader::name, S), "");
  EXPECT_EQ(S, "abc");
  EXPECT_EQ(read({0x02, 0xc3, 0xa9}, &BinaryReader::name, S), "");
  EXPECT_EQ(S, "\xc3\xa9");
  // Overlong, surrogate, truncated sequence, beyond U+10FFFF, bare
  // continuation byte.
  EXPECT_EQ(read({0x02, 0xc0, 0x80}, &BinaryReader::name, S),
            "malformed UTF-8 encoding");
  EXPECT_EQ(read({0x03, 0xed, 0xa0, 0x80}, &BinaryReader::name, S),
            "malformed UTF-8 encoding");
  EXPECT_EQ(read({0x01, 0xe2}, &BinaryReader::name, S),
            "malformed UTF-8 encoding");
  EXPECT_EQ(read({0x04, 0xf4, 0x90, 0x80, 0x80}, &BinaryReader::name, S),
            "malformed UTF-8 encoding");
  EXPECT_EQ(read({0x01, 0x80}, &BinaryReader::name, S),
            "malformed UTF-8 encoding");
  EXPECT_EQ(read({0x05, 'a'}, &BinaryReader::name, S), "length out of bounds");
}

} // namespace
