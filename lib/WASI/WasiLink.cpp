//===- WASI/WasiLink.cpp - Linking WASI into a module's imports -----------===//
//
// Registers the functions of WasiFunctions.def as host functions. Each host
// callback snapshots the caller's exported "memory" (a module without one
// sees an empty memory, so every pointer argument is FAULT), runs the
// implementation, and returns its errno as the i32 result; an llvm::Error
// from the implementation (proc_exit) stops the guest.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiLink.h"
#include "Support/Error.h"
#include "WASI/WasiCall.h"

using namespace orca;
using namespace orca::wasi;

void ImportResolver::define(std::string Module, std::string Name, Extern E) {
  Defs[{std::move(Module), std::move(Name)}] = E;
}

bool ImportResolver::contains(const std::string &Module,
                              const std::string &Name) const {
  return Defs.count({Module, Name}) != 0;
}

std::string orca::wasi::funcTypeString(const FuncType &T) {
  std::string S = "(";
  for (size_t I = 0; I < T.Params.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(T.Params[I]);
  S += ") -> (";
  for (size_t I = 0; I < T.Results.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(T.Results[I]);
  return S + ")";
}

llvm::Expected<std::vector<Extern>>
ImportResolver::resolve(Store &S, const CompiledModule &M) const {
  std::vector<Extern> Out;
  llvm::ArrayRef<Import> Imps = M.imports();
  for (size_t I = 0; I < Imps.size(); ++I) {
    const Import &Imp = Imps[I];
    std::string Full = Imp.ModuleName + "::" + Imp.FieldName;
    auto It = Defs.find({Imp.ModuleName, Imp.FieldName});
    if (It == Defs.end())
      return makeError(ErrorKind::Unlinkable,
                       "unknown import: " + Full +
                           (Imp.ModuleName == WasiModuleName
                                ? " (not a WASI preview1 function)"
                                : " (neither WASI nor provided by the host)"));
    Extern E = It->second;
    if (E.Kind != Imp.Kind)
      return makeError(ErrorKind::Unlinkable,
                       "incompatible import type: " + Full + " is a " +
                           externKindName(E.Kind) + ", imported as a " +
                           externKindName(Imp.Kind));
    if (E.Kind == ExternKind::Func) {
      FuncType Want = M.importType(I).Func;
      FuncType Have = S.funcType(E);
      if (Want != Have)
        return makeError(ErrorKind::Unlinkable,
                         "incompatible import type: " + Full +
                             " is imported as " + funcTypeString(Want) +
                             " but has type " + funcTypeString(Have));
    }
    Out.push_back(E);
  }
  return Out;
}

static FuncType typeFromString(const char *Params, const char *Results) {
  FuncType T;
  auto Add = [](std::vector<ValType> &V, const char *S) {
    for (; *S; ++S)
      V.push_back(*S == 'I' ? ValType::I64 : ValType::I32);
  };
  Add(T.Params, Params);
  Add(T.Results, Results);
  return T;
}

static HostCallback makeCallback(WasiContext &Ctx, WasiImpl Impl) {
  return [&Ctx, Impl](Caller &Cl, llvm::ArrayRef<Value> Args,
                      llvm::MutableArrayRef<Value> Results) -> llvm::Error {
    GuestMemory Mem;
    if (std::optional<Extern> M = Cl.getExport("memory");
        M && M->Kind == ExternKind::Memory)
      Mem = GuestMemory(Cl.store().memoryData(*M), Cl.store().memorySize(*M));
    WasiCall Call{Ctx, Mem, Args};
    llvm::Expected<Errno> R = Impl(Call);
    if (!R)
      return R.takeError();
    if (!Results.empty())
      Results[0] = Value::i32(uint32_t(*R));
    return llvm::Error::success();
  };
}

void orca::wasi::defineWasi(ImportResolver &R, Store &S, WasiContext &Ctx) {
#define WASI_FN(Name, Impl, Params, Results)                                   \
  R.define(WasiModuleName, #Name,                                              \
           S.createHostFunction(typeFromString(Params, Results),               \
                                makeCallback(Ctx, &Impl)));
#include "WASI/WasiFunctions.def"
}
