/* table: a funcref table shared by host and wasm: get, set, grow, and
   calls through it (including of a host function). */
#include "example.h"

static wasm_trap_t* neg_callback(const wasm_val_vec_t* args,
                                 wasm_val_vec_t* results) {
  results->data[0].kind = WASM_I32;
  results->data[0].of.i32 = -args->data[0].of.i32;
  return NULL;
}

static const wasm_func_t* call_indirect;

/* Calls table[i](arg); returns the result, or traps when expect_trap. */
static int32_t call(int32_t arg, int32_t i, bool expect_trap) {
  wasm_val_t as[2] = {WASM_I32_VAL(arg), WASM_I32_VAL(i)};
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_ARRAY_VEC(as), results = WASM_ARRAY_VEC(rs);
  wasm_trap_t* trap = wasm_func_call(call_indirect, &args, &results);
  CHECK((trap != NULL) == expect_trap);
  if (trap) {
    print_trap("> trap", trap);
    return 0;
  }
  return rs[0].of.i32;
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
  wasm_table_t* table = wasm_extern_as_table(exports.data[0]);
  call_indirect = wasm_extern_as_func(exports.data[1]);
  wasm_func_t* f = wasm_extern_as_func(exports.data[2]);
  wasm_func_t* g = wasm_extern_as_func(exports.data[3]);
  CHECK(table && call_indirect && f && g);

  wasm_functype_t* neg_type =
      wasm_functype_new_1_1(wasm_valtype_new_i32(), wasm_valtype_new_i32());
  wasm_func_t* h = wasm_func_new(store, neg_type, neg_callback);
  wasm_functype_delete(neg_type);

  printf("Checking table...\n");
  CHECK(wasm_table_size(table) == 2);
  CHECK(wasm_table_get(table, 0) == NULL);
  wasm_ref_t* r1 = wasm_table_get(table, 1);
  CHECK(r1 != NULL && wasm_ref_same(r1, wasm_func_as_ref(f)));
  wasm_ref_delete(r1);
  CHECK(wasm_table_get(table, 2) == NULL); /* out of bounds */

  printf("Calling through the table...\n");
  CHECK(call(7, 1, false) == 7);
  call(7, 0, true); /* null element */
  call(7, 2, true); /* out of bounds */

  printf("Mutating table...\n");
  CHECK(wasm_table_set(table, 0, wasm_func_as_ref(g)));
  CHECK(wasm_table_set(table, 1, NULL));
  CHECK(!wasm_table_set(table, 2, wasm_func_as_ref(f)));
  CHECK(call(7, 0, false) == 666);
  call(7, 1, true);

  printf("Growing table...\n");
  CHECK(wasm_table_grow(table, 3, wasm_func_as_ref(h)));
  CHECK(wasm_table_size(table) == 5);
  CHECK(call(5, 4, false) == -5); /* a host function, through the table */
  CHECK(!wasm_table_grow(table, 6, NULL)); /* beyond the maximum 10 */

  wasm_tabletype_t* tt = wasm_table_type(table);
  CHECK(wasm_tabletype_limits(tt)->min == 5);
  CHECK(wasm_tabletype_limits(tt)->max == 10);
  CHECK(wasm_valtype_kind(wasm_tabletype_element(tt)) == WASM_FUNCREF);
  wasm_tabletype_delete(tt);

  printf("Creating stand-alone table...\n");
  wasm_limits_t limits = {5, 5};
  tt = wasm_tabletype_new(wasm_valtype_new_funcref(), &limits);
  wasm_table_t* table2 = wasm_table_new(store, tt, NULL);
  CHECK(table2 && wasm_table_size(table2) == 5);
  CHECK(!wasm_table_grow(table2, 1, NULL));
  CHECK(wasm_table_grow(table2, 0, NULL));
  wasm_tabletype_delete(tt);
  wasm_table_delete(table2);

  wasm_func_delete(h);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
