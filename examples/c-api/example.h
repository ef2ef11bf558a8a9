/* Helpers shared by the C API examples: load a .wasm file, check a
   condition (exiting with a message when it fails). */
#ifndef ORCA_C_API_EXAMPLE_H
#define ORCA_C_API_EXAMPLE_H

#include <stdio.h>
#include <stdlib.h>

#include "wasm.h"

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* Reads the file at path into a new byte vector (empty on failure). */
static inline void load_file(const char *path, wasm_byte_vec_t *out) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  wasm_byte_vec_new_uninitialized(out, (size_t)size);
  CHECK(fread(out->data, 1, (size_t)size, f) == (size_t)size);
  fclose(f);
}

/* Compiles the module at path. */
static inline wasm_module_t *load_module(wasm_store_t *store,
                                         const char *path) {
  wasm_byte_vec_t binary;
  load_file(path, &binary);
  wasm_module_t *module = wasm_module_new(store, &binary);
  wasm_byte_vec_delete(&binary);
  CHECK(module != NULL);
  return module;
}

/* Prints a trap's message and deletes it. */
static inline void print_trap(const char *what, wasm_trap_t *trap) {
  wasm_message_t message;
  wasm_trap_message(trap, &message);
  printf("%s: %s\n", what, message.data);
  wasm_byte_vec_delete(&message);
  wasm_trap_delete(trap);
}

#endif
