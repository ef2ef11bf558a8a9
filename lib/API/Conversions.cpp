//===- API/Conversions.cpp - Public <-> runtime types and errors ----------===//
//
// Owns the printable names of public types, Error::toString, and every
// conversion between the public API's types, values and errors and the
// runtime's.
//
//===----------------------------------------------------------------------===//

#include "API/Internal.h"

namespace orca {
inline namespace api {

const char *errorKindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::Malformed:
    return "malformed";
  case ErrorKind::Invalid:
    return "invalid";
  case ErrorKind::Unlinkable:
    return "unlinkable";
  case ErrorKind::Uninstantiable:
    return "uninstantiable";
  case ErrorKind::Resource:
    return "resource";
  case ErrorKind::Usage:
    return "usage";
  case ErrorKind::Io:
    return "io";
  case ErrorKind::Trap:
    return "trap";
  }
  return "error";
}

std::string Error::toString() const {
  std::string S = std::string(errorKindName(Kind)) + ": " + Message;
  if (Offset != NoOffset) {
    char Buf[32];
    std::snprintf(Buf, sizeof(Buf), " (at byte 0x%llx)",
                  static_cast<unsigned long long>(Offset));
    S += Buf;
  }
  return S;
}

// The names are the runtime's; only the enumerations differ.
const char *valTypeName(ValType T) {
  return ::orca::valTypeName(detail::toRT(T));
}

const char *externKindName(ExternKind K) {
  return ::orca::externKindName(detail::toRT(K));
}

