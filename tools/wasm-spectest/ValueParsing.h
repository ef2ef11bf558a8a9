//===- wasm-spectest/ValueParsing.h - Script values and results -*- C++ -*-===//
//
// Owns the translation between a script's values (Text/Script.h's
// ScriptValue and ResultPattern, parsed from .wast or from wast2json's JSON)
// and orca::Value: arguments to Values, matching a result against a pattern
// (nan:canonical / nan:arithmetic, lane-wise for v128, reference classes,
// `either` alternatives) and printing both for failure reports.
//
// Externref values in scripts are small integers ("ref.extern N"); the
// ExternRefPool gives each N a distinct, stable, non-null host pointer and
// maps such pointers back to N when a result is compared or printed.
//
// Values Orca cannot represent yet (GC references, exnref) are reported as
// "unsupported: <feature>" so the runner counts them as such.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H
#define ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H

#include "Runtime/Value.h"
#include "Text/Script.h"

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

/// The feature a value or pattern needs that Orca does not have yet ("gc",
/// "exceptions", "function-references"), or "" if Orca can represent it.
std::string unsupportedFeatureOf(const ScriptValue &V);
std::string unsupportedFeatureOf(const ResultPattern &P);

/// An argument as a Value. Errors: "unsupported: <feature>" for values Orca
/// has no representation of.
llvm::Expected<Value> toValue(const ScriptValue &V, ExternRefPool &Pool);

/// True when \p Actual satisfies \p P.
bool matches(const ResultPattern &P, const Value &Actual,
             const ExternRefPool &Pool);

/// wast2json's JSON values: {"type": T, "value": V} (v128 also
/// "lane_type"), as an argument or as an expected result (NaN patterns,
/// `{"type": "either", "values": [...]}`).
llvm::Expected<ScriptValue> parseJsonValue(const llvm::json::Value &J);
llvm::Expected<ResultPattern> parseJsonPattern(const llvm::json::Value &J);

/// "i32:42", "f32:1.5 (0x3fc00000)", "v128:i32x4[1 2 3 4]",
/// "externref:3", "funcref:null"... \p LaneHint picks the lane shape of a
/// v128 ("i8x16"... or "i8"...; default i32x4).
std::string formatValue(const Value &V, const ExternRefPool &Pool,
                        llvm::StringRef LaneHint = "");
/// "(v1, v2)" for a list; \p Hints give the v128 shapes to print with.
std::string formatValues(llvm::ArrayRef<Value> Vs, const ExternRefPool &Pool,
                         llvm::ArrayRef<ResultPattern> Hints = {});
/// A pattern as formatValue prints the values it matches; `either` gives
/// "either(i32:0 | i32:1)".
std::string formatPattern(const ResultPattern &P);
std::string formatPatterns(llvm::ArrayRef<ResultPattern> Ps);
/// "(v1, v2)" of script values (arguments).
std::string formatScriptValues(llvm::ArrayRef<ScriptValue> Vs);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_VALUEPARSING_H
