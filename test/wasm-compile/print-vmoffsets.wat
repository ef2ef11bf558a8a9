;; --print-vmoffsets prints the vmctx layout in order, empty arrays included.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --print-vmoffsets %t.wasm | FileCheck %s --match-full-lines
;; CHECK:      0 4 magic
;; CHECK-NEXT: 8 8 runtime_limits
;; CHECK-NEXT: 16 8 callee
;; CHECK-NEXT: 24 8 epoch_ptr
;; CHECK-NEXT: 32 8 externref_activations_table
;; CHECK-NEXT: 40 8 store
;; CHECK-NEXT: 48 8 builtin_functions
;; CHECK-NEXT: 56 8 signature_ids
;; CHECK-NEXT: 64 16 imported_functions
;; CHECK-NEXT: 80 16 imported_tables
;; CHECK-NEXT: 96 0 imported_memories
;; CHECK-NEXT: 96 8 imported_globals
;; CHECK-NEXT: 104 16 defined_tables
;; CHECK-NEXT: 120 8 defined_memories
;; CHECK-NEXT: 128 16 owned_memories
;; CHECK-NEXT: 144 16 defined_globals
;; CHECK-NEXT: 160 48 anyfuncs
;; CHECK-EMPTY:
(module
  (import "m" "f" (func (param i32)))
  (import "m" "t" (table 1 funcref))
  (import "m" "g" (global i32))
  (memory 1)
  (table 2 externref)
  (global (mut i64) (i64.const 0))
  (func $a (export "a"))
  (func $b)
  (func $c)
  (elem declare func $b))
