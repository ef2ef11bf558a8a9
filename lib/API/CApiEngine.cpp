//===- API/CApiEngine.cpp - Configs, engines and stores -------------------===//
//
// Owns wasm_config_t (and Orca's setters for it, orca.h), wasm_engine_t and
// wasm_store_t: the store's host info table and externref anchors; and
// orca_version().
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

HostInfo *wasm_store_t::hostInfo(const void *Id, bool Create) {
  auto It = Infos.find(Id);
  if (It != Infos.end())
    return It->second.get();
  if (!Create)
    return nullptr;
  return Infos.emplace(Id, std::make_unique<HostInfo>()).first->second.get();
}

wasm_ref_t *wasm_store_t::anchor(const wasm_ref_t *R) {
  std::unique_ptr<wasm_ref_t> &A = Anchors[R->identity()];
  if (!A)
    A.reset(R->clone());
  return A.get();
}

extern "C" {

const char *orca_version(void) { return ORCA_VERSION; }

wasm_config_t *wasm_config_new(void) { return new wasm_config_t; }
void wasm_config_delete(wasm_config_t *C) { delete C; }

bool orca_config_opt_level_set(wasm_config_t *C, unsigned Level) {
  if (Level > 3)
    return false;
  C->C.OptLevel = Level;
  return true;
}
void orca_config_bounds_checks_set(wasm_config_t *C, orca_bounds_checks_t B) {
  C->C.Bounds = B == ORCA_BOUNDS_CHECKS_GUARD_PAGES ? BoundsChecks::GuardPages
                                                    : BoundsChecks::Explicit;
}
void orca_config_cache_dir_set(wasm_config_t *C, const char *Dir) {
  C->C.CacheDir = Dir ? Dir : "";
}
void orca_config_compile_threads_set(wasm_config_t *C, unsigned N) {
  C->C.CompileThreads = N;
}
void orca_config_max_wasm_stack_set(wasm_config_t *C, uint64_t Bytes) {
  C->C.MaxWasmStack = Bytes;
}

wasm_engine_t *wasm_engine_new(void) {
  return wasm_engine_new_with_config(wasm_config_new());
}

wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *C) {
  std::unique_ptr<wasm_config_t> Owned(C);
  Result<Engine> E = Engine::create(C ? C->C : Config());
  if (!E)
    return nullptr;
  return new wasm_engine_t{std::move(*E)};
}

void wasm_engine_delete(wasm_engine_t *E) { delete E; }

wasm_store_t *wasm_store_new(wasm_engine_t *E) {
  return E ? new wasm_store_t(E->E) : nullptr;
}

void wasm_store_delete(wasm_store_t *S) { delete S; }

} // extern "C"
