/* finalize: host info with finalizers on instances, modules and foreign
   objects. In Orca an instance lives as long as its store, so its
   finalizers run when the store is deleted; a module's and a foreign
   object's run with their last reference. */
#include "example.h"

static const int iterations = 100;
static int live_count = 0;

static void finalize(void* data) {
  CHECK((intptr_t)data >= 0 && (intptr_t)data < iterations);
  --live_count;
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);

  printf("Live count %d\n", live_count);
  printf("Creating objects...\n");
  for (int i = 0; i < iterations; ++i) {
    wasm_instance_t* instance = wasm_instance_new(store, module, NULL, NULL);
    CHECK(instance != NULL);
    void* data = (void*)(intptr_t)i;
    wasm_instance_set_host_info_with_finalizer(instance, data, finalize);
    ++live_count;
    /* Every handle of the entity sees the same host info. */
    wasm_instance_t* copy = wasm_instance_copy(instance);
    CHECK(wasm_instance_get_host_info(copy) == data);
    CHECK(wasm_instance_same(copy, instance));
    wasm_instance_delete(copy);
    wasm_instance_delete(instance);
  }
  printf("Live count %d\n", live_count);
  CHECK(live_count == iterations);

  /* Replacing host info finalizes the old one. */
  wasm_foreign_t* foreign = wasm_foreign_new(store);
  wasm_foreign_set_host_info_with_finalizer(foreign, (void*)1, finalize);
  ++live_count;
  wasm_foreign_set_host_info_with_finalizer(foreign, (void*)2, finalize);
  CHECK(live_count == iterations);
  ++live_count;
  wasm_foreign_t* foreign2 = wasm_foreign_copy(foreign);
  wasm_foreign_delete(foreign);
  CHECK(live_count == iterations + 1); /* foreign2 still refers to it */
  wasm_foreign_delete(foreign2);
  CHECK(live_count == iterations);

  wasm_module_set_host_info_with_finalizer(module, (void*)3, finalize);
  ++live_count;
  wasm_module_delete(module);
  CHECK(live_count == iterations);

  printf("Deleting store...\n");
  wasm_store_delete(store);
  printf("Live count %d\n", live_count);
  CHECK(live_count == 0);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
