//===- API/CApiNative.cpp - Native host functions through libffi ----------===//
//
// Owns orca_func_new_native (orca.h): a host function that calls an
// existing C function whose signature is known only at run time. libffi
// prepares the call interface once, at creation; each call from wasm
// unboxes the arguments into C-typed slots and makes the call with
// ffi_call. Typed C++ host functions keep the JIT's trampolines (faster);
// this is for functions nobody wrote a wrapper for.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

#include <ffi.h>

using namespace orca::api;
using namespace orca::api::capi;

namespace {
/// A prepared call: the cif and the ffi_type arrays it points into.
struct NativeCall {
  void (*Fn)(void) = nullptr;
  FuncType Type;
  std::vector<ffi_type *> ArgTypes;
  ffi_type *RetType = &ffi_type_void;
  ffi_cif Cif;
};

union Slot {
  int32_t I32;
  int64_t I64;
  float F32;
  double F64;
  ffi_arg Ret; ///< libffi widens integral results to a full register.
};
} // namespace

static ffi_type *ffiTypeOf(ValType T) {
  switch (T) {
  case ValType::I32:
    return &ffi_type_sint32;
  case ValType::I64:
    return &ffi_type_sint64;
  case ValType::F32:
    return &ffi_type_float;
  case ValType::F64:
    return &ffi_type_double;
  default:
    return nullptr;
  }
}

static Val resultOf(ValType T, const Slot &S) {
  switch (T) {
  case ValType::I32:
    return Val(int32_t(static_cast<ffi_sarg>(S.Ret)));
  case ValType::I64:
    return Val(S.I64);
  case ValType::F32:
    return Val(S.F32);
  default:
    return Val(S.F64);
  }
}

extern "C" wasm_func_t *orca_func_new_native(wasm_store_t *S,
                                             const wasm_functype_t *T,
                                             void (*Fn)(void)) {
  auto Call = std::make_shared<NativeCall>();
  if (!S || !T || !Fn || !fromC(*T, Call->Type) ||
      Call->Type.results().size() > 1)
    return nullptr;
  Call->Fn = Fn;
  for (ValType P : Call->Type.params()) {
    ffi_type *FT = ffiTypeOf(P);
    if (!FT)
      return nullptr;
    Call->ArgTypes.push_back(FT);
  }
  if (!Call->Type.results().empty() &&
      !(Call->RetType = ffiTypeOf(Call->Type.results()[0])))
    return nullptr;
  if (ffi_prep_cif(&Call->Cif, FFI_DEFAULT_ABI, Call->ArgTypes.size(),
                   Call->RetType, Call->ArgTypes.data()) != FFI_OK)
    return nullptr;

  HostFunction HF = [Call](Caller &, std::span<const Val> Params,
                           std::span<Val> Results) -> Result<void> {
    CallBuffer<Slot> Args(Params.size());
    CallBuffer<void *> ArgPtrs(Params.size());
    for (size_t I = 0; I < Params.size(); ++I) {
      switch (Params[I].type()) {
      case ValType::I32:
        Args[I].I32 = Params[I].i32();
        break;
      case ValType::I64:
        Args[I].I64 = Params[I].i64();
        break;
      case ValType::F32:
        Args[I].F32 = Params[I].f32();
        break;
      default:
        Args[I].F64 = Params[I].f64();
        break;
      }
      ArgPtrs[I] = &Args[I];
    }
    Slot Ret;
    Ret.I64 = 0;
    ffi_call(&Call->Cif, Call->Fn, &Ret, ArgPtrs.data());
    if (!Results.empty())
      Results[0] = resultOf(Call->Type.results()[0], Ret);
    return {};
  };
  return new wasm_func_t(S, Func::create(S->S, Call->Type, std::move(HF)));
}
