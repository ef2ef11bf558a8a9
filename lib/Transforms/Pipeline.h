//===- Transforms/Pipeline.h - The optimisation pipeline per level -*- C++
//-*-===//
//
// Owns the choice of LLVM passes for each optimisation level, so that the
// JIT and the IR-printing tools optimise identically.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TRANSFORMS_PIPELINE_H
#define ORCA_TRANSFORMS_PIPELINE_H

namespace llvm {
class Module;
class PassBuilder;
class TargetMachine;
} // namespace llvm

namespace orca {

/// Runs the pipeline for \p OptLevel (0..3) over \p M, targeting \p TM.
/// Every level first runs what correctness needs (Transforms/Pipeline.cpp).
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM,
                    unsigned OptLevel);

/// Makes Orca's function passes known to \p PB's pipeline parser by name
/// (orca-insert-trap-points, orca-remove-trap-points,
/// orca-resolve-guarded-accesses, orca-keep-guarded-loads[-where-needed],
/// orca-widen-vector-loops), for orca-opt and tests.
void registerOrcaPasses(llvm::PassBuilder &PB);

} // namespace orca

#endif // ORCA_TRANSFORMS_PIPELINE_H
