/* start: a start function that traps makes instantiation fail with the
   trap. */
#include "example.h"

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  printf("Instantiating module...\n");
  wasm_trap_t* trap = NULL;
  wasm_instance_t* instance = wasm_instance_new(store, module, NULL, &trap);
  CHECK(instance == NULL && trap != NULL);

  wasm_frame_t* origin = wasm_trap_origin(trap);
  CHECK(origin != NULL);
  printf("> origin: func %u, module offset 0x%zx\n",
         wasm_frame_func_index(origin), wasm_frame_module_offset(origin));
  CHECK(wasm_frame_func_index(origin) == 0);
  wasm_frame_delete(origin);
  wasm_frame_vec_t trace;
  wasm_trap_trace(trap, &trace);
  CHECK(trace.size == 1);
  wasm_frame_vec_delete(&trace);
  print_trap("Printing message", trap);

  /* Without an out-parameter the trap is dropped. */
  CHECK(wasm_instance_new(store, module, NULL, NULL) == NULL);

  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
