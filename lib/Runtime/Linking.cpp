//===- Runtime/Linking.cpp - Import type checks ---------------------------===//
//
// The spec's import matching: kinds equal, function types equal (one
// signature-id comparison), table element types equal, memories equally
// shared or not (threads), global types and mutability equal, and limits
// matched against the entity's *current* size (a grown memory satisfies a
// larger minimum). A mismatch says "incompatible import type" (the spec's
// wording, which scripts match), then names the import and both types.
//
//===----------------------------------------------------------------------===//

#include "Runtime/Global.h"
#include "Runtime/Instance.h"
#include "Support/Error.h"

using namespace orca;

static bool limitsMatch(const Limits &Actual, const Limits &Expected) {
  if (Actual.Min < Expected.Min)
    return false;
  if (!Expected.Max)
    return true;
  return Actual.Max && *Actual.Max <= *Expected.Max;
}

static bool importMatches(const CompiledModule::Impl &CM, const Import &Imp,
                          const Extern &X) {
  const Module &M = *CM.M;
  switch (Imp.Kind) {
  case ExternKind::Func: {
    uint32_t Want = CM.SigIds[M.Funcs[Imp.Index].TypeIndex];
    return AnyfuncRef{X.Ptr}.typeIndex() == Want;
  }
  case ExternKind::Table: {
    const TableType &Want = M.Tables[Imp.Index].Type;
    TableType Have = static_cast<TableInstance *>(X.Ptr)->currentType();
    return Have.Elem == Want.Elem && limitsMatch(Have.Lim, Want.Lim);
  }
  case ExternKind::Memory: {
    const MemoryType &Want = M.Memories[Imp.Index].Type;
    MemoryType Have = static_cast<MemoryInstance *>(X.Ptr)->currentType();
    return Have.Lim.Shared == Want.Lim.Shared &&
           limitsMatch(Have.Lim, Want.Lim);
  }
  case ExternKind::Global: {
    const GlobalType &Want = M.Globals[Imp.Index].Type;
    const GlobalType &Have = static_cast<GlobalInstance *>(X.Ptr)->type();
    return Have.Type == Want.Type && Have.Mutable == Want.Mutable;
  }
  }
  return false;
}

static std::string limitsText(const Limits &L) {
  std::string S = std::to_string(L.Min);
  if (L.Max)
    S += ".." + std::to_string(*L.Max);
  return S;
}

static std::string typeText(const FuncType &T) {
  std::string S = "func (";
  for (size_t I = 0; I < T.Params.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(T.Params[I]);
  S += ") -> (";
  for (size_t I = 0; I < T.Results.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(T.Results[I]);
  return S + ")";
}

static std::string typeText(const TableType &T) {
  return std::string("table ") + limitsText(T.Lim) + " " + valTypeName(T.Elem);
}

static std::string typeText(const MemoryType &T) {
  return "memory " + limitsText(T.Lim) + (T.Lim.Shared ? " shared" : "");
}

static std::string typeText(const GlobalType &T) {
  return std::string("global ") + (T.Mutable ? "mut " : "") +
         valTypeName(T.Type);
}

/// "memory 1..2 shared", "func (i32) -> ()", ... for what import \p Imp
/// asks for (\p Wanted) or what \p X is.
static std::string importTypeText(Engine::Impl &E, const Module &M,
                                  const Import &Imp, const Extern &X,
                                  bool Wanted) {
  switch (Imp.Kind) {
  case ExternKind::Func:
    return typeText(Wanted ? M.funcType(Imp.Index)
                           : E.Sigs.lookup(AnyfuncRef{X.Ptr}.typeIndex()));
  case ExternKind::Table:
    return typeText(Wanted
                        ? M.Tables[Imp.Index].Type
                        : static_cast<TableInstance *>(X.Ptr)->currentType());
  case ExternKind::Memory:
    return typeText(Wanted
                        ? M.Memories[Imp.Index].Type
                        : static_cast<MemoryInstance *>(X.Ptr)->currentType());
  case ExternKind::Global:
    return typeText(Wanted ? M.Globals[Imp.Index].Type
                           : static_cast<GlobalInstance *>(X.Ptr)->type());
  }
  return "?";
}

llvm::Error orca::checkImports(Engine::Impl &E, const CompiledModule::Impl &CM,
                               llvm::ArrayRef<Extern> Imports) {
  const Module &M = *CM.M;
  for (size_t I = 0; I < M.Imports.size(); ++I) {
    const Import &Imp = M.Imports[I];
    if (I >= Imports.size() || !Imports[I])
      return makeError(ErrorKind::Unlinkable, "unknown import " +
                                                  Imp.ModuleName + "." +
                                                  Imp.FieldName);
    std::string Name = Imp.ModuleName + "." + Imp.FieldName;
    if (Imports[I].Kind != Imp.Kind)
      return makeError(ErrorKind::Unlinkable,
                       "incompatible import type: " + Name +
                           " is imported as a " + externKindName(Imp.Kind) +
                           " but is a " + externKindName(Imports[I].Kind));
    if (!importMatches(CM, Imp, Imports[I]))
      return makeError(
          ErrorKind::Unlinkable,
          "incompatible import type: " + Name + " is imported as " +
              importTypeText(E, M, Imp, Imports[I], true) + " but is " +
              importTypeText(E, M, Imp, Imports[I], false));
  }
  if (Imports.size() > M.Imports.size())
    return makeError(ErrorKind::Unlinkable, "too many imports");
  return llvm::Error::success();
}
