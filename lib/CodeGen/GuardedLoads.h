//===- CodeGen/GuardedLoads.h - Keep guard-page loads that must trap -*- C++
//-*-===//
//
// In guard-page mode a heap load is its own bounds check: an out-of-bounds
// load faults and the signal handler raises the trap. LLVM may delete a
// load whose value is unused, which would lose the trap (spec traps.wast,
// "no_dce"). Making every heap load volatile keeps them all, but also
// blocks CSE, LICM and vectorisation of the loads that matter for speed.
//
// So the translator marks each load that relies on the guard pages, and
// PinUnusedGuardedLoadsPass, run first in every pipeline (right after
// mem2reg, before anything may delete instructions), makes volatile only
// the marked loads whose value nothing live uses: a dropped value, a dead
// local, an unused computation. Loads whose value is used stay plain.
//
// Limit (docs/traps.md): a load whose value becomes unused only later in
// the pipeline (folded arithmetic such as x*0, the unused result of an
// inlined call, a use sunk into a branch not taken) can still be deleted.
// Explicit bounds checks have no such limit: the check is a branch.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_GUARDEDLOADS_H
#define ORCA_CODEGEN_GUARDEDLOADS_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class Function;
class LoadInst;
} // namespace llvm

namespace orca {

/// Marks \p L as a load whose bounds check is the guard region.
void markGuardedLoad(llvm::LoadInst &L);

/// Makes the marked loads whose value is unused volatile (see above).
class PinUnusedGuardedLoadsPass
    : public llvm::PassInfoMixin<PinUnusedGuardedLoadsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);
  /// The same, outside a pass manager; returns whether anything changed.
  static bool pin(llvm::Function &F);
};

} // namespace orca

#endif // ORCA_CODEGEN_GUARDEDLOADS_H
