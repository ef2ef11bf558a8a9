//===- Runtime/Builtins.h - The C functions behind Builtins.def -*- C++ -*-===//
//
// The builtin array every vmctx points at, in Builtins.def order.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_BUILTINS_H
#define ORCA_RUNTIME_BUILTINS_H

#include <cstddef>

namespace orca {

enum class BuiltinIndex : unsigned {
#define ORCA_BUILTIN(Name, Ret, Params) Name,
#include "Environ/Builtins.def"
  NumBuiltins
};
constexpr size_t NumBuiltins = size_t(BuiltinIndex::NumBuiltins);

/// Writes the address of every builtin, in Builtins.def order.
void fillBuiltinArray(void **Out);

} // namespace orca

#endif // ORCA_RUNTIME_BUILTINS_H
