//===- Transforms/GuardedAccesses.cpp - Guard-page traps survive LLVM -----===//
//
// The trap points and the resolution of the markers (GuardedAccesses.h;
// the markers themselves are CodeGen/AccessMarkers.h). LLVM may have
// replaced a marker's operand by poison (a dropped use), which resolution
// handles like any other value.
//
//===----------------------------------------------------------------------===//

#include "Transforms/GuardedAccesses.h"
#include "CodeGen/AccessMarkers.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/DemandedBits.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;

namespace orca {

static constexpr const char *TrapPointName = "orca.trap_point";

static SmallVector<AccessMarker, 32> markersOf(Function &F) {
  SmallVector<AccessMarker, 32> Ms;
  for (Instruction &I : instructions(F))
    if (std::optional<AccessMarker> M = asAccessMarker(I))
      Ms.push_back(*M);
  return Ms;
}

static bool isTrapPoint(const Instruction *I) {
  auto *C = dyn_cast_or_null<CallInst>(I);
  return C && C->getCalledFunction() &&
         C->getCalledFunction()->getName() == TrapPointName;
}

static FunctionCallee trapPoint(Module &M) {
  // Reads any memory, so no store before it is dead or movable past it;
  // writes only memory LLVM cannot see, so loads move across it freely;
  // willreturn and nounwind, so it is no barrier to hoisting.
  LLVMContext &Ctx = M.getContext();
  AttrBuilder AB(Ctx);
  AB.addAttribute(Attribute::NoUnwind);
  AB.addAttribute(Attribute::WillReturn);
  AB.addAttribute(Attribute::NoCallback);
  AB.addMemoryAttr(MemoryEffects::readOnly() |
                   MemoryEffects::inaccessibleMemOnly(ModRefInfo::Mod));
  return M.getOrInsertFunction(
      TrapPointName,
      FunctionType::get(Type::getVoidTy(Ctx), /*isVarArg=*/false),
      AttributeList::get(Ctx, AttributeList::FunctionIndex, AB));
}

PreservedAnalyses InsertTrapPointsPass::run(Function &F,
                                            FunctionAnalysisManager &) {
  SmallVector<AccessMarker, 32> Ms = markersOf(F);
  bool Changed = false;
  for (const AccessMarker &M : Ms) {
    if (isTrapPoint(M.Assume->getNextNode()))
      continue;
    IRBuilder<> B(M.Assume->getNextNode());
    B.SetCurrentDebugLocation(M.Assume->getDebugLoc());
    B.CreateCall(trapPoint(*F.getParent()));
    Changed = true;
  }
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

static bool removeTrapPoints(Function &F) {
  SmallVector<Instruction *, 32> Calls;
  for (Instruction &I : instructions(F))
    if (isTrapPoint(&I))
      Calls.push_back(&I);
  for (Instruction *I : Calls)
    I->eraseFromParent();
  return !Calls.empty();
}

PreservedAnalyses RemoveTrapPointsPass::run(Function &F,
                                            FunctionAnalysisManager &) {
  if (!removeTrapPoints(F))
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

/// The load whose bits \p V is, through pure data movement, or null. LLVM
/// replaces a marked load's value only by one it proved equal; if that is
/// (part of) a load, that load read the same bytes.
static LoadInst *producingLoad(Value *V) {
  for (;;) {
    if (auto *L = dyn_cast<LoadInst>(V))
      return L->isAtomic() ? nullptr : L;
    if (auto *C = dyn_cast<BitCastInst>(V)) {
      V = C->getOperand(0);
    } else if (auto *E = dyn_cast<ExtractElementInst>(V)) {
      V = E->getVectorOperand();
      auto *S = dyn_cast<ShuffleVectorInst>(V);
      auto *Idx = dyn_cast<ConstantInt>(E->getIndexOperand());
      if (S && Idx) {
        int Lane = S->getMaskValue(Idx->getZExtValue());
        unsigned N = cast<FixedVectorType>(S->getOperand(0)->getType())
                         ->getNumElements();
        if (Lane < 0)
          return nullptr;
        V = S->getOperand(unsigned(Lane) < N ? 0 : 1);
      }
    } else if (auto *S = dyn_cast<ShuffleVectorInst>(V)) {
      bool Lo = isa<UndefValue>(S->getOperand(1));
      bool Hi = isa<UndefValue>(S->getOperand(0));
      if (Lo == Hi)
        return nullptr;
      V = S->getOperand(Lo ? 0 : 1);
    } else {
      return nullptr;
    }
  }
}

/// Removes the markers of \p F (see the header); the checking loads are
/// left volatile, and listed in \p Checks, so that what cleans up after
/// the markers cannot delete, move or narrow them.
static bool resolveMarkers(Function &F, SmallVectorImpl<LoadInst *> &Checks) {
  SmallVector<AccessMarker, 32> Ms = markersOf(F);
  bool Changed = removeTrapPoints(F);
  if (Ms.empty())
    return Changed;
  const DataLayout &DL = F.getDataLayout();
  SmallVector<WeakTrackingVH, 64> MaybeDead;
  for (const AccessMarker &M : Ms) {
    if (M.Loaded) {
      if (LoadInst *L = producingLoad(M.Loaded)) {
        Checks.push_back(L);
      } else if (isa<UndefValue>(M.Loaded) && !isa<UndefValue>(M.Ptr)) {
        // The load itself was dropped: probe its last byte here.
        IRBuilder<> B(M.Assume);
        uint64_t Size = DL.getTypeStoreSize(M.Loaded->getType());
        Value *Last = B.CreateConstGEP1_64(B.getInt8Ty(), M.Ptr, Size - 1);
        B.CreateLoad(B.getInt8Ty(), Last, "guard.probe")->setVolatile(true);
      }
      // Otherwise the value was forwarded from an earlier access to the
      // same bytes, which performed the check.
      MaybeDead.push_back(M.Loaded);
    }
    MaybeDead.push_back(M.Ptr);
    M.Assume->eraseFromParent();
  }
  // Clean up what only the markers used (lane extracts, addresses), but
  // not the checking loads: volatile, they are not dead.
  for (LoadInst *L : Checks)
    L->setVolatile(true);
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(MaybeDead);
  return true;
}

PreservedAnalyses
ResolveGuardedAccessesPass::run(Function &F, FunctionAnalysisManager &FAM) {
  SmallVector<LoadInst *, 32> Checks;
  if (!resolveMarkers(F, Checks))
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  if (Cleanup && !Checks.empty()) {
    // The loop vectoriser replicated markers per lane and so computed every
    // lane's address (a vector GEP, then one extract per lane); with the
    // markers gone, only lane 0 is used. InstCombine scalarises that again.
    FAM.invalidate(F, PA);
    PA.intersect(InstCombinePass().run(F, FAM));
  }
  // One that is still used stays plain until KeepGuardedLoadsPass, so that
  // the widening pass, which runs in between, may still pair it.
  MDNode *Empty = MDNode::get(F.getContext(), {});
  for (LoadInst *L : Checks) {
    L->setMetadata(GuardedMetadataKind, Empty);
    if (!L->use_empty())
      L->setVolatile(false);
  }
  return PA;
}

void keepGuardedLoad(LoadInst &Wide, const LoadInst &Lo, const LoadInst &Hi) {
  if (Lo.getMetadata(GuardedMetadataKind) ||
      Hi.getMetadata(GuardedMetadataKind))
    Wide.setMetadata(GuardedMetadataKind, MDNode::get(Wide.getContext(), {}));
}

/// Whether x86 may turn \p U into a cmov, which could fold the load as its
/// memory operand and then become a branch around it.
static bool mayBecomeCmov(const User *U) {
  if (isa<SelectInst>(U))
    return true;
  auto *II = dyn_cast<IntrinsicInst>(U);
  if (!II)
    return false;
  switch (II->getIntrinsicID()) {
  case Intrinsic::smin:
  case Intrinsic::smax:
  case Intrinsic::umin:
  case Intrinsic::umax:
  case Intrinsic::abs:
    return true;
  default:
    return false;
  }
}

/// \p L's only user, if it is a scalar select in \p L's block choosing \p L.
static SelectInst *onlySelectOf(LoadInst *L) {
  auto *S = dyn_cast_or_null<SelectInst>(L->getUniqueUndroppableUser());
  if (!S || !L->hasOneUse() || S->getParent() != L->getParent() ||
      S->getCondition() == L || S->getType()->isVectorTy())
    return nullptr;
  return S;
}

/// Replaces \p S by a branch and a phi. The load it chose from stays
/// before the branch, so it runs on both paths.
static void selectToBranch(SelectInst *S) {
  Instruction *Then = nullptr, *Else = nullptr;
  SplitBlockAndInsertIfThenElse(S->getCondition(), S, &Then, &Else);
  IRBuilder<> B(S);
  PHINode *P = B.CreatePHI(S->getType(), 2);
  P->takeName(S);
  P->addIncoming(S->getTrueValue(), Then->getParent());
  P->addIncoming(S->getFalseValue(), Else->getParent());
  P->setDebugLoc(S->getDebugLoc());
  S->replaceAllUsesWith(P);
  S->eraseFromParent();
}

/// Whether \p L has a use in its own block (a phi's counts in the block its
/// value comes from), so that no successor can take the load.
static bool usedInItsBlock(const LoadInst &L) {
  const BasicBlock *BB = L.getParent();
  return any_of(L.uses(), [&](const Use &U) {
    if (auto *P = dyn_cast<PHINode>(U.getUser()))
      return P->getIncomingBlock(U) == BB;
    return cast<Instruction>(U.getUser())->getParent() == BB;
  });
}

/// Whether every lane of vector \p L reaches something that needs the whole
/// vector (a store, a call, a return, a phi, a reduction) through
/// lane-wise operations only: the code generator then has no lane it could
/// leave unloaded. An extract or shuffle anywhere on the way, or anything
/// unknown, says no.
static bool allLanesKept(const LoadInst &L) {
  SmallVector<const Value *, 16> Work{&L};
  SmallPtrSet<const Value *, 16> Seen{&L};
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      if (isa<StoreInst>(U) || isa<ReturnInst>(U) || isa<PHINode>(U))
        continue;
      if (auto *II = dyn_cast<IntrinsicInst>(U)) {
        if (II->getType()->isVectorTy() || !isa<FixedVectorType>(V->getType()))
          ; // lane-wise intrinsics (fma, min, ...) are followed below
        else if (StringRef(II->getCalledFunction()->getName())
                     .starts_with("llvm.vector.reduce."))
          continue;
        else
          return false;
      } else if (isa<CallBase>(U)) {
        continue;
      } else if (!isa<BinaryOperator>(U) && !isa<UnaryOperator>(U) &&
                 !isa<CastInst>(U) && !isa<CmpInst>(U) && !isa<SelectInst>(U) &&
                 !isa<FreezeInst>(U)) {
        return false; // extractelement, shufflevector, insertelement, ...
      }
      if (!U->getType()->isVectorTy())
        return false;
      if (Seen.size() > 64)
        return false;
      if (Seen.insert(U).second)
        Work.push_back(U);
    }
  }
  return true;
}

/// Whether the code generator could drop \p L, load fewer bytes than it
/// does, or move it into a successor block: DAG combines narrow a load to
/// the bits its users demand and split vector lanes apart, and MachineSink
/// moves a load into the one successor that uses it. An integer load all
/// of whose bits are demanded, or a floating-point load used as such, with
/// a use in its own block, stays as it is without help; the rest become
/// volatile.
static bool mayLoseBytes(LoadInst &L, DemandedBits &DB) {
  if (L.use_empty() || !usedInItsBlock(L))
    return true;
  Type *T = L.getType();
  if (T->isIntegerTy())
    return !DB.getDemandedBits(&L).isAllOnes();
  if (T->isFloatingPointTy())
    return any_of(L.users(), [](const User *U) { return isa<BitCastInst>(U); });
  if (T->isVectorTy())
    return !allLanesKept(L);
  return true;
}

PreservedAnalyses KeepGuardedLoadsPass::run(Function &F,
                                            FunctionAnalysisManager &FAM) {
  SmallVector<LoadInst *, 32> Checks;
  for (Instruction &I : instructions(F))
    if (auto *L = dyn_cast<LoadInst>(&I))
      if (L->getMetadata(GuardedMetadataKind) && !L->isVolatile())
        Checks.push_back(L);
  bool CFGChanged = false;
  DemandedBits *DB = Checks.empty() || !WhereNeeded
                         ? nullptr
                         : &FAM.getResult<DemandedBitsAnalysis>(F);
  // Decide before changing anything: DemandedBits is computed once.
  SmallVector<bool, 32> Volatile;
  for (LoadInst *L : Checks)
    Volatile.push_back(!DB || mayLoseBytes(*L, *DB));
  for (auto [L, V] : llvm::zip(Checks, Volatile)) {
    L->setVolatile(V);
    // x86 folds a load into the cmov a select or min/max becomes, and its
    // cmov conversion then turns a cmov from memory into a branch around
    // the load: the access would happen on one path only. A select that is
    // the load's only user becomes that branch here, after the load (the
    // shape x86 would have chosen); other users get the load through a
    // freeze, which has no code but cannot be folded.
    if (none_of(L->users(), mayBecomeCmov))
      continue;
    if (SelectInst *S = onlySelectOf(L)) {
      selectToBranch(S);
      L->setVolatile(true); // its one use is now in the successors

      CFGChanged = true;
      continue;
    }
    auto *Fr = new FreezeInst(L, L->getName() + ".kept");
    Fr->insertAfter(L);
    L->replaceUsesWithIf(Fr, [&](Use &U) {
      return U.getUser() != Fr && mayBecomeCmov(U.getUser());
    });
  }
  if (Checks.empty())
    return PreservedAnalyses::all();
  if (CFGChanged)
    return PreservedAnalyses::none();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace orca
