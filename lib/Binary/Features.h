//===- Binary/Features.h - Which WebAssembly proposals are on ---*- C++ -*-===//
//
// The feature set a module is decoded and validated against. The defaults
// are exactly WebAssembly 2.0; later proposals are off until enabled.
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
  // Later proposals (off by default).
  bool Threads = false;
  bool Memory64 = false;
  bool MultiMemory = false;
  bool TailCall = false;
  bool ExtendedConst = false;
};

} // namespace orca

#endif // ORCA_BINARY_FEATURES_H
