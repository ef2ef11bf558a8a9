//===- JIT/JITCompiler.cpp - Compile a module to relocatable objects ------===//
//
// Parallel compilation: the defined functions are split into contiguous
// parts of similar code size (functions of one source file tend to be
// neighbours, so most calls stay inside a part and can still be inlined).
// Each part is translated, optimised and emitted to an object file by a
// thread of its own, in an LLVMContext of its own that dies with the task,
// so no IR outlives its object code. The loader links the objects together
// (calls between parts are ordinary relocations). Small modules are one
// part: splitting costs inlining and per-part fixed costs.
//
// No lock: a compile reads only the options and the target machine
// builder, makes its own TargetMachine and LLVMContext per part, and the
// process-wide LLVM settings are made once (JIT/Pipeline.cpp). Engines used
// to hold a lock around the whole compile; nothing needed it.
//
// The IR is verified once, as a whole module, before optimisation (the
// translator no longer verifies each function as well); when it fails, the
// first failing function is named.
//
//===----------------------------------------------------------------------===//

#include "JIT/JITCompiler.h"
#include "CodeGen/ModuleTranslator.h"
#include "Support/Error.h"
#include "Transforms/Pipeline.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/BLAKE3.h"
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

#ifndef ORCA_VERSION
#error "ORCA_VERSION must be defined (lib/JIT/CMakeLists.txt)"
#endif

using namespace llvm;
using namespace llvm::orc;
using namespace orca;

const char *orca::orcaVersion() { return ORCA_VERSION; }

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
  auto JTMB = targetMachineBuilder(Opts, Opts.TargetTriple);
  if (!JTMB)
    return JTMB.takeError();
  std::unique_ptr<JITCompiler> C(new JITCompiler(Opts));
  C->Target.Triple = JTMB->getTargetTriple().str();
  C->Target.CPU = JTMB->getCPU();
  C->Target.Features = JTMB->getFeatures().getString();
  C->TMB = std::make_unique<JITTargetMachineBuilder>(std::move(*JTMB));
  return C;
}

JITCompiler::JITCompiler(const JITOptions &Opts)
    : Opts(Opts), CompileOpts(Opts) {
  // JIT code records wasm offsets for trap backtraces (JIT/CodeMap.h).
  CompileOpts.CodeGen.WasmOffsets = true;
}
JITCompiler::~JITCompiler() = default;

/// The first function of \p M that does not verify, with the verifier's
/// message, or the whole module's message when every function does.
static std::string describeBrokenIR(const llvm::Module &M) {
  std::string Err;
  raw_string_ostream ES(Err);
  for (const llvm::Function &F : M)
    if (!F.isDeclaration() && verifyFunction(F, &ES))
      return "in " + F.getName().str() + ": " + Err;
  verifyModule(M, &ES);
  return Err;
}

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
  if (verifyModule(**IR))
    return makeError(ErrorKind::Invalid,
                     "internal error: generated IR does not verify: " +
                         describeBrokenIR(**IR));
  if (Optimize)
    optimizeModule(**IR, TM, Opts.OptLevel);
  return IR;
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

std::vector<TranslationPart> orca::planParts(const orca::Module &M,
                                             const JITOptions &Opts) {
  return partition(
      M, hardware_concurrency(Opts.CompileThreads).compute_thread_count(),
      Opts.MinPartBytes);
}

