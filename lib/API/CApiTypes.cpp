//===- API/CApiTypes.cpp - wasm.h's type representations ------------------===//
//
// Owns value, function, global, table, memory, extern, import and export
// types, and their conversions to and from the C++ API's types.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

wasm_byte_vec_t capi::makeName(std::string_view S, bool WithNul) {
  wasm_byte_vec_t V;
  wasm_byte_vec_new_uninitialized(&V, S.size() + (WithNul ? 1 : 0));
  if (!S.empty())
    std::memcpy(V.data, S.data(), S.size());
  if (WithNul)
    V.data[S.size()] = 0;
  return V;
}

wasm_valkind_t capi::toC(ValType T) {
  switch (T) {
  case ValType::I32:
    return WASM_I32;
  case ValType::I64:
    return WASM_I64;
  case ValType::F32:
    return WASM_F32;
  case ValType::F64:
    return WASM_F64;
  case ValType::V128:
    return ValKindV128;
  case ValType::FuncRef:
    return WASM_FUNCREF;
  case ValType::ExternRef:
    return WASM_EXTERNREF;
  }
  return WASM_I32;
}

bool capi::fromC(wasm_valkind_t K, ValType &Out) {
  switch (K) {
  case WASM_I32:
    Out = ValType::I32;
    return true;
  case WASM_I64:
    Out = ValType::I64;
    return true;
  case WASM_F32:
    Out = ValType::F32;
    return true;
  case WASM_F64:
    Out = ValType::F64;
    return true;
  case ValKindV128:
    Out = ValType::V128;
    return true;
  case WASM_FUNCREF:
    Out = ValType::FuncRef;
    return true;
  case WASM_EXTERNREF:
    Out = ValType::ExternRef;
    return true;
  }
  return false;
}

static wasm_valtype_vec_t toC(const std::vector<ValType> &Ts) {
  wasm_valtype_vec_t V;
  wasm_valtype_vec_new_uninitialized(&V, Ts.size());
  for (size_t I = 0; I < Ts.size(); ++I)
    V.data[I] = wasm_valtype_new(toC(Ts[I]));
  return V;
}

static bool fromC(const wasm_valtype_vec_t &V, std::vector<ValType> &Out) {
  for (size_t I = 0; I < V.size; ++I) {
    ValType T;
    if (!V.data[I] || !fromC(V.data[I]->Kind, T))
      return false;
    Out.push_back(T);
  }
  return true;
}

wasm_functype_t *capi::toC(const FuncType &T) {
  auto *R = new wasm_functype_t;
  R->Params = ::toC(T.params());
  R->Results = ::toC(T.results());
  return R;
}

bool capi::fromC(const wasm_functype_t &T, FuncType &Out) {
  std::vector<ValType> Params, Results;
  if (!::fromC(T.Params, Params) || !::fromC(T.Results, Results))
    return false;
  Out = FuncType(std::move(Params), std::move(Results));
  return true;
}

Limits capi::fromC(const wasm_limits_t &L) {
  Limits R;
  R.Min = L.min;
  if (L.max != wasm_limits_max_default)
    R.Max = L.max;
  return R;
}

wasm_limits_t capi::toC(const Limits &L) {
  return wasm_limits_t{uint32_t(L.Min),
                       L.Max ? uint32_t(*L.Max) : wasm_limits_max_default};
}

