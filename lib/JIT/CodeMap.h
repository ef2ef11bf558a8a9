//===- JIT/CodeMap.h - Address ranges of JIT code ---------------*- C++ -*-===//
//
// What this file owns: the process-wide map from native code addresses to
// the JIT'd functions that contain them, and the JITLink plugin that keeps
// it up to date.
//
// Every defined function symbol of every linked module (wasm_func_N,
// trampolines) is recorded with its address range by CodeMapPlugin in a
// post-fixup pass, keyed by the module's ResourceKey, and removed when the
// resource tracker frees the code (CompiledCode's destructor).
//
// Invariants (async-signal safety): lookup() is called from signal
// handlers, on any thread, at any time. It never locks or allocates: the
// map is an immutable sorted array published through an atomic pointer.
// Writers (link, free) serialise on a mutex, build a new array, publish it,
// then wait until no reader is inside lookup() before freeing the old one.
// A reader copies what it needs out of the entry before it returns, so no
// reader ever holds an array across a siglongjmp.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_CODEMAP_H
#define ORCA_JIT_CODEMAP_H

#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace orca {

/// One JIT'd function's code.
struct CodeRange {
  uintptr_t Start = 0;
  uintptr_t End = 0; ///< one past the last byte
  /// The wasm function index (from the symbol wasm_func_N), or NoFunc for
  /// trampolines and other helpers.
  uint32_t FuncIndex = NoFunc;
  /// Identifies the linked module (the ORC ResourceKey of its tracker).
  uintptr_t Owner = 0;

  static constexpr uint32_t NoFunc = UINT32_MAX;
};

class CodeMap {
public:
  /// The process-wide map.
  static CodeMap &global();

  /// The range containing \p PC, if any. Async-signal-safe and lock-free.
  bool lookup(uintptr_t PC, CodeRange &Out) const;

  /// Adds ranges (any order); they must not overlap existing ones.
  void add(const std::vector<CodeRange> &Ranges);
  /// Removes every range of \p Owner.
  void removeOwner(uintptr_t Owner);
  /// Moves every range of \p From to \p To.
  void transferOwner(uintptr_t From, uintptr_t To);
  /// Number of ranges (for tests).
  size_t size() const;

  CodeMap() = default;
  ~CodeMap();
  CodeMap(const CodeMap &) = delete;
  CodeMap &operator=(const CodeMap &) = delete;

private:
  struct Table;
  void publish(Table *New);
  mutable std::atomic<Table *> Current{nullptr};
  mutable std::atomic<unsigned> Readers{0};
  std::mutex WriteLock;
};

/// Records every defined function of a linked graph in CodeMap::global().
class CodeMapPlugin : public llvm::orc::ObjectLinkingLayer::Plugin {
public:
  void modifyPassConfig(llvm::orc::MaterializationResponsibility &MR,
                        llvm::jitlink::LinkGraph &G,
                        llvm::jitlink::PassConfiguration &Config) override;
  llvm::Error
  notifyFailed(llvm::orc::MaterializationResponsibility &MR) override;
  llvm::Error notifyRemovingResources(llvm::orc::JITDylib &JD,
                                      llvm::orc::ResourceKey K) override;
  void notifyTransferringResources(llvm::orc::JITDylib &JD,
                                   llvm::orc::ResourceKey DstKey,
                                   llvm::orc::ResourceKey SrcKey) override;
};

} // namespace orca

#endif // ORCA_JIT_CODEMAP_H
