/* hostref: host references (foreign objects) as externrefs through wasm
   globals, tables and calls; they come back as the same references. */
#include "example.h"

static wasm_trap_t* identity_callback(const wasm_val_vec_t* args,
                                      wasm_val_vec_t* results) {
  printf("Calling back...\n> %s\n",
         args->data[0].of.ref ? "a reference" : "null");
  wasm_val_copy(&results->data[0], &args->data[0]);
  return NULL;
}

static wasm_ref_t* call_r_r(const wasm_func_t* f, wasm_ref_t* r) {
  wasm_val_t as[1] = {WASM_REF_VAL(r)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(f, &args, &results) == NULL);
  return rs[0].of.ref;
}

static wasm_ref_t* call_v_r(const wasm_func_t* f) {
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(f, &args, &results) == NULL);
  return rs[0].of.ref;
}

static void call_ir_v(const wasm_func_t* f, int32_t i, wasm_ref_t* r) {
  wasm_val_t as[2] = {WASM_I32_VAL(i), WASM_REF_VAL(r)};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_EMPTY_VEC;
  CHECK(wasm_func_call(f, &args, &results) == NULL);
}

static wasm_ref_t* call_i_r(const wasm_func_t* f, int32_t i) {
  wasm_val_t as[1] = {WASM_I32_VAL(i)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(f, &args, &results) == NULL);
  return rs[0].of.ref;
}

static void check_same(wasm_ref_t* got, const wasm_ref_t* want) {
  CHECK((got == NULL) == (want == NULL));
  if (got) {
    CHECK(wasm_ref_same(got, want));
    CHECK(wasm_ref_get_host_info(got) == wasm_ref_get_host_info(want));
    wasm_ref_delete(got);
  }
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  wasm_functype_t* ft = wasm_functype_new_1_1(wasm_valtype_new_externref(),
                                              wasm_valtype_new_externref());
  wasm_func_t* callback = wasm_func_new(store, ft, identity_callback);
  wasm_functype_delete(ft);
  wasm_extern_t* externs[] = {wasm_func_as_extern(callback)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance != NULL);
  wasm_func_delete(callback);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_global_t* global = wasm_extern_as_global(exports.data[0]);
  wasm_table_t* table = wasm_extern_as_table(exports.data[1]);
  const wasm_func_t* global_set = wasm_extern_as_func(exports.data[2]);
  const wasm_func_t* global_get = wasm_extern_as_func(exports.data[3]);
  const wasm_func_t* table_set = wasm_extern_as_func(exports.data[4]);
  const wasm_func_t* table_get = wasm_extern_as_func(exports.data[5]);
  const wasm_func_t* func_call = wasm_extern_as_func(exports.data[6]);

  wasm_foreign_t* host1 = wasm_foreign_new(store);
  wasm_foreign_t* host2 = wasm_foreign_new(store);
  wasm_foreign_set_host_info(host1, (void*)1);
  wasm_foreign_set_host_info(host2, (void*)2);
  wasm_ref_t* ref1 = wasm_foreign_as_ref(host1);
  wasm_ref_t* ref2 = wasm_foreign_as_ref(host2);
  CHECK(!wasm_ref_same(ref1, ref2));

  printf("Accessing global...\n");
  check_same(call_v_r(global_get), NULL);
  wasm_val_t as[1] = {WASM_REF_VAL(ref1)};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), none = WASM_EMPTY_VEC;
  CHECK(wasm_func_call(global_set, &args, &none) == NULL);
  check_same(call_v_r(global_get), ref1);
  wasm_val_t v = WASM_REF_VAL(ref2);
  wasm_global_set(global, &v);
  wasm_global_get(global, &v);
  check_same(v.of.ref, ref2);

  printf("Accessing table...\n");
  check_same(call_i_r(table_get, 0), NULL);
  call_ir_v(table_set, 0, ref1);
  call_ir_v(table_set, 1, ref2);
  check_same(call_i_r(table_get, 0), ref1);
  check_same(call_i_r(table_get, 1), ref2);
  CHECK(wasm_table_set(table, 2, ref1));
  check_same(call_i_r(table_get, 2), ref1);
  check_same(wasm_table_get(table, 1), ref2);

  printf("Accessing function...\n");
  check_same(call_r_r(func_call, NULL), NULL);
  check_same(call_r_r(func_call, ref1), ref1);
  check_same(call_r_r(func_call, ref2), ref2);

  wasm_foreign_delete(host1);
  wasm_foreign_delete(host2);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
