//===- JIT/Pipeline.h - The optimisation pipeline per level -----*- C++ -*-===//
//
// Owns the choice of LLVM passes for each optimisation level, so that the
// JIT and the IR-printing tools optimise identically.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_PIPELINE_H
#define ORCA_JIT_PIPELINE_H

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace orca {

/// Runs the pipeline for \p OptLevel (0..3) over \p M, targeting \p TM.
/// Every level first runs what correctness needs (JIT/Pipeline.cpp).
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM,
                    unsigned OptLevel);

} // namespace orca

#endif // ORCA_JIT_PIPELINE_H
