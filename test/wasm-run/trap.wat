;; A trap prints its message on stderr and exits with 134, like wasmtime.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: sh -c 'wasm-run --invoke div %t.wasm 1 0 2>%t.err; echo status=$?' | FileCheck %s --check-prefix=STATUS
;; STATUS: status=134
;; RUN: FileCheck %s --check-prefix=DIV < %t.err
;; DIV: wasm trap: integer divide by zero
;; RUN: not wasm-run --invoke oob %t.wasm 2>&1 | FileCheck %s --check-prefix=OOB
;; OOB: wasm trap: out of bounds memory access
;; RUN: not wasm-run --invoke unreachable %t.wasm 2>&1 | FileCheck %s --check-prefix=UNREACHABLE
;; UNREACHABLE: wasm trap: unreachable
;; RUN: not wasm-run --invoke recurse %t.wasm 2>&1 | FileCheck %s --check-prefix=STACK
;; STACK: wasm trap: call stack exhausted
(module
  (memory 1)
  (func (export "div") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s)
  (func (export "oob") (result i32)
    i32.const 65536 i32.load)
  (func (export "unreachable") unreachable)
  (func $r (export "recurse") (result i32)
    call $r i32.const 1 i32.add))
