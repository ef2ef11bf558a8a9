//===- Transforms/WidenVectorLoops.h - 128-bit SIMD loops widened -*- C++
//-*-===//
//
// Wasm SIMD is 128 bits wide, so a loop the producer already vectorised
// (clang -msimd128) reaches Orca as <2 x double>, <4 x float>, ... code.
// LLVM's loop vectoriser only widens scalar code and its SLP
// re-vectorisation is not usable in LLVM 19, so on a host with 256-bit
// vectors such a loop would run at half the width the scalar build of the
// same source gets.
//
// WidenVectorLoopsPass merges, in single-block innermost loops, pairs of
// 128-bit stores to adjacent addresses whose stored values are computed by
// the same lane-wise tree (loads from adjacent addresses, the same
// arithmetic, loop-invariant operands) into one 256-bit tree and store.
// The merged code runs where the later store was; this is legal only when
// LoopAccessAnalysis finds no dependence between the memory accesses it
// reorders and no other memory access lies in between. Run after loop
// unrolling, so that an unrolled body offers its copies for pairing.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TRANSFORMS_WIDENVECTORLOOPS_H
#define ORCA_TRANSFORMS_WIDENVECTORLOOPS_H

#include "llvm/IR/PassManager.h"

namespace orca {

/// Pairs adjacent 128-bit vector trees in innermost loops into 256-bit
/// ones when the target has 256-bit vectors (see above).
class WidenVectorLoopsPass : public llvm::PassInfoMixin<WidenVectorLoopsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &AM);
};

} // namespace orca

#endif // ORCA_TRANSFORMS_WIDENVECTORLOOPS_H
