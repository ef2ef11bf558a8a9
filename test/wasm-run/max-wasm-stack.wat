;; --max-wasm-stack bounds the native stack wasm may use per call from the
;; host: recursion that fits the default (512 KiB) traps under a smaller
;; limit, and recursion too deep for the default fits a larger one.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke depth %t.wasm 2000 | FileCheck %s --check-prefix=FITS
;; FITS: 2000
;; RUN: not wasm-run --max-wasm-stack 16KiB --invoke depth %t.wasm 2000 2>&1 \
;; RUN:   | FileCheck %s --check-prefix=EXHAUSTED
;; EXHAUSTED: call stack exhausted
;; RUN: not wasm-run --invoke depth %t.wasm 60000 2>&1 \
;; RUN:   | FileCheck %s --check-prefix=EXHAUSTED
;; RUN: wasm-run --max-wasm-stack=6MiB --invoke depth %t.wasm 60000 \
;; RUN:   | FileCheck %s --check-prefix=DEEP
;; DEEP: 60000
;; RUN: not wasm-run --max-wasm-stack 0 --invoke depth %t.wasm 1 2>&1 \
;; RUN:   | FileCheck %s --check-prefix=BAD
;; BAD: --max-wasm-stack takes a size
(module
  (memory 1)
  ;; The store after the call keeps LLVM from turning the recursion into a
  ;; loop.
  (func $depth (export "depth") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else
        (i32.store (i32.const 0)
          (i32.add (call $depth (i32.sub (local.get 0) (i32.const 1)))
                   (i32.const 1)))
        (i32.load (i32.const 0))))))
