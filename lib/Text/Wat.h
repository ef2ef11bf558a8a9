//===- Text/Wat.h - WebAssembly text modules to binary ----------*- C++ -*-===//
//
// The entry point of the text layer for single modules: a `.wat` text (one
// `(module ...)`, or just its fields) becomes the bytes of a binary module,
// the same bytes Binary/Decoder reads, with a `name` section for the
// author's `$id`s. Errors are TextErrors (`file:line:col: message`, kind
// Malformed).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_WAT_H
#define ORCA_TEXT_WAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace orca {

struct WatOptions {
  /// Write a `name` section for the module's `$id`s.
  bool NameSection = true;
  /// WebAssembly 3.0: limits and memory offsets are u64 in text whatever
  /// the address type, and validation bounds them. False gives 2.0's rule,
  /// under which a 32-bit one above 2^32-1 is malformed ("i32 constant out
  /// of range").
  bool WideLimits = true;
};

/// Parses a text module. `(module binary ...)` yields its bytes as they are;
/// `(module quote ...)` is parsed as the module its strings spell.
llvm::Expected<std::vector<uint8_t>> parseWat(llvm::StringRef Text,
                                              llvm::StringRef FileName,
                                              const WatOptions &Opts = {});

/// True if \p Bytes starts with the binary format's magic number, so that
/// tools can accept either format.
bool isWasmBinary(llvm::ArrayRef<uint8_t> Bytes);

} // namespace orca

#endif // ORCA_TEXT_WAT_H
