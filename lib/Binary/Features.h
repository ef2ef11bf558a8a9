//===- Binary/Features.h - Which WebAssembly proposals are on ---*- C++ -*-===//
//
// The feature set a module is decoded and validated against. The defaults
// are WebAssembly 2.0 plus the parts of 3.0 that Orca implements; the other
// proposals are off until enabled.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_FEATURES_H
#define ORCA_BINARY_FEATURES_H

namespace orca {

struct Features {
  // WebAssembly 2.0 (on by default).
  bool SignExtension = true;
  bool SaturatingFloatToInt = true;
  bool MultiValue = true;
  bool BulkMemory = true;
  bool ReferenceTypes = true;
  bool SIMD = true;
  // WebAssembly 3.0 (on by default once implemented).
  bool TailCall = false;
  /// i32/i64 add, sub and mul in constant expressions.
  bool ExtendedConst = true;
  /// global.get in a constant expression may read any immutable global:
  /// in a global's initialiser one defined before it, in a segment's
  /// offset or items any (3.0 took this from the GC proposal). Off, only
  /// imported globals are in scope, as in 2.0 and in the extended-const
  /// proposal's own tests.
  bool ConstExprDefinedGlobals = true;
  // Later proposals (off by default).
  bool Threads = false;
  bool Memory64 = false;
  bool MultiMemory = false;
};

} // namespace orca

#endif // ORCA_BINARY_FEATURES_H
