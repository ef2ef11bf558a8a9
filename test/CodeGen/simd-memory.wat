;; SIMD memory operations: extending loads widen 8 bytes of lanes, splats
;; broadcast a scalar, *_zero loads fill the rest with zeros, and lane loads
;; and stores insert/extract lane I.Lane. v128 values are <2 x i64>.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define <2 x i64> @wasm_func_0(
;; CHECK: [[N:%[0-9]+]] = load <8 x i8>, ptr {{%[0-9]+}}, align 1
;; CHECK-NEXT: [[W:%[0-9]+]] = sext <8 x i8> [[N]] to <8 x i16>
;; CHECK-NEXT: bitcast <8 x i16> [[W]] to <2 x i64>
;; CHECK-LABEL: define <2 x i64> @wasm_func_1(
;; CHECK: [[S:%[0-9]+]] = load i16, ptr {{%[0-9]+}}, align 1
;; CHECK: shufflevector <8 x i16> {{.*}}, <8 x i32> zeroinitializer
;; CHECK-LABEL: define <2 x i64> @wasm_func_2(
;; CHECK: [[Z:%[0-9]+]] = load i32, ptr {{%[0-9]+}}, align 1
;; CHECK-NEXT: [[V:%[0-9]+]] = insertelement <4 x i32> zeroinitializer, i32 [[Z]], i64 0
;; CHECK-LABEL: define void @wasm_func_3(
;; CHECK: [[L:%[0-9]+]] = bitcast <2 x i64> {{%[0-9]+}} to <4 x i32>
;; CHECK: [[E:%[0-9]+]] = extractelement <4 x i32> [[L]], i64 3
;; CHECK-NEXT: store i32 [[E]], ptr {{%[0-9]+}}, align 1
(module
  (memory 1)
  (func (param i32) (result v128) (v128.load8x8_s (local.get 0)))
  (func (param i32) (result v128) (v128.load16_splat (local.get 0)))
  (func (param i32) (result v128) (v128.load32_zero (local.get 0)))
  (func (param i32 v128) (v128.store32_lane 3 (local.get 0) (local.get 1))))
