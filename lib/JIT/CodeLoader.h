//===- JIT/CodeLoader.h - Link compiled artifacts into code -----*- C++ -*-===//
//
// What this file owns: the ORC LLJIT (JITLink) instance of an engine, and
// the one path from a CompiledArtifact (JIT/Artifact.h) to running code:
// link its objects into a JITDylib of the module's own, register the code
// in the CodeMap (through the link plugin, JIT/CodeMap.h) and look up the
// entry points the artifact names. Fresh compiles, cache entries and
// precompiled files all load here. Loading never generates code: it only
// links objects (no IR layer is ever used).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_CODELOADER_H
#define ORCA_JIT_CODELOADER_H

#include "JIT/Artifact.h"

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/Error.h"

#include <atomic>
#include <memory>
#include <vector>

namespace llvm::orc {
class LLJIT;
class ResourceTracker;
} // namespace llvm::orc

namespace orca {

/// The native code of one module. Destroying it frees the code. It keeps the
/// engine's LLJIT alive, so code may outlive the CodeLoader that made it
/// (a module dropped after its engine, e.g. at static destruction).
class CompiledCode {
public:
  ~CompiledCode();
  /// Entry of each defined function (index: function index minus imports).
  std::vector<const void *> Functions;
  /// Per type index: host-to-wasm and wasm-to-host trampolines.
  std::vector<const void *> HostToWasm;
  std::vector<const void *> WasmToHost;
  /// What the code was loaded from (kept so that the module can be
  /// serialized again; the linked code no longer refers to it).
  std::shared_ptr<const CompiledArtifact> Artifact;

private:
  friend class CodeLoader;
  // Declared first so that it is destroyed after the tracker.
  std::shared_ptr<llvm::orc::LLJIT> JIT;
  llvm::IntrusiveRefCntPtr<llvm::orc::ResourceTracker> Tracker;
};

class CodeLoader {
public:
  /// A loader for the host. \p PerfMap: name linked code for perf
  /// (JIT/PerfMap.h).
  static llvm::Expected<std::unique_ptr<CodeLoader>> create(bool PerfMap);
  ~CodeLoader();

  /// Links \p A's objects and resolves its entry points. The caller has
  /// checked that \p A was made for this host (the loader cannot tell).
  /// Thread-safe.
  llvm::Expected<std::unique_ptr<CompiledCode>>
  load(std::shared_ptr<const CompiledArtifact> A);

private:
  CodeLoader() = default;
  std::shared_ptr<llvm::orc::LLJIT> JIT;
  std::atomic<unsigned> NextDylib{0};
};

} // namespace orca

#endif // ORCA_JIT_CODELOADER_H
