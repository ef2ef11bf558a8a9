//===- CodeGen/Trampolines.h - Host<->wasm call adapters --------*- C++ -*-===//
//
// Emits the orca_h2w_<T> and orca_w2h_<T> trampolines whose contracts
// ModuleTranslator.h documents.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_TRAMPOLINES_H
#define ORCA_CODEGEN_TRAMPOLINES_H

#include "Binary/Module.h"
#include "Environ/VMOffsets.h"

#include "llvm/IR/Module.h"

namespace orca {

/// Adds both trampolines of every type index of \p M to \p LM.
void emitTrampolines(llvm::Module &LM, const Module &M,
                     const VMOffsets &Offsets);

} // namespace orca

#endif // ORCA_CODEGEN_TRAMPOLINES_H
