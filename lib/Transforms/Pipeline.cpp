//===- Transforms/Pipeline.cpp - The optimisation pipeline per level ------===//
//
// Every level starts with mem2reg (locals are allocas) and ends with the
// resolution of the guard-page access markers (Transforms/GuardedAccesses.h),
// which must see the IR after every other pass. In between:
//   -O0  nothing more; the code generator uses fast instruction selection.
//   -O1  a cheap function pipeline: CSE, peepholes, CFG clean-up, no
//        inlining or loop transformations.
//   -O2  LLVM's default pipeline (-O3 likewise).
//
//===----------------------------------------------------------------------===//

#include "Transforms/Pipeline.h"
#include "Transforms/GuardedAccesses.h"
#include "Transforms/WidenVectorLoops.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/EarlyCSE.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"
#include "llvm/Transforms/Utils/Mem2Reg.h"

#include <mutex>

using namespace llvm;

/// What must run after everything else, at every level. \p Optimising
/// (-O2, -O3) adds the clean-up after the markers and the 128-to-256-bit
/// widening, which must run between the two guarded-access passes, and
/// makes volatile only the checking loads that need it.
static void addEpiloguePasses(FunctionPassManager &FPM, bool Optimising) {
  FPM.addPass(orca::ResolveGuardedAccessesPass(/*Cleanup=*/Optimising));
  if (Optimising)
    FPM.addPass(orca::WidenVectorLoopsPass());
  FPM.addPass(orca::KeepGuardedLoadsPass(/*WhereNeeded=*/Optimising));
}

/// LLVM options that have no per-pipeline switch, set once per process
/// (they are libLLVM globals, so they also apply to any other LLVM user in
/// the process).
///
/// indvars-widen-indvars: wasm addresses are i32 sums that may wrap, so a
/// widened i64 induction variable feeds the address through
/// `and (iv + C), 0xffffffff`, which SCEV cannot see through: the loop then
/// never vectorises. Left narrow, the i32 recurrence plus the loop's trip
/// count let SCEV prove the sum does not wrap, zext({C,+,S}) becomes an
/// affine i64 recurrence and the loop vectoriser takes it.
///
/// enable-ext-tsp-block-placement: machine block placement by the Ext-TSP
/// model (static branch probabilities; there is no profile) instead of
/// the chain-based default. In an interpreter-style loop (one indirect
/// branch fanning out to many short blocks that jump back) it places
/// cases ahead of the dispatch so one falls through into it instead of
/// jumping back; the suite's interp kernel runs about 1.4x faster. Other
/// code is laid out the same or close to it (within 1-3% either way).
///
/// aarch64-use-aa: AArch64's DAG combiner and machine scheduler use alias
/// analysis to reorder memory operations they can prove independent, such
/// as a global's store (vmctx) and a heap store that faults at a guard
/// page: the host would then see the global without a store the program
/// made before the trap, or with one it made after it
/// (Transforms/GuardedAccesses.h; test/traps/unused-accesses.test fails
/// under qemu with it on). Off, they keep the program's order.
static void setProcessWideOptions() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    auto &Opts = cl::getRegisteredOptions();
    // An option given on the command line (wasm-compile parses LLVM's)
    // wins, so each choice can be compared against LLVM's default.
    auto Set = [&](StringRef Name, bool Value) {
      auto It = Opts.find(Name);
      if (It != Opts.end() && !It->second->getNumOccurrences())
        static_cast<cl::opt<bool> *>(It->second)->setValue(Value);
    };
    Set("indvars-widen-indvars", false);
    Set("enable-ext-tsp-block-placement", true);
    Set("aarch64-use-aa", false);
  });
}

void orca::registerOrcaPasses(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, FunctionPassManager &FPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "orca-insert-trap-points")
          FPM.addPass(orca::InsertTrapPointsPass());
        else if (Name == "orca-remove-trap-points")
          FPM.addPass(orca::RemoveTrapPointsPass());
        else if (Name == "orca-resolve-guarded-accesses")
          FPM.addPass(orca::ResolveGuardedAccessesPass());
        else if (Name == "orca-keep-guarded-loads")
          FPM.addPass(orca::KeepGuardedLoadsPass());
        else if (Name == "orca-keep-guarded-loads-where-needed")
          FPM.addPass(orca::KeepGuardedLoadsPass(/*WhereNeeded=*/true));
        else if (Name == "orca-widen-vector-loops")
          FPM.addPass(orca::WidenVectorLoopsPass());
        else
          return false;
        return true;
      });
}

void orca::optimizeModule(Module &M, TargetMachine &TM, unsigned OptLevel) {
  setProcessWideOptions();
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB(&TM);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  ModulePassManager MPM;
  if (OptLevel <= 1) {
    FunctionPassManager FPM;
    FPM.addPass(PromotePass());
    if (OptLevel == 1) {
      FPM.addPass(EarlyCSEPass());
      FPM.addPass(InstCombinePass());
      FPM.addPass(SimplifyCFGPass());
    }
    addEpiloguePasses(FPM, /*Optimising=*/false);
    MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
  } else {
    PB.registerPipelineStartEPCallback(
        [](ModulePassManager &MPM, OptimizationLevel) {
          MPM.addPass(createModuleToFunctionPassAdaptor(PromotePass()));
        });
    // Trap points (Transforms/GuardedAccesses.h) exist only while MemCpyOpt
    // and DSE run, the passes that delete or merge stores: the peephole
    // extension point is called, as the pipeline is built, once in the
    // module's global clean-up, then twice in the function simplification
    // pipeline; its second call there comes right before MemCpyOpt and
    // DSE. test/CodeGen/guarded-pipeline.test pins this order.
    unsigned Peepholes = 0;
    PB.registerPeepholeEPCallback(
        [&Peepholes](FunctionPassManager &FPM, OptimizationLevel) {
          if (++Peepholes == 3)
            FPM.addPass(orca::InsertTrapPointsPass());
        });
    PB.registerScalarOptimizerLateEPCallback(
        [](FunctionPassManager &FPM, OptimizationLevel) {
          FPM.addPass(orca::RemoveTrapPointsPass());
        });
    // Widening after unrolling, so that the copies of an unrolled body can
    // pair.
    PB.registerOptimizerLastEPCallback(
        [](ModulePassManager &MPM, OptimizationLevel) {
          FunctionPassManager FPM;
          addEpiloguePasses(FPM, /*Optimising=*/true);
          MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
        });
    MPM = PB.buildPerModuleDefaultPipeline(
        OptLevel == 2 ? OptimizationLevel::O2 : OptimizationLevel::O3);
  }
  if (getenv("ORCA_PRINT_PIPELINE")) {
    MPM.printPipeline(errs(), [](StringRef N) { return N; });
    errs() << "\n";
  }
  MPM.run(M, MAM);
}
