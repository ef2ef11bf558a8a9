//===- unittests/Text/NumbersTest.cpp - Numeric literals ------------------===//
//
// Every range error of the integer and float grammars, hex floats and
// their rounding, NaN payloads, and `_` separators.
//
//===----------------------------------------------------------------------===//

#include "Text/Numbers.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

uint64_t intOk(llvm::StringRef S, unsigned Bits) {
  uint64_t V = 0;
  EXPECT_EQ(parseInteger(S, Bits, V), NumStatus::Ok) << S.str();
  return V;
}
NumStatus intStatus(llvm::StringRef S, unsigned Bits) {
  uint64_t V;
  return parseInteger(S, Bits, V);
}
uint32_t f32(llvm::StringRef S) {
  uint32_t V = 0;
  EXPECT_EQ(parseFloat32(S, V), NumStatus::Ok) << S.str();
  return V;
}
uint64_t f64(llvm::StringRef S) {
  uint64_t V = 0;
  EXPECT_EQ(parseFloat64(S, V), NumStatus::Ok) << S.str();
  return V;
}
NumStatus f32Status(llvm::StringRef S) {
  uint32_t V;
  return parseFloat32(S, V);
}
NumStatus f64Status(llvm::StringRef S) {
  uint64_t V;
  return parseFloat64(S, V);
}

TEST(Numbers, Unsigned) {
  uint64_t V;
  EXPECT_EQ(parseUnsigned("0", 10, V), NumStatus::Ok);
  EXPECT_EQ(V, 0u);
  EXPECT_EQ(parseUnsigned("1_000", 5000, V), NumStatus::Ok);
  EXPECT_EQ(V, 1000u);
  EXPECT_EQ(parseUnsigned("0xff_ff", 0xffff, V), NumStatus::Ok);
  EXPECT_EQ(V, 0xffffu);
  EXPECT_EQ(parseUnsigned("0x10000", 0xffff, V), NumStatus::Range);
  EXPECT_EQ(parseUnsigned("18446744073709551615", ~uint64_t(0), V),
            NumStatus::Ok);
  EXPECT_EQ(parseUnsigned("18446744073709551616", ~uint64_t(0), V),
            NumStatus::Range);
  EXPECT_EQ(parseUnsigned(std::string(1000, '9'), ~uint64_t(0), V),
            NumStatus::Range);
  for (const char *Bad :
       {"", "_1", "1_", "1__0", "0x", "0x_1", "+1", "-1", "1a", "0xg", "1.0"})
    EXPECT_EQ(parseUnsigned(Bad, ~uint64_t(0), V), NumStatus::Syntax) << Bad;
}

TEST(Numbers, Integers) {
  EXPECT_EQ(intOk("4294967295", 32), 0xffffffffu);
  EXPECT_EQ(intOk("-2147483648", 32), 0x80000000u);
  EXPECT_EQ(intOk("-1", 32), 0xffffffffu);
  EXPECT_EQ(intOk("+0x7fff_ffff", 32), 0x7fffffffu);
  EXPECT_EQ(intOk("-0x8000_0000", 32), 0x80000000u);
  EXPECT_EQ(intOk("18446744073709551615", 64), ~uint64_t(0));
  EXPECT_EQ(intOk("-9223372036854775808", 64), uint64_t(1) << 63);
  EXPECT_EQ(intOk("255", 8), 255u);
  EXPECT_EQ(intOk("-128", 8), 0x80u);
  EXPECT_EQ(intStatus("4294967296", 32), NumStatus::Range);
  EXPECT_EQ(intStatus("-2147483649", 32), NumStatus::Range);
  EXPECT_EQ(intStatus("0x1_0000_0000", 32), NumStatus::Range);
  EXPECT_EQ(intStatus("18446744073709551616", 64), NumStatus::Range);
  EXPECT_EQ(intStatus("-9223372036854775809", 64), NumStatus::Range);
  EXPECT_EQ(intStatus("256", 8), NumStatus::Range);
  EXPECT_EQ(intStatus("-129", 8), NumStatus::Range);
  EXPECT_EQ(intStatus("65536", 16), NumStatus::Range);
  EXPECT_EQ(intStatus("-32769", 16), NumStatus::Range);
  for (const char *Bad :
       {"", "-", "+", "--1", "+-1", "1_", "0x", "1e3", "nan", "inf", "0x1p3"})
    EXPECT_EQ(intStatus(Bad, 32), NumStatus::Syntax) << Bad;
}

