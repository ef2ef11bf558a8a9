//===- wasm-spectest/Unsupported.h - Naming missing features ----*- C++ -*-===//
//
// Owns the decision that a failure is Orca missing a WebAssembly 3.0
// feature rather than a bug, and which feature: a text module the parser
// cannot encode yet ("not encoded yet (WebAssembly 3.0)"), or a binary the
// decoder rejects ("illegal opcode", "value type not enabled", ...) at a
// byte that belongs to a later feature (0xfb: gc, 0x1f: try_table, ...).
// Such failures are reported as "unsupported: <feature>" and tallied by
// feature, so the 3.0 numbers show the distance to 3.0.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_UNSUPPORTED_H
#define ORCA_TOOLS_WASM_SPECTEST_UNSUPPORTED_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace orca {
namespace spectest {

/// The feature a text parse error says is not encoded yet, or "".
std::string unsupportedInText(llvm::StringRef Message);

/// The feature a decode/validation error of \p Bytes at \p Offset (~0: none)
/// points at, or "". \p FilePath names the script, whose folder (gc/,
/// exceptions/, ...) breaks ties when the byte says nothing.
std::string unsupportedInBinary(llvm::StringRef Message,
                                llvm::ArrayRef<uint8_t> Bytes, uint64_t Offset,
                                llvm::StringRef FilePath);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_UNSUPPORTED_H
