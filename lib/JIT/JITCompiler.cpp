//===- JIT/JITCompiler.cpp - Compile a module to native code with ORC -----===//
//
// One LLJIT per engine, linking with JITLink (ObjectLinkingLayer) on every
// target: RuntimeDyld can overflow AArch64 ADRP ranges on real hardware.
// Each compiled module gets a JITDylib of its own and a ResourceTracker, so
// dropping a module frees exactly its code.
//
// Parallel compilation: the defined functions are split into contiguous
// parts of similar code size (functions of one source file tend to be
// neighbours, so most calls stay inside a part and can still be inlined).
// Each part is translated, optimised and emitted to an object file by a
// thread of its own, in an LLVMContext of its own that dies with the task,
// so no IR outlives its object code. The objects are then linked together
// (calls between parts are ordinary relocations). Small modules are one
// part: splitting costs inlining and per-part fixed costs.
//
// JIT code reaches the runtime only through the vmctx (builtins array), so
// the dylib needs no runtime symbols; process symbols stay visible for
// libcalls LLVM may emit (memcpy, memmove, memset, fmod...).
//
//===----------------------------------------------------------------------===//

#include "JIT/JITCompiler.h"
#include "CodeGen/ModuleTranslator.h"
#include "JIT/CodeMap.h"
#include "JIT/PerfMap.h"
#include "Transforms/Pipeline.h"
#include "Support/Error.h"

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/SmallVectorMemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

