;; The 128-bit widening (Transforms/WidenVectorLoops.h) must not pair trees
;; whose reordering would change what a load sees:
;; - chain: the second group loads the 16 bytes the first group of the same
;;   iteration has just stored (iterations are 64 bytes apart, so only the
;;   order inside one iteration matters);
;; - skew: the second group's load overlaps the first group's store by 8
;;   bytes, a dependence LoopAccessAnalysis reports (the loop-level verdict
;;   and the per-pair check each reject it on their own).
;; Both stay 128-bit, and both compute what -O0 computes (the exports run
;; them inlined, where the pass sees them again).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64-v3 %t.wasm | FileCheck %s
;; RUN: wasm-run --bounds-checks=guard --invoke chain %t.wasm | FileCheck %s --check-prefix=CHAIN
;; RUN: wasm-run -O0 --invoke chain %t.wasm | FileCheck %s --check-prefix=CHAIN
;; RUN: wasm-run --bounds-checks=guard --invoke skew %t.wasm | FileCheck %s --check-prefix=SKEW
;; RUN: wasm-run -O0 --invoke skew %t.wasm | FileCheck %s --check-prefix=SKEW

;; CHECK-LABEL: define void @wasm_func_1(
;; CHECK-NOT:   <4 x double>
;; CHECK-LABEL: define void @wasm_func_2(
;; CHECK-NOT:   <4 x double>
;; CHECK-LABEL: define double @wasm_func_3(
;; CHAIN: 383301.74543128244
;; SKEW: 383667.11381991673

(module
  (memory 1)
  (func $init
    (local $i i32)
    (loop $l
      (f64.store (i32.shl (local.get $i) (i32.const 3))
                 (f64.convert_i32_u (i32.add (local.get $i) (i32.const 1))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                        (i32.const 1024)))))
  ;; In place: the second group loads what the first group stored.
  (func $chain (param $a f64)
    (local $j i32) (local $s v128)
    (local.set $s (f64x2.splat (local.get $a)))
    (loop $l
      (v128.store offset=16 (local.get $j)
        (f64x2.mul (local.get $s) (v128.load (local.get $j))))
      (v128.store offset=32 (local.get $j)
        (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $j))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 64)))
                        (i32.const 4096)))))
  ;; Stores 8 bytes apart from the loads: group 2 loads across group 1's store.
  (func $skew (param $a f64)
    (local $j i32) (local $s v128)
    (local.set $s (f64x2.splat (local.get $a)))
    (loop $l
      (v128.store offset=4104 (local.get $j)
        (f64x2.add (local.get $s) (v128.load offset=4096 (local.get $j))))
      (v128.store offset=4120 (local.get $j)
        (f64x2.add (local.get $s) (v128.load offset=4112 (local.get $j))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 64)))
                        (i32.const 2048)))))
  (func $sum (result f64)
    (local $i i32) (local $t f64)
    (loop $l
      (local.set $t (f64.add (f64.mul (local.get $t) (f64.const 0.999))
                             (f64.load (local.get $i))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8)))
                        (i32.const 8192))))
    (local.get $t))
  (func (export "chain") (result f64)
    (call $init) (call $chain (f64.const 1.001)) (call $sum))
  (func (export "skew") (result f64)
    (call $init) (call $skew (f64.const 1.5)) (call $sum)))
