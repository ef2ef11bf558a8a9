//===- wasm-compile.cpp - Print what Orca makes of a module ---------------===//
//
// Compiles a module without running it and prints the LLVM IR (before or
// after optimisation), the target assembly, or the vmctx layout. This is
// the tool lit/FileCheck tests use to pin the shape of generated code.
//
//===----------------------------------------------------------------------===//

#include "Binary/Validator.h"
#include "Environ/VMOffsets.h"
#include "JIT/JITCompiler.h"
#include "Support/Error.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace orca;

static cl::OptionCategory Cat("wasm-compile options");
static cl::opt<std::string> InputFile(cl::Positional, cl::desc("<module.wasm>"),
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

static int fail(const Twine &Msg) {
  WithColor::error(errs(), "wasm-compile") << Msg << '\n';
  return 1;
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
  std::vector<uint8_t> Bytes((*Buf)->getBufferStart(), (*Buf)->getBufferEnd());
  JITOptions Opts;
  Opts.OptLevel = OptLevel;
  Opts.CPU = TargetCPU;
  Opts.CPUFeatures = TargetFeatures;
  Opts.TargetTriple = TargetTriple;
  Opts.CodeGen.ExplicitBoundsChecks = !GuardPages;
  auto M = decodeAndValidate(std::move(Bytes), Opts.CodeGen.Feat);
  if (!M) {
    ErrorReport R = takeErrorReport(M.takeError());
    return fail(InputFile + ": " + errorKindName(R.Kind) + ": " + R.Message);
  }
  VMOffsets Offsets = VMOffsets::forModule(**M, sizeof(void *));
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