#include <algorithm>
#include <mutex>
#include <optional>

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
    // LLVM only warns on stderr about an unknown CPU and then ignores it;
    // a user who asked for one gets an error instead.
    std::string Err;
    const Target *T =
        TargetRegistry::lookupTarget(JTMB->getTargetTriple().str(), Err);
    std::unique_ptr<MCSubtargetInfo> STI(
        T ? T->createMCSubtargetInfo(JTMB->getTargetTriple().str(), "", "")
          : nullptr);
    if (STI && !STI->isCPUStringValid(Opts.CPU))
      return makeError(ErrorKind::Usage, "unknown CPU '" + Opts.CPU +
                                             "' for target " +
                                             JTMB->getTargetTriple().str());
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
  C->HostTMB = std::make_unique<JITTargetMachineBuilder>(*JTMB);
  auto JIT =
      LLJITBuilder()
          .setJITTargetMachineBuilder(std::move(*JTMB))
          .setObjectLinkingLayerCreator(
              [PerfMap = Opts.PerfMap](ExecutionSession &ES, const Triple &)
                  -> Expected<std::unique_ptr<ObjectLayer>> {
                // The code map lets trap handling tell JIT code apart
                // (JIT/CodeMap.h).
                auto L = std::make_unique<ObjectLinkingLayer>(ES);
                L->addPlugin(std::make_unique<CodeMapPlugin>());
                if (PerfMap)
                  L->addPlugin(std::make_unique<PerfMapPlugin>());
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

/// Translates \p Part of \p M and runs the pipeline unless \p Optimize is
/// false.
static Expected<std::unique_ptr<llvm::Module>>
buildIR(const orca::Module &M, const VMOffsets &Offsets, LLVMContext &Ctx,
        const JITOptions &Opts, TargetMachine &TM, bool Optimize,
        TranslationPart Part = {}) {
  auto IR = translateModule(M, Offsets, Ctx, TM.createDataLayout(),
                            TM.getTargetTriple(), Opts.CodeGen, Part);
  if (!IR)
    return IR.takeError();
  std::string Err;
  raw_string_ostream ES(Err);
  if (verifyModule(**IR, &ES))
    return makeError(ErrorKind::Invalid,
                     "internal error: generated IR does not verify: " + Err);
  if (Optimize)
    optimizeModule(**IR, TM, Opts.OptLevel);
  return IR;
}

static Expected<std::unique_ptr<TargetMachine>>
createTargetMachine(const JITOptions &Opts, StringRef TargetTriple = "") {
  auto JTMB = targetMachineBuilder(Opts, TargetTriple);
  if (!JTMB)
    return JTMB.takeError();
  return JTMB->createTargetMachine();
}

/// Parts per thread: a few, so that uneven parts still keep every thread
/// busy, but not many, since calls across parts cannot be inlined.
static constexpr unsigned PartsPerThread = 2;

/// Contiguous runs of defined functions of similar body size; the first
/// part also holds the trampolines.
static std::vector<TranslationPart>
partition(const orca::Module &M, unsigned Threads, uint64_t MinPartBytes) {
  auto Size = [&](size_t I) {
    return uint64_t(M.Bodies[I].CodeEnd - M.Bodies[I].CodeStart);
  };
  uint64_t Total = 0;
  for (size_t I = 0; I < M.Bodies.size(); ++I)
    Total += Size(I);
  uint64_t N = std::clamp<uint64_t>(Total / std::max<uint64_t>(MinPartBytes, 1),
                                    1, uint64_t(Threads) * PartsPerThread);
  if (Threads <= 1)
    N = 1;
  std::vector<TranslationPart> Parts;
  uint32_t Begin = M.NumImportedFuncs;
  uint64_t Done = 0;
  for (size_t I = 0; I < M.Bodies.size() && Parts.size() + 1 < N; ++I) {
    Done += Size(I);
    if (Done * N >= Total * (Parts.size() + 1)) {
      uint32_t End = M.NumImportedFuncs + uint32_t(I) + 1;
      Parts.push_back({Begin, End, false});
      Begin = End;
    }
  }
  // The rest (none left when the last function closed a part, unless the
  // module defines no function at all: the trampolines still need a part).
  if (Begin < M.Funcs.size() || Parts.empty())
    Parts.push_back({Begin, uint32_t(M.Funcs.size()), false});
  Parts.front().Trampolines = true;
  return Parts;
}

/// Translates, optimises and emits one part as a relocatable object.
static Expected<std::unique_ptr<MemoryBuffer>>
compilePart(const orca::Module &M, const VMOffsets &Offsets,
            const JITOptions &Opts, JITTargetMachineBuilder TMB,
            TranslationPart Part) {
  auto TM = TMB.createTargetMachine();
  if (!TM)
    return TM.takeError();
  LLVMContext Ctx;
  auto IR = buildIR(M, Offsets, Ctx, Opts, **TM, /*Optimize=*/true, Part);
  if (!IR)
    return IR.takeError();
  SmallVector<char, 0> Obj;
  raw_svector_ostream OS(Obj);
  legacy::PassManager PM;
  MCContext *MC;
  if ((*TM)->addPassesToEmitMC(PM, MC, OS))
    return makeError(ErrorKind::Usage,
                     "the host target cannot emit object code");
  PM.run(**IR);
  return std::make_unique<SmallVectorMemoryBuffer>(
      std::move(Obj), "wasm-part-" + std::to_string(Part.Begin) + ".o", false);
}

Expected<std::unique_ptr<CompiledCode>>
JITCompiler::compile(const orca::Module &M, const VMOffsets &Offsets) {
  // JIT code records wasm offsets for trap backtraces (JIT/CodeMap.h).
  JITOptions CompileOpts = Opts;
  CompileOpts.CodeGen.WasmOffsets = true;
  ThreadPoolStrategy Strategy = hardware_concurrency(Opts.CompileThreads);
  std::vector<TranslationPart> Parts =
      partition(M, Strategy.compute_thread_count(), Opts.MinPartBytes);
  using PartResult = std::optional<Expected<std::unique_ptr<MemoryBuffer>>>;
  std::vector<PartResult> Objects(Parts.size());
  auto Run = [&](size_t I) {
    Objects[I].emplace(
        compilePart(M, Offsets, CompileOpts, *HostTMB, Parts[I]));
  };
  if (Parts.size() == 1) {
    Run(0);
  } else {
    Strategy.ThreadsRequested =
        std::min<unsigned>(Strategy.compute_thread_count(), Parts.size());
    DefaultThreadPool Pool(Strategy);
    for (size_t I = 0; I < Parts.size(); ++I)
      Pool.async(Run, I);
    Pool.wait();
  }
  // The first part's error, if any (parts fail alike: a translator bug).
  Error First = Error::success();
  for (PartResult &Obj : Objects)
    if (!*Obj) {
      if (First)
        consumeError(Obj->takeError());
      else
        First = Obj->takeError();
    }
  if (First)
    return First;

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
  for (PartResult &Obj : Objects)
    if (Error E = JIT->addObjectFile(Code->Tracker, std::move(**Obj)))
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
