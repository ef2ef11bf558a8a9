/* serialize: a compiled module to bytes and back, then run. */
#include "example.h"

static int called = 0;

static wasm_trap_t* hello_callback(const wasm_val_vec_t* args,
                                   wasm_val_vec_t* results) {
  printf("Calling back...\n> Hello World!\n");
  ++called;
  return NULL;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  printf("Serializing module...\n");
  wasm_byte_vec_t serialized;
  wasm_module_serialize(module, &serialized);
  CHECK(serialized.size > 0);
  wasm_module_delete(module);

  printf("Deserializing module...\n");
  wasm_module_t* deserialized = wasm_module_deserialize(store, &serialized);
  CHECK(deserialized != NULL);
  /* Corrupt bytes are refused. */
  serialized.data[serialized.size / 2] ^= 0x55;
  CHECK(wasm_module_deserialize(store, &serialized) == NULL);
  wasm_byte_vec_delete(&serialized);

  wasm_functype_t* hello_type = wasm_functype_new_0_0();
  wasm_func_t* hello_func = wasm_func_new(store, hello_type, hello_callback);
  wasm_functype_delete(hello_type);
  wasm_extern_t* externs[] = {wasm_func_as_extern(hello_func)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance =
      wasm_instance_new(store, deserialized, &imports, NULL);
  CHECK(instance != NULL);
  wasm_func_delete(hello_func);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  printf("Calling export...\n");
  wasm_val_vec_t none = WASM_EMPTY_VEC;
  CHECK(wasm_func_call(wasm_extern_as_func(exports.data[0]), &none, &none) ==
        NULL);
  CHECK(called == 1);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(deserialized);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
