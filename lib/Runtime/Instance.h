//===- Runtime/Instance.h - An instance, ending in its vmctx ----*- C++ -*-===//
//
// Each instance is one allocation: the InstanceData object followed
// immediately by its vmctx of VMOffsets::size() bytes. Invariant: the vmctx
// starts exactly sizeof(InstanceData) bytes after the object (the size is a
// multiple of 16, the vmctx's alignment), so the runtime gets from the vmctx
// JIT code passes to builtins back to the instance by one subtraction
// (fromVMCtx). Nothing else may be placed between them.
//
// The object also holds the index spaces as runtime objects (imports
// first), the dropped-segment flags and the instance's owned tables,
// memories and globals.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_INSTANCE_H
#define ORCA_RUNTIME_INSTANCE_H

#include "Runtime/CompiledModuleImpl.h"
#include "Runtime/Global.h"
#include "Runtime/Memory.h"
#include "Runtime/Runtime.h"
#include "Runtime/StoreImpl.h"
#include "Runtime/Table.h"
#include "Runtime/VMContext.h"

#include <deque>
#include <memory>
#include <vector>

namespace orca {

class alignas(16) InstanceData : public Instance {
public:
  /// Allocates an instance of \p CM for store \p S with its vmctx header
  /// filled in; everything else in the vmctx is zero.
  static InstanceData *allocate(Store::Impl &S,
                                std::shared_ptr<CompiledModule> CM);
  /// Frees an instance made by allocate().
  static void destroy(InstanceData *I);

  /// The instance whose vmctx is \p VMCtx (see the file comment).
  static InstanceData *fromVMCtx(void *VMCtx) {
    return reinterpret_cast<InstanceData *>(static_cast<uint8_t *>(VMCtx) -
                                            sizeof(InstanceData));
  }
  void *vmctx() {
    return reinterpret_cast<uint8_t *>(this) + sizeof(InstanceData);
  }

  CompiledModule::Impl &compiled() const { return CM->impl(); }
  const std::shared_ptr<CompiledModule> &compiledModule() const { return CM; }
  const Module &mod() const { return *compiled().M; }
  const VMOffsets &offsets() const { return compiled().Offsets; }
  Store::Impl &store() const { return *S; }

  /// The anyfunc of function \p FuncIndex, built on first request. Stable
  /// for the instance's lifetime.
  void *anyfunc(uint32_t FuncIndex);
  /// The body and vmctx to call function \p FuncIndex with.
  std::pair<const void *, void *> callTarget(uint32_t FuncIndex);

  /// The value of a constant expression in this instance.
  Value evalConst(const ConstExpr &E);
  Value evalExtended(const ConstExpr &E);

  Extern externOf(ExternKind K, uint32_t Index);

  /// Index spaces, imports first.
  std::vector<TableInstance *> Tables;
  std::vector<MemoryInstance *> Memories;
  std::vector<GlobalInstance *> Globals;
  std::vector<std::unique_ptr<TableInstance>> OwnedTables;
  std::vector<std::unique_ptr<MemoryInstance>> OwnedMemories;
  std::vector<std::unique_ptr<GlobalInstance>> OwnedGlobals;
  std::vector<bool> DroppedElems;
  std::vector<bool> DroppedDatas;

private:
  InstanceData(Store::Impl &S, std::shared_ptr<CompiledModule> CM)
      : CM(std::move(CM)), S(&S) {}
  ~InstanceData() = default;
  void initHeader();

  std::shared_ptr<CompiledModule> CM;
  Store::Impl *S;
  /// Anyfuncs of functions without a vmctx slot (the decoder did not mark
  /// them as escaping): still stable, just outside the vmctx.
  std::deque<RecordStorage<3>> ExtraAnyfuncs;
  std::vector<std::pair<uint32_t, void *>> ExtraAnyfuncIndex;
};

/// Instantiates \p CM in \p S (Instantiate.cpp).
llvm::Expected<Instance *>
instantiate(Store::Impl &S, const std::shared_ptr<CompiledModule> &CM,
            llvm::ArrayRef<Extern> Imports);

/// Checks \p Imports against \p M's import types (Linking.cpp).
llvm::Error checkImports(Engine::Impl &E, const CompiledModule::Impl &M,
                         llvm::ArrayRef<Extern> Imports);

} // namespace orca

#endif // ORCA_RUNTIME_INSTANCE_H
