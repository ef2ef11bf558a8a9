//===- wasm-compile.cpp - Print what Orca makes of a module ---------------===//
//
// Compiles a module without running it and prints the LLVM IR (before or
// after optimisation), the target assembly, or the vmctx layout (the tool
// lit/FileCheck tests use to pin the shape of generated code); or, with
// -o, writes it as a precompiled module (.cwasm, JIT/Artifact.h) that
// `wasm-run --allow-precompiled` runs without compiling.
//
//===----------------------------------------------------------------------===//

#include "Binary/Validator.h"
#include "Environ/VMOffsets.h"
#include "JIT/JITCompiler.h"
#include "Runtime/EngineImpl.h"
#include "Support/Error.h"
#include "Text/Wat.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace orca;

static cl::OptionCategory Cat("wasm-compile options");
static cl::opt<std::string> InputFile(cl::Positional,
                                      cl::desc("<module.wasm or .wat>"),
                                      cl::Required, cl::cat(Cat));
enum class EmitKind { None, LLVM, LLVMOpt, Asm };
static cl::opt<EmitKind>
    EmitOpt("emit", cl::desc("What to print"), cl::init(EmitKind::None),
            cl::values(clEnumValN(EmitKind::LLVM, "llvm",
                                  "LLVM IR before optimisation"),
                       clEnumValN(EmitKind::LLVMOpt, "llvm-opt",
                                  "LLVM IR after optimisation"),
                       clEnumValN(EmitKind::Asm, "asm", "target assembly")),
            cl::cat(Cat));
static cl::opt<bool> PrintVMOffsets(
    "print-vmoffsets",
    cl::desc("Print the vmctx layout: '<offset> <size> <name>' per field"),
    cl::cat(Cat));
static cl::opt<unsigned> OptLevel("O", cl::desc("Optimisation level 0-3"),
                                  cl::Prefix, cl::init(2), cl::cat(Cat));
static cl::opt<std::string>
    TargetTriple("target",
                 cl::desc("Target triple to print code for, e.g. "
                          "aarch64-linux-gnu (default: host)"),
                 cl::value_desc("triple"), cl::cat(Cat));
static cl::opt<std::string>
    TargetCPU("target-cpu", cl::desc("CPU to compile for (default: host)"),
              cl::cat(Cat));
static cl::opt<std::string>
    TargetFeatures("target-features",
                   cl::desc("CPU features, e.g. +avx2,-sse4.1 (default: host)"),
                   cl::cat(Cat));
static cl::opt<bool> GuardPages(
    "guard-pages",
    cl::desc("Rely on guard pages instead of explicit bounds checks"),
    cl::cat(Cat));

static cl::opt<std::string> OutputFile(
    "o",
    cl::desc("Write a precompiled module (for wasm-run --allow-precompiled), "
             "compiled with wasm-run's defaults unless options say otherwise"),
    cl::value_desc("file.cwasm"), cl::cat(Cat));
static cl::opt<std::string>
    BoundsChecks("bounds-checks",
                 cl::desc("With -o: guard (the default on 64-bit hosts, as "
                          "wasm-run) or explicit"),
                 cl::value_desc("guard|explicit"), cl::cat(Cat));
static cl::opt<bool> ConsumeFuel(
    "consume-fuel",
    cl::desc("Instrument code for fuel (as wasm-run --fuel: a .cwasm for "
             "--fuel runs needs it)"),
    cl::cat(Cat));
static cl::opt<bool> EpochInterruption(
    "epoch-interruption",
    cl::desc("Instrument code for epoch interruption (as wasm-run --timeout)"),
    cl::cat(Cat));
// Tests only: record another Orca version in the -o output.
static cl::opt<std::string> ArtifactOrcaVersion("artifact-orca-version",
                                                cl::ReallyHidden);

static int fail(const Twine &Msg) {
  WithColor::error(errs(), "wasm-compile") << Msg << '\n';
  return 1;
}