wasm_externtype_t *capi::toC(const ExternType &T) {
  switch (T.Kind) {
  case ExternKind::Func:
    return toC(T.Func);
  case ExternKind::Global: {
    auto *G = new wasm_globaltype_t;
    G->Content = wasm_valtype_new(toC(T.Global.Type));
    G->Mut = T.Global.Mutable ? WASM_VAR : WASM_CONST;
    return G;
  }
  case ExternKind::Table: {
    auto *Tab = new wasm_tabletype_t;
    Tab->Elem = wasm_valtype_new(toC(T.Table.Elem));
    Tab->Lim = toC(T.Table.Lim);
    return Tab;
  }
  case ExternKind::Memory: {
    auto *M = new wasm_memorytype_t;
    M->Lim = toC(T.Memory.Lim);
    return M;
  }
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Value types
//===----------------------------------------------------------------------===//

extern "C" {

wasm_valtype_t *wasm_valtype_new(wasm_valkind_t K) {
  return new wasm_valtype_t{K};
}
void wasm_valtype_delete(wasm_valtype_t *T) { delete T; }
wasm_valtype_t *wasm_valtype_copy(const wasm_valtype_t *T) {
  return new wasm_valtype_t{T->Kind};
}
wasm_valkind_t wasm_valtype_kind(const wasm_valtype_t *T) { return T->Kind; }

//===----------------------------------------------------------------------===//
// Function types
//===----------------------------------------------------------------------===//

wasm_functype_t *wasm_functype_new(wasm_valtype_vec_t *Params,
                                   wasm_valtype_vec_t *Results) {
  auto *T = new wasm_functype_t;
  T->Params = *Params;
  T->Results = *Results;
  // Taken over: the caller's vectors are empty now.
  wasm_valtype_vec_new_empty(Params);
  wasm_valtype_vec_new_empty(Results);
  return T;
}
void wasm_functype_delete(wasm_functype_t *T) { delete T; }
wasm_functype_t *wasm_functype_copy(const wasm_functype_t *T) {
  return static_cast<wasm_functype_t *>(T->clone());
}
const wasm_valtype_vec_t *wasm_functype_params(const wasm_functype_t *T) {
  return &T->Params;
}
const wasm_valtype_vec_t *wasm_functype_results(const wasm_functype_t *T) {
  return &T->Results;
}

//===----------------------------------------------------------------------===//
// Global, table and memory types
//===----------------------------------------------------------------------===//

wasm_globaltype_t *wasm_globaltype_new(wasm_valtype_t *Content,
                                       wasm_mutability_t Mut) {
  auto *T = new wasm_globaltype_t;
  T->Content = Content;
  T->Mut = Mut;
  return T;
}
void wasm_globaltype_delete(wasm_globaltype_t *T) { delete T; }
wasm_globaltype_t *wasm_globaltype_copy(const wasm_globaltype_t *T) {
  return static_cast<wasm_globaltype_t *>(T->clone());
}
const wasm_valtype_t *wasm_globaltype_content(const wasm_globaltype_t *T) {
  return T->Content;
}
wasm_mutability_t wasm_globaltype_mutability(const wasm_globaltype_t *T) {
  return T->Mut;
}

wasm_tabletype_t *wasm_tabletype_new(wasm_valtype_t *Elem,
                                     const wasm_limits_t *Lim) {
  auto *T = new wasm_tabletype_t;
  T->Elem = Elem;
  T->Lim = *Lim;
  return T;
}
void wasm_tabletype_delete(wasm_tabletype_t *T) { delete T; }
wasm_tabletype_t *wasm_tabletype_copy(const wasm_tabletype_t *T) {
  return static_cast<wasm_tabletype_t *>(T->clone());
}
const wasm_valtype_t *wasm_tabletype_element(const wasm_tabletype_t *T) {
  return T->Elem;
}
const wasm_limits_t *wasm_tabletype_limits(const wasm_tabletype_t *T) {
  return &T->Lim;
}

wasm_memorytype_t *wasm_memorytype_new(const wasm_limits_t *Lim) {
  auto *T = new wasm_memorytype_t;
  T->Lim = *Lim;
  return T;
}
void wasm_memorytype_delete(wasm_memorytype_t *T) { delete T; }
wasm_memorytype_t *wasm_memorytype_copy(const wasm_memorytype_t *T) {
  return static_cast<wasm_memorytype_t *>(T->clone());
}
const wasm_limits_t *wasm_memorytype_limits(const wasm_memorytype_t *T) {
  return &T->Lim;
}

//===----------------------------------------------------------------------===//
// Extern types
//===----------------------------------------------------------------------===//

void wasm_externtype_delete(wasm_externtype_t *T) { delete T; }
wasm_externtype_t *wasm_externtype_copy(const wasm_externtype_t *T) {
  return T->clone();
}
wasm_externkind_t wasm_externtype_kind(const wasm_externtype_t *T) {
  return T->Kind;
}

#define ORCA_CAPI_EXTERNTYPE(name, kind)                                       \
  wasm_externtype_t *wasm_##name##_as_externtype(wasm_##name##_t *T) {         \
    return T;                                                                  \
  }                                                                            \
  const wasm_externtype_t *wasm_##name##_as_externtype_const(                  \
      const wasm_##name##_t *T) {                                              \
    return T;                                                                  \
  }                                                                            \
  wasm_##name##_t *wasm_externtype_as_##name(wasm_externtype_t *T) {           \
    return T && T->Kind == kind ? static_cast<wasm_##name##_t *>(T) : nullptr; \
  }                                                                            \
  const wasm_##name##_t *wasm_externtype_as_##name##_const(                    \
      const wasm_externtype_t *T) {                                            \
    return T && T->Kind == kind ? static_cast<const wasm_##name##_t *>(T)      \
                                : nullptr;                                     \
  }
