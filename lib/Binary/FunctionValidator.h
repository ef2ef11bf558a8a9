//===- Binary/FunctionValidator.h - Type-check one function body -*- C++
//-*-===//
//
// The spec's validation algorithm (validation appendix) for the instruction
// sequence of one defined function: an operand stack with a bottom type for
// unreachable code and a heap-allocated control stack, so that nesting depth
// costs memory proportional to the body's bytes and never recursion.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_FUNCTIONVALIDATOR_H
#define ORCA_BINARY_FUNCTIONVALIDATOR_H

#include "Binary/Features.h"
#include "Binary/Module.h"

#include "llvm/Support/Error.h"

#include <vector>

namespace orca {

/// Whether \p T exists under \p F (v128 needs SIMD, references need
/// reference types; funcref as a table element type is always allowed).
inline bool valTypeEnabled(ValType T, const Features &F) {
  if (T == ValType::V128)
    return F.SIMD;
  if (isRefType(T))
    return F.ReferenceTypes;
  return true;
}

/// Validates the body of defined function \p FuncIndex. \p DeclaredRefs
/// holds, per function index, whether `ref.func` may name it in code (the
/// spec's C.refs). Module-level indices (the function's type) must already
/// have been checked.
llvm::Error validateFunctionBody(const Module &M, uint32_t FuncIndex,
                                 const std::vector<bool> &DeclaredRefs,
                                 const Features &F);

} // namespace orca

#endif // ORCA_BINARY_FUNCTIONVALIDATOR_H