TEST(Numbers, Floats) {
  EXPECT_EQ(f32("0"), 0u);
  EXPECT_EQ(f32("-0"), 0x80000000u);
  EXPECT_EQ(f32("1"), 0x3f800000u);
  EXPECT_EQ(f32("1.5e1"), 0x41700000u);
  EXPECT_EQ(f32("1_000.000_1"), f32("1000.0001"));
  EXPECT_EQ(f32("1."), 0x3f800000u);
  EXPECT_EQ(f32("1.e1"), 0x41200000u);
  EXPECT_EQ(f32("0x1p-1"), 0x3f000000u);
  EXPECT_EQ(f32("0x1.8p1"), 0x40400000u);
  EXPECT_EQ(f32("0x1"), 0x3f800000u);
  EXPECT_EQ(f32("0x1.fffffep127"), 0x7f7fffffu);
  EXPECT_EQ(f32("-0x1p-149"), 0x80000001u);
  // Rounding to nearest, ties to even, in hex and decimal.
  EXPECT_EQ(f32("0x1.000001p0"), 0x3f800000u);
  EXPECT_EQ(f32("0x1.000003p0"), 0x3f800002u);
  EXPECT_EQ(f32("0x1.fffffefffffffffffp127"), 0x7f7fffffu);
  EXPECT_EQ(f32("1e-50"), 0u);
  EXPECT_EQ(f64("0x1.fffffffffffffp1023"), 0x7fefffffffffffffu);
  EXPECT_EQ(f64("4.9406564584124654e-324"), 1u);
  EXPECT_EQ(f64("1e308"), 0x7fe1ccf385ebc8a0u);
  EXPECT_EQ(f64("0x1p-1074"), 1u);
  EXPECT_EQ(f64("1" + std::string(400, '0') + "e-400"), f64("1"));
  EXPECT_EQ(f64("0.0e999999999999"), 0u);
  EXPECT_EQ(f64("1e-99999999999999"), 0u);
}

TEST(Numbers, FloatRange) {
  EXPECT_EQ(f32Status("0x1p128"), NumStatus::Range);
  EXPECT_EQ(f32Status("0x1.ffffffp127"), NumStatus::Range);
  EXPECT_EQ(f32Status("1e39"), NumStatus::Range);
  EXPECT_EQ(f32Status("-1e39"), NumStatus::Range);
  EXPECT_EQ(f64Status("0x1p1024"), NumStatus::Range);
  EXPECT_EQ(f64Status("1e309"), NumStatus::Range);
  EXPECT_EQ(f64Status("1e99999999999999"), NumStatus::Range);
  EXPECT_EQ(f64Status("0x1.fffffffffffff8p1023"), NumStatus::Range);
}

TEST(Numbers, InfAndNan) {
  EXPECT_EQ(f32("inf"), 0x7f800000u);
  EXPECT_EQ(f32("-inf"), 0xff800000u);
  EXPECT_EQ(f32("+inf"), 0x7f800000u);
  EXPECT_EQ(f32("nan"), 0x7fc00000u);
  EXPECT_EQ(f32("-nan"), 0xffc00000u);
  EXPECT_EQ(f32("nan:0x1"), 0x7f800001u);
  EXPECT_EQ(f32("-nan:0x7f_ffff"), 0xffffffffu);
  EXPECT_EQ(f64("nan"), 0x7ff8000000000000u);
  EXPECT_EQ(f64("nan:0xf_ffff_ffff_ffff"), 0x7fffffffffffffffu);
  EXPECT_EQ(f32Status("nan:0x0"), NumStatus::Range);
  EXPECT_EQ(f32Status("nan:0x80_0000"), NumStatus::Range);
  EXPECT_EQ(f64Status("nan:0x10_0000_0000_0000"), NumStatus::Range);
  EXPECT_EQ(f32Status("nan:1"), NumStatus::Syntax);
  EXPECT_EQ(f32Status("nan:0x"), NumStatus::Syntax);
  EXPECT_EQ(f32Status("infinity"), NumStatus::Syntax);
}

TEST(Numbers, FloatSyntax) {
  for (const char *Bad : {"", ".5", "1e", "1e+", "0x", "0x.1", "0x1p", "1_.0",
                          "1._0", "1.0_", "1e_1", "0x1P+_1", "1.0.0", "1ee1",
                          "0x1e1x", "--1", "1.0f", "0x1.0e1p"})
    EXPECT_EQ(f32Status(Bad), NumStatus::Syntax) << Bad;
}

} // namespace
