//===- Text/Numbers.h - Numeric literals of the text format -----*- C++ -*-===//
//
// Owns the spec's numeric literal grammar and its range rules: unsigned
// and signed integers (decimal or `0x` hex, `_` between digits), and
// floats (decimal and hex mantissas with exponents, `inf`, `nan`,
// `nan:0x...` payloads), rounded to nearest-even as the spec requires.
// Every function reports Syntax for text that is not such a literal and
// Range for one that does not fit ("constant out of range").
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_NUMBERS_H
#define ORCA_TEXT_NUMBERS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace orca {

enum class NumStatus : uint8_t { Ok, Syntax, Range };

/// An unsigned literal without sign (`u32`, `u64` in the grammar) at most
/// \p Max.
NumStatus parseUnsigned(llvm::StringRef S, uint64_t Max, uint64_t &Out);

/// An integer of \p Bits (32 or 64; 8 and 16 for SIMD lanes): either
/// unsigned up to 2^Bits-1 or signed from -2^(Bits-1); \p Out is the
/// two's complement value truncated to \p Bits, zero-extended.
NumStatus parseInteger(llvm::StringRef S, unsigned Bits, uint64_t &Out);

/// Float literals: \p Out is the IEEE bit pattern. Integer-looking text
/// ("1", "-0x10") is a valid float too.
NumStatus parseFloat32(llvm::StringRef S, uint32_t &Out);
NumStatus parseFloat64(llvm::StringRef S, uint64_t &Out);

} // namespace orca

#endif // ORCA_TEXT_NUMBERS_H
