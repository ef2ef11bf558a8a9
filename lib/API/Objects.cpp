//===- API/Objects.cpp - Memory, Table, Global, Extern, Instance ----------===//
//
// Owns the store-checked operations on memories, tables and globals, the
// Extern variant, and instantiation (with the store's limits).
//
//===----------------------------------------------------------------------===//

#include "API/Internal.h"

namespace orca {
inline namespace api {

using namespace detail;

/// The runtime state of a store when \p H belongs to it, else null.
static StoreState *owner(const Store &S, const Handle &H) {
  if (S.id() != H.StoreId || !H.Ptr)
    return nullptr;
  return Access::state(S);
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

static MemoryInstance *memOf(const Memory &M) {
  return static_cast<MemoryInstance *>(Access::handle(M).Ptr);
}

/// Usage error text when \p L's maximum is below its minimum.
static std::optional<Error> badLimits(const Limits &L) {
  if (L.Max && *L.Max < L.Min)
    return Error(ErrorKind::Usage, "limits: minimum " + std::to_string(L.Min) +
                                       " exceeds maximum " +
                                       std::to_string(*L.Max));
  return std::nullopt;
}

Result<Memory> Memory::create(Store &S, const MemoryType &T) {
  StoreState *St = Access::state(S);
  if (!St)
    return wrongStoreError();
  if (std::optional<Error> E = badLimits(T.Lim))
    return std::move(*E);
  if (T.Shared && !T.Lim.Max)
    return Error(ErrorKind::Usage, "a shared memory needs a maximum");
  if (T.Lim.Min > St->Lim.MaxMemoryPages)
    return Error(ErrorKind::Resource,
                 "memory minimum exceeds the store's limit");
  if (St->NumMemories >= St->Lim.MaxMemories)
    return Error(ErrorKind::Resource, "the store's memory limit is reached");
  rt::MemoryType MT;
  MT.Lim = toRT(T.Lim);
  MT.Lim.Shared = T.Shared;
  auto X = St->RT->createMemory(MT);
  if (!X)
    return fromRT(X.takeError(), St);
  ++St->NumMemories;
  return Access::make<Memory>(St->Id, X->Ptr);
}

std::span<uint8_t> Memory::data(Store &S) const {
  if (!owner(S, *this))
    return {};
  return {memOf(*this)->base(), size_t(memOf(*this)->byteSize())};
}

uint64_t Memory::dataSize(const Store &S) const {
  return owner(S, *this) ? memOf(*this)->byteSize() : 0;
}

uint64_t Memory::size(const Store &S) const {
  return owner(S, *this) ? memOf(*this)->pages() : 0;
}

MemoryType Memory::type(const Store &S) const {
  if (!owner(S, *this))
    return MemoryType();
  rt::MemoryType T = memOf(*this)->currentType();
  return MemoryType{fromRT(T.Lim), T.Lim.Shared};
}

Result<uint64_t> Memory::grow(Store &S, uint64_t DeltaPages) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  MemoryInstance *M = memOf(*this);
  if (!St->RT->impl().memoryMayGrow(M->pages(), DeltaPages))
    return Error(ErrorKind::Resource,
                 "memory growth exceeds the store's limit");
  int64_t Old = M->grow(DeltaPages);
  if (Old < 0)
    return Error(ErrorKind::Resource, "memory cannot grow by " +
                                          std::to_string(DeltaPages) +
                                          " pages");
  return uint64_t(Old);
}

Result<void> Memory::read(Store &S, uint64_t Offset,
                          std::span<uint8_t> Out) const {
  if (!owner(S, *this))
    return wrongStoreError();
  MemoryInstance *M = memOf(*this);
  if (!M->inBounds(Offset, Out.size()))
    return Error(ErrorKind::Usage, "memory access out of bounds");
  std::memcpy(Out.data(), M->base() + Offset, Out.size());
  return {};
}

Result<void> Memory::write(Store &S, uint64_t Offset,
                           std::span<const uint8_t> In) const {
  if (!owner(S, *this))
    return wrongStoreError();
  MemoryInstance *M = memOf(*this);
  if (!M->inBounds(Offset, In.size()))
    return Error(ErrorKind::Usage, "memory access out of bounds");
  std::memcpy(M->base() + Offset, In.data(), In.size());
  return {};
}

//===----------------------------------------------------------------------===//
// Table
//===----------------------------------------------------------------------===//

static TableInstance *tabOf(const Table &T) {
  return static_cast<TableInstance *>(Access::handle(T).Ptr);
}

/// The decoded reference a table stores for \p V.
static Result<void *> refFor(const Val &V, ValType Elem, uint64_t StoreId) {
  if (V.type() != Elem)
    return Error(ErrorKind::Usage,
                 std::string("table element type mismatch: got ") +
                     valTypeName(V.type()) + ", expected " + valTypeName(Elem));
  Result<Value> R = toRT(V, StoreId);
  if (!R)
    return std::move(R.error());
  return R->asRef();
}

Result<Table> Table::create(Store &S, const TableType &T, const Val &Init) {
  StoreState *St = Access::state(S);
  if (!St)
    return wrongStoreError();
  if (std::optional<Error> E = badLimits(T.Lim))
    return std::move(*E);
  if (T.Lim.Min > St->Lim.MaxTableElements)
    return Error(ErrorKind::Resource,
                 "table minimum exceeds the store's limit");
  if (St->NumTables >= St->Lim.MaxTables)
    return Error(ErrorKind::Resource, "the store's table limit is reached");
  if (T.Elem != ValType::FuncRef && T.Elem != ValType::ExternRef)
    return Error(ErrorKind::Usage, "table elements must be references");
  Result<void *> Ref = refFor(Init, T.Elem, St->Id);
  if (!Ref)
    return std::move(Ref.error());
  rt::TableType TT;
  TT.Elem = toRT(T.Elem);
  TT.Lim = toRT(T.Lim);
  auto X = St->RT->createTable(TT, Value::ref(TT.Elem, *Ref));
  if (!X)
    return fromRT(X.takeError(), St);
  ++St->NumTables;
  return Access::make<Table>(St->Id, X->Ptr);
}

uint32_t Table::size(const Store &S) const {
  return owner(S, *this) ? tabOf(*this)->size() : 0;
}

TableType Table::type(const Store &S) const {
  if (!owner(S, *this))
    return TableType();
  rt::TableType T = tabOf(*this)->currentType();
  return TableType{fromRT(T.Elem), fromRT(T.Lim)};
}

Result<Val> Table::get(Store &S, uint32_t Index) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  void *P = nullptr;
  if (!tabOf(*this)->get(Index, P))
    return Error(ErrorKind::Usage, "table index out of bounds");
  return fromRT(Value::ref(tabOf(*this)->elemType(), P), St->Id);
}

Result<void> Table::set(Store &S, uint32_t Index, const Val &V) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  Result<void *> Ref = refFor(V, fromRT(tabOf(*this)->elemType()), St->Id);
  if (!Ref)
    return std::move(Ref.error());
  if (!tabOf(*this)->set(Index, *Ref))
    return Error(ErrorKind::Usage, "table index out of bounds");
  return {};
}

