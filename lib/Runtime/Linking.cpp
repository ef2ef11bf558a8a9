//===- Runtime/Linking.cpp - Import type checks ---------------------------===//
//
// The spec's import matching: kinds equal, function types equal (one
// signature-id comparison), table element types equal, global types and
// mutability equal, and limits matched against the entity's *current* size
// (a grown memory satisfies a larger minimum).
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
    return limitsMatch(Have.Lim, Want.Lim);
  }
  case ExternKind::Global: {
    const GlobalType &Want = M.Globals[Imp.Index].Type;
    const GlobalType &Have = static_cast<GlobalInstance *>(X.Ptr)->type();
    return Have.Type == Want.Type && Have.Mutable == Want.Mutable;
  }
  }
  return false;
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
    if (Imports[I].Kind != Imp.Kind || !importMatches(CM, Imp, Imports[I]))
      return makeError(ErrorKind::Unlinkable, "incompatible import type");
  }
  if (Imports.size() > M.Imports.size())
    return makeError(ErrorKind::Unlinkable, "too many imports");
  return llvm::Error::success();
}
