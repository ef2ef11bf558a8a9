//===- Runtime/Instantiate.cpp - Module instantiation ---------------------===//
//
// The spec's instantiation in order: check imports, build the instance
// (imports into the vmctx, tables, memories, globals), apply active element
// segments then active data segments one by one (a failing segment stops
// instantiation but earlier writes stay, as 2.0 requires), drop active and
// declarative segments, run the start function.
//
// Element segments that target a funcref table this instance defines are
// recorded as the table's lazy initialiser instead of building anyfuncs
// now; nothing outside the instance can observe the table before the
// segments are applied, so lazy and eager agree.
//
//===----------------------------------------------------------------------===//

#include "Runtime/Instance.h"
#include "Support/Error.h"

#include <cstring>

using namespace orca;

static void linkImports(InstanceData &I, llvm::ArrayRef<Extern> Imports) {
  const Module &M = I.mod();
  const CompiledModule::Impl &C = I.compiled();
  const VMOffsets &O = C.Offsets;
  void *V = I.vmctx();
  for (size_t N = 0; N < M.Imports.size(); ++N) {
    const Import &Imp = M.Imports[N];
    void *P = Imports[N].Ptr;
    switch (Imp.Kind) {
    case ExternKind::Func: {
      AnyfuncRef AF{P};
      const void *Body = AF.funcPtr();
      uint32_t TypeIndex = M.Funcs[Imp.Index].TypeIndex;
      if (isHostContext(AF.vmctx())) {
        // Host functions are entered through this module's trampoline for
        // the type; the first importer also gives the host function's
        // anyfunc a callable func_ptr.
        Body = C.Code->WasmToHost[TypeIndex];
        if (!AF.funcPtr())
          AF.setFuncPtr(Body);
      }
      storeAt<const void *>(V, O.importedFunctionBody(Imp.Index), Body);
      storeAt<void *>(V, O.importedFunctionVMCtx(Imp.Index), AF.vmctx());
      break;
    }
    case ExternKind::Table: {
      auto *T = static_cast<TableInstance *>(P);
      I.Tables[Imp.Index] = T;
      storeAt<void *>(V, O.importedTableFrom(Imp.Index), T->definition());
      storeAt<void *>(V, O.importedTableVMCtx(Imp.Index), T->ownerVMCtx());
      break;
    }
    case ExternKind::Memory: {
      auto *Mem = static_cast<MemoryInstance *>(P);
      I.Memories[Imp.Index] = Mem;
      storeAt<void *>(V, O.importedMemoryFrom(Imp.Index), Mem->definition());
      storeAt<void *>(V, O.importedMemoryVMCtx(Imp.Index), Mem->ownerVMCtx());
      storeAt<uintptr_t>(V, O.importedMemoryIndex(Imp.Index),
                         Mem->ownerIndex());
      break;
    }
    case ExternKind::Global: {
      auto *G = static_cast<GlobalInstance *>(P);
      I.Globals[Imp.Index] = G;
      storeAt<void *>(V, O.importedGlobalFrom(Imp.Index), G->cell());
      break;
    }
    }
  }
}

static llvm::Error createDefinitions(InstanceData &I) {
  const Module &M = I.mod();
  const VMOffsets &O = I.offsets();
  void *V = I.vmctx();
  MemoryLayout Layout = I.store().engine().memoryLayout();
  for (uint32_t T = M.NumImportedTables; T < M.Tables.size(); ++T) {
    uint32_t D = T - M.NumImportedTables;
    auto Tab = TableInstance::create(M.Tables[T].Type,
                                     addrAt(V, O.definedTable(D)), nullptr,
                                     /*Lazy=*/true);
    if (!Tab)
      return Tab.takeError();
    (*Tab)->setLazyOwner(&I);
    (*Tab)->setOwnerVMCtx(V);
    I.Tables[T] = Tab->get();
    I.OwnedTables.push_back(std::move(*Tab));
  }
  for (uint32_t N = M.NumImportedMemories; N < M.Memories.size(); ++N) {
    uint32_t D = N - M.NumImportedMemories;
    void *Def = addrAt(V, O.ownedMemory(D));
    auto Mem = MemoryInstance::create(M.Memories[N].Type, Def, Layout);
    if (!Mem)
      return Mem.takeError();
    storeAt<void *>(V, O.definedMemoryPointer(D), Def);
    (*Mem)->setOwner(V, D);
    I.Memories[N] = Mem->get();
    I.OwnedMemories.push_back(std::move(*Mem));
  }
  // In order, so that global.get in an initialiser sees earlier globals.
  for (uint32_t G = M.NumImportedGlobals; G < M.Globals.size(); ++G) {
    uint32_t D = G - M.NumImportedGlobals;
    auto Glob = std::make_unique<GlobalInstance>(M.Globals[G].Type,
                                                 addrAt(V, O.definedGlobal(D)));
    Glob->set(I.evalConst(M.Globals[G].Init));
    I.Globals[G] = Glob.get();
    I.OwnedGlobals.push_back(std::move(Glob));
  }
  return llvm::Error::success();
}

