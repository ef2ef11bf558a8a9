;; --max-memory caps every linear memory: growing past it fails with -1 and
;; a module whose minimum exceeds it cannot be instantiated.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke grow %t.wasm 1 | FileCheck %s --check-prefix=FREE
;; FREE: 1
;; RUN: wasm-run --max-memory 128KiB --invoke grow %t.wasm 1 | FileCheck %s --check-prefix=FITS
;; FITS: 1
;; RUN: wasm-run --max-memory=128k --invoke grow %t.wasm 2 | FileCheck %s --check-prefix=DENIED
;; DENIED: -1
;; RUN: not wasm-run --max-memory 1000 --invoke grow %t.wasm 0 2>&1 | FileCheck %s --check-prefix=TOOSMALL
;; TOOSMALL: wasm-run: error: {{.*}}memory of 1 pages exceeds the limit of 1000 bytes
;; RUN: not wasm-run --max-memory 12parsecs --invoke grow %t.wasm 0 2>&1 | FileCheck %s --check-prefix=BAD
;; BAD: --max-memory takes a size
(module
  (memory 1)
  (func (export "grow") (param i32) (result i32)
    local.get 0 memory.grow))
