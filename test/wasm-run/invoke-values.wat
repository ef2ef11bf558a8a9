;; wasm-run --invoke parses arguments by the export's parameter types and
;; prints each result on its own line.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke add %t.wasm 2 40 | FileCheck %s --check-prefix=ADD
;; ADD: 42
;; RUN: wasm-run --invoke add %t.wasm 4294967295 0 | FileCheck %s --check-prefix=UNSIGNED
;; UNSIGNED: -1
;; RUN: wasm-run --invoke add64 %t.wasm -9223372036854775808 -1 | FileCheck %s --check-prefix=WRAP
;; WRAP: 9223372036854775807
;; RUN: wasm-run --invoke neg %t.wasm 0 | FileCheck %s --check-prefix=NEGZERO
;; NEGZERO: -0
;; RUN: wasm-run --invoke div %t.wasm 1 3 | FileCheck %s --check-prefix=SHORTEST
;; SHORTEST: 0.3333333333333333
;; RUN: wasm-run --invoke divf %t.wasm 1 3 | FileCheck %s --check-prefix=SHORTEST32
;; SHORTEST32: 0.33333334
;; RUN: wasm-run --invoke div %t.wasm inf -inf | FileCheck %s --check-prefix=NAN
;; NAN: {{-?}}nan
;; RUN: wasm-run --invoke pair %t.wasm 7 | FileCheck %s --check-prefix=MULTI
;; MULTI: 7
;; MULTI-NEXT: 8
;; MULTI-NEXT: 1.5
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func (export "add64") (param i64 i64) (result i64)
    local.get 0 local.get 1 i64.add)
  (func (export "neg") (param f64) (result f64)
    local.get 0 f64.neg)
  (func (export "div") (param f64 f64) (result f64)
    local.get 0 local.get 1 f64.div)
  (func (export "divf") (param f32 f32) (result f32)
    local.get 0 local.get 1 f32.div)
  (func (export "pair") (param i32) (result i32 i64 f32)
    local.get 0
    local.get 0 i64.extend_i32_u i64.const 1 i64.add
    f32.const 1.5))
