/* global: host globals imported by wasm, wasm globals exported to the
   host, read and written from both sides. */
#include "example.h"

static wasm_global_t* new_global(wasm_store_t* store, wasm_valtype_t* type,
                                 wasm_mutability_t mut, wasm_val_t val) {
  wasm_globaltype_t* gt = wasm_globaltype_new(type, mut);
  wasm_global_t* g = wasm_global_new(store, gt, &val);
  wasm_globaltype_delete(gt);
  CHECK(g != NULL);
  return g;
}

static wasm_val_t call0(const wasm_func_t* f) {
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  CHECK(wasm_func_call(f, &args, &results) == NULL);
  return rs[0];
}

static void call1(const wasm_func_t* f, wasm_val_t v) {
  wasm_val_t as[1] = {v};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_EMPTY_VEC;
  CHECK(wasm_func_call(f, &args, &results) == NULL);
}

static wasm_val_t get(const wasm_global_t* g) {
  wasm_val_t v;
  wasm_global_get(g, &v);
  return v;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  wasm_global_t* const_f32 = new_global(store, wasm_valtype_new_f32(),
                                        WASM_CONST, (wasm_val_t)WASM_F32_VAL(1));
  wasm_global_t* const_i64 = new_global(store, wasm_valtype_new_i64(),
                                        WASM_CONST, (wasm_val_t)WASM_I64_VAL(2));
  wasm_global_t* var_f32 = new_global(store, wasm_valtype_new_f32(), WASM_VAR,
                                      (wasm_val_t)WASM_F32_VAL(3));
  wasm_global_t* var_i64 = new_global(store, wasm_valtype_new_i64(), WASM_VAR,
                                      (wasm_val_t)WASM_I64_VAL(4));
  /* A global of the wrong type is refused. */
  wasm_globaltype_t* gt = wasm_globaltype_new(wasm_valtype_new_i32(), WASM_VAR);
  wasm_val_t wrong = WASM_F64_VAL(1.5);
  CHECK(wasm_global_new(store, gt, &wrong) == NULL);
  wasm_globaltype_delete(gt);

  wasm_extern_t* externs[] = {
      wasm_global_as_extern(const_f32), wasm_global_as_extern(const_i64),
      wasm_global_as_extern(var_f32), wasm_global_as_extern(var_i64)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance != NULL);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 9);
  wasm_global_t* export_var_f32 = wasm_extern_as_global(exports.data[2]);
  wasm_global_t* export_var_i64 = wasm_extern_as_global(exports.data[3]);
  CHECK(export_var_f32 && export_var_i64);
  const wasm_func_t* get_const_f32_import = wasm_extern_as_func(exports.data[4]);
  const wasm_func_t* get_var_i64_import = wasm_extern_as_func(exports.data[5]);
  const wasm_func_t* get_var_f32_export = wasm_extern_as_func(exports.data[6]);
  const wasm_func_t* set_var_i64_import = wasm_extern_as_func(exports.data[7]);
  const wasm_func_t* set_var_f32_export = wasm_extern_as_func(exports.data[8]);

  wasm_globaltype_t* t = wasm_global_type(export_var_f32);
  CHECK(wasm_valtype_kind(wasm_globaltype_content(t)) == WASM_F32);
  CHECK(wasm_globaltype_mutability(t) == WASM_VAR);
  wasm_globaltype_delete(t);

  printf("Accessing globals...\n");
  CHECK(get(const_f32).of.f32 == 1);
  CHECK(call0(get_const_f32_import).of.f32 == 1);
  CHECK(get(export_var_f32).of.f32 == 7);
  CHECK(get(wasm_extern_as_global(exports.data[1])).of.i64 == 6);

  /* Host writes, wasm reads. */
  wasm_val_t v = WASM_I64_VAL(24);
  wasm_global_set(var_i64, &v);
  CHECK(call0(get_var_i64_import).of.i64 == 24);
  v = (wasm_val_t)WASM_F32_VAL(27);
  wasm_global_set(export_var_f32, &v);
  CHECK(call0(get_var_f32_export).of.f32 == 27);

  /* Wasm writes, host reads. */
  call1(set_var_i64_import, (wasm_val_t)WASM_I64_VAL(64));
  CHECK(get(var_i64).of.i64 == 64);
  call1(set_var_f32_export, (wasm_val_t)WASM_F32_VAL(37));
  CHECK(get(export_var_f32).of.f32 == 37);

  /* A constant does not change. */
  v = (wasm_val_t)WASM_F32_VAL(9);
  wasm_global_set(const_f32, &v);
  CHECK(get(const_f32).of.f32 == 1);
  printf("> all globals read back as written\n");

  wasm_global_delete(const_f32);
  wasm_global_delete(const_i64);
  wasm_global_delete(var_f32);
  wasm_global_delete(var_i64);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
