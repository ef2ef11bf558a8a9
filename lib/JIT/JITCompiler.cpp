//===- JIT/JITCompiler.cpp - Compile a module to native code with ORC -----===//
//
// One LLJIT per engine, linking with JITLink (ObjectLinkingLayer) on every
// target: RuntimeDyld can overflow AArch64 ADRP ranges on real hardware.
// Each compiled module gets a JITDylib of its own and a ResourceTracker, so
// dropping a module frees exactly its code. JIT code reaches the runtime
// only through the vmctx (builtins array), so the dylib needs no runtime
// symbols; process symbols stay visible for libcalls LLVM may emit
// (memcpy, memset, fmod...).
//
//===----------------------------------------------------------------------===//

#include "JIT/JITCompiler.h"
#include "CodeGen/DebugLocations.h"
#include "CodeGen/ModuleTranslator.h"
#include "JIT/CodeMap.h"
#include "JIT/Pipeline.h"
#include "Support/Error.h"

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>

using namespace llvm;
using namespace llvm::orc;
using namespace orca;

CompiledCode::~CompiledCode() {
  if (Tracker)
    consumeError(Tracker->remove());
}

static void initializeTargetsOnce() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
    InitializeNativeTargetAsmParser();
  });
}

/// Every target, for emitText with a foreign triple.
static void initializeAllTargetsOnce() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    InitializeAllTargetInfos();
    InitializeAllTargets();
    InitializeAllTargetMCs();
    InitializeAllAsmPrinters();
  });
}

/// A builder for the host, or for \p TargetTriple when it is not empty.
static Expected<JITTargetMachineBuilder>
targetMachineBuilder(const JITOptions &Opts, StringRef TargetTriple = "") {
  auto JTMB = JITTargetMachineBuilder::detectHost();
  if (!JTMB)
    return JTMB.takeError();
  if (!TargetTriple.empty()) {
    initializeAllTargetsOnce();
    Triple TT(Triple::normalize(TargetTriple));
    std::string Err;
    if (!TargetRegistry::lookupTarget(TT.str(), Err))
      return makeError(ErrorKind::Usage, "unsupported target '" +
                                             TargetTriple.str() + "': " + Err);
    JTMB = JITTargetMachineBuilder(std::move(TT));
  }
  if (!Opts.CPU.empty()) {
    JTMB->setCPU(Opts.CPU);
    JTMB->getFeatures() = SubtargetFeatures(Opts.CPUFeatures);
  } else if (!Opts.CPUFeatures.empty()) {
    JTMB->getFeatures().addFeaturesVector(
        SubtargetFeatures(Opts.CPUFeatures).getFeatures());
  }
  JTMB->setCodeGenOptLevel(Opts.OptLevel == 0   ? CodeGenOptLevel::None
                           : Opts.OptLevel == 1 ? CodeGenOptLevel::Less
                           : Opts.OptLevel == 2 ? CodeGenOptLevel::Default
                                                : CodeGenOptLevel::Aggressive);
  // Frame pointers everywhere: trap backtraces walk them.
  JTMB->getOptions().NoTrappingFPMath = true;
  return std::move(*JTMB);
}

Expected<std::unique_ptr<JITCompiler>>
JITCompiler::create(const JITOptions &Opts) {
  initializeTargetsOnce();
  // CPU and features name the foreign target's when emitText prints code
  // for another triple; the LLJIT itself is always the host's.
  JITOptions HostOpts = Opts;
  if (!Opts.TargetTriple.empty()) {
    HostOpts.CPU.clear();
    HostOpts.CPUFeatures.clear();
  }
  auto JTMB = targetMachineBuilder(HostOpts);
  if (!JTMB)
    return JTMB.takeError();
  std::unique_ptr<JITCompiler> C(new JITCompiler(Opts));
  auto JIT =
      LLJITBuilder()
          .setJITTargetMachineBuilder(std::move(*JTMB))
          .setObjectLinkingLayerCreator(
              [](ExecutionSession &ES,
                 const Triple &) -> Expected<std::unique_ptr<ObjectLayer>> {
                // The code map lets trap handling tell JIT code apart
                // (JIT/CodeMap.h).
                auto L = std::make_unique<ObjectLinkingLayer>(ES);
                L->addPlugin(std::make_unique<CodeMapPlugin>());
                return L;
              })
          .create();
  if (!JIT)
    return JIT.takeError();
  C->JIT = std::move(*JIT);
  return C;
}

JITCompiler::JITCompiler(const JITOptions &Opts) : Opts(Opts) {}
JITCompiler::~JITCompiler() = default;

