//===- Transforms/WidenVectorLoops.cpp - 128-bit SIMD loops widened ------===//
//
// Owns the pairing of adjacent 128-bit vector trees in innermost loops
// (WidenVectorLoops.h says why). For each single-block innermost loop:
//
//  1. Stores of 128-bit vectors are paired with the store 16 bytes above
//     them (the lower one feeds the low half of the merged store).
//  2. The two stored values must be the same tree, lane for lane: the same
//     lane-wise operation (binary, fneg, bitcast) at every node, each
//     narrow instruction used once (by its tree parent only), leaves that
//     are loads 16 bytes apart or loop-invariant values.
//  3. The merged tree runs right before the later store. So the loads that
//     follow the earlier store move above it, every tree load moves down
//     past the tree's other instructions, and the earlier store moves down
//     to the later one. That is legal when no memory access outside the
//     tree lies between the tree's first instruction and the later store,
//     and LoopAccessAnalysis records no dependence between the earlier
//     store and a tree load that followed it. LoopAccessAnalysis reasons
//     over all iterations (SCEV ranges of the addresses), which the
//     per-instruction alias analysis cannot: in C = C + a * B over wasm
//     memory every pointer is the same base plus an i32 offset.
//  4. The target's cost model must find the wide tree cheaper than two
//     narrow ones (it is not when the target splits 256-bit vectors).
//
// Guard-page loads stay sound: a merged load reads exactly the bytes of
// the two loads it replaces, both of which the loop executed.
//
//===----------------------------------------------------------------------===//

#include "Transforms/WidenVectorLoops.h"
#include "Transforms/GuardedAccesses.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/LoopAccessAnalysis.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

#include <numeric>
#include <optional>

using namespace llvm;
using namespace orca;

namespace {

constexpr unsigned NarrowBits = 128;

FixedVectorType *narrowVectorType(Type *T) {
  auto *VT = dyn_cast<FixedVectorType>(T);
  if (!VT || VT->getPrimitiveSizeInBits() != NarrowBits)
    return nullptr;
  return VT;
}

/// How many \p T apart \p B is from \p A (1: B is the next \p T after A).
std::optional<int> distance(Type *T, Value *A, Value *B, const DataLayout &DL,
                            ScalarEvolution &SE) {
  return getPointersDiff(T, A, T, B, DL, SE, /*StrictCheck=*/true);
}

/// The target's throughput cost of a load or store of \p T like \p I.
template <typename MemInst>
InstructionCost memoryCost(const TargetTransformInfo &TTI, const MemInst &I,
                           Type *T) {
  return TTI.getMemoryOpCost(I.getOpcode(), T, I.getAlign(),
                             I.getPointerAddressSpace(),
                             TargetTransformInfo::TCK_RecipThroughput);
}

FixedVectorType *widened(Type *T) {
  auto *VT = cast<FixedVectorType>(T);
  return FixedVectorType::get(VT->getElementType(), VT->getNumElements() * 2);
}

/// One node of a tree pair: Lo computes the low 128 bits of the merged
/// value, Hi the high 128 bits. Children come before their parents.
struct PairNode {
  enum KindTy { Invariant, Load, Op } Kind;
  Value *Lo, *Hi;
  SmallVector<unsigned, 2> Children;
};

/// Matches two stored values as one lane-wise tree and rebuilds it wide.
class PairTree {
public:
  PairTree(Loop &L, ScalarEvolution &SE, const DataLayout &DL)
      : L(L), SE(SE), DL(DL) {}

  std::optional<unsigned> match(Value *Lo, Value *Hi);

  const SmallPtrSetImpl<Instruction *> &members() const { return Members; }
  ArrayRef<PairNode> nodes() const { return Nodes; }

  /// The target cost of the wide tree minus that of the two narrow ones
  /// (stores excluded: the caller adds them).
  InstructionCost costDelta(const TargetTransformInfo &TTI) const;

  /// Loop-invariant halves concatenated in the preheader, shared by the
  /// loop's trees.
  using ConcatCache = DenseMap<std::pair<Value *, Value *>, Value *>;

  /// Emits node \p N before \p B's insertion point; loop-invariant
  /// concatenations go to the end of \p Preheader.
  Value *emit(unsigned N, IRBuilder<> &B, BasicBlock &Preheader,
              ConcatCache &Concats);

private:
  unsigned add(PairNode N) {
    Nodes.push_back(std::move(N));
    return Nodes.size() - 1;
  }