Expected<CompiledArtifact>
JITCompiler::compile(const orca::Module &M, const VMOffsets &Offsets) const {
  ThreadPoolStrategy Strategy = hardware_concurrency(Opts.CompileThreads);
  std::vector<TranslationPart> Parts = planParts(M, CompileOpts);
  using PartResult = std::optional<Expected<std::unique_ptr<MemoryBuffer>>>;
  std::vector<PartResult> Objects(Parts.size());
  auto Run = [&](size_t I) {
    Objects[I].emplace(compilePart(M, Offsets, CompileOpts, *TMB, Parts[I]));
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

  CompiledArtifact A;
  A.Key = key(M);
  A.OrcaVersion = orcaVersion();
  A.LLVMVersion = LLVM_VERSION_STRING;
  A.Target = Target;
  A.Settings = settings();
  A.OptLevel = Opts.OptLevel;
  for (uint32_t I = M.NumImportedFuncs; I < M.Funcs.size(); ++I)
    A.FunctionSymbols.push_back(functionSymbol(I));
  for (uint32_t T = 0; T < M.Types.size(); ++T) {
    A.HostToWasmSymbols.push_back(hostToWasmSymbol(T));
    A.WasmToHostSymbols.push_back(wasmToHostSymbol(T));
  }
  for (PartResult &Obj : Objects)
    A.Objects.push_back(std::move(**Obj));
  return A;
}

ArtifactKey JITCompiler::key(const orca::Module &M) const {
  return computeArtifactKey(CompileOpts, Target, M);
}

//===----------------------------------------------------------------------===//
// What identifies compiled code
//===----------------------------------------------------------------------===//

std::string orca::codeSettings(const JITOptions &Opts) {
  const CodeGenOptions &CG = Opts.CodeGen;
  // Named one by one (a structured binding must name every member), so a
  // new wasm feature does not compile until it is added here.
  const auto &[SignExtension, SaturatingFloatToInt, MultiValue, BulkMemory,
               ReferenceTypes, SIMD, TailCall, ExtendedConst,
               ConstExprDefinedGlobals, Threads, Memory64, MultiMemory] =
      CG.Feat;
  std::string S;
  raw_string_ostream OS(S);
  OS << "bounds-checks=" << (CG.ExplicitBoundsChecks ? "explicit" : "guard")
     << ";heap-reserved-bytes=" << CG.HeapReservedBytes
     << ";wasm-offsets=" << CG.WasmOffsets << ";consume-fuel=" << CG.ConsumeFuel
     << ";epoch-interruption=" << CG.EpochInterruption << ";features=";
  auto Flag = [&](const char *Name, bool On) {
    OS << (On ? '+' : '-') << Name;
  };
  Flag("sign-ext", SignExtension);
  Flag("sat-float-to-int", SaturatingFloatToInt);
  Flag("multi-value", MultiValue);
  Flag("bulk-memory", BulkMemory);
  Flag("reference-types", ReferenceTypes);
  Flag("simd", SIMD);
  Flag("threads", Threads);
  Flag("memory64", Memory64);
  Flag("multi-memory", MultiMemory);
  Flag("tail-call", TailCall);
  Flag("extended-const", ExtendedConst);
  Flag("const-expr-defined-globals", ConstExprDefinedGlobals);
  return S;
}

namespace {
/// Hashes named, length-prefixed fields, so that no two different field
/// lists hash the same bytes.
class KeyHasher {
public:
  void add(StringRef Name, StringRef Value) {
    word(Name.size());
    H.update(Name);
    word(Value.size());
    H.update(Value);
  }
  void add(StringRef Name, uint64_t Value) {
    add(Name, StringRef(std::to_string(Value)));
  }
  void addBytes(StringRef Name, ArrayRef<uint8_t> Bytes) {
    add(Name, toStringRef(Bytes));
  }
  ArtifactKey final() { return H.final(); }

private:
  void word(uint64_t V) {
    uint8_t B[8];
    for (int I = 0; I < 8; ++I)
      B[I] = uint8_t(V >> (8 * I));
    H.update(ArrayRef<uint8_t>(B));
  }
  BLAKE3 H;
};
} // namespace

ArtifactKey orca::computeArtifactKey(const JITOptions &Opts,
                                     const ArtifactTarget &Target,
                                     const orca::Module &M) {
  // Every member, by name: a structured binding must name them all, so a
  // new option does not compile until it is given a place below (or a
  // reason not to have one).
  const auto &[OptLevel, CPU, CPUFeatures, TargetTriple, CompileThreads,
               MinPartBytes, PerfMap, CodeGen] = Opts;
  const auto &[Feat, ExplicitBoundsChecks, HeapReservedBytes, WasmOffsets,
               ConsumeFuel, EpochInterruption] = CodeGen;
  KeyHasher H;
  H.add("artifact-format", CompiledArtifact::FormatVersion);
  H.add("orca", orcaVersion());
  H.add("llvm", LLVM_VERSION_STRING);
  // CPU, CPUFeatures and TargetTriple are requests; Target is what they
  // resolved to (the host's name and full feature list when empty).
  (void)CPU, (void)CPUFeatures, (void)TargetTriple;
  H.add("triple", Target.Triple);
  H.add("cpu", Target.CPU);
  H.add("cpu-features", Target.Features);
  H.add("opt-level", OptLevel);
  // Thread count and part size matter only through the parts they make.
  (void)CompileThreads, (void)MinPartBytes;
  std::string Parts;
  for (const TranslationPart &P : planParts(M, Opts))
    Parts += std::to_string(P.Begin) + "-" + std::to_string(P.End) +
             (P.Trampolines ? "t," : ",");
  H.add("parts", Parts);
  // The loader's link plugin, not the code.
  (void)PerfMap;
  // Bounds checks, heap reservation, wasm offsets, fuel and epoch
  // instrumentation, features.
  (void)Feat, (void)ExplicitBoundsChecks, (void)HeapReservedBytes,
      (void)WasmOffsets, (void)ConsumeFuel, (void)EpochInterruption;
  H.add("settings", codeSettings(Opts));
  H.addBytes("module", M.Bytes);
  return H.final();
}

Expected<std::string> JITCompiler::emitText(const orca::Module &M,
                                            const VMOffsets &Offsets,
                                            Emit What) {
  auto TM = TMB->createTargetMachine();
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
