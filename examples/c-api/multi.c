/* multi: multiple results, from a host callback and from wasm. */
#include "example.h"

static wasm_trap_t* reverse_callback(const wasm_val_vec_t* args,
                                     wasm_val_vec_t* results) {
  printf("Calling back...\n> %d %lld %lld %d\n", args->data[0].of.i32,
         (long long)args->data[1].of.i64, (long long)args->data[2].of.i64,
         args->data[3].of.i32);
  CHECK(results->size == 4);
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = args->data[3].of.i32;
  results->data[1].kind = WASM_I64;
  results->data[1].of.i64 = args->data[2].of.i64;
  results->data[2].kind = WASM_I64;
  results->data[2].of.i64 = args->data[1].of.i64;
  results->data[3].kind = WASM_I32;
  results->data[3].of.i32 = args->data[0].of.i32;
  return NULL;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  wasm_valtype_t* ps[4] = {wasm_valtype_new_i32(), wasm_valtype_new_i64(),
                           wasm_valtype_new_i64(), wasm_valtype_new_i32()};
  wasm_valtype_t* rs[4] = {wasm_valtype_new_i32(), wasm_valtype_new_i64(),
                           wasm_valtype_new_i64(), wasm_valtype_new_i32()};
  wasm_valtype_vec_t params, results;
  wasm_valtype_vec_new(&params, 4, ps);
  wasm_valtype_vec_new(&results, 4, rs);
  wasm_functype_t* type = wasm_functype_new(&params, &results);
  wasm_func_t* callback = wasm_func_new(store, type, reverse_callback);
  wasm_functype_delete(type);

  wasm_extern_t* externs[] = {wasm_func_as_extern(callback)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance != NULL);
  wasm_func_delete(callback);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  const wasm_func_t* g = wasm_extern_as_func(exports.data[0]);

  printf("Calling export...\n");
  wasm_val_t as[4] = {WASM_I32_VAL(1), WASM_I64_VAL(2), WASM_I64_VAL(3),
                      WASM_I32_VAL(4)};
  wasm_val_t out[4] = {WASM_INIT_VAL, WASM_INIT_VAL, WASM_INIT_VAL,
                       WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), res = WASM_ARRAY_VEC(out);
  CHECK(wasm_func_call(g, &args, &res) == NULL);
  printf("Printing result...\n> %d %lld %lld %d\n", out[0].of.i32,
         (long long)out[1].of.i64, (long long)out[2].of.i64, out[3].of.i32);
  /* g swaps the i64s, f reverses everything. */
  CHECK(out[0].of.i32 == 4 && out[1].of.i64 == 2 && out[2].of.i64 == 3 &&
        out[3].of.i32 == 1);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
