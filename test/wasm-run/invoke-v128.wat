;; wasm-run --invoke prints a v128 result as 0x and exactly 32 hex digits:
;; the vector as one little-endian 128-bit number, so the last lane comes
;; first and lane 0 last (docs/commands.md).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke lane1 %t.wasm | FileCheck %s --check-prefix=LANE1 --match-full-lines
;; LANE1: 0x00000000000000008000000000000000
;; RUN: wasm-run --invoke zero %t.wasm | FileCheck %s --check-prefix=ZERO --match-full-lines
;; ZERO: 0x00000000000000000000000000000000
;; RUN: wasm-run --invoke lanes %t.wasm | FileCheck %s --check-prefix=LANES --match-full-lines
;; LANES: 0x0f0e0d0c0b0a09080706050403020100
(module
  (func (export "lane1") (result v128)
    v128.const i32x4 0 0x80000000 0 0)
  (func (export "zero") (result v128)
    v128.const i64x2 0 0)
  (func (export "lanes") (result v128)
    v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
