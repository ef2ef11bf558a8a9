/* trap: a host function's trap and a wasm trap, with their messages and
   frames. */
#include "example.h"

static wasm_store_t* store;

static wasm_trap_t* fail_callback(void* env, const wasm_val_vec_t* args,
                                  wasm_val_vec_t* results) {
  printf("Calling back...\n");
  wasm_message_t message;
  wasm_name_new_from_string_nt(&message, "callback abort");
  wasm_trap_t* trap = wasm_trap_new((wasm_store_t*)env, &message);
  wasm_name_delete(&message);
  return trap;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  wasm_functype_t* type = wasm_functype_new_0_1(wasm_valtype_new_i32());
  wasm_func_t* fail =
      wasm_func_new_with_env(store, type, fail_callback, store, NULL);
  wasm_functype_delete(type);
  wasm_extern_t* externs[] = {wasm_func_as_extern(fail)};
  wasm_extern_vec_t imports = WASM_ARRAY_VEC(externs);
  wasm_instance_t* instance = wasm_instance_new(store, module, &imports, NULL);
  CHECK(instance != NULL);
  wasm_func_delete(fail);

  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == 2);
  for (size_t i = 0; i < 2; ++i) {
    printf("Calling export %zu...\n", i);
    wasm_val_t rs[1] = {WASM_INIT_VAL};
    wasm_val_vec_t args = WASM_EMPTY_VEC, results = WASM_ARRAY_VEC(rs);
    wasm_trap_t* trap =
        wasm_func_call(wasm_extern_as_func(exports.data[i]), &args, &results);
    CHECK(trap != NULL);

    wasm_message_t message;
    wasm_trap_message(trap, &message);
    CHECK(message.size > 0 && message.data[message.size - 1] == '\0');
    printf("Printing message...\n> %s\n", message.data);
    CHECK(strcmp(message.data, i == 0 ? "callback abort" : "unreachable") == 0);
    wasm_byte_vec_delete(&message);

    wasm_frame_vec_t trace;
    wasm_trap_trace(trap, &trace);
    printf("Printing trace...\n");
    for (size_t k = 0; k < trace.size; ++k)
      printf("> frame %zu: func %u at module offset 0x%zx\n", k,
             wasm_frame_func_index(trace.data[k]),
             wasm_frame_module_offset(trace.data[k]));
    /* unreachable: $inner (func 2) called by the export (func 3). */
    if (i == 1) {
      CHECK(trace.size == 2);
      CHECK(wasm_frame_func_index(trace.data[0]) == 2);
      CHECK(wasm_frame_func_index(trace.data[1]) == 3);
    }
    wasm_frame_t* origin = wasm_trap_origin(trap);
    CHECK((origin != NULL) == (trace.size > 0));
    if (origin) {
      CHECK(wasm_frame_func_index(origin) ==
            wasm_frame_func_index(trace.data[0]));
      wasm_frame_delete(origin);
    }
    wasm_frame_vec_delete(&trace);
    wasm_trap_delete(trap);
  }

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
