/* A C program outside Orca's tree: the standard C API and orca.h. */
#include <stdio.h>

#include <orca.h>
#include <wasm.h>

int main(void) {
  /* (module (func (export "answer") (result i32) (i32.const 42))) */
  static const char bytes[] = {
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01,
      0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x0a, 0x01,
      0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06,
      0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};
  wasm_config_t* config = wasm_config_new();
  orca_config_opt_level_set(config, 1);
  wasm_engine_t* engine = wasm_engine_new_with_config(config);
  wasm_store_t* store = wasm_store_new(engine);
  wasm_byte_vec_t binary;
  wasm_byte_vec_new(&binary, sizeof bytes, bytes);
  wasm_module_t* module = wasm_module_new(store, &binary);
  wasm_byte_vec_delete(&binary);
  if (!module) return 1;
  wasm_instance_t* instance = wasm_instance_new(store, module, NULL, NULL);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  wasm_val_t rs[1] = {WASM_INIT_VAL};
  wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
  wasm_trap_t* trap =
      wasm_func_call(wasm_extern_as_func(exports.data[0]), &args, &results);
  printf("C: orca %s answers %d\n", orca_version(), trap ? -1 : rs[0].of.i32);
  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  return rs[0].of.i32 == 42 ? 0 : 1;
}
