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
// Wasm offsets: a wasm function's range also points to its PC map, a
// sorted array of WasmOffsetRow built from the object's DWARF line table
// (lines are wasm byte offsets, see CodeGen/DebugLocations.h), and to its
// inlining map: sorted InlineRows naming, for each stretch of code, the
// innermost InlineScope (a call LLVM inlined) it belongs to, built from the
// DW_TAG_inlined_subroutine entries of the object's .debug_info. The map
// owns those arrays; they are freed only after the table that refers to
// them has been replaced and every reader has left, exactly like the
// tables themselves, so lookup() may search them without a lock.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_CODEMAP_H
#define ORCA_JIT_CODEMAP_H

#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace orca {

/// One row of a function's PC map: the code from PCOffset (bytes from the
/// function's start) up to the next row's PCOffset comes from the wasm
/// instruction at byte WasmOffset of the module (0: from no instruction).
/// 8 bytes per row; rows are only made where the offset changes.
struct WasmOffsetRow {
  uint32_t PCOffset;
  uint32_t WasmOffset;
};

/// A call LLVM inlined: the code of wasm function Callee that replaced the
/// call at module byte offset CallOffset, in the function of scope Parent
/// (an index into the same function's scopes, always below this scope's
/// own), or, when Parent is NoScope, in the function the range itself is
/// (the physical frame).
struct InlineScope {
  uint32_t Callee;
  uint32_t CallOffset;
  uint32_t Parent;

  static constexpr uint32_t NoScope = UINT32_MAX;
};

/// One row of a function's inlining map: the code from PCOffset up to the
/// next row's PCOffset belongs to scope Scope, innermost (NoScope: to no
/// inlined call). 8 bytes per row; rows are only made where it changes.
struct InlineRow {
  uint32_t PCOffset;
  uint32_t Scope;
};

/// The wasm frames of one PC, as far as debug info says: wasm function
/// FuncIndex, at the instruction at module byte offset WasmOffset (0: not
/// known).
struct WasmFrame {
  uint32_t FuncIndex;
  uint32_t WasmOffset;
};

/// What CodeMapPlugin reads from an object for one wasm function.
struct FunctionDebugInfo {
  std::vector<WasmOffsetRow> Rows;
  std::vector<InlineRow> Inlined;
  std::vector<InlineScope> Scopes;
  bool empty() const { return Rows.empty() && Inlined.empty(); }
};

/// One JIT'd function's code.
struct CodeRange {
  uintptr_t Start = 0;
  uintptr_t End = 0; ///< one past the last byte
  /// The wasm function index (from the symbol wasm_func_N), or NoFunc for
  /// trampolines and other helpers.
  uint32_t FuncIndex = NoFunc;
  /// Identifies the linked module (the ORC ResourceKey of its tracker).
  uintptr_t Owner = 0;
  /// The function's PC map, sorted by PCOffset; owned by the CodeMap and
  /// only valid inside it (readers get offsets through lookup()).
  const WasmOffsetRow *Rows = nullptr;
  uint32_t NumRows = 0;
  /// The function's inlining map, sorted by PCOffset, and the scopes its
  /// rows name; owned like Rows.
  const InlineRow *Inlined = nullptr;
  uint32_t NumInlined = 0;
  const InlineScope *Scopes = nullptr;
  uint32_t NumScopes = 0;

  static constexpr uint32_t NoFunc = UINT32_MAX;
};

class CodeMap {
public:
  /// The process-wide map.
  static CodeMap &global();

  /// The range containing \p PC, if any. Async-signal-safe and lock-free.
  /// With \p WasmOffset, also the byte offset of the wasm instruction the
  /// code at \p PC came from (in inlined code: the innermost callee's), or
  /// 0 when the range's PC map does not say. For a return address, pass
  /// the address minus one (the call itself).
  bool lookup(uintptr_t PC, CodeRange &Out,
              uint32_t *WasmOffset = nullptr) const;

  /// The range containing \p PC, if any, and the wasm frames of the code at
  /// \p PC, innermost first: the functions inlined there (each at its
  /// instruction, then at the call that was inlined), ending with the
  /// range's own function. Writes at most \p MaxFrames (the innermost ones)
  /// and returns how many; 0 when \p PC is in no wasm function's range.
  /// Async-signal-safe and lock-free, like lookup().
  unsigned lookupFrames(uintptr_t PC, CodeRange &Out, WasmFrame *Frames,
                        unsigned MaxFrames) const;

  /// Adds ranges (any order); they must not overlap existing ones. Their
  /// Rows and Inlined must be null.
  void add(const std::vector<CodeRange> &Ranges);
  /// As add(); \p Info[I] (possibly empty) is the PC map and inlining map
  /// of \p Ranges[I], kept until the range's owner is removed.
  void add(std::vector<CodeRange> Ranges, std::vector<FunctionDebugInfo> Info);
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
  void addLocked(const std::vector<CodeRange> &Ranges);
  mutable std::atomic<Table *> Current{nullptr};
  mutable std::atomic<unsigned> Readers{0};
  std::mutex WriteLock;
  /// The PC and inlining maps ranges point to, by owner. Guarded by
  /// WriteLock; never modified while a table points into them.
  struct OwnedInfo {
    uintptr_t Owner;
    std::unique_ptr<FunctionDebugInfo> Info;
  };
  std::vector<OwnedInfo> InfoStorage;
};

/// Records every defined function of a linked graph in CodeMap::global(),
/// with the PC map and inlining map of each wasm function when the object
/// has DWARF. Debug sections are not allocated in JIT memory (JITLink
/// leaves non-alloc sections out); the line table and the inlined
/// subroutines are read from the relocatable object in
/// notifyMaterializing, in section-relative addresses, kept relative to
/// each function's start, and attached to the function's final range
/// after fixups.
class CodeMapPlugin : public llvm::orc::ObjectLinkingLayer::Plugin {
public:
  CodeMapPlugin();
  ~CodeMapPlugin() override;
  void notifyMaterializing(llvm::orc::MaterializationResponsibility &MR,
                           llvm::jitlink::LinkGraph &G,
                           llvm::jitlink::JITLinkContext &Ctx,
                           llvm::MemoryBufferRef InputObject) override;
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

private:
  /// PC maps read by notifyMaterializing, waiting for their graph's
  /// post-fixup pass.
  struct Pending;
  std::mutex PendingLock;
  std::unique_ptr<Pending> Waiting;
};

} // namespace orca

#endif // ORCA_JIT_CODEMAP_H
