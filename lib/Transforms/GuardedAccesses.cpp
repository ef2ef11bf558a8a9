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

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
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

bool ResolveGuardedAccessesPass::resolve(Function &F) {
  SmallVector<AccessMarker, 32> Ms = markersOf(F);
  bool Changed = removeTrapPoints(F);
  if (Ms.empty())
    return Changed;
  const DataLayout &DL = F.getDataLayout();
  MDNode *Empty = MDNode::get(F.getContext(), {});
  SmallVector<WeakTrackingVH, 64> MaybeDead;
  SmallVector<LoadInst *, 32> Checks;
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
  // not the checking loads: volatile, they are not dead. One that is still
  // used stays plain until KeepGuardedLoadsPass, so that the widening
  // pass, which runs in between, may still pair it.
  for (LoadInst *L : Checks)
    L->setVolatile(true);
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(MaybeDead);
  for (LoadInst *L : Checks) {
    L->setMetadata(GuardedMetadataKind, Empty);
    if (!L->use_empty())
      L->setVolatile(false);
  }
  return true;
}

PreservedAnalyses ResolveGuardedAccessesPass::run(Function &F,
                                                  FunctionAnalysisManager &) {
  if (!resolve(F))
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
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

PreservedAnalyses KeepGuardedLoadsPass::run(Function &F,
                                            FunctionAnalysisManager &) {
  SmallVector<LoadInst *, 32> Checks;
  for (Instruction &I : instructions(F))
    if (auto *L = dyn_cast<LoadInst>(&I))
      if (L->getMetadata(GuardedMetadataKind) && !L->isVolatile())
        Checks.push_back(L);
  bool CFGChanged = false;
  for (LoadInst *L : Checks) {
    L->setVolatile(true);
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