std::string FuncType::toString() const {
  std::string S = "(";
  for (size_t I = 0; I < Params.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(Params[I]);
  S += ") -> (";
  for (size_t I = 0; I < Results.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(Results[I]);
  return S + ")";
}

static std::string limitsString(const Limits &L) {
  std::string S = std::to_string(L.Min);
  if (L.Max)
    S += ".." + std::to_string(*L.Max);
  return S;
}

std::string ExternType::toString() const {
  switch (Kind) {
  case ExternKind::Func:
    return "func " + Func.toString();
  case ExternKind::Table:
    return std::string("table ") + valTypeName(Table.Elem) + " " +
           limitsString(Table.Lim);
  case ExternKind::Memory:
    return "memory " + limitsString(Memory.Lim) +
           (Memory.Shared ? " shared" : "");
  case ExternKind::Global:
    return std::string("global ") + (Global.Mutable ? "mut " : "") +
           valTypeName(Global.Type);
  }
  return "?";
}

namespace detail {

ValType fromRT(rt::ValType T) {
  switch (T) {
  case rt::ValType::I32:
    return ValType::I32;
  case rt::ValType::I64:
    return ValType::I64;
  case rt::ValType::F32:
    return ValType::F32;
  case rt::ValType::F64:
    return ValType::F64;
  case rt::ValType::V128:
    return ValType::V128;
  case rt::ValType::FuncRef:
    return ValType::FuncRef;
  case rt::ValType::ExternRef:
    return ValType::ExternRef;
  }
  return ValType::I32;
}

rt::ValType toRT(ValType T) {
  switch (T) {
  case ValType::I32:
    return rt::ValType::I32;
  case ValType::I64:
    return rt::ValType::I64;
  case ValType::F32:
    return rt::ValType::F32;
  case ValType::F64:
    return rt::ValType::F64;
  case ValType::V128:
    return rt::ValType::V128;
  case ValType::FuncRef:
    return rt::ValType::FuncRef;
  case ValType::ExternRef:
    return rt::ValType::ExternRef;
  }
  return rt::ValType::I32;
}

FuncType fromRT(const rt::FuncType &T) {
  std::vector<ValType> P, R;
  for (rt::ValType V : T.Params)
    P.push_back(fromRT(V));
  for (rt::ValType V : T.Results)
    R.push_back(fromRT(V));
  return FuncType(std::move(P), std::move(R));
}

rt::FuncType toRT(const FuncType &T) {
  rt::FuncType Out;
  for (ValType V : T.params())
    Out.Params.push_back(toRT(V));
  for (ValType V : T.results())
    Out.Results.push_back(toRT(V));
  return Out;
}

Limits fromRT(const rt::Limits &L) { return Limits{L.Min, L.Max}; }
rt::Limits toRT(const Limits &L) {
  rt::Limits Out;
  Out.Min = L.Min;
  Out.Max = L.Max;
  return Out;
}

ExternKind fromRT(rt::ExternKind K) {
  return static_cast<ExternKind>(static_cast<uint8_t>(K));
}
rt::ExternKind toRT(ExternKind K) {
  return static_cast<rt::ExternKind>(static_cast<uint8_t>(K));
}
static_assert(uint8_t(rt::ExternKind::Global) == uint8_t(ExternKind::Global));

ErrorKind fromRT(rt::ErrorKind K) {
  switch (K) {
  case rt::ErrorKind::Malformed:
    return ErrorKind::Malformed;
  case rt::ErrorKind::Invalid:
    return ErrorKind::Invalid;
  case rt::ErrorKind::Unlinkable:
    return ErrorKind::Unlinkable;
  case rt::ErrorKind::Uninstantiable:
    return ErrorKind::Uninstantiable;
  case rt::ErrorKind::Resource:
    return ErrorKind::Resource;
  case rt::ErrorKind::Usage:
    return ErrorKind::Usage;
  }
  return ErrorKind::Usage;
}

ExternType externTypeOf(const rt::Module &M, rt::ExternKind K, uint32_t Index) {
  ExternType T;
  T.Kind = fromRT(K);
  switch (K) {
  case rt::ExternKind::Func:
    T.Func = fromRT(M.Types[M.Funcs[Index].TypeIndex]);
    break;
  case rt::ExternKind::Table:
    T.Table.Elem = fromRT(M.Tables[Index].Type.Elem);
    T.Table.Lim = fromRT(M.Tables[Index].Type.Lim);
    break;
  case rt::ExternKind::Memory:
    T.Memory.Lim = fromRT(M.Memories[Index].Type.Lim);
    T.Memory.Shared = M.Memories[Index].Type.Lim.Shared;
    break;
  case rt::ExternKind::Global:
    T.Global.Type = fromRT(M.Globals[Index].Type.Type);
    T.Global.Mutable = M.Globals[Index].Type.Mutable;
    break;
  }
  return T;
}

Val fromRT(const Value &V, uint64_t StoreId) {
  ValType T = fromRT(V.Type);
  if (T == ValType::FuncRef)
    return Val::fromRaw(T, V.Lo, V.Lo ? StoreId : 0);
  return Val::fromRaw(T, V.Lo, T == ValType::V128 ? V.Hi : 0);
}

Result<Value> toRT(const Val &V, uint64_t StoreId) {
  Value Out{toRT(V.type()), V.rawLo(), 0};
  switch (V.type()) {
  case ValType::I32:
  case ValType::F32:
    Out.Lo &= 0xffffffffu;
    break;
  case ValType::V128:
    Out.Hi = V.rawHi();
    break;
  case ValType::FuncRef:
    if (!V.rawLo())
      break;
    if (V.rawHi() != StoreId)
      return wrongStoreError();
    // Every public host function gets its entry point at creation
    // (createInStore); only a failed trampoline compile leaves none, and
    // wasm would call address 0 through it.
    if (!AnyfuncRef{reinterpret_cast<void *>(uintptr_t(V.rawLo()))}.funcPtr())
      return Error(ErrorKind::Resource,
                   "the host function has no entry point for wasm (its "
                   "trampoline could not be compiled)");
    break;
  default:
    break;
  }
  return Out;
}

char HostTrapError::ID = 0;

TrapCode fromRT(rt::TrapCode C) {
  // The public list keeps its order (Exit, then codes added since), so the
  // runtime's codes from OutOfFuel on are mapped by name.
  static_assert(uint32_t(rt::TrapCode::HostError) ==
                uint32_t(TrapCode::HostError));
  switch (C) {
  case rt::TrapCode::OutOfFuel:
    return TrapCode::OutOfFuel;
  case rt::TrapCode::Interrupt:
    return TrapCode::Interrupt;
  default:
    return C < rt::TrapCode::OutOfFuel
               ? static_cast<TrapCode>(static_cast<uint32_t>(C))
               : TrapCode::HostError;
  }
}

/// The public frames of a runtime trap.
static std::vector<FrameInfo> framesOf(const TrapError &T) {
  std::vector<FrameInfo> Out;
  for (const TrapFrame &F : T.Backtrace)
    Out.push_back(FrameInfo{F.FuncIndex, F.FuncName, F.CodeOffset});
  return Out;
}

Error fromRT(llvm::Error E, StoreState *S) {
  std::optional<Error> Out;
  llvm::handleAllErrors(
      std::move(E),
      [&](const TrapError &T) {
        if (const HostTrapError *H = T.causeAs<HostTrapError>()) {
          Trap Tr = H->trap();
          if (Tr.Backtrace.empty())
            Tr.Backtrace = framesOf(T);
          Out = Error(std::move(Tr));
          return;
        }
        Trap Tr(fromRT(T.code()), T.text());
        Tr.FaultAddress = T.FaultAddress;
        Tr.Backtrace = framesOf(T);
        if (T.code() == rt::TrapCode::HostError && S && S->Wasi &&
            S->Wasi->exitCode()) {
          Tr = Trap(TrapCode::Exit, T.text());
          Tr.ExitCode = int32_t(*S->Wasi->exitCode());
        }
        Out = Error(std::move(Tr));
      },
      [&](const wasi::WasiExit &X) {
        Trap Tr(TrapCode::Exit, "exit with code " + std::to_string(X.code()));
        Tr.ExitCode = int32_t(X.code());
        Out = Error(std::move(Tr));
      },
      [&](const WasmError &W) {
        Out = Error(fromRT(W.kind()), W.text(), W.offset());
      },
      [&](const llvm::ErrorInfoBase &B) {
        Out = Error(ErrorKind::Usage, B.message());
      });
  return Out ? std::move(*Out) : Error(ErrorKind::Usage, "unknown error");
}

Error wrongStoreError() {
  return Error(ErrorKind::Usage,
               "object used with a store that does not own it (another "
               "store, or its store was dropped)");
}

Trap trapFromError(const Error &E) {
  if (const Trap *T = E.trap())
    return *T;
  return Trap(TrapCode::HostError, E.message());
}

Result<rt::Extern> toRT(const Extern &E, const StoreState &S) {
  const Handle &H = Access::handle(E);
  if (H.StoreId != S.Id || !H.Ptr)
    return wrongStoreError();
  return rt::Extern{toRT(E.kind()), H.Ptr};
}

Extern fromRT(const rt::Extern &X, uint64_t StoreId) {
  return Access::makeExtern(fromRT(X.Kind), StoreId, X.Ptr);
}

} // namespace detail
} // namespace api
} // namespace orca
