//===- Binary/Decoder.h - Decode a module's binary format -------*- C++ -*-===//
//
// Turns bytes into a Module, checking everything the binary format requires
// (section order and sizes, LEB128 encodings, UTF-8 names, counts that
// match) but not typing, which is the validator's job. Errors are
// WasmError values with the byte offset, of kind Malformed, except for the
// few rules the spec tests classify as validation although they are seen
// while decoding (non-constant or ill-typed constant expressions, `select`
// type lists of length other than 1): those are Invalid, and reported only
// once the whole module has decoded so that a later malformation wins.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_DECODER_H
#define ORCA_BINARY_DECODER_H

#include "Binary/Features.h"
#include "Binary/Module.h"

#include "llvm/Support/Error.h"

#include <memory>

namespace orca {

llvm::Expected<std::unique_ptr<Module>>
decodeModule(std::vector<uint8_t> Bytes, const Features &F = Features());

} // namespace orca

#endif // ORCA_BINARY_DECODER_H
