;; SIMD becomes real vector code on x86-64, one instruction per wasm op where
;; the target has it (CPU pinned so the test does not depend on the host).
;; REQUIRES: x86-registered-target
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=asm --target=x86_64-linux-gnu --target-cpu=x86-64-v3 \
;; RUN:   %t.wasm | FileCheck %s
;; CHECK-LABEL: wasm_func_0:
;; CHECK: vpaddd %xmm{{[0-9]+}}, %xmm{{[0-9]+}}, %xmm0
;; CHECK-LABEL: wasm_func_1:
;; CHECK: vmulps %xmm{{[0-9]+}}, %xmm{{[0-9]+}}, %xmm0
;; CHECK-LABEL: wasm_func_2:
;; CHECK: vpminub %xmm{{[0-9]+}}, %xmm{{[0-9]+}}, %xmm0
;; CHECK-LABEL: wasm_func_3:
;; CHECK: vpaddsw %xmm{{[0-9]+}}, %xmm{{[0-9]+}}, %xmm0
;; CHECK-LABEL: wasm_func_4:
;; CHECK-NOT: call
;; CHECK: vpshufb
;; CHECK-LABEL: wasm_func_5:
;; CHECK: vcvttps2dq
(module
  (func (param v128 v128) (result v128)
    local.get 0 local.get 1 i32x4.add)
  (func (param v128 v128) (result v128)
    local.get 0 local.get 1 f32x4.mul)
  (func (param v128 v128) (result v128)
    local.get 0 local.get 1 i8x16.min_u)
  (func (param v128 v128) (result v128)
    local.get 0 local.get 1 i16x8.add_sat_s)
  (func (param v128 v128) (result v128)
    local.get 0 local.get 1 i8x16.swizzle)
  (func (param v128) (result v128)
    local.get 0 i32x4.trunc_sat_f32x4_s))
