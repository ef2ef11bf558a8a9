//===- wasm-spectest/ValueParsing.h - Spec-test JSON values -----*- C++ -*-===//
//
// Owns the translation between the values of wast2json's JSON (arguments and
// expected results) and orca::Value: parsing, matching a result against an
// expectation (including nan:canonical / nan:arithmetic, per lane for v128)
// and printing both for failure reports. `(either ...)` alternatives are
// single expectations here; the script runner accepts a result matching any.
//
// Externref values in scripts are small integers ("ref.extern N"); the
// ExternRefPool gives each N a distinct, stable, non-null host pointer and
// maps such pointers back to N when a result is compared or printed.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H
#define ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H

#include "Runtime/Value.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orca {
namespace spectest {

/// Distinct non-null host pointers for the script's `ref.extern N` values.
/// Pointers stay valid for the pool's lifetime, which must cover the Store's.
class ExternRefPool {
public:
  const void *pointerFor(uint64_t N);
  /// The N whose pointer is \p P, if \p P came from this pool.
  std::optional<uint64_t> numberOf(const void *P) const;

private:
  // Each slot holds its own N; its address is the pointer handed out.
  std::map<uint64_t, std::unique_ptr<uint64_t>> ByNumber;
  std::map<const void *, uint64_t> ByPointer;
};

/// What one lane (or a whole scalar) of an expected result must be.
struct ExpectedLane {
  enum KindT : uint8_t { Exact, CanonicalNaN, ArithmeticNaN };
  KindT Kind = Exact;
  uint64_t Bits = 0;
};

/// One expected result of an assert_return.
struct ExpectedValue {
  ValType Type = ValType::I32;
  /// Scalars: one lane. v128: one per lane of LaneType.
  std::vector<ExpectedLane> Lanes;
  /// v128 only: "i8", "i16", "i32", "i64", "f32" or "f64".
  std::string LaneType;
  /// References: null, a specific externref N, or any non-null funcref.
  enum RefKindT : uint8_t { RefNull, RefExtern, RefAnyNonNull };
  RefKindT RefKind = RefNull;
  uint64_t RefNumber = 0;
};

/// Parses a JSON value type name ("i32", "externref", ...).
std::optional<ValType> parseValType(llvm::StringRef Name);

/// Parses an argument {"type": T, "value": V} (v128 also "lane_type").
llvm::Expected<Value> parseArgument(const llvm::json::Value &J,
                                    ExternRefPool &Pool);
llvm::Expected<std::vector<Value>> parseArguments(const llvm::json::Array *A,
                                                  ExternRefPool &Pool);

/// Parses an expected result; the value may be a NaN pattern.
llvm::Expected<ExpectedValue> parseExpected(const llvm::json::Value &J);

/// True when \p Actual satisfies \p E.
bool matches(const ExpectedValue &E, const Value &Actual,
             const ExternRefPool &Pool);

/// "i32:42", "f32:1.5 (0x3fc00000)", "v128:i32x4[1 2 3 4]",
/// "externref:3", "funcref:null"... \p LaneHint picks the lane shape of a
/// v128 (default i32).
std::string formatValue(const Value &V, const ExternRefPool &Pool,
                        llvm::StringRef LaneHint = "");
std::string formatExpected(const ExpectedValue &E);
/// "(v1, v2)" for a list.
std::string formatValues(llvm::ArrayRef<Value> Vs, const ExternRefPool &Pool,
                         llvm::ArrayRef<ExpectedValue> Hints = {});
std::string formatExpectedList(llvm::ArrayRef<ExpectedValue> Es);
/// As formatExpectedList, for result positions with alternatives (from
/// `(either ...)`): "(either(i32:0 | i32:1), i32:2)".
std::string
formatExpectedAlternatives(llvm::ArrayRef<std::vector<ExpectedValue>> Es);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H
