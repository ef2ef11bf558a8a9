;; Arithmetic with a constant operand (CodeGen/EmitFloat.cpp): LLVM folds
;; x*1, x/1, x*-1, x/-1, x-0, -0-x and x+(-0) to x or -x, which would let a
;; signalling NaN through unquieted (spec float_exprs.wast no_fold_*), so
;; those get a NaN guard (fcmp uno + select of x+x). Any other constant
;; leaves a real operation, which quiets a NaN by itself: no guard.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s

;; CHECK-LABEL: define double @wasm_func_0(
;; CHECK:       fmul double %{{[0-9]+}}, 1.000000e+00
;; CHECK:       fcmp uno
;; CHECK:       select
;; CHECK-LABEL: define double @wasm_func_1(
;; CHECK:       fadd double %{{[0-9]+}}, -0.000000e+00
;; CHECK:       fcmp uno
;; CHECK-LABEL: define float @wasm_func_2(
;; CHECK:       fdiv float %{{[0-9]+}}, -1.000000e+00
;; CHECK:       fcmp uno
;; CHECK-LABEL: define double @wasm_func_3(
;; CHECK-NOT:   fcmp uno
;; CHECK:       fmul double %{{[0-9]+}}, 1.000000e-02
;; CHECK-NOT:   fcmp uno
;; CHECK-NOT:   select
;; CHECK-LABEL: define float @wasm_func_4(
;; CHECK-NOT:   fcmp uno
;; CHECK:       fadd float 2.500000e+00, %{{[0-9]+}}
;; CHECK-NOT:   fcmp uno
;; CHECK-NOT:   select
;; CHECK-LABEL: define double @orca_
(module
  (func (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
  (func (param f64) (result f64) (f64.add (local.get 0) (f64.const -0)))
  (func (param f32) (result f32) (f32.div (local.get 0) (f32.const -1)))
  (func (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.01)))
  (func (param f32) (result f32) (f32.add (f32.const 2.5) (local.get 0))))
