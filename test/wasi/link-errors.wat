;; Linking: an import that is neither WASI nor provided is a clear error
;; naming it; so is a WASI function imported with the wrong type. A module
;; without a memory export may still call WASI (its pointers fault).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: not wasm-run %t.wasm 2>&1 | FileCheck %s
;; CHECK: wasm-run: error: {{.*}}: unlinkable module: unknown import: env::host_thing (neither WASI nor provided by the host)
;; RUN: echo '(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32))))' > %t.bad.wat
;; RUN: %wat2wasm %t.bad.wat -o %t.bad.wasm
;; RUN: not wasm-run %t.bad.wasm 2>&1 | FileCheck %s --check-prefix=TYPE
;; TYPE: incompatible import type: wasi_snapshot_preview1::fd_write is imported as (i32) -> () but has type (i32 i32 i32 i32) -> (i32)
;; RUN: echo '(module (import "wasi_snapshot_preview1" "no_such_fn" (func)))' > %t.nofn.wat
;; RUN: %wat2wasm %t.nofn.wat -o %t.nofn.wasm
;; RUN: not wasm-run %t.nofn.wasm 2>&1 | FileCheck %s --check-prefix=NOFN
;; NOFN: unknown import: wasi_snapshot_preview1::no_such_fn (not a WASI preview1 function)
;; RUN: echo '(module (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32))) (func (export "f") (result i32) (call $r (i32.const 0) (i32.const 4))))' > %t.nomem.wat
;; RUN: %wat2wasm %t.nomem.wat -o %t.nomem.wasm
;; RUN: wasm-run --invoke f %t.nomem.wasm | FileCheck %s --check-prefix=NOMEM
;; NOMEM: 21
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
  (import "env" "host_thing" (func)))