Result<uint32_t> Table::grow(Store &S, uint32_t Delta, const Val &Init) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  Result<void *> Ref = refFor(Init, fromRT(tabOf(*this)->elemType()), St->Id);
  if (!Ref)
    return std::move(Ref.error());
  if (!St->RT->impl().tableMayGrow(tabOf(*this)->size(), Delta))
    return Error(ErrorKind::Resource, "table growth exceeds the store's limit");
  int64_t Old = tabOf(*this)->grow(Delta, *Ref);
  if (Old < 0)
    return Error(ErrorKind::Resource,
                 "table cannot grow by " + std::to_string(Delta));
  return uint32_t(Old);
}

//===----------------------------------------------------------------------===//
// Global
//===----------------------------------------------------------------------===//

Result<Global> Global::create(Store &S, const GlobalType &T, const Val &Init) {
  StoreState *St = Access::state(S);
  if (!St)
    return wrongStoreError();
  if (Init.type() != T.Type)
    return Error(ErrorKind::Usage, std::string("global type mismatch: got ") +
                                       valTypeName(Init.type()) +
                                       ", expected " + valTypeName(T.Type));
  Result<Value> V = toRT(Init, St->Id);
  if (!V)
    return std::move(V.error());
  rt::GlobalType GT;
  GT.Type = toRT(T.Type);
  GT.Mutable = T.Mutable;
  return Access::make<Global>(St->Id, St->RT->createGlobal(GT, *V).Ptr);
}

GlobalType Global::type(const Store &S) const {
  if (!owner(S, *this))
    return GlobalType();
  rt::GlobalType T =
      static_cast<GlobalInstance *>(Access::handle(*this).Ptr)->type();
  return GlobalType{fromRT(T.Type), T.Mutable};
}

Result<Val> Global::get(Store &S) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  return fromRT(St->RT->getGlobal(rt::Extern{rt::ExternKind::Global, Ptr}),
                St->Id);
}

Result<void> Global::set(Store &S, const Val &V) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return wrongStoreError();
  Result<Value> RV = toRT(V, St->Id);
  if (!RV)
    return std::move(RV.error());
  if (llvm::Error E =
          St->RT->setGlobal(rt::Extern{rt::ExternKind::Global, Ptr}, *RV))
    return fromRT(std::move(E), St);
  return {};
}

//===----------------------------------------------------------------------===//
// Extern
//===----------------------------------------------------------------------===//

Extern::Extern(const Func &F) : Kind(ExternKind::Func), H(Access::handle(F)) {}
Extern::Extern(const Table &T)
    : Kind(ExternKind::Table), H(Access::handle(T)) {}
Extern::Extern(const Memory &M)
    : Kind(ExternKind::Memory), H(Access::handle(M)) {}
Extern::Extern(const Global &G)
    : Kind(ExternKind::Global), H(Access::handle(G)) {}

