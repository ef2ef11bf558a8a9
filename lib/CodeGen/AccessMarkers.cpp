//===- CodeGen/AccessMarkers.cpp - Markers on guard-page accesses ---------===//
//
// Emits and recognises the markers of AccessMarkers.h.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/AccessMarkers.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"

using namespace llvm;
using namespace llvm::PatternMatch;

namespace orca {

static void addMarker(IRBuilderBase &B, Value *Ptr, Value *LoadedValue) {
  SmallVector<OperandBundleDef, 2> Bundles;
  Bundles.emplace_back("align", std::vector<Value *>{Ptr, B.getInt64(1)});
  if (LoadedValue)
    Bundles.emplace_back("noundef", std::vector<Value *>{LoadedValue});
  CallInst *A = B.CreateAssumption(B.getTrue(), Bundles);
  A->setMetadata(GuardedMetadataKind, MDNode::get(B.getContext(), {}));
}

void markGuardedLoad(IRBuilderBase &B, LoadInst &L) {
  addMarker(B, L.getPointerOperand(), &L);
}

void markGuardedStore(IRBuilderBase &B, StoreInst &S) {
  addMarker(B, S.getPointerOperand(), nullptr);
}

std::optional<AccessMarker> asAccessMarker(Instruction &I) {
  // By shape, not by the metadata: LLVM drops unknown metadata when it
  // merges two markers (sinking common code into a join block). Orca is
  // the only producer of assumes with these bundles: LLVM creates assume
  // bundles only when knowledge retention is on, which Orca never turns on.
  auto *A = dyn_cast<AssumeInst>(&I);
  if (!A || !match(A->getArgOperand(0), m_One()))
    return std::nullopt;
  unsigned N = A->getNumOperandBundles();
  if (N < 1 || N > 2)
    return std::nullopt;
  OperandBundleUse P = A->getOperandBundleAt(0);
  auto *One =
      P.Inputs.size() == 2 ? dyn_cast<ConstantInt>(P.Inputs[1]) : nullptr;
  if (!One || !One->isOne() || !P.Inputs[0]->getType()->isPointerTy())
    return std::nullopt;
  Value *Loaded = nullptr;
  if (N == 2) {
    OperandBundleUse V = A->getOperandBundleAt(1);
    if (V.Inputs.size() != 1)
      return std::nullopt;
    Loaded = V.Inputs[0];
  }
  return AccessMarker{A, P.Inputs[0], Loaded};
}

} // namespace orca
