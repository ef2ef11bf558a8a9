;; Arithmetic with a constant operand (CodeGen/EmitFloat.cpp): LLVM folds
;; x*1, x/1, x*-1, x/-1, x-0, -0-x and x+(-0) to x or -x, which would let a
;; signalling NaN through unquieted (spec float_exprs.wast no_fold_*), so
;; those get a NaN guard (fcmp uno + select of x+x). Any other constant
;; leaves a real operation, which quiets a NaN by itself: no guard. The
;; same holds lane-wise for f32x4/f64x2 (a guard when any lane of the
;; constant is one of those values). Running a signalling NaN (payload
;; 0x200000) through x*1 and x-0 must print it quieted (0x600000).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; RUN: wasm-run --invoke mul1 %t.wasm 2141192192 | FileCheck %s --check-prefix=QUIET
;; RUN: wasm-run --invoke vmul1 %t.wasm 2141192192 | FileCheck %s --check-prefix=QUIET
;; RUN: wasm-run --invoke vsub0 %t.wasm 2141192192 | FileCheck %s --check-prefix=QUIET
;; QUIET: nan:0x600000
;; A lane whose constant is NaN gives NaN, whatever the other lane needs.
;; RUN: wasm-run --invoke vmulnan %t.wasm 3 | FileCheck %s --check-prefix=NAN
;; NAN: {{^-?nan}}

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
;; CHECK-LABEL: define float @wasm_func_5(
;; CHECK:       fcmp uno float
;; CHECK-LABEL: define float @wasm_func_6(
;; CHECK:       fmul <4 x float>
;; CHECK:       fcmp uno <4 x float>
;; CHECK:       select <4 x i1>
;; CHECK-LABEL: define float @wasm_func_7(
;; CHECK:       fsub <4 x float> %{{[0-9]+}}, zeroinitializer
;; CHECK:       fcmp uno <4 x float>
;; CHECK-LABEL: define <2 x i64> @wasm_func_8(
;; CHECK-NOT:   fcmp uno
;; CHECK:       fmul <2 x double>
;; CHECK-NOT:   fcmp uno
;; CHECK-LABEL: define double @wasm_func_9(
;; CHECK:       fcmp uno <2 x double>
;; CHECK-LABEL: define {{.*}} @orca_
(module
  (func (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1)))
  (func (param f64) (result f64) (f64.add (local.get 0) (f64.const -0)))
  (func (param f32) (result f32) (f32.div (local.get 0) (f32.const -1)))
  (func (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.01)))
  (func (param f32) (result f32) (f32.add (f32.const 2.5) (local.get 0)))
  (func (export "mul1") (param i32) (result f32)
    (f32.mul (f32.reinterpret_i32 (local.get 0)) (f32.const 1)))
  (func (export "vmul1") (param i32) (result f32)
    (f32x4.extract_lane 0
      (f32x4.mul (f32x4.splat (f32.reinterpret_i32 (local.get 0)))
                 (v128.const f32x4 1 1 1 1))))
  (func (export "vsub0") (param i32) (result f32)
    (f32x4.extract_lane 2
      (f32x4.sub (f32x4.splat (f32.reinterpret_i32 (local.get 0)))
                 (v128.const f32x4 0 0 0 0))))
  (func (param v128) (result v128)
    (f64x2.mul (local.get 0) (v128.const f64x2 0.5 0.25)))
  (func (export "vmulnan") (param f64) (result f64)
    (f64x2.extract_lane 0
      (f64x2.mul (f64x2.splat (local.get 0)) (v128.const f64x2 nan 1)))))