  Loop &L;
  ScalarEvolution &SE;
  const DataLayout &DL;
  SmallVector<PairNode, 8> Nodes;
  SmallPtrSet<Instruction *, 16> Members;
  DenseMap<unsigned, Value *> Emitted;
};

std::optional<unsigned> PairTree::match(Value *Lo, Value *Hi) {
  if (Lo->getType() != Hi->getType() || !narrowVectorType(Lo->getType()))
    return std::nullopt;
  if (L.isLoopInvariant(Lo) && L.isLoopInvariant(Hi))
    return add({PairNode::Invariant, Lo, Hi, {}});

  auto *A = dyn_cast<Instruction>(Lo);
  auto *B = dyn_cast<Instruction>(Hi);
  if (!A || !B || A == B || A->getOpcode() != B->getOpcode() ||
      !L.contains(A) || !L.contains(B) || !A->hasOneUse() || !B->hasOneUse() ||
      Members.count(A) || Members.count(B))
    return std::nullopt;

  PairNode N{PairNode::Op, Lo, Hi, {}};
  if (auto *LA = dyn_cast<LoadInst>(A)) {
    auto *LB = cast<LoadInst>(B);
    if (!LA->isSimple() || !LB->isSimple() ||
        distance(LA->getType(), LA->getPointerOperand(),
                 LB->getPointerOperand(), DL, SE) != 1)
      return std::nullopt;
    N.Kind = PairNode::Load;
  } else if (isa<BinaryOperator>(A) || isa<UnaryOperator>(A) ||
             isa<BitCastInst>(A)) {
    if (isa<BitCastInst>(A) && A->getType() != B->getType())
      return std::nullopt;
    for (unsigned I = 0, E = A->getNumOperands(); I != E; ++I) {
      std::optional<unsigned> C = match(A->getOperand(I), B->getOperand(I));
      if (!C)
        return std::nullopt;
      N.Children.push_back(*C);
    }
  } else {
    return std::nullopt;
  }
  Members.insert(A);
  Members.insert(B);
  return add(std::move(N));
}

InstructionCost PairTree::costDelta(const TargetTransformInfo &TTI) const {
  constexpr auto Kind = TargetTransformInfo::TCK_RecipThroughput;
  InstructionCost Delta = 0;
  for (const PairNode &N : Nodes) {
    auto *I = dyn_cast<Instruction>(N.Lo);
    if (N.Kind == PairNode::Invariant || !I)
      continue; // hoisted out of the loop
    Type *Narrow = I->getType(), *Wide = widened(Narrow);
    auto Cost = [&](Type *T) -> InstructionCost {
      if (auto *Ld = dyn_cast<LoadInst>(I))
        return memoryCost(TTI, *Ld, T);
      if (isa<BitCastInst>(I))
        return 0;
      return TTI.getArithmeticInstrCost(I->getOpcode(), T, Kind);
    };
    Delta += Cost(Wide) - 2 * Cost(Narrow);
  }
  return Delta;
}

Value *PairTree::emit(unsigned Index, IRBuilder<> &B, BasicBlock &Preheader,
                      ConcatCache &Concats) {
  if (Value *V = Emitted.lookup(Index))
    return V;
  const PairNode &N = Nodes[Index];
  Value *V = nullptr;
  switch (N.Kind) {
  case PairNode::Invariant: {
    Value *&Cached = Concats[{N.Lo, N.Hi}];
    if (Cached) {
      V = Cached;
      break;
    }
    IRBuilder<> PB(Preheader.getTerminator());
    unsigned Lanes = cast<FixedVectorType>(N.Lo->getType())->getNumElements();
    SmallVector<int, 32> Concat(Lanes * 2);
    std::iota(Concat.begin(), Concat.end(), 0);
    V = Cached = PB.CreateShuffleVector(N.Lo, N.Hi, Concat);
    break;
  }
  case PairNode::Load: {
    auto *Lo = cast<LoadInst>(N.Lo), *Hi = cast<LoadInst>(N.Hi);
    LoadInst *W =
        B.CreateAlignedLoad(widened(Lo->getType()), Lo->getPointerOperand(),
                            std::min(Lo->getAlign(), Hi->getAlign()));
    W->setAAMetadata(Lo->getAAMetadata().merge(Hi->getAAMetadata()));
    W->setDebugLoc(Lo->getDebugLoc());
    keepGuardedLoad(*W, *Lo, *Hi);
    V = W;
    break;
  }
  case PairNode::Op: {
    auto *Lo = cast<Instruction>(N.Lo);
    SmallVector<Value *, 2> Ops;
    for (unsigned C : N.Children)
      Ops.push_back(emit(C, B, Preheader, Concats));
    if (isa<BitCastInst>(Lo))
      V = B.CreateBitCast(Ops[0], widened(Lo->getType()));
    else if (isa<UnaryOperator>(Lo))
      V = B.CreateUnOp(Instruction::UnaryOps(Lo->getOpcode()), Ops[0]);
    else
      V = B.CreateBinOp(Instruction::BinaryOps(Lo->getOpcode()), Ops[0],
                        Ops[1]);
    if (auto *I = dyn_cast<Instruction>(V)) {
      I->copyIRFlags(Lo);
      I->andIRFlags(N.Hi);
      I->setDebugLoc(Lo->getDebugLoc());
    }
    break;
  }
  }
  Emitted[Index] = V;
  return V;
}

/// Widens what it can in the single-block innermost loop \p L.
class LoopWidener {
public:
  LoopWidener(Loop &L, ScalarEvolution &SE, const TargetTransformInfo &TTI,
              const LoopAccessInfo &LAI)
      : L(L), SE(SE), TTI(TTI), LAI(LAI), BB(*L.getHeader()),
        DL(BB.getModule()->getDataLayout()) {}

