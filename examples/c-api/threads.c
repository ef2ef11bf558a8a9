/* threads: one engine, a module shared with several threads, each running
   it in a store of its own. */
#include <pthread.h>

#include "example.h"

enum { N_THREADS = 4, N_REPS = 3 };

static int runs[N_THREADS];

static wasm_trap_t* hello_callback(void* env, const wasm_val_vec_t* args,
                                   wasm_val_vec_t* results) {
  int id = args->data[0].of.i32;
  CHECK(id >= 0 && id < N_THREADS);
  ++runs[id];
  return NULL;
}

typedef struct {
  wasm_engine_t* engine;
  wasm_shared_module_t* module;
  int id;
} thread_args;

static void* run(void* p) {
  thread_args* a = (thread_args*)p;
  for (int rep = 0; rep < N_REPS; ++rep) {
    wasm_store_t* store = wasm_store_new(a->engine);
    wasm_module_t* module = wasm_module_obtain(store, a->module);
    CHECK(module != NULL);

    wasm_functype_t* ft = wasm_functype_new_1_0(wasm_valtype_new_i32());
    wasm_func_t* func = wasm_func_new_with_env(store, ft, hello_callback,
                                               NULL, NULL);
    wasm_functype_delete(ft);
    wasm_globaltype_t* gt =
        wasm_globaltype_new(wasm_valtype_new_i32(), WASM_CONST);
    wasm_val_t id = WASM_I32_VAL(a->id);
    wasm_global_t* global = wasm_global_new(store, gt, &id);
    wasm_globaltype_delete(gt);

    wasm_extern_t* externs[] = {wasm_func_as_extern(func),
                                wasm_global_as_extern(global)};
    wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
    wasm_instance_t* instance =
        wasm_instance_new(store, module, &imports, NULL);
    CHECK(instance != NULL);
    wasm_func_delete(func);
    wasm_global_delete(global);

    wasm_extern_vec_t exports;
    wasm_instance_exports(instance, &exports);
    wasm_val_vec_t none = WASM_EMPTY_VEC;
    CHECK(wasm_func_call(wasm_extern_as_func(exports.data[0]), &none,
                         &none) == NULL);
    wasm_extern_vec_delete(&exports);
    wasm_instance_delete(instance);
    wasm_module_delete(module);
    wasm_store_delete(store);
  }
  return NULL;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);
  wasm_shared_module_t* shared = wasm_module_share(module);
  wasm_module_delete(module);
  wasm_store_delete(store);

  /* A module obtained in a store of another engine is refused. */
  wasm_engine_t* other = wasm_engine_new();
  wasm_store_t* other_store = wasm_store_new(other);
  CHECK(wasm_module_obtain(other_store, shared) == NULL);
  wasm_store_delete(other_store);
  wasm_engine_delete(other);

  pthread_t threads[N_THREADS];
  thread_args args[N_THREADS];
  for (int i = 0; i < N_THREADS; ++i) {
    args[i] = (thread_args){engine, shared, i};
    printf("Initializing thread %d...\n", i);
    CHECK(pthread_create(&threads[i], NULL, run, &args[i]) == 0);
  }
  for (int i = 0; i < N_THREADS; ++i) {
    printf("Waiting for thread: %d\n", i);
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(runs[i] == N_REPS);
  }
  printf("> every thread ran %d times\n", N_REPS);

  wasm_shared_module_delete(shared);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
