//===- CodeGen/GuardedAccesses.cpp - Guard-page accesses keep their traps -===//
//
// The markers, the trap points and their resolution (GuardedAccesses.h).
// A marker is recognised by its metadata and its bundle shape; LLVM may
// have replaced a bundle operand by poison and its tag by "ignore" (a
// dropped use), which resolution handles like any other value.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/GuardedAccesses.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

using namespace llvm;

namespace orca {

/// On markers, and (after resolution) on the loads that perform a check.
static constexpr const char *GuardedKind = "orca.guarded";
static constexpr const char *TrapPointName = "orca.trap_point";

static void addMarker(IRBuilderBase &B, Value *Ptr, Value *LoadedValue) {
  SmallVector<OperandBundleDef, 2> Bundles;
  Bundles.emplace_back("align", std::vector<Value *>{Ptr, B.getInt64(1)});
  if (LoadedValue)
    Bundles.emplace_back("noundef", std::vector<Value *>{LoadedValue});
  CallInst *A = B.CreateAssumption(B.getTrue(), Bundles);
  A->setMetadata(GuardedKind, MDNode::get(B.getContext(), {}));
}

void markGuardedLoad(IRBuilderBase &B, LoadInst &L) {
  addMarker(B, L.getPointerOperand(), &L);
}

void markGuardedStore(IRBuilderBase &B, StoreInst &S) {
  addMarker(B, S.getPointerOperand(), nullptr);
}

namespace {
struct Marker {
  AssumeInst *Assume;
  Value *Ptr;    // the access's address (poison once dropped)
  Value *Loaded; // a load's value (poison once dropped); null for a store
};
} // namespace

static std::optional<Marker> asMarker(Instruction &I) {
  auto *A = dyn_cast<AssumeInst>(&I);
  if (!A || !A->getMetadata(GuardedKind))
    return std::nullopt;
  unsigned N = A->getNumOperandBundles();
  if (N < 1 || N > 2)
    return std::nullopt;
  OperandBundleUse P = A->getOperandBundleAt(0);
  if (P.Inputs.size() != 2)
    return std::nullopt;
  Value *Loaded = nullptr;
  if (N == 2) {
    OperandBundleUse V = A->getOperandBundleAt(1);
    if (V.Inputs.size() != 1)
      return std::nullopt;
    Loaded = V.Inputs[0];
  }
  return Marker{A, P.Inputs[0], Loaded};
}

static SmallVector<Marker, 32> markersOf(Function &F) {
  SmallVector<Marker, 32> Ms;
  for (Instruction &I : instructions(F))
    if (std::optional<Marker> M = asMarker(I))
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
  SmallVector<Marker, 32> Ms = markersOf(F);
  bool Changed = false;
  for (const Marker &M : Ms) {
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
  SmallVector<Marker, 32> Ms = markersOf(F);
  bool Changed = removeTrapPoints(F);
  if (Ms.empty())
    return Changed;
  const DataLayout &DL = F.getDataLayout();
  MDNode *Empty = MDNode::get(F.getContext(), {});
  SmallVector<WeakTrackingVH, 64> MaybeDead;
  SmallVector<LoadInst *, 32> Checks;
  for (const Marker &M : Ms) {
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
    L->setMetadata(GuardedKind, Empty);
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
  if (Lo.getMetadata(GuardedKind) || Hi.getMetadata(GuardedKind))
    Wide.setMetadata(GuardedKind, MDNode::get(Wide.getContext(), {}));
}

PreservedAnalyses KeepGuardedLoadsPass::run(Function &F,
                                            FunctionAnalysisManager &) {
  bool Changed = false;
  for (Instruction &I : instructions(F))
    if (auto *L = dyn_cast<LoadInst>(&I))
      if (L->getMetadata(GuardedKind) && !L->isVolatile()) {
        L->setVolatile(true);
        Changed = true;
      }
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace orca
