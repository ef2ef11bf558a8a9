;; Extended constant expressions are evaluated at instantiation: i32/i64
;; add, sub and mul (wrapping), over constants and immutable globals,
;; defined ones too (3.0), in global initialisers and in data and element
;; offsets. (wat2wasm 1.0.32 has the older rule, imported globals only:
;; --no-check.)
;; RUN: %wat2wasm --enable-extended-const --no-check %s -o %t.wasm
;; RUN: wasm-run --invoke globals %t.wasm | FileCheck %s --check-prefix=GLOBALS
;; GLOBALS: 38
;; GLOBALS-NEXT: 4294967295
;; GLOBALS-NEXT: 41
;; RUN: wasm-run --invoke data %t.wasm | FileCheck %s --check-prefix=DATA
;; DATA: 42
;; RUN: wasm-run --invoke elem %t.wasm | FileCheck %s --check-prefix=ELEM
;; ELEM: 7
(module
  (memory 1)
  (table 8 funcref)
  (global $a i32 (i32.add (i32.sub (i32.mul (i32.const 20) (i32.const 2))
                                   (i32.const 4))
                          (i32.const 2)))
  ;; 2^32 * (2^32 + 1) wraps to 2^32.
  (global $b i64 (i64.sub (i64.mul (i64.const 0x100000000)
                                   (i64.const 0x100000001))
                          (i64.const 1)))
  (global $c i32 (i32.add (global.get $a) (i32.const 3)))
  (data (i32.sub (global.get $c) (i32.const 1)) "\2a")
  (elem (i32.mul (global.get $a) (i32.const 0)) func $seven)
  (func $seven (result i32) (i32.const 7))
  (func (export "globals") (result i32 i64 i32)
    (global.get $a) (global.get $b) (global.get $c))
  (func (export "data") (result i32)
    (i32.load8_u (i32.const 40)))
  (func (export "elem") (result i32)
    (call_indirect (result i32) (i32.const 0))))