std::optional<Func> Extern::func() const {
  if (Kind != ExternKind::Func)
    return std::nullopt;
  return Access::make<Func>(H.StoreId, H.Ptr);
}
std::optional<Table> Extern::table() const {
  if (Kind != ExternKind::Table)
    return std::nullopt;
  return Access::make<Table>(H.StoreId, H.Ptr);
}
std::optional<Memory> Extern::memory() const {
  if (Kind != ExternKind::Memory)
    return std::nullopt;
  return Access::make<Memory>(H.StoreId, H.Ptr);
}
std::optional<Global> Extern::global() const {
  if (Kind != ExternKind::Global)
    return std::nullopt;
  return Access::make<Global>(H.StoreId, H.Ptr);
}

//===----------------------------------------------------------------------===//
// Instance
//===----------------------------------------------------------------------===//

namespace detail {
Result<Instance> instantiate(Store &S, const Module &M,
                             std::vector<rt::Extern> Imports) {
  StoreState *St = Access::state(S);
  const ModuleState *MS = Access::state(M);
  if (!St || !MS)
    return Error(ErrorKind::Usage, "empty store or module");
  if (Access::state(MS->E) != Access::state(St->E))
    return Error(ErrorKind::Usage,
                 "the module was compiled by another engine than the store's");
  if (St->NumInstances >= St->Lim.MaxInstances)
    return Error(ErrorKind::Resource, "the store's instance limit is reached");
  const rt::Module &RM = MS->CM->module();
  uint64_t NewMemories = 0, NewTables = 0;
  for (const auto &Mem : RM.Memories) {
    if (Mem.Imported)
      continue;
    ++NewMemories;
    if (Mem.Type.Lim.Min > St->Lim.MaxMemoryPages)
      return Error(ErrorKind::Resource,
                   "memory minimum exceeds the store's limit");
  }
  for (const auto &Tab : RM.Tables) {
    if (Tab.Imported)
      continue;
    ++NewTables;
    if (Tab.Type.Lim.Min > St->Lim.MaxTableElements)
      return Error(ErrorKind::Resource,
                   "table minimum exceeds the store's limit");
  }
  // Counts of memories and tables the store owns, as wasmtime's
  // StoreLimits: imported ones exist already.
  if (NewMemories >
      St->Lim.MaxMemories - std::min(St->NumMemories, St->Lim.MaxMemories))
    return Error(ErrorKind::Resource, "the store's memory limit is reached");
  if (NewTables >
      St->Lim.MaxTables - std::min(St->NumTables, St->Lim.MaxTables))
    return Error(ErrorKind::Resource, "the store's table limit is reached");
  auto I = St->RT->instantiate(MS->CM, Imports);
  if (!I)
    return fromRT(I.takeError(), St);
  ++St->NumInstances;
  St->NumMemories += NewMemories;
  St->NumTables += NewTables;
  return Access::make<Instance>(St->Id, *I);
}
} // namespace detail

Result<Instance> Instance::create(Store &S, const Module &M,
                                  std::span<const Extern> Imports) {
  StoreState *St = Access::state(S);
  if (!St)
    return wrongStoreError();
  const std::vector<ImportType> &Want = M.imports();
  if (Imports.size() != Want.size())
    return Error(ErrorKind::Unlinkable,
                 "wrong number of imports: the module needs " +
                     std::to_string(Want.size()) + ", got " +
                     std::to_string(Imports.size()));
  std::vector<rt::Extern> RImports;
  for (size_t I = 0; I < Imports.size(); ++I) {
    Result<rt::Extern> X = toRT(Imports[I], *St);
    if (!X)
      return std::move(X.error());
    RImports.push_back(*X);
  }
  return instantiate(S, M, std::move(RImports));
}

std::optional<Extern> Instance::getExport(Store &S,
                                          std::string_view Name) const {
  StoreState *St = owner(S, *this);
  if (!St)
    return std::nullopt;
  std::optional<rt::Extern> X =
      static_cast<rt::Instance *>(Ptr)->getExport(Name);
  if (!X)
    return std::nullopt;
  return fromRT(*X, St->Id);
}

std::optional<Func> Instance::getFunc(Store &S, std::string_view Name) const {
  std::optional<Extern> E = getExport(S, Name);
  return E ? E->func() : std::nullopt;
}
std::optional<Memory> Instance::getMemory(Store &S,
                                          std::string_view Name) const {
  std::optional<Extern> E = getExport(S, Name);
  return E ? E->memory() : std::nullopt;
}
std::optional<Table> Instance::getTable(Store &S, std::string_view Name) const {
  std::optional<Extern> E = getExport(S, Name);
  return E ? E->table() : std::nullopt;
}
std::optional<Global> Instance::getGlobal(Store &S,
                                          std::string_view Name) const {
  std::optional<Extern> E = getExport(S, Name);
  return E ? E->global() : std::nullopt;
}

std::vector<std::pair<std::string, Extern>> Instance::exports(Store &S) const {
  std::vector<std::pair<std::string, Extern>> Out;
  StoreState *St = owner(S, *this);
  if (!St)
    return Out;
  auto *I = static_cast<rt::Instance *>(Ptr);
  for (const Export &X : I->module().exports())
    if (std::optional<Extern> E = getExport(S, X.Name))
      Out.emplace_back(X.Name, *E);
  return Out;
}

} // namespace api
} // namespace orca
