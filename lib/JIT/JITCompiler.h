//===- JIT/JITCompiler.h - Compile a module to native code with ORC -*- C++
//-*-===//
//
// Owns the ORC LLJIT (JITLink) instance of an engine and turns validated
// modules into native code: split the functions into parts, translate,
// optimise (at the configured level, for the host CPU) and emit each part
// to an object file on its own thread, link the objects into a JITDylib of
// the module's own, and look up the entry points. The code of a module
// lives as long as its CompiledCode.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_JITCOMPILER_H
#define ORCA_JIT_JITCOMPILER_H

#include "Binary/Module.h"
#include "CodeGen/CodeGenOptions.h"
#include "Environ/VMOffsets.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace llvm::orc {
class JITTargetMachineBuilder;
class LLJIT;
class ResourceTracker;
} // namespace llvm::orc

namespace orca {

struct JITOptions {
  unsigned OptLevel = 2;   ///< 0..3
  std::string CPU;         ///< empty: the host CPU
  std::string CPUFeatures; ///< empty: the host CPU's features
  /// For emitText only (e.g. "aarch64-linux-gnu"): the target to print
  /// code for; CPU and CPUFeatures then apply to it (empty: generic).
  /// Empty: the host. compile() always targets the host.
  std::string TargetTriple;
  /// Threads compiling one module's parts in parallel; 0: one per
  /// hardware thread. 1 compiles the module as a single LLVM module.
  unsigned CompileThreads = 0;
  /// Function-body bytes below which a part is not worth its own LLVM
  /// module (calls across parts cannot be inlined; each part has fixed
  /// costs). Tests lower it to force splitting.
  uint64_t MinPartBytes = 16 * 1024;
  /// Write /tmp/perf-<pid>.map for perf (JIT/PerfMap.h).
  bool PerfMap = false;
  CodeGenOptions CodeGen;
};

/// The native code of one module. Destroying it frees the code. It keeps the
/// engine's LLJIT alive, so code may outlive the JITCompiler that made it
/// (a module dropped after its engine, e.g. at static destruction).
class CompiledCode {
public:
  ~CompiledCode();
  /// Entry of each defined function (index: function index minus imports).
  std::vector<const void *> Functions;
  /// Per type index: host-to-wasm and wasm-to-host trampolines.
  std::vector<const void *> HostToWasm;
  std::vector<const void *> WasmToHost;

private:
  friend class JITCompiler;
  // Declared first so that it is destroyed after the tracker.
  std::shared_ptr<llvm::orc::LLJIT> JIT;
  llvm::IntrusiveRefCntPtr<llvm::orc::ResourceTracker> Tracker;
};

class JITCompiler {
public:
  static llvm::Expected<std::unique_ptr<JITCompiler>>
  create(const JITOptions &Opts);
  ~JITCompiler();

  llvm::Expected<std::unique_ptr<CompiledCode>>
  compile(const Module &M, const VMOffsets &Offsets);

  enum class Emit { UnoptimizedIR, OptimizedIR, Assembly };
  /// The module as text, for wasm-compile and FileCheck tests.
  llvm::Expected<std::string> emitText(const Module &M,
                                       const VMOffsets &Offsets, Emit What);

  const JITOptions &options() const { return Opts; }

private:
  explicit JITCompiler(const JITOptions &Opts);
  JITOptions Opts;
  /// Makes target machines for the host (one per compiling thread).
  std::unique_ptr<llvm::orc::JITTargetMachineBuilder> HostTMB;
  std::shared_ptr<llvm::orc::LLJIT> JIT;
  std::mutex DylibMutex;
  unsigned NextDylib = 0;
};

} // namespace orca

#endif // ORCA_JIT_JITCOMPILER_H
