//===- API/Internal.h - What the public API's handles point at --*- C++ -*-===//
//
// Owns the state behind the public classes (EngineState, ModuleState,
// StoreState, LinkerState) and the conversions between public and runtime
// types and errors.
//
// Name clashes: the runtime's classes live in namespace orca (orca::Engine,
// orca::Store, orca::ValType, ...) and the public ones in the inline
// namespace orca::api, so both can be named orca::X by their users but not
// in the same translation unit. Every lib/API source therefore includes
// this header first: it includes the runtime headers, binds the clashing
// runtime names to aliases in orca::rt, and only then includes the public
// headers. Implementation code is written inside orca::api, where the
// public names win and runtime ones are spelled rt::X.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_API_INTERNAL_H
#define ORCA_API_INTERNAL_H

// Runtime first (see the file comment).
#include "Binary/Module.h"
#include "Binary/Validator.h"
#include "Runtime/Instance.h"
#include "Runtime/Runtime.h"
#include "Runtime/StoreImpl.h"
#include "Runtime/Trap.h"
#include "Runtime/VMContext.h"
#include "Support/Error.h"
#include "WASI/WasiContext.h"
#include "WASI/WasiLink.h"

namespace orca::rt {
using Engine = ::orca::Engine;
using Store = ::orca::Store;
using Instance = ::orca::Instance;
using Caller = ::orca::Caller;
using Extern = ::orca::Extern;
using ValType = ::orca::ValType;
using FuncType = ::orca::FuncType;
using TableType = ::orca::TableType;
using MemoryType = ::orca::MemoryType;
using GlobalType = ::orca::GlobalType;
using Limits = ::orca::Limits;
using ExternKind = ::orca::ExternKind;
using ErrorKind = ::orca::ErrorKind;
using TrapCode = ::orca::TrapCode;
using Features = ::orca::Features;
using Module = ::orca::Module;
} // namespace orca::rt

// Public headers second.
#include "orca/orca.h"

#include <map>
#include <optional>
#include <string>

namespace orca {
inline namespace api {
namespace detail {

struct EngineState {
  Config Cfg;
  std::unique_ptr<rt::Engine> RT;
};

struct ModuleState {
  Engine E; ///< Declared first: the compiled code dies before its engine.
  std::shared_ptr<CompiledModule> CM;
  std::vector<ImportType> Imports;
  std::vector<ExportType> Exports;
};

struct StoreState {
  uint64_t Id = 0;
  Engine E;
  Store *Owner = nullptr;
  StoreLimits Lim;
  /// What StoreLimits counts: instances, and memories and tables created
  /// in the store (by instantiation or the host).
  uint64_t NumInstances = 0;
  uint64_t NumMemories = 0;
  uint64_t NumTables = 0;
  std::shared_ptr<void> Data;
  std::unique_ptr<wasi::WasiContext> Wasi;
  std::unique_ptr<wasi::ImportResolver> WasiDefs;
  /// Linker host functions already created in this store.
  std::map<const HostFuncSpec *, rt::Extern> LinkerFuncs;
  std::vector<std::shared_ptr<HostFuncSpec>> Specs;
  /// Declared last, so destroyed first: instances and host functions die
  /// while everything above (WASI context, callables) still lives.
  std::unique_ptr<rt::Store> RT;

  /// The runtime function for \p Spec in this store (created once).
  rt::Extern funcForSpec(const std::shared_ptr<HostFuncSpec> &Spec);
};

/// The Trap a public host function raised, as the error its runtime raw
/// callback returns: it travels in the runtime trap's Cause to the host
/// entry it unwinds to, whose fromRT() reports it intact (code, message,
/// exit code) with the runtime's backtrace (the wasm frames below the host
/// call) unless it brought one of its own (a trap of a nested call).
class HostTrapError : public llvm::ErrorInfo<HostTrapError> {
public:
  static char ID;
  explicit HostTrapError(Trap T) : T(std::move(T)) {}
  const Trap &trap() const { return T; }
  void log(llvm::raw_ostream &OS) const override { OS << T.message(); }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  Trap T;
};

/// The state of a public module around a runtime one (imports and exports
/// listed).
std::shared_ptr<ModuleState>
makeModuleState(const Engine &E, std::shared_ptr<CompiledModule> CM);

// Type conversions.
ValType fromRT(rt::ValType T);
rt::ValType toRT(ValType T);
FuncType fromRT(const rt::FuncType &T);
rt::FuncType toRT(const FuncType &T);
Limits fromRT(const rt::Limits &L);
rt::Limits toRT(const Limits &L);
ExternKind fromRT(rt::ExternKind K);
rt::ExternKind toRT(ExternKind K);
ErrorKind fromRT(rt::ErrorKind K);
TrapCode fromRT(rt::TrapCode C);
ExternType externTypeOf(const rt::Module &M, rt::ExternKind K, uint32_t Index);

/// A runtime value as a public one (funcrefs tagged with \p StoreId).
Val fromRT(const Value &V, uint64_t StoreId);
/// A public value as a runtime one; Usage error for a funcref of another
/// store.
Result<Value> toRT(const Val &V, uint64_t StoreId);

/// Consumes \p E. Traps become Trap errors (a host function's own trap is
/// recovered intact, a WASI exit becomes TrapCode::Exit with its code).
Error fromRT(llvm::Error E, StoreState *S);

/// The Extern of a public handle, or a wrong-store Usage error.
Result<rt::Extern> toRT(const Extern &E, const StoreState &S);
Extern fromRT(const rt::Extern &X, uint64_t StoreId);

/// Instantiates with resolved imports, enforcing the store's limits.
Result<Instance> instantiate(Store &S, const Module &M,
                             std::vector<rt::Extern> Imports);

} // namespace detail
} // namespace api
} // namespace orca

#endif // ORCA_API_INTERNAL_H
