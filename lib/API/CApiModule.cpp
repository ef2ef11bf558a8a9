//===- API/CApiModule.cpp - Modules and shared modules --------------------===//
//
// Owns wasm_module_t (an orca::Module: compile, validate, imports, exports,
// serialize, deserialize) and wasm_shared_module_t, the form in which a
// module crosses to another thread's store (orca::Module is immutable and
// thread-safe, so sharing is a copy of the handle).
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

static std::span<const uint8_t> bytesOf(const wasm_byte_vec_t *B) {
  if (!B || !B->data)
    return {};
  return {reinterpret_cast<const uint8_t *>(B->data), B->size};
}

extern "C" {

wasm_module_t *wasm_module_new(wasm_store_t *S, const wasm_byte_vec_t *B) {
  if (!S)
    return nullptr;
  Result<Module> M = Module::compile(S->E, bytesOf(B));
  if (!M)
    return nullptr;
  return new wasm_module_t(std::move(*M));
}

bool wasm_module_validate(wasm_store_t *S, const wasm_byte_vec_t *B) {
  return S && Module::validate(S->E, bytesOf(B)).ok();
}

void wasm_module_imports(const wasm_module_t *M, wasm_importtype_vec_t *Out) {
  const std::vector<ImportType> &Imps = M->M.imports();
  wasm_importtype_vec_new_uninitialized(Out, Imps.size());
  for (size_t I = 0; I < Imps.size(); ++I) {
    auto *T = new wasm_importtype_t;
    T->Module = makeName(Imps[I].Module);
    T->Name = makeName(Imps[I].Name);
    T->Type = toC(Imps[I].Type);
    Out->data[I] = T;
  }
}

void wasm_module_exports(const wasm_module_t *M, wasm_exporttype_vec_t *Out) {
  const std::vector<ExportType> &Exps = M->M.exports();
  wasm_exporttype_vec_new_uninitialized(Out, Exps.size());
  for (size_t I = 0; I < Exps.size(); ++I) {
    auto *T = new wasm_exporttype_t;
    T->Name = makeName(Exps[I].Name);
    T->Type = toC(Exps[I].Type);
    Out->data[I] = T;
  }
}

void wasm_module_serialize(const wasm_module_t *M, wasm_byte_vec_t *Out) {
  Result<std::vector<uint8_t>> B = M->M.serialize();
  if (!B) {
    wasm_byte_vec_new_empty(Out);
    return;
  }
  wasm_byte_vec_new(Out, B->size(), reinterpret_cast<const char *>(B->data()));
}

wasm_module_t *wasm_module_deserialize(wasm_store_t *S,
                                       const wasm_byte_vec_t *B) {
  if (!S)
    return nullptr;
  Result<Module> M = Module::deserialize(S->E, bytesOf(B));
  if (!M)
    return nullptr;
  return new wasm_module_t(std::move(*M));
}

void wasm_shared_module_delete(wasm_shared_module_t *M) { delete M; }

wasm_shared_module_t *wasm_module_share(const wasm_module_t *M) {
  return new wasm_shared_module_t{M->M};
}

wasm_module_t *wasm_module_obtain(wasm_store_t *S,
                                  const wasm_shared_module_t *M) {
  if (!S || !M)
    return nullptr;
  // A module runs only in stores of the engine that compiled it.
  if (detail::Access::state(detail::Access::state(M->M)->E) !=
      detail::Access::state(S->E))
    return nullptr;
  return new wasm_module_t(M->M);
}

} // extern "C"
