;; 128-bit SIMD loops widen to 256-bit vectors on hosts that have them
;; (Transforms/WidenVectorLoops.h): in C += a * B, the two f64x2 multiply-adds
;; of one iteration touch adjacent addresses and become one f64x4 tree,
;; because LoopAccessAnalysis proves the fixed B and C ranges disjoint.
;; The same loop over two addresses the caller passes (they may overlap)
;; stays 128-bit, and so does every loop on a CPU without 256-bit vectors.
;; Both loops compute the same result, which is checked by running them.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64-v3 %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=llvm-opt --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64 %t.wasm | FileCheck %s --check-prefix=SSE2
;; RUN: wasm-run --invoke run %t.wasm | FileCheck %s --check-prefix=SUM
;; RUN: wasm-run --invoke run_any %t.wasm | FileCheck %s --check-prefix=SUM

;; The splat of a is concatenated once, outside the loop.
;; CHECK-LABEL: define void @wasm_func_1(
;; CHECK:       shufflevector <2 x double> {{.*}} <4 x i32> <i32 0, i32 1, i32 2, i32 3>
;; CHECK-NOT:   shufflevector
;; CHECK:       loop:
;; CHECK:       load {{(volatile )?}}<4 x {{double|i64}}>
;; CHECK:       fmul <4 x double>
;; CHECK:       load {{(volatile )?}}<4 x {{double|i64}}>
;; CHECK:       fadd <4 x double>
;; CHECK:       store <4 x double>
;; CHECK-NOT:   store <2 x double>
;; CHECK-LABEL: define void @wasm_func_2(
;; CHECK-NOT:   <4 x double>
;; CHECK:       store <2 x double>
;; CHECK-NOT:   <4 x double>
;; CHECK-LABEL: define double @wasm_func_3(

;; SSE2-LABEL: define void @wasm_func_1(
;; SSE2-NOT:   <4 x double>
;; SSE2:       store <2 x double>
;; SSE2-NOT:   <4 x double>
;; SSE2-LABEL: define void @wasm_func_2(

;; SUM: 654080

(module
  (memory 1)
  ;; Fills B (at 0) with i and C (at 8192) with 2*i, as doubles, n = 512.
  (func $init (export "init")
    (local $i i32)
    (loop $l
      (f64.store (i32.shl (local.get $i) (i32.const 3))
                 (f64.convert_i32_u (local.get $i)))
      (f64.store offset=8192 (i32.shl (local.get $i) (i32.const 3))
                 (f64.convert_i32_u (i32.shl (local.get $i) (i32.const 1))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1)))
                        (i32.const 512)))))
  ;; C[j] += a * B[j] over 512 doubles, two f64x2 per iteration: B and C
  ;; are fixed, disjoint ranges, so the pairs widen to f64x4.
  (func $axpy (export "axpy") (param $a f64)
    (local $j i32) (local $s v128)
    (local.set $s (f64x2.splat (local.get $a)))
    (loop $l
      (v128.store offset=8192 (local.get $j)
        (f64x2.add (v128.load offset=8192 (local.get $j))
                   (f64x2.mul (local.get $s) (v128.load (local.get $j)))))
      (v128.store offset=8208 (local.get $j)
        (f64x2.add (v128.load offset=8208 (local.get $j))
                   (f64x2.mul (local.get $s) (v128.load offset=16 (local.get $j)))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 32)))
                        (i32.const 4096)))))
  ;; The same loop between two addresses the caller passes: they may
  ;; overlap, so the stores stay 128-bit.
  (func $axpy_any (export "axpy_any") (param $b i32) (param $c i32) (param $a f64)
    (local $j i32) (local $s v128)
    (local.set $s (f64x2.splat (local.get $a)))
    (loop $l
      (v128.store (i32.add (local.get $c) (local.get $j))
        (f64x2.add (v128.load (i32.add (local.get $c) (local.get $j)))
                   (f64x2.mul (local.get $s) (v128.load (i32.add (local.get $b) (local.get $j))))))
      (v128.store offset=16 (i32.add (local.get $c) (local.get $j))
        (f64x2.add (v128.load offset=16 (i32.add (local.get $c) (local.get $j)))
                   (f64x2.mul (local.get $s) (v128.load offset=16 (i32.add (local.get $b) (local.get $j))))))
      (br_if $l (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 32)))
                        (i32.const 4096)))))
  ;; init, C += 3 * B, then the sum of C: 5 * (0 + 1 + ... + 511).
  (func (export "run") (result f64)
    (call $init) (call $axpy (f64.const 3)) (call $sum))
  (func (export "run_any") (result f64)
    (call $init) (call $axpy_any (i32.const 0) (i32.const 8192) (f64.const 3))
    (call $sum))
  ;; Sum of C, to check the results.
  (func $sum (export "sum") (result f64)
    (local $i i32) (local $t f64)
    (loop $l
      (local.set $t (f64.add (local.get $t) (f64.load offset=8192 (local.get $i))))
      (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 8)))
                        (i32.const 4096))))
    (local.get $t)))