  bool run();

private:
  struct Candidate {
    StoreInst *Early, *Late, *Lo, *Hi;
    std::unique_ptr<PairTree> Tree;
  };

  bool dependent(Instruction *A, Instruction *B) const {
    return Deps.contains({std::min(A, B), std::max(A, B)});
  }
  bool legal(const Candidate &C) const;
  void rewrite(Candidate &C);

  Loop &L;
  ScalarEvolution &SE;
  const TargetTransformInfo &TTI;
  const LoopAccessInfo &LAI;
  BasicBlock &BB;
  const DataLayout &DL;
  DenseMap<const Instruction *, unsigned> Order;
  DenseSet<std::pair<Instruction *, Instruction *>> Deps;
  PairTree::ConcatCache Concats;
};

bool LoopWidener::legal(const Candidate &C) const {
  unsigned EarlyPos = Order.lookup(C.Early), LatePos = Order.lookup(C.Late);
  unsigned First = EarlyPos;
  for (Instruction *I : C.Tree->members())
    First = std::min(First, Order.lookup(I));
  for (Instruction &I : BB) {
    unsigned Pos = Order.lookup(&I);
    if (Pos <= First || Pos >= LatePos || &I == C.Early)
      continue;
    if (C.Tree->members().count(&I)) {
      // A tree load after the earlier store now runs before it.
      if (isa<LoadInst>(I) && Pos > EarlyPos && dependent(&I, C.Early))
        return false;
      continue;
    }
    if (I.mayReadOrWriteMemory())
      return false;
  }
  return true;
}

void LoopWidener::rewrite(Candidate &C) {
  IRBuilder<> B(C.Late);
  BasicBlock &Preheader = *L.getLoopPreheader();
  PairTree &T = *C.Tree;
  Value *Root = T.emit(T.nodes().size() - 1, B, Preheader, Concats);
  StoreInst *W =
      B.CreateAlignedStore(Root, C.Lo->getPointerOperand(),
                           std::min(C.Lo->getAlign(), C.Hi->getAlign()));
  W->setAAMetadata(C.Lo->getAAMetadata().merge(C.Hi->getAAMetadata()));
  W->setDebugLoc(C.Lo->getDebugLoc());

  // Erase users before what they use: the stores, then the tree from its
  // root down (nodes are stored children first). Pointer arithmetic left
  // unused goes too.
  SmallVector<WeakTrackingVH, 16> MaybeDead;
  for (StoreInst *S : {C.Early, C.Late}) {
    MaybeDead.push_back(S->getPointerOperand());
    S->eraseFromParent();
  }
  for (const PairNode &N : reverse(T.nodes())) {
    if (N.Kind == PairNode::Invariant)
      continue;
    for (Value *V : {N.Lo, N.Hi}) {
      auto *I = cast<Instruction>(V);
      if (auto *Ld = dyn_cast<LoadInst>(I))
        MaybeDead.push_back(Ld->getPointerOperand());
      I->eraseFromParent();
    }
  }
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(MaybeDead);
}

bool LoopWidener::run() {
  const auto *DepList = LAI.getDepChecker().getDependences();
  if (!LAI.canVectorizeMemory() || LAI.getRuntimePointerChecking()->Need ||
      !DepList)
    return false;
  for (const auto &D : *DepList) {
    Instruction *A = D.getSource(LAI.getDepChecker());
    Instruction *B = D.getDestination(LAI.getDepChecker());
    Deps.insert({std::min(A, B), std::max(A, B)});
  }

  SmallVector<StoreInst *, 16> Stores;
  for (Instruction &I : BB) {
    Order[&I] = Order.size();
    if (auto *S = dyn_cast<StoreInst>(&I))
      if (S->isSimple() && narrowVectorType(S->getValueOperand()->getType()))
        Stores.push_back(S);
  }

  // Pick candidates on the unchanged loop; their regions are disjoint
  // (legal() rejects a region holding another tree's memory access), so
  // rewriting one does not affect another's legality.
  SmallVector<Candidate, 8> Chosen;
  SmallPtrSet<StoreInst *, 16> Used;
  for (StoreInst *S : Stores) {
    if (Used.count(S))
      continue;
    for (StoreInst *O : Stores) {
      if (O == S || Used.count(O) ||
          O->getValueOperand()->getType() != S->getValueOperand()->getType())
        continue;
      Type *T = S->getValueOperand()->getType();
      std::optional<int> D =
          distance(T, S->getPointerOperand(), O->getPointerOperand(), DL, SE);
      if (!D || (*D != 1 && *D != -1))
        continue;
      Candidate C;
      C.Lo = *D == 1 ? S : O;
      C.Hi = *D == 1 ? O : S;
      bool SFirst = Order.lookup(S) < Order.lookup(O);
      C.Early = SFirst ? S : O;
      C.Late = SFirst ? O : S;
      C.Tree = std::make_unique<PairTree>(L, SE, DL);
      if (!C.Tree->match(C.Lo->getValueOperand(), C.Hi->getValueOperand()) ||
          !legal(C))
        continue;
      InstructionCost Delta = C.Tree->costDelta(TTI) +
                              memoryCost(TTI, *C.Lo, widened(T)) -
                              2 * memoryCost(TTI, *C.Lo, T);
      if (!Delta.isValid() || Delta >= 0)
        continue;
      Used.insert(S);
      Used.insert(O);
      Chosen.push_back(std::move(C));
      break;
    }
  }
  for (Candidate &C : Chosen)
    rewrite(C);
  return !Chosen.empty();
}

} // namespace

