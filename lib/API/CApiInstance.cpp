//===- API/CApiInstance.cpp - Module instances ----------------------------===//
//
// Owns wasm_instance_t: instantiation with imports in the module's import
// order (a trap of the start function, or any other failure, comes back
// through the trap out-parameter) and the exports, in the module's order.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

extern "C" {

wasm_instance_t *wasm_instance_new(wasm_store_t *S, const wasm_module_t *M,
                                   const wasm_extern_vec_t *Imports,
                                   wasm_trap_t **TrapOut) {
  if (TrapOut)
    *TrapOut = nullptr;
  auto Fail = [&](wasm_trap_t *T) -> wasm_instance_t * {
    if (TrapOut)
      *TrapOut = T;
    else
      wasm_trap_delete(T);
    return nullptr;
  };
  if (!S || !M)
    return Fail(makeTrap("wasm_instance_new: no store or module"));
  std::vector<Extern> Imps;
  size_t N = Imports ? Imports->size : 0;
  for (size_t I = 0; I < N; ++I) {
    const wasm_extern_t *X = Imports->data[I];
    if (!X)
      return Fail(makeTrap("import " + std::to_string(I) + " is null"));
    Imps.push_back(X->X);
  }
  Result<Instance> I = Instance::create(S->S, M->M, Imps);
  if (!I)
    return Fail(makeTrap(I.error()));
  return new wasm_instance_t(S, *I);
}

void wasm_instance_exports(const wasm_instance_t *I, wasm_extern_vec_t *Out) {
  std::vector<std::pair<std::string, Extern>> Exps = I->I.exports(I->S->S);
  wasm_extern_vec_new_uninitialized(Out, Exps.size());
  for (size_t K = 0; K < Exps.size(); ++K)
    Out->data[K] = makeExtern(I->S, Exps[K].second);
}

} // extern "C"
