//===- JIT/JITCompiler.h - Compile a module to objects ----------*- C++ -*-===//
//
// The compiling half of the JIT (the loading half is JIT/CodeLoader.h):
// turns validated modules into CompiledArtifacts (JIT/Artifact.h): split
// the functions into parts, translate, optimise (at the configured level,
// for the configured CPU) and emit each part to a relocatable object on a
// thread of its own, and name the entry points. It owns no JIT state, so
// compiles never wait for one another and can target another machine
// (precompiling for another triple).
//
// It also owns the identity of what it makes: computeArtifactKey(), the one
// function that turns a module plus the whole configuration into the
// cache key, and codeSettings(), what a loading engine must match.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_JITCOMPILER_H
#define ORCA_JIT_JITCOMPILER_H

#include "Binary/Module.h"
#include "CodeGen/CodeGenOptions.h"
#include "CodeGen/ModuleTranslator.h"
#include "Environ/VMOffsets.h"
#include "JIT/Artifact.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm::orc {
class JITTargetMachineBuilder;
} // namespace llvm::orc

namespace orca {

struct JITOptions {
  unsigned OptLevel = 2;   ///< 0..3
  std::string CPU;         ///< empty: the host CPU
  std::string CPUFeatures; ///< empty: the host CPU's features
  /// The target to compile or print code for (e.g. "aarch64-linux-gnu");
  /// CPU and CPUFeatures then apply to it (empty: generic). Empty: the
  /// host. Only code for the host can be loaded.
  std::string TargetTriple;
  /// Threads compiling one module's parts in parallel; 0: one per
  /// hardware thread. 1 compiles the module as a single LLVM module.
  unsigned CompileThreads = 0;
  /// Function-body bytes below which a part is not worth its own LLVM
  /// module (calls across parts cannot be inlined; each part has fixed
  /// costs). Tests lower it to force splitting.
  uint64_t MinPartBytes = 16 * 1024;
  /// Write /tmp/perf-<pid>.map for perf (JIT/PerfMap.h). The loader's
  /// business (a link plugin): it does not change the code.
  bool PerfMap = false;
  CodeGenOptions CodeGen;
};

/// The parts \p M is compiled in under \p Opts (CompileThreads and
/// MinPartBytes decide them): calls across parts are not inlined, so this,
/// not the thread count itself, is what those options change in the code.
std::vector<TranslationPart> planParts(const Module &M, const JITOptions &Opts);

/// What a loading engine must match for code compiled under \p Opts to run
/// correctly (bounds-check mode, heap reservation, wasm features, wasm
/// offsets, fuel and epoch instrumentation), as canonical "name=value;..."
/// text.
std::string codeSettings(const JITOptions &Opts);

/// The key of the code compiled from \p M under \p Opts for \p Target:
/// a hash of the module's bytes, Orca's and LLVM's versions, the artifact
/// format version, the target and every option in \p Opts that changes
/// the code. Every JITOptions (and CodeGenOptions, Features) member is
/// named in its body, so that a new option cannot be left out silently.
ArtifactKey computeArtifactKey(const JITOptions &Opts,
                               const ArtifactTarget &Target, const Module &M);

/// Orca's version, as recorded in artifacts.
const char *orcaVersion();

class JITCompiler {
public:
  static llvm::Expected<std::unique_ptr<JITCompiler>>
  create(const JITOptions &Opts);
  ~JITCompiler();

  /// Compiles \p M (validated) into objects. Thread-safe: compiles share
  /// nothing but read-only options.
  llvm::Expected<CompiledArtifact> compile(const Module &M,
                                           const VMOffsets &Offsets) const;

  /// What compile() would record for \p M, without compiling it.
  ArtifactKey key(const Module &M) const;
  const ArtifactTarget &target() const { return Target; }
  std::string settings() const { return codeSettings(CompileOpts); }

  enum class Emit { UnoptimizedIR, OptimizedIR, Assembly };
  /// The module as text, for wasm-compile and FileCheck tests.
  llvm::Expected<std::string> emitText(const Module &M,
                                       const VMOffsets &Offsets, Emit What);

  const JITOptions &options() const { return Opts; }

private:
  explicit JITCompiler(const JITOptions &Opts);
  JITOptions Opts;
  /// Opts as compile() uses them (wasm offsets on, for trap backtraces).
  JITOptions CompileOpts;
  /// Makes target machines (one per compiling thread).
  std::unique_ptr<llvm::orc::JITTargetMachineBuilder> TMB;
  ArtifactTarget Target;
};

} // namespace orca

#endif // ORCA_JIT_JITCOMPILER_H
