//===- API/Linker.cpp - Resolving imports by (module, name) ---------------===//
//
// Owns the Linker: definitions by (module, name), either store-independent
// host functions (created in a store the first time that store needs them,
// cached in the StoreState) or entities of one store; WASI preview1 from the
// instantiating store's WASI context; import type checks with messages that
// name the import. A moved-from Linker has no state: its operations fail
// with a Usage error ("empty linker") or find nothing.
//
//===----------------------------------------------------------------------===//

#include "API/Internal.h"

namespace orca {
inline namespace api {

using namespace detail;

namespace detail {
struct LinkerState {
  Engine E;
  bool Shadowing = false;
  bool Wasi = false;
  struct Def {
    std::optional<Extern> Ext;
    std::shared_ptr<HostFuncSpec> Spec;
  };
  std::map<std::pair<std::string, std::string>, Def> Defs;

  Result<void> add(std::string_view Module, std::string_view Name, Def D) {
    auto Key = std::make_pair(std::string(Module), std::string(Name));
    if (!Shadowing && Defs.count(Key))
      return Error(ErrorKind::Usage, "'" + Key.first + "::" + Key.second +
                                         "' is already defined");
    Defs[Key] = std::move(D);
    return {};
  }
};
} // namespace detail

static Error emptyLinker() {
  return Error(ErrorKind::Usage, "empty linker (moved from)");
}

Linker::Linker(const Engine &E) : State(std::make_unique<LinkerState>()) {
  State->E = E;
}
Linker::~Linker() = default;
Linker::Linker(Linker &&) noexcept = default;
Linker &Linker::operator=(Linker &&) noexcept = default;

void Linker::allowShadowing(bool Allow) {
  if (State)
    State->Shadowing = Allow;
}

Result<void> Linker::define(Store &S, std::string_view Module,
                            std::string_view Name, const Extern &E) {
  if (!State)
    return emptyLinker();
  if (!S.id() || Access::handle(E).StoreId != S.id() || !Access::handle(E).Ptr)
    return wrongStoreError();
  return State->add(Module, Name, LinkerState::Def{E, nullptr});
}

Result<void> Linker::defineSpec(std::string_view Module, std::string_view Name,
                                std::shared_ptr<HostFuncSpec> Spec) {
  if (!State)
    return emptyLinker();
  return State->add(Module, Name, LinkerState::Def{std::nullopt, Spec});
}

Result<void> Linker::funcNew(std::string_view Module, std::string_view Name,
                             const FuncType &T, HostFunction Fn) {
  if (!Fn)
    return Error(ErrorKind::Usage, "funcNew: empty host function");
  auto Spec = std::make_shared<HostFuncSpec>();
  Spec->Type = T;
  Spec->Dynamic = std::move(Fn);
  return defineSpec(Module, Name, std::move(Spec));
}

Result<void> Linker::defineInstance(Store &S, std::string_view Module,
                                    const Instance &I) {
  if (!State)
    return emptyLinker();
  if (!S.id() || Access::handle(I).StoreId != S.id() || !Access::handle(I).Ptr)
    return wrongStoreError();
  for (auto &[Name, E] : I.exports(S))
    if (Result<void> R = define(S, Module, Name, E); !R)
      return R;
  return {};
}

Result<void> Linker::defineWasi() {
  if (!State)
    return emptyLinker();
  State->Wasi = true;
  return {};
}

/// The store's runtime entity for a definition, or an error.
static Result<rt::Extern> resolveDef(StoreState &St,
                                     const LinkerState::Def &D) {
  if (D.Spec)
    return St.funcForSpec(D.Spec);
  return toRT(*D.Ext, St);
}

std::optional<Extern> Linker::get(Store &S, std::string_view Module,
                                  std::string_view Name) const {
  if (!State)
    return std::nullopt;
  auto It = State->Defs.find({std::string(Module), std::string(Name)});
  StoreState *St = Access::state(S);
  if (It == State->Defs.end() || !St)
    return std::nullopt;
  Result<rt::Extern> X = resolveDef(*St, It->second);
  if (!X)
    return std::nullopt;
  return fromRT(*X, St->Id);
}

Result<Instance> Linker::instantiate(Store &S, const Module &M) const {
  if (!State)
    return emptyLinker();
  StoreState *St = Access::state(S);
  if (!St)
    return wrongStoreError();
  if (!Access::state(M))
    return Error(ErrorKind::Usage, "empty module");
  const std::vector<ImportType> &Imps = M.imports();
  std::vector<rt::Extern> Out(Imps.size());
  bool NeedWasi = false;
  for (size_t I = 0; I < Imps.size(); ++I) {
    const ImportType &Imp = Imps[I];
    std::string Full = Imp.Module + "::" + Imp.Name;
    auto It = State->Defs.find({Imp.Module, Imp.Name});
    if (It == State->Defs.end()) {
      if (State->Wasi && Imp.Module == wasi::WasiModuleName) {
        NeedWasi = true;
        continue;
      }
      return Error(ErrorKind::Unlinkable, "unknown import: " + Full);
    }
    Result<rt::Extern> X = resolveDef(*St, It->second);
    if (!X)
      return Error(ErrorKind::Unlinkable,
                   "import " + Full + ": " + X.error().message());
    ExternKind Have = fromRT(X->Kind);
    if (Have != Imp.Type.Kind)
      return Error(ErrorKind::Unlinkable, "incompatible import type: " + Full +
                                              " is a " + externKindName(Have) +
                                              ", imported as a " +
                                              externKindName(Imp.Type.Kind));
    if (Have == ExternKind::Func) {
      FuncType HT = fromRT(St->RT->funcType(*X));
      if (HT != Imp.Type.Func)
        return Error(ErrorKind::Unlinkable,
                     "incompatible import type: " + Full + " is imported as " +
                         Imp.Type.Func.toString() + " but has type " +
                         HT.toString());
    } else if (Have == ExternKind::Global) {
      rt::GlobalType GT = St->RT->globalType(*X);
      if (fromRT(GT.Type) != Imp.Type.Global.Type ||
          GT.Mutable != Imp.Type.Global.Mutable)
        return Error(ErrorKind::Unlinkable,
                     "incompatible import type: " + Full + " is imported as " +
                         Imp.Type.toString());
    }
    Out[I] = *X;
  }
  if (NeedWasi) {
    if (!St->WasiDefs)
      return Error(ErrorKind::Unlinkable,
                   "the module imports WASI but the store has no WASI "
                   "context (call Store::setWasi)");
    // Resolve the whole list through a copy of the store's WASI resolver
    // with this linker's definitions layered on top.
    wasi::ImportResolver R = *St->WasiDefs;
    for (size_t I = 0; I < Imps.size(); ++I)
      if (Out[I])
        R.define(Imps[I].Module, Imps[I].Name, Out[I]);
    auto All = R.resolve(*St->RT, *Access::state(M)->CM);
    if (!All)
      return fromRT(All.takeError(), St);
    Out = std::move(*All);
  }
  return detail::instantiate(S, M, std::move(Out));
}

} // namespace api
} // namespace orca
