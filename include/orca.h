// Orca's extensions to the WebAssembly C API (wasm.h), in C.
//
// wasm.h leaves configs to the embedder ("Embedders may provide custom
// functions for manipulating configs"); these are Orca's, plus native host
// functions of run-time signatures (called through libffi).

#ifndef ORCA_H
#define ORCA_H

#include "wasm.h"

#ifdef __cplusplus
extern "C" {
#endif

// Orca's version, "major.minor.patch".
WASM_API_EXTERN const char *orca_version(void);

// Configuration (before wasm_engine_new_with_config)

// LLVM optimisation level, 0 to 3 (default 2). False when out of range.
WASM_API_EXTERN bool orca_config_opt_level_set(wasm_config_t *, unsigned level);

typedef uint8_t orca_bounds_checks_t;
enum orca_bounds_checks_enum {
  ORCA_BOUNDS_CHECKS_EXPLICIT,    // compare and branch per access (default)
  ORCA_BOUNDS_CHECKS_GUARD_PAGES, // reserved address space + guard pages
};
WASM_API_EXTERN void orca_config_bounds_checks_set(wasm_config_t *,
                                                   orca_bounds_checks_t);

// Compiled-code cache directory (NULL or "": no cache, the default).
WASM_API_EXTERN void orca_config_cache_dir_set(wasm_config_t *,
                                               const char *dir);

// Threads compiling one module (0: one per hardware thread, the default).
WASM_API_EXTERN void orca_config_compile_threads_set(wasm_config_t *,
                                                     unsigned n);

// Native stack wasm may use per call from the host, in bytes.
WASM_API_EXTERN void orca_config_max_wasm_stack_set(wasm_config_t *,
                                                    uint64_t bytes);

// Native host functions with run-time signatures

// A host function that calls the C function `fn` directly, with the C ABI
// types of `type` (i32 -> int32_t, i64 -> int64_t, f32 -> float,
// f64 -> double; at most one result, as C returns one value). The
// signature may be known only at run time (read from a file, a plugin's
// dlsym): libffi builds the call, no wrapper is needed. NULL when `type`
// has reference types or more than one result.
WASM_API_EXTERN /* own */ wasm_func_t *
orca_func_new_native(wasm_store_t *, const wasm_functype_t *type,
                     void (*fn)(void));

#ifdef __cplusplus
} // extern "C"
#endif

#endif // ORCA_H
