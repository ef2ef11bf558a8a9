//===- Binary/Validator.h - Validate a decoded module -----------*- C++ -*-===//
//
// The spec's validation rules for a whole module: types of every function
// body (operand stack, control frames, unreachable code), indices, limits,
// constant expressions, exports, start function, data count and ref.func
// declaration rules. Errors are WasmError values of kind Invalid.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_VALIDATOR_H
#define ORCA_BINARY_VALIDATOR_H

#include "Binary/Features.h"
#include "Binary/Module.h"

#include "llvm/Support/Error.h"

namespace orca {

llvm::Error validateModule(const Module &M, const Features &F = Features());

/// Decodes then validates.
llvm::Expected<std::unique_ptr<Module>>
decodeAndValidate(std::vector<uint8_t> Bytes, const Features &F = Features());

} // namespace orca

#endif // ORCA_BINARY_VALIDATOR_H
