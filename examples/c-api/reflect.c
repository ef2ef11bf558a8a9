/* reflect: the types of a module's exports and of an instance's. */
#include "example.h"

static void print_valtypes(const wasm_valtype_vec_t* types) {
  for (size_t i = 0; i < types->size; ++i) {
    static const char* names[] = {"i32", "i64", "f32", "f64"};
    wasm_valkind_t k = wasm_valtype_kind(types->data[i]);
    printf("%s%s", i ? " " : "",
           k < 4 ? names[k] : k == WASM_FUNCREF ? "funcref" : "externref");
  }
}

static void print_externtype(const wasm_externtype_t* type) {
  switch (wasm_externtype_kind(type)) {
  case WASM_EXTERN_FUNC: {
    const wasm_functype_t* ft = wasm_externtype_as_functype_const(type);
    printf("func (");
    print_valtypes(wasm_functype_params(ft));
    printf(") -> (");
    print_valtypes(wasm_functype_results(ft));
    printf(")");
    break;
  }
  case WASM_EXTERN_GLOBAL: {
    const wasm_globaltype_t* gt = wasm_externtype_as_globaltype_const(type);
    printf("global %s %d",
           wasm_globaltype_mutability(gt) == WASM_VAR ? "var" : "const",
           wasm_valtype_kind(wasm_globaltype_content(gt)));
    break;
  }
  case WASM_EXTERN_TABLE: {
    const wasm_tabletype_t* tt = wasm_externtype_as_tabletype_const(type);
    const wasm_limits_t* l = wasm_tabletype_limits(tt);
    printf("table %u..%u", l->min, l->max);
    break;
  }
  case WASM_EXTERN_MEMORY: {
    const wasm_limits_t* l =
        wasm_memorytype_limits(wasm_externtype_as_memorytype_const(type));
    printf("memory %u..%s", l->min,
           l->max == wasm_limits_max_default ? "" : "?");
    break;
  }
  }
}

int main(int argc, const char* argv[]) {
  CHECK(argc == 2);
  wasm_engine_t* engine = wasm_engine_new();
  wasm_store_t* store = wasm_store_new(engine);
  wasm_module_t* module = load_module(store, argv[1]);
  wasm_instance_t* instance = wasm_instance_new(store, module, NULL, NULL);
  CHECK(instance != NULL);

  wasm_exporttype_vec_t export_types;
  wasm_module_exports(module, &export_types);
  wasm_extern_vec_t exports;
  wasm_instance_exports(instance, &exports);
  CHECK(exports.size == export_types.size && exports.size == 4);

  static const wasm_externkind_t kinds[] = {
      WASM_EXTERN_FUNC, WASM_EXTERN_GLOBAL, WASM_EXTERN_TABLE,
      WASM_EXTERN_MEMORY};
  for (size_t i = 0; i < exports.size; ++i) {
    const wasm_name_t* name = wasm_exporttype_name(export_types.data[i]);
    printf("> export %zu \"%.*s\": ", i, (int)name->size, name->data);
    print_externtype(wasm_exporttype_type(export_types.data[i]));
    printf("\n");
    CHECK(wasm_extern_kind(exports.data[i]) == kinds[i]);
    wasm_externtype_t* t = wasm_extern_type(exports.data[i]);
    CHECK(wasm_externtype_kind(t) == kinds[i]);
    if (kinds[i] == WASM_EXTERN_FUNC) {
      const wasm_functype_t* ft = wasm_externtype_as_functype(t);
      CHECK(wasm_functype_params(ft)->size == 3);
      CHECK(wasm_valtype_kind(wasm_functype_params(ft)->data[1]) == WASM_F64);
      CHECK(wasm_functype_results(ft)->size == 1);
      const wasm_func_t* f = wasm_extern_as_func(exports.data[i]);
      CHECK(wasm_func_param_arity(f) == 3 && wasm_func_result_arity(f) == 1);
    }
    if (kinds[i] == WASM_EXTERN_TABLE) {
      const wasm_tabletype_t* tt = wasm_externtype_as_tabletype(t);
      CHECK(wasm_tabletype_limits(tt)->max == 50);
    }
    wasm_externtype_delete(t);
  }

  /* Types copy deeply and survive their source. */
  wasm_exporttype_vec_t copy;
  wasm_exporttype_vec_copy(&copy, &export_types);
  wasm_exporttype_vec_delete(&export_types);
  CHECK(copy.size == 4);
  CHECK(wasm_exporttype_name(copy.data[3])->size == 6);
  wasm_exporttype_vec_delete(&copy);

  wasm_extern_vec_delete(&exports);
  wasm_instance_delete(instance);
  wasm_module_delete(module);
  wasm_store_delete(store);
  wasm_engine_delete(engine);
  printf("Done.\n");
  return 0;
}
