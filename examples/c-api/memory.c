/* memory: an exported memory read and written by host and wasm; bounds
   traps; growth up to the maximum; a stand-alone memory. */
#include "example.h"

static const wasm_func_t *size_func, *load_func, *store_func;

static int32_t call(const wasm_func_t* f, int n, int32_t a, int32_t b,
                    bool expect_trap) {
  wasm_val_t as[2] = {WASM_I32_VAL(a), WASM_I32_VAL(b)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = {(size_t)n, as};
  wasm_val_vec_t results = {wasm_func_result_arity(f), rs};
  wasm_trap_t* trap = wasm_func_call(f, &args, &results);
  CHECK((trap != NULL) == expect_trap);
  if (trap) {
    print_trap("> trap", trap);
    return 0;
  }
  return results.size ? rs[0].of.i32 : 0;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);
  wasm_instance_t* instance = wasm_instance_new(store, module, NULL, NULL);
  CHECK(instance != NULL);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_memory_t* memory = wasm_extern_as_memory(exports.data[0]);
  size_func = wasm_extern_as_func(exports.data[1]);
  load_func = wasm_extern_as_func(exports.data[2]);
  store_func = wasm_extern_as_func(exports.data[3]);
  CHECK(memory && size_func && load_func && store_func);

  printf("Checking memory...\n");
  CHECK(wasm_memory_size(memory) == 2);
  CHECK(wasm_memory_data_size(memory) == 0x20000);
  CHECK(wasm_memory_data(memory)[0] == 0);
  CHECK(wasm_memory_data(memory)[0x1000] == 1);
  CHECK(wasm_memory_data(memory)[0x1003] == 4);
  CHECK(call(size_func, 0, 0, 0, false) == 2);
  CHECK(call(load_func, 1, 0x1002, 0, false) == 3);
  call(load_func, 1, 0x20000, 0, true);

  printf("Mutating memory...\n");
  wasm_memory_data(memory)[0x1003] = 5;
  call(store_func, 2, 0x1002, 6, false);
  call(store_func, 2, 0x20000, 0, true);
  CHECK(wasm_memory_data(memory)[0x1002] == 6);
  CHECK(call(load_func, 1, 0x1003, 0, false) == 5);

  printf("Growing memory...\n");
  CHECK(wasm_memory_grow(memory, 1));
  CHECK(wasm_memory_size(memory) == 3);
  CHECK(call(load_func, 1, 0x20000, 0, false) == 0);
  call(load_func, 1, 0x30000, 0, true);
  CHECK(!wasm_memory_grow(memory, 1));
  CHECK(wasm_memory_grow(memory, 0));

  wasm_memorytype_t* mt = wasm_memory_type(memory);
  CHECK(wasm_memorytype_limits(mt)->min == 3);
  CHECK(wasm_memorytype_limits(mt)->max == 3);
  wasm_memorytype_delete(mt);

  printf("Creating stand-alone memory...\n");
  wasm_limits_t limits = {5, 5};
  mt = wasm_memorytype_new(&limits);
  wasm_memory_t* memory2 = wasm_memory_new(store, mt);
  CHECK(memory2 && wasm_memory_size(memory2) == 5);
  CHECK(!wasm_memory_grow(memory2, 1));
  wasm_memorytype_delete(mt);
  wasm_memory_delete(memory2);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
