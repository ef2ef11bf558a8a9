//===- API/CApiObjects.cpp - Globals, tables, memories and externs --------===//
//
// Owns wasm_global_t, wasm_table_t, wasm_memory_t and the wasm_extern_t
// views of them and of functions.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

wasm_extern_t *capi::makeExtern(wasm_store_t *S, const Extern &X) {
  switch (X.kind()) {
  case ExternKind::Func:
    return new wasm_func_t(S, *X.func());
  case ExternKind::Global:
    return new wasm_global_t(S, *X.global());
  case ExternKind::Table:
    return new wasm_table_t(S, *X.table());
  case ExternKind::Memory:
    return new wasm_memory_t(S, *X.memory());
  }
  return nullptr;
}

extern "C" {

//===----------------------------------------------------------------------===//
// Globals
//===----------------------------------------------------------------------===//

wasm_global_t *wasm_global_new(wasm_store_t *S, const wasm_globaltype_t *T,
                               const wasm_val_t *V) {
  GlobalType GT;
  if (!S || !T || !V || !T->Content || !fromC(T->Content->Kind, GT.Type))
    return nullptr;
  GT.Mutable = T->Mut == WASM_VAR;
  Val Init;
  std::string Why;
  if (!fromC(*S, *V, GT.Type, Init, Why))
    return nullptr;
  Result<Global> G = Global::create(S->S, GT, Init);
  return G ? new wasm_global_t(S, *G) : nullptr;
}

wasm_globaltype_t *wasm_global_type(const wasm_global_t *G) {
  ExternType T;
  T.Kind = ExternKind::Global;
  T.Global = G->get().type(G->S->S);
  return static_cast<wasm_globaltype_t *>(toC(T));
}

void wasm_global_get(const wasm_global_t *G, wasm_val_t *Out) {
  Result<Val> V = G->get().get(G->S->S);
  *Out = V ? toC(*G->S, *V) : wasm_val_t{WASM_EXTERNREF, {}};
}

void wasm_global_set(wasm_global_t *G, const wasm_val_t *V) {
  Val X;
  std::string Why;
  if (fromC(*G->S, *V, G->get().type(G->S->S).Type, X, Why))
    (void)G->get().set(G->S->S, X);
}

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

wasm_table_t *wasm_table_new(wasm_store_t *S, const wasm_tabletype_t *T,
                             wasm_ref_t *Init) {
  TableType TT;
  if (!S || !T || !T->Elem || !fromC(T->Elem->Kind, TT.Elem))
    return nullptr;
  TT.Lim = fromC(T->Lim);
  Val I;
  std::string Why;
  if (!refFromC(*S, Init, TT.Elem, I, Why))
    return nullptr;
  Result<Table> Tab = Table::create(S->S, TT, I);
  return Tab ? new wasm_table_t(S, *Tab) : nullptr;
}

wasm_tabletype_t *wasm_table_type(const wasm_table_t *T) {
  ExternType X;
  X.Kind = ExternKind::Table;
  X.Table = T->get().type(T->S->S);
  return static_cast<wasm_tabletype_t *>(toC(X));
}

wasm_ref_t *wasm_table_get(const wasm_table_t *T, wasm_table_size_t Index) {
  Result<Val> V = T->get().get(T->S->S, Index);
  return V ? refToC(*T->S, *V) : nullptr;
}

bool wasm_table_set(wasm_table_t *T, wasm_table_size_t Index, wasm_ref_t *R) {
  Val V;
  std::string Why;
  return refFromC(*T->S, R, T->get().type(T->S->S).Elem, V, Why) &&
         T->get().set(T->S->S, Index, V).ok();
}

wasm_table_size_t wasm_table_size(const wasm_table_t *T) {
  return T->get().size(T->S->S);
}

bool wasm_table_grow(wasm_table_t *T, wasm_table_size_t Delta,
                     wasm_ref_t *Init) {
  Val V;
  std::string Why;
  return refFromC(*T->S, Init, T->get().type(T->S->S).Elem, V, Why) &&
         T->get().grow(T->S->S, Delta, V).ok();
}

//===----------------------------------------------------------------------===//
// Memories
//===----------------------------------------------------------------------===//

wasm_memory_t *wasm_memory_new(wasm_store_t *S, const wasm_memorytype_t *T) {
  if (!S || !T)
    return nullptr;
  MemoryType MT;
  MT.Lim = fromC(T->Lim);
  Result<Memory> M = Memory::create(S->S, MT);
  return M ? new wasm_memory_t(S, *M) : nullptr;
}

wasm_memorytype_t *wasm_memory_type(const wasm_memory_t *M) {
  ExternType X;
  X.Kind = ExternKind::Memory;
  X.Memory = M->get().type(M->S->S);
  return static_cast<wasm_memorytype_t *>(toC(X));
}

byte_t *wasm_memory_data(wasm_memory_t *M) {
  return reinterpret_cast<byte_t *>(M->get().data(M->S->S).data());
}

size_t wasm_memory_data_size(const wasm_memory_t *M) {
  return M->get().dataSize(M->S->S);
}

wasm_memory_pages_t wasm_memory_size(const wasm_memory_t *M) {
  return wasm_memory_pages_t(M->get().size(M->S->S));
}

bool wasm_memory_grow(wasm_memory_t *M, wasm_memory_pages_t Delta) {
  return M->get().grow(M->S->S, Delta).ok();
}

//===----------------------------------------------------------------------===//
// Externs
//===----------------------------------------------------------------------===//

wasm_externkind_t wasm_extern_kind(const wasm_extern_t *E) {
  switch (E->X.kind()) {
  case ExternKind::Func:
    return WASM_EXTERN_FUNC;
  case ExternKind::Global:
    return WASM_EXTERN_GLOBAL;
  case ExternKind::Table:
    return WASM_EXTERN_TABLE;
  case ExternKind::Memory:
    return WASM_EXTERN_MEMORY;
  }
  return WASM_EXTERN_FUNC;
}

wasm_externtype_t *wasm_extern_type(const wasm_extern_t *E) {
  Store &S = E->S->S;
  ExternType T;
  T.Kind = E->X.kind();
  switch (T.Kind) {
  case ExternKind::Func:
    T.Func = E->X.func()->type(S);
    break;
  case ExternKind::Global:
    T.Global = E->X.global()->type(S);
    break;
  case ExternKind::Table:
    T.Table = E->X.table()->type(S);
    break;
  case ExternKind::Memory:
    T.Memory = E->X.memory()->type(S);
    break;
  }
  return toC(T);
}

#define ORCA_CAPI_AS_EXTERN(name, K)                                           \
  wasm_extern_t *wasm_##name##_as_extern(wasm_##name##_t *X) { return X; }     \
  const wasm_extern_t *wasm_##name##_as_extern_const(                          \
      const wasm_##name##_t *X) {                                              \
    return X;                                                                  \
  }                                                                            \
  wasm_##name##_t *wasm_extern_as_##name(wasm_extern_t *E) {                   \
    return E && E->X.kind() == ExternKind::K                                   \
               ? static_cast<wasm_##name##_t *>(E)                             \
               : nullptr;                                                      \
  }                                                                            \
  const wasm_##name##_t *wasm_extern_as_##name##_const(                        \
      const wasm_extern_t *E) {                                                \
    return E && E->X.kind() == ExternKind::K                                   \
               ? static_cast<const wasm_##name##_t *>(E)                       \
               : nullptr;                                                      \
  }
ORCA_CAPI_AS_EXTERN(func, Func)
ORCA_CAPI_AS_EXTERN(global, Global)
ORCA_CAPI_AS_EXTERN(table, Table)
ORCA_CAPI_AS_EXTERN(memory, Memory)
#undef ORCA_CAPI_AS_EXTERN

} // extern "C"
