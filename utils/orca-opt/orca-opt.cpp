//===- utils/orca-opt/orca-opt.cpp - Run Orca's passes on LLVM IR ---------===//
//
// A developer tool, as LLVM's `opt`: reads a .ll (or .bc) file, runs either
// a pass pipeline given by name (`-passes=`, LLVM's passes and Orca's, see
// Transforms/Pipeline.h) or Orca's whole pipeline for a level (`-O<n>`),
// and prints the result. It sits over the internal layers on purpose (it
// tests them), which is why it lives in utils/ and not tools/, whose
// drivers use only the public API.
//
//===----------------------------------------------------------------------===//

#include "Transforms/Pipeline.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

using namespace llvm;

static cl::opt<std::string> Input(cl::Positional, cl::desc("<input .ll>"),
                                  cl::init("-"));
static cl::opt<std::string>
    Passes("passes", cl::desc("A pass pipeline, as opt's -passes"));
static cl::opt<int> OptLevel("O", cl::Prefix, cl::init(-1),
                             cl::desc("Run Orca's pipeline for level 0-3"));
static cl::opt<std::string> CPU("mcpu", cl::desc("Target CPU (default: host)"));
static cl::opt<std::string> Attrs("mattr", cl::desc("Target features"));
// -S is accepted for opt's muscle memory; the output is always text.
static cl::opt<bool> Text("S", cl::desc("Print textual IR (the default)"));

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  InitializeAllTargets();
  InitializeAllTargetMCs();
  cl::ParseCommandLineOptions(argc, argv, "orca-opt: Orca's passes on IR\n");
  auto Fail = [](const Twine &Msg) {
    WithColor::error(errs(), "orca-opt") << Msg << "\n";
    return 1;
  };
  if (Passes.empty() == (OptLevel < 0))
    return Fail("give exactly one of -passes=... and -O<n>");
  if (OptLevel > 3)
    return Fail("-O takes 0 to 3");

  LLVMContext Ctx;
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(Input, Diag, Ctx);
  if (!M) {
    Diag.print("orca-opt", errs());
    return 1;
  }
  std::string Triple = M->getTargetTriple().empty()
                           ? sys::getDefaultTargetTriple()
                           : M->getTargetTriple();
  std::string Err;
  const Target *T = TargetRegistry::lookupTarget(Triple, Err);
  if (!T)
    return Fail(Err);
  std::string Cpu = CPU.empty() ? sys::getHostCPUName().str() : CPU.getValue();
  std::unique_ptr<TargetMachine> TM(T->createTargetMachine(
      Triple, Cpu, Attrs, TargetOptions(), std::nullopt));
  if (!TM)
    return Fail("cannot create a target machine for " + Triple);
  M->setDataLayout(TM->createDataLayout());

  if (OptLevel >= 0) {
    orca::optimizeModule(*M, *TM, unsigned(OptLevel));
  } else {
    LoopAnalysisManager LAM;
    FunctionAnalysisManager FAM;
    CGSCCAnalysisManager CGAM;
    ModuleAnalysisManager MAM;
    PassBuilder PB(TM.get());
    orca::registerOrcaPasses(PB);
    PB.registerModuleAnalyses(MAM);
    PB.registerCGSCCAnalyses(CGAM);
    PB.registerFunctionAnalyses(FAM);
    PB.registerLoopAnalyses(LAM);
    PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
    ModulePassManager MPM;
    if (Error E = PB.parsePassPipeline(MPM, Passes))
      return Fail(toString(std::move(E)));
    MPM.run(*M, MAM);
  }
  if (verifyModule(*M, &errs()))
    return Fail("the result does not verify");
  M->print(outs(), nullptr);
  return 0;
}