/// -o: the module compiled as wasm-run would compile it, as bytes.
static int writePrecompiled(const orca::Module &M, const VMOffsets &Offsets) {
  EngineConfig EC;
  EC.OptLevel = OptLevel;
  EC.TargetCPU = TargetCPU;
  EC.TargetFeatures = TargetFeatures;
  if (GuardPages)
    EC.ExplicitBoundsChecks = false;
  if (!BoundsChecks.empty()) {
    if (BoundsChecks != "guard" && BoundsChecks != "explicit")
      return fail("--bounds-checks must be 'explicit' or 'guard'");
    EC.ExplicitBoundsChecks = BoundsChecks == "explicit";
  }
  EC.ConsumeFuel = ConsumeFuel;
  EC.EpochInterruption = EpochInterruption;
  JITOptions Opts = jitOptionsFor(EC);
  Opts.TargetTriple = TargetTriple;
  auto C = JITCompiler::create(Opts);
  if (!C)
    return fail(toString(C.takeError()));
  auto A = (*C)->compile(M, Offsets);
  if (!A)
    return fail(toString(A.takeError()));
  if (!ArtifactOrcaVersion.empty())
    A->OrcaVersion = ArtifactOrcaVersion;
  SmallVector<char, 0> Bytes = serializeArtifact(*A, M.Bytes);
  // Written to a temporary file and renamed: a reader never sees half.
  if (Error E = writeToOutput(OutputFile, [&](raw_ostream &OS) {
        OS.write(Bytes.data(), Bytes.size());
        return Error::success();
      }))
    return fail(OutputFile + ": " + toString(std::move(E)));
  return 0;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::ParseCommandLineOptions(argc, argv, "Orca: compile a wasm module\n");
  if (OptLevel > 3)
    return fail("-O must be 0, 1, 2 or 3");

  auto Buf = MemoryBuffer::getFileOrSTDIN(InputFile, /*IsText=*/false);
  if (!Buf)
    return fail(InputFile + ": " + Buf.getError().message());
  // Anything without the binary magic is a text module (.wat).
  std::vector<uint8_t> Bytes;
  ArrayRef<uint8_t> Data = arrayRefFromStringRef((*Buf)->getBuffer());
  // Empty input and input starting with NUL (a damaged binary) go to the
  // decoder, for its errors.
  if (isWasmBinary(Data) || Data.empty() || Data[0] == 0) {
    Bytes.assign(Data.begin(), Data.end());
  } else {
    auto B = parseWat((*Buf)->getBuffer(),
                      InputFile == "-" ? "<stdin>" : InputFile.getValue());
    if (!B)
      return fail(toString(B.takeError()));
    Bytes = std::move(*B);
  }
  JITOptions Opts;
  Opts.OptLevel = OptLevel;
  Opts.CPU = TargetCPU;
  Opts.CPUFeatures = TargetFeatures;
  Opts.TargetTriple = TargetTriple;
  Opts.CodeGen.ExplicitBoundsChecks = !GuardPages;
  Opts.CodeGen.ConsumeFuel = ConsumeFuel;
  Opts.CodeGen.EpochInterruption = EpochInterruption;
  auto M = decodeAndValidate(std::move(Bytes), Opts.CodeGen.Feat);
  if (!M) {
    ErrorReport R = takeErrorReport(M.takeError());
    return fail(InputFile + ": " + errorKindName(R.Kind) + ": " + R.Message);
  }
  VMOffsets Offsets = VMOffsets::forModule(**M, sizeof(void *));
  if (!OutputFile.empty())
    return writePrecompiled(**M, Offsets);
  if (PrintVMOffsets)
    outs() << Offsets.describe();
  if (EmitOpt == EmitKind::None)
    return 0;

  auto JIT = JITCompiler::create(Opts);
  if (!JIT)
    return fail(toString(JIT.takeError()));
  JITCompiler::Emit What =
      EmitOpt == EmitKind::LLVM      ? JITCompiler::Emit::UnoptimizedIR
      : EmitOpt == EmitKind::LLVMOpt ? JITCompiler::Emit::OptimizedIR
                                     : JITCompiler::Emit::Assembly;
  auto Text = (*JIT)->emitText(**M, Offsets, What);
  if (!Text)
    return fail(toString(Text.takeError()));
  outs() << *Text;
  return 0;
}