static uint64_t evalOffset(InstanceData &I, const ConstExpr &E, bool Is64) {
  Value V = I.evalConst(E);
  return Is64 ? V.asI64() : V.asI32();
}

static llvm::Error applyElemSegment(InstanceData &I, const ElemSegment &S) {
  TableInstance *T = I.Tables[S.TableIndex];
  uint64_t Off = evalOffset(I, S.OffsetExpr, false);
  uint64_t N = S.Items.size();
  if (!T->inBounds(Off, N))
    return makeError(ErrorKind::Uninstantiable, "out of bounds table access");
  bool Lazy = T->elemType() == ValType::FuncRef &&
              I.mod().NumImportedTables <= S.TableIndex;
  std::vector<uint32_t> &LazyFuncs = T->lazyFuncs();
  if (Lazy && N && LazyFuncs.size() < Off + N)
    LazyFuncs.resize(Off + N, TableInstance::NoFunc);
  for (uint64_t K = 0; K < N; ++K) {
    const ConstExpr &E = S.Items[K];
    uint32_t Idx = uint32_t(Off + K);
    if (Lazy && E.K == ConstExpr::RefFunc) {
      LazyFuncs[Idx] = uint32_t(E.Bits);
      T->slots()[Idx] = 0;
      continue;
    }
    if (Lazy)
      LazyFuncs[Idx] = TableInstance::NoFunc;
    T->set(Idx, I.evalConst(E).asRef());
  }
  return llvm::Error::success();
}

static llvm::Error applyDataSegment(InstanceData &I, const DataSegment &S) {
  MemoryInstance *Mem = I.Memories[S.MemoryIndex];
  bool Is64 = I.mod().Memories[S.MemoryIndex].Type.Lim.Is64;
  uint64_t Off = evalOffset(I, S.OffsetExpr, Is64);
  if (!Mem->inBounds(Off, S.DataSize))
    return makeError(ErrorKind::Uninstantiable, "out of bounds memory access");
  if (S.DataSize)
    std::memcpy(Mem->base() + Off, I.mod().Bytes.data() + S.DataStart,
                S.DataSize);
  return llvm::Error::success();
}

static llvm::Error initialize(InstanceData &I) {
  const Module &M = I.mod();
  if (llvm::Error E = createDefinitions(I))
    return E;
  for (size_t N = 0; N < M.Elems.size(); ++N) {
    const ElemSegment &S = M.Elems[N];
    if (S.Mode == SegmentMode::Passive)
      continue;
    if (S.Mode == SegmentMode::Active)
      if (llvm::Error E = applyElemSegment(I, S))
        return E;
    I.DroppedElems[N] = true;
  }
  for (size_t N = 0; N < M.Datas.size(); ++N) {
    const DataSegment &S = M.Datas[N];
    if (S.Mode != SegmentMode::Active)
      continue;
    if (llvm::Error E = applyDataSegment(I, S))
      return E;
    I.DroppedDatas[N] = true;
  }
  if (!M.Start)
    return llvm::Error::success();
  auto [Body, Callee] = I.callTarget(*M.Start);
  const void *Tramp =
      I.compiled().Code->HostToWasm[M.Funcs[*M.Start].TypeIndex];
  // The start function has type [] -> [], but trampolines may still touch
  // the first slot.
  ValRaw Slot{0, 0};
  return I.store().enterWasm(Tramp, Body, Callee, I.vmctx(), &Slot);
}

llvm::Expected<Instance *>
orca::instantiate(Store::Impl &S, const std::shared_ptr<CompiledModule> &CM,
                  llvm::ArrayRef<Extern> Imports) {
  if (llvm::Error E = checkImports(S.engine(), CM->impl(), Imports))
    return E;
  InstanceData *I = InstanceData::allocate(S, CM);
  // Owned by the store from here on, even if a later step fails: earlier
  // segments may already have put its functions into imported tables.
  S.Instances.push_back(I);
  const Module &M = I->mod();
  I->Tables.assign(M.Tables.size(), nullptr);
  I->Memories.assign(M.Memories.size(), nullptr);
  I->Globals.assign(M.Globals.size(), nullptr);
  linkImports(*I, Imports);
  if (llvm::Error E = initialize(*I))
    return E;
  return I;
}
