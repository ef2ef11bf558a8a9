//===- Transforms/GuardedAccesses.h - Guard-page traps survive LLVM -*- C++
//-*-===//
//
// In guard-page mode a heap access is its own bounds check: an
// out-of-bounds access faults and the signal handler raises the trap. LLVM
// knows nothing of that: to it a load is free of side effects, so it may
// delete one whose value is unused (x*0, a select with a constant
// condition, an inlined callee that ignores its argument), sink it into a
// branch, or narrow it to the bytes that are used (which may be in bounds
// when the last byte is not); and a store before a faulting access may be
// deleted as dead when a later store overwrites it (DSE), though the host
// sees memory after the trap.
//
// The invariant kept here: every guard-page access of the wasm program is
// performed, whole, at its place in the order of stores, unless an earlier
// access to the same bytes already performed the check. The mechanism
// keeps LLVM free to CSE, hoist, unroll and vectorise:
//
// 1. The translator follows every guarded load with a marker
//    (CodeGen/AccessMarkers.h),
//    `llvm.assume(true) ["align"(ptr P, i64 1), "noundef"(T V)]`, P the
//    load's address and V its value, and every guarded store with
//    `llvm.assume(true) ["align"(ptr P, i64 1)]`. An assume is not a
//    memory access for LLVM (the loop vectoriser replicates it per lane,
//    alias analysis ignores it) but it is not dead while its bundles have
//    operands, so V stays used: the load cannot be deleted, sunk past the
//    marker or narrowed in IR. LLVM may only replace V by a value it
//    proved equal, which takes an earlier access to the same bytes.
// 2. InsertTrapPointsPass, just before MemCpyOpt and DSE, follows each
//    marker with a call that may read any memory (and writes none LLVM
//    can see), so no store before a trapping access is deleted or merged
//    past it; RemoveTrapPointsPass takes the calls out again at the end of
//    the function simplification pipeline, before they could cost
//    anything (the vectoriser runs later).
// 3. ResolveGuardedAccessesPass, after every LLVM pass, removes the
//    markers; a marker whose value was dropped gets a volatile one-byte
//    probe of the access's last byte (out of bounds is a suffix of the
//    address space, so that byte decides the trap). A load that still
//    produces a marked value is a check, and KeepGuardedLoadsPass (the last
//    IR pass) makes sure the code generator keeps it whole and in place:
//    volatile unless all its bits are demanded (the code generator narrows
//    loads to the demanded bits and splits vector lanes apart), and out of
//    any cmov (x86 turns a cmov from memory into a branch around the load).
//
// Limits (docs/traps.md): a vectorised loop performs the loads of several
// iterations before their stores, so when one faults, stores of earlier
// iterations in the same vector step can be missing; the code generator
// may reorder two accesses to one base at offsets it proves disjoint
// (AArch64's use of alias analysis in code generation is off for this:
// Transforms/Pipeline.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TRANSFORMS_GUARDEDACCESSES_H
#define ORCA_TRANSFORMS_GUARDEDACCESSES_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class Function;
class LoadInst;
} // namespace llvm

namespace orca {

/// Follows every marker with a trap point (see above). Idempotent.
class InsertTrapPointsPass : public llvm::PassInfoMixin<InsertTrapPointsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);
};

/// Removes the trap points.
class RemoveTrapPointsPass : public llvm::PassInfoMixin<RemoveTrapPointsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);
};

/// Removes the markers and the trap points (see above): a load that still
/// produces a marked value is tagged as a check, and becomes volatile in
/// KeepGuardedLoadsPass. Runs after every LLVM pass.
class ResolveGuardedAccessesPass
    : public llvm::PassInfoMixin<ResolveGuardedAccessesPass> {
public:
  /// \p Cleanup: run InstCombine over what the markers leave behind (the
  /// per-lane addresses the vectoriser computed for them), with the
  /// checking loads protected meanwhile; for the optimising levels.
  explicit ResolveGuardedAccessesPass(bool Cleanup = false)
      : Cleanup(Cleanup) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);

private:
  bool Cleanup;
};

/// Orca passes between the two that replace a checking load by a wider
/// one call this, so that the new load checks too.
void keepGuardedLoad(llvm::LoadInst &Wide, const llvm::LoadInst &Lo,
                     const llvm::LoadInst &Hi);

/// Makes the checking loads volatile. The last IR pass. \p WhereNeeded
/// (the optimising levels, where InstCombine has just run, so that the
/// code generator cannot prove more of a load unused than DemandedBits
/// does): only those the code generator could otherwise narrow, drop or
/// sink (see GuardedAccesses.cpp).
class KeepGuardedLoadsPass : public llvm::PassInfoMixin<KeepGuardedLoadsPass> {
public:
  explicit KeepGuardedLoadsPass(bool WhereNeeded = false)
      : WhereNeeded(WhereNeeded) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &);

private:
  bool WhereNeeded;
};

} // namespace orca

#endif // ORCA_TRANSFORMS_GUARDEDACCESSES_H