PreservedAnalyses WidenVectorLoopsPass::run(Function &F,
                                            FunctionAnalysisManager &AM) {
  // The analyses below are not cheap and most functions hold no SIMD: only
  // blocks with two 128-bit vector stores, the least that can pair, count.
  auto HasTwoVectorStores = [](const BasicBlock &BB) {
    unsigned N = 0;
    for (const Instruction &I : BB)
      if (auto *S = dyn_cast<StoreInst>(&I))
        N += narrowVectorType(S->getValueOperand()->getType()) != nullptr;
    return N >= 2;
  };
  if (none_of(F, HasTwoVectorStores))
    return PreservedAnalyses::all();
  auto &TTI = AM.getResult<TargetIRAnalysis>(F);
  if (TTI.getRegisterBitWidth(TargetTransformInfo::RGK_FixedWidthVector)
          .getFixedValue() < 2 * NarrowBits)
    return PreservedAnalyses::all();
  auto &LI = AM.getResult<LoopAnalysis>(F);
  auto &SE = AM.getResult<ScalarEvolutionAnalysis>(F);
  auto &LAIs = AM.getResult<LoopAccessAnalysis>(F);

  bool Changed = false;
  for (Loop *L : LI.getLoopsInPreorder()) {
    if (!L->isInnermost() || L->getNumBlocks() != 1 || !L->getLoopPreheader() ||
        !HasTwoVectorStores(*L->getHeader()))
      continue;
    Changed |= LoopWidener(*L, SE, TTI, LAIs.getInfo(*L)).run();
  }
  if (!Changed)
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}
