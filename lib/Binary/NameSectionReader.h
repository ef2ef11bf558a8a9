//===- Binary/NameSectionReader.h - The `name` section --------*- C++ -*-===//
//
// Reads the debug names (module, functions, locals) of the `name` custom
// section. Custom sections never make a module malformed, so a bad name
// section is simply ignored.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_NAMESECTIONREADER_H
#define ORCA_BINARY_NAMESECTIONREADER_H

#include "Binary/Module.h"

#include "llvm/ADT/ArrayRef.h"

namespace orca {

/// Parses the payload Bytes[Start, End) of a `name` section (after its
/// name). Returns false, leaving \p Out untouched, if it is malformed.
bool readNameSection(llvm::ArrayRef<uint8_t> Bytes, uint32_t Start,
                     uint32_t End, NameSection &Out);

} // namespace orca

#endif // ORCA_BINARY_NAMESECTIONREADER_H
