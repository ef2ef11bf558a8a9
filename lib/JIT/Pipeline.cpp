//===- JIT/Pipeline.cpp - The optimisation pipeline per level -------------===//

#include "JIT/Pipeline.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/Utils/Mem2Reg.h"

using namespace llvm;

void orca::optimizeModule(Module &M, TargetMachine &TM, unsigned OptLevel) {
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
  if (OptLevel == 0) {
    // Locals are allocas; without mem2reg -O0 code would spill every value.
    MPM.addPass(createModuleToFunctionPassAdaptor(PromotePass()));
  } else {
    OptimizationLevel L = OptLevel == 1   ? OptimizationLevel::O1
                          : OptLevel == 2 ? OptimizationLevel::O2
                                          : OptimizationLevel::O3;
    MPM = PB.buildPerModuleDefaultPipeline(L);
  }
  MPM.run(M, MAM);
}
