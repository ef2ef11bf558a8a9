//===- CodeGen/GuardedLoads.cpp - Keep guard-page loads that must trap ----===//
//
// Liveness is the usual aggressive-DCE fixpoint: roots are instructions
// with effects (stores, calls, volatile accesses), terminators and every
// marked load (each will execute, as a used load or as a pinned one, so its
// address operands are live); anything a live instruction uses is live.
// A marked load none of whose users is live gets pinned.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/GuardedLoads.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;

namespace orca {

static constexpr const char *GuardedKind = "orca.guarded";

void markGuardedLoad(LoadInst &L) {
  L.setMetadata(GuardedKind, MDNode::get(L.getContext(), {}));
}

static bool isGuardedLoad(const Instruction &I) {
  return isa<LoadInst>(I) && I.getMetadata(GuardedKind);
}

bool PinUnusedGuardedLoadsPass::pin(Function &F) {
  SmallPtrSet<const Instruction *, 32> Live;
  SmallVector<Instruction *, 64> Work;
  SmallVector<LoadInst *, 16> Guarded;
  for (Instruction &I : instructions(F)) {
    bool Root = I.mayHaveSideEffects() || I.isTerminator();
    if (isGuardedLoad(I)) {
      Guarded.push_back(cast<LoadInst>(&I));
      Root = true;
    }
    if (Root && Live.insert(&I).second)
      Work.push_back(&I);
  }
  if (Guarded.empty())
    return false;
  while (!Work.empty()) {
    Instruction *I = Work.pop_back_val();
    for (Value *Op : I->operands())
      if (auto *OpI = dyn_cast<Instruction>(Op))
        if (Live.insert(OpI).second)
          Work.push_back(OpI);
  }
  bool Changed = false;
  for (LoadInst *L : Guarded) {
    bool Used = any_of(L->users(), [&](const User *U) {
      return Live.count(cast<Instruction>(U));
    });
    if (!Used && !L->isVolatile()) {
      L->setVolatile(true);
      Changed = true;
    }
  }
  return Changed;
}

PreservedAnalyses PinUnusedGuardedLoadsPass::run(Function &F,
                                                 FunctionAnalysisManager &) {
  // Volatility changes no CFG and no analysis result we rely on, but
  // be conservative: memory analyses may cache per-instruction facts.
  if (!pin(F))
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace orca
