//===- API/CApiRef.cpp - References, values and foreign objects -----------===//
//
// Owns the functions every reference type has (delete, copy, same, host
// info, as_ref and back: WASM_DECLARE_REF of wasm.h), wasm_val_t, foreign
// objects, and the conversions between C values and orca::Val.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

wasm_ref_t *capi::refToC(wasm_store_t &S, const Val &V) {
  if (V.isNull())
    return nullptr;
  if (V.type() == ValType::FuncRef)
    return new wasm_func_t(&S, *V.funcref());
  // Anchors are the only externrefs a C API store hands to wasm.
  return static_cast<wasm_ref_t *>(V.externref())->clone();
}

wasm_val_t capi::toC(wasm_store_t &S, const Val &V) {
  wasm_val_t R;
  R.kind = toC(V.type());
  switch (V.type()) {
  case ValType::I32:
    R.of.i32 = V.i32();
    break;
  case ValType::I64:
    R.of.i64 = V.i64();
    break;
  case ValType::F32:
    R.of.f32 = V.f32();
    break;
  case ValType::F64:
    R.of.f64 = V.f64();
    break;
  case ValType::V128: // no room in a wasm_val_t: the low half only
    R.of.i64 = int64_t(V.v128().Lo);
    break;
  case ValType::FuncRef:
  case ValType::ExternRef:
    R.of.ref = refToC(S, V);
    break;
  }
  return R;
}

bool capi::refFromC(wasm_store_t &S, const wasm_ref_t *R, ValType Want,
                    Val &Out, std::string &Why) {
  if (!R) {
    Out = Val::nullref(Want);
    return true;
  }
  if (Want == ValType::FuncRef) {
    if (R->Kind != RefKind::Func) {
      Why = "a funcref must refer to a function";
      return false;
    }
    const auto *F = static_cast<const wasm_func_t *>(R);
    if (F->S != &S) {
      Why = "the function belongs to another store";
      return false;
    }
    Out = Val::funcref(F->get());
    return true;
  }
  Out = Val::externref(S.anchor(R));
  return true;
}

bool capi::fromC(wasm_store_t &S, const wasm_val_t &V, ValType Want, Val &Out,
                 std::string &Why) {
  ValType Have;
  bool Known = fromC(V.kind, Have);
  bool IsRef = Want == ValType::FuncRef || Want == ValType::ExternRef;
  // A reference of either kind may fill either reference type: which one
  // the value is, is a property of the reference (checked below).
  if (!Known || (Have != Want && !(IsRef && wasm_valkind_is_ref(V.kind)))) {
    Why = std::string("type mismatch: expected ") + valTypeName(Want);
    return false;
  }
  switch (Want) {
  case ValType::I32:
    Out = Val(V.of.i32);
    return true;
  case ValType::I64:
    Out = Val(V.of.i64);
    return true;
  case ValType::F32:
    Out = Val(V.of.f32);
    return true;
  case ValType::F64:
    Out = Val(V.of.f64);
    return true;
  case ValType::V128:
    Out = Val(V128{uint64_t(V.of.i64), 0});
    return true;
  case ValType::FuncRef:
  case ValType::ExternRef:
    return refFromC(S, V.of.ref, Want, Out, Why);
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

extern "C" {

void wasm_val_delete(wasm_val_t *V) {
  if (wasm_valkind_is_ref(V->kind) && V->of.ref) {
    delete V->of.ref;
    V->of.ref = nullptr;
  }
}

void wasm_val_copy(wasm_val_t *Out, const wasm_val_t *V) {
  *Out = *V;
  if (wasm_valkind_is_ref(V->kind) && V->of.ref)
    Out->of.ref = V->of.ref->clone();
}

//===----------------------------------------------------------------------===//
// Reference functions
//===----------------------------------------------------------------------===//

#define ORCA_CAPI_REF_BASE(name)                                               \
  void wasm_##name##_delete(wasm_##name##_t *R) { delete R; }                  \
  wasm_##name##_t *wasm_##name##_copy(const wasm_##name##_t *R) {              \
    return R ? static_cast<wasm_##name##_t *>(R->clone()) : nullptr;           \
  }                                                                            \
  bool wasm_##name##_same(const wasm_##name##_t *A,                            \
                          const wasm_##name##_t *B) {                          \
    if (!A || !B)                                                              \
      return A == B;                                                           \
    return A->Kind == B->Kind && A->identity() == B->identity();               \
  }                                                                            \
  void *wasm_##name##_get_host_info(const wasm_##name##_t *R) {                \
    HostInfo *H = R->hostInfo(false);                                          \
    return H ? H->Info : nullptr;                                              \
  }                                                                            \
  void wasm_##name##_set_host_info(wasm_##name##_t *R, void *Info) {           \
    R->hostInfo(true)->reset(Info, nullptr);                                   \
  }                                                                            \
  void wasm_##name##_set_host_info_with_finalizer(                             \
      wasm_##name##_t *R, void *Info, void (*Fin)(void *)) {                   \
    R->hostInfo(true)->reset(Info, Fin);                                       \
  }

#define ORCA_CAPI_REF(name, Test)                                              \
  ORCA_CAPI_REF_BASE(name)                                                     \
  wasm_ref_t *wasm_##name##_as_ref(wasm_##name##_t *R) { return R; }           \
  const wasm_ref_t *wasm_##name##_as_ref_const(const wasm_##name##_t *R) {     \
    return R;                                                                  \
  }                                                                            \
  wasm_##name##_t *wasm_ref_as_##name(wasm_ref_t *R) {                         \
    return R && (Test) ? static_cast<wasm_##name##_t *>(R) : nullptr;          \
  }                                                                            \
  const wasm_##name##_t *wasm_ref_as_##name##_const(const wasm_ref_t *R) {     \
    return R && (Test) ? static_cast<const wasm_##name##_t *>(R) : nullptr;    \
  }

ORCA_CAPI_REF_BASE(ref)
ORCA_CAPI_REF(trap, R->Kind == RefKind::Trap)
ORCA_CAPI_REF(foreign, R->Kind == RefKind::Foreign)
ORCA_CAPI_REF(module, R->Kind == RefKind::Module)
ORCA_CAPI_REF(func, R->Kind == RefKind::Func)
ORCA_CAPI_REF(global, R->Kind == RefKind::Global)
ORCA_CAPI_REF(table, R->Kind == RefKind::Table)
ORCA_CAPI_REF(memory, R->Kind == RefKind::Memory)
ORCA_CAPI_REF(instance, R->Kind == RefKind::Instance)
ORCA_CAPI_REF(extern, R->Kind == RefKind::Func || R->Kind == RefKind::Global ||
                          R->Kind == RefKind::Table ||
                          R->Kind == RefKind::Memory)
#undef ORCA_CAPI_REF
#undef ORCA_CAPI_REF_BASE

//===----------------------------------------------------------------------===//
// Foreign objects
//===----------------------------------------------------------------------===//

wasm_foreign_t *wasm_foreign_new(wasm_store_t *) { return new wasm_foreign_t; }

} // extern "C"