ORCA_CAPI_EXTERNTYPE(functype, WASM_EXTERN_FUNC)
ORCA_CAPI_EXTERNTYPE(globaltype, WASM_EXTERN_GLOBAL)
ORCA_CAPI_EXTERNTYPE(tabletype, WASM_EXTERN_TABLE)
ORCA_CAPI_EXTERNTYPE(memorytype, WASM_EXTERN_MEMORY)
#undef ORCA_CAPI_EXTERNTYPE

//===----------------------------------------------------------------------===//
// Import and export types
//===----------------------------------------------------------------------===//

wasm_importtype_t *wasm_importtype_new(wasm_name_t *Module, wasm_name_t *Name,
                                       wasm_externtype_t *Type) {
  auto *T = new wasm_importtype_t;
  T->Module = *Module;
  T->Name = *Name;
  T->Type = Type;
  wasm_name_new_empty(Module);
  wasm_name_new_empty(Name);
  return T;
}
void wasm_importtype_delete(wasm_importtype_t *T) { delete T; }
wasm_importtype_t *wasm_importtype_copy(const wasm_importtype_t *T) {
  auto *R = new wasm_importtype_t;
  wasm_name_copy(&R->Module, &T->Module);
  wasm_name_copy(&R->Name, &T->Name);
  R->Type = T->Type ? T->Type->clone() : nullptr;
  return R;
}
const wasm_name_t *wasm_importtype_module(const wasm_importtype_t *T) {
  return &T->Module;
}
const wasm_name_t *wasm_importtype_name(const wasm_importtype_t *T) {
  return &T->Name;
}
const wasm_externtype_t *wasm_importtype_type(const wasm_importtype_t *T) {
  return T->Type;
}

wasm_exporttype_t *wasm_exporttype_new(wasm_name_t *Name,
                                       wasm_externtype_t *Type) {
  auto *T = new wasm_exporttype_t;
  T->Name = *Name;
  T->Type = Type;
  wasm_name_new_empty(Name);
  return T;
}
void wasm_exporttype_delete(wasm_exporttype_t *T) { delete T; }
wasm_exporttype_t *wasm_exporttype_copy(const wasm_exporttype_t *T) {
  auto *R = new wasm_exporttype_t;
  wasm_name_copy(&R->Name, &T->Name);
  R->Type = T->Type ? T->Type->clone() : nullptr;
  return R;
}
const wasm_name_t *wasm_exporttype_name(const wasm_exporttype_t *T) {
  return &T->Name;
}
const wasm_externtype_t *wasm_exporttype_type(const wasm_exporttype_t *T) {
  return T->Type;
}

} // extern "C"

//===----------------------------------------------------------------------===//
// Type objects
//===----------------------------------------------------------------------===//

wasm_functype_t::~wasm_functype_t() {
  wasm_valtype_vec_delete(&Params);
  wasm_valtype_vec_delete(&Results);
}
wasm_externtype_t *wasm_functype_t::clone() const {
  auto *R = new wasm_functype_t;
  wasm_valtype_vec_copy(&R->Params, &Params);
  wasm_valtype_vec_copy(&R->Results, &Results);
  return R;
}
wasm_externtype_t *wasm_globaltype_t::clone() const {
  auto *R = new wasm_globaltype_t;
  R->Content = Content ? wasm_valtype_copy(Content) : nullptr;
  R->Mut = Mut;
  return R;
}
wasm_externtype_t *wasm_tabletype_t::clone() const {
  auto *R = new wasm_tabletype_t;
  R->Elem = Elem ? wasm_valtype_copy(Elem) : nullptr;
  R->Lim = Lim;
  return R;
}
wasm_externtype_t *wasm_memorytype_t::clone() const {
  return new wasm_memorytype_t(*this);
}
wasm_importtype_t::~wasm_importtype_t() {
  wasm_name_delete(&Module);
  wasm_name_delete(&Name);
  delete Type;
}
wasm_exporttype_t::~wasm_exporttype_t() {
  wasm_name_delete(&Name);
  delete Type;
}
