//===- CodeGen/DebugLocations.h - Wasm offsets as debug lines ---*- C++ -*-===//
//
// What this file owns: the debug metadata that carries wasm byte offsets
// through LLVM to the JIT's code map (owner: the "offsets" work, with
// JIT/CodeMap.*).
//
// Every instruction of a wasm function gets a debug location whose line is
// the byte offset, in the module, of the wasm instruction it came from
// (column 0, file "wasm"). The compile unit is LineTablesOnly: no
// variables, no types, so the only cost is the !dbg attachments and a
// .debug_line table in the object, which CodeMapPlugin turns into a
// PC -> wasm offset map when the object is linked. Debug locations never
// change what the optimiser does.
//
// Inlining: every wasm function has a subprogram of its own, so code LLVM
// inlines from one wasm function into another keeps its callee's lines
// (its wasm offsets) under an inlinedAt chain that ends at the call. The
// object's .debug_info then holds a DW_TAG_inlined_subroutine per inlined
// call (callee, call offset, code ranges), even in a LineTablesOnly unit,
// and CodeMapPlugin reads those so backtraces show inlined frames.
//
// Invariants:
//  - Line 0 means "no wasm instruction" (DWARF's own convention); a module
//    byte offset is never 0 inside a code section, so no ambiguity.
//  - A subprogram's name is its function's symbol (wasm_func_N): that is
//    how CodeMapPlugin tells which wasm function an inlined call ran.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_DEBUGLOCATIONS_H
#define ORCA_CODEGEN_DEBUGLOCATIONS_H

#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/DebugInfoMetadata.h"

#include <cstdint>

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace orca {

/// The compile unit of one translated module.
class DebugLocations {
public:
  explicit DebugLocations(llvm::Module &LM);

  /// Gives \p F (wasm function \p FuncIndex, body at \p BodyOffset) a
  /// subprogram, and returns it as the scope of its locations.
  llvm::DISubprogram *beginFunction(llvm::Function &F, uint32_t FuncIndex,
                                    uint32_t BodyOffset);

  /// The location of the wasm instruction at \p Offset in \p SP.
  static llvm::DILocation *at(llvm::DISubprogram *SP, uint32_t Offset);

  /// Completes the metadata; call once, after the last function.
  void finalize();

private:
  llvm::LLVMContext &Ctx;
  llvm::DIBuilder DIB;
  llvm::DIFile *File;
  llvm::DISubroutineType *FnType;
};

} // namespace orca

#endif // ORCA_CODEGEN_DEBUGLOCATIONS_H
