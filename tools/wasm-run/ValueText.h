//===- ValueText.h - wasm values from and to command-line text --*- C++ -*-===//
//
// How wasm-run reads typed arguments and prints results: integers as signed
// or unsigned decimal in, signed decimal out; floats as decimal, `nan`,
// `inf` in, shortest round-trip form out (`-0` kept, NaN payloads shown
// when not canonical); v128 out as 0x and 32 hex digits, the vector as one
// little-endian 128-bit number (lane 0 rightmost).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASMRUN_VALUETEXT_H
#define ORCA_TOOLS_WASMRUN_VALUETEXT_H

#include "Runtime/Value.h"

#include "llvm/Support/Error.h"

#include <string>

namespace orca {

llvm::Expected<Value> parseValue(ValType T, const std::string &Text);
std::string formatValue(const Value &V);

} // namespace orca

#endif