/// Translates \p M and runs the pipeline unless \p Optimize is false.
static Expected<std::unique_ptr<llvm::Module>>
buildIR(const orca::Module &M, const VMOffsets &Offsets, LLVMContext &Ctx,
        const JITOptions &Opts, TargetMachine &TM, bool Optimize) {
  auto IR = translateModule(M, Offsets, Ctx, TM.createDataLayout(),
                            TM.getTargetTriple(), Opts.CodeGen);
  if (!IR)
    return IR.takeError();
  std::string Err;
  raw_string_ostream ES(Err);
  if (verifyModule(**IR, &ES))
    return makeError(ErrorKind::Invalid,
                     "internal error: generated IR does not verify: " + Err);
  if (Optimize)
    optimizeModule(**IR, TM, Opts.OptLevel);
  // A wasm frame is one native function (CodeGen/DebugLocations.h).
  if (Opts.CodeGen.WasmOffsets)
    flattenInlinedLocations(**IR);
  return IR;
}

static Expected<std::unique_ptr<TargetMachine>>
createTargetMachine(const JITOptions &Opts, StringRef TargetTriple = "") {
  auto JTMB = targetMachineBuilder(Opts, TargetTriple);
  if (!JTMB)
    return JTMB.takeError();
  return JTMB->createTargetMachine();
}

Expected<std::unique_ptr<CompiledCode>>
JITCompiler::compile(const orca::Module &M, const VMOffsets &Offsets) {
  auto TM = createTargetMachine(Opts);
  if (!TM)
    return TM.takeError();
  auto Ctx = std::make_unique<LLVMContext>();
  // JIT code records wasm offsets for trap backtraces (JIT/CodeMap.h).
  JITOptions CompileOpts = Opts;
  CompileOpts.CodeGen.WasmOffsets = true;
  auto IR = buildIR(M, Offsets, *Ctx, CompileOpts, **TM, /*Optimize=*/true);
  if (!IR)
    return IR.takeError();

  std::string DylibName;
  {
    std::lock_guard<std::mutex> Lock(DylibMutex);
    DylibName = "orca.module." + std::to_string(NextDylib++);
  }
  auto JD = JIT->createJITDylib(DylibName);
  if (!JD)
    return JD.takeError();
  auto Code = std::make_unique<CompiledCode>();
  Code->JIT = JIT;
  Code->Tracker = JD->getDefaultResourceTracker();
  if (Error E = JIT->addIRModule(
          Code->Tracker, ThreadSafeModule(std::move(*IR), std::move(Ctx))))
    return E;

  // One lookup for every entry point, so the module is linked once.
  auto &ES = JIT->getExecutionSession();
  SymbolLookupSet Names;
  std::vector<SymbolStringPtr> Order;
  auto Want = [&](const std::string &Name) {
    Order.push_back(JIT->mangleAndIntern(Name));
    Names.add(Order.back());
  };
  for (uint32_t I = M.NumImportedFuncs; I < M.Funcs.size(); ++I)
    Want(functionSymbol(I));
  for (uint32_t T = 0; T < M.Types.size(); ++T) {
    Want(hostToWasmSymbol(T));
    Want(wasmToHostSymbol(T));
  }
  auto Syms = ES.lookup(makeJITDylibSearchOrder(&*JD), std::move(Names));
  if (!Syms)
    return Syms.takeError();
  auto Addr = [&](size_t I) {
    return (*Syms)[Order[I]].getAddress().toPtr<const void *>();
  };
  size_t K = 0;
  for (uint32_t I = M.NumImportedFuncs; I < M.Funcs.size(); ++I)
    Code->Functions.push_back(Addr(K++));
  for (uint32_t T = 0; T < M.Types.size(); ++T) {
    Code->HostToWasm.push_back(Addr(K++));
    Code->WasmToHost.push_back(Addr(K++));
  }
  return Code;
}

Expected<std::string> JITCompiler::emitText(const orca::Module &M,
                                            const VMOffsets &Offsets,
                                            Emit What) {
  auto TM = createTargetMachine(Opts, Opts.TargetTriple);
  if (!TM)
    return TM.takeError();
  LLVMContext Ctx;
  auto IR = buildIR(M, Offsets, Ctx, Opts, **TM, What != Emit::UnoptimizedIR);
  if (!IR)
    return IR.takeError();
  std::string Out;
  raw_string_ostream OS(Out);
  if (What != Emit::Assembly) {
    (*IR)->print(OS, nullptr);
    return Out;
  }
  SmallString<0> Asm;
  raw_svector_ostream AsmOS(Asm);
  legacy::PassManager PM;
  if ((*TM)->addPassesToEmitFile(PM, AsmOS, nullptr,
                                 CodeGenFileType::AssemblyFile))
    return makeError(ErrorKind::Usage,
                     "the target cannot emit assembly for this module");
  PM.run(**IR);
  return std::string(Asm.str());
}
