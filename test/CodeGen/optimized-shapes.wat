;; What optimised guard-mode code must look like (issue: code quality):
;; - the memory base is loaded once per function, even across a call to an
;;   import (the definition pointer and the base are invariant loads);
;; - a global read after a heap store is not reloaded (TBAA keeps heap and
;;   vmctx apart), while one read after a call is;
;; - a small direct callee in the same module is inlined;
;; - select stays a select;
;; - a scalar loop over an i32 induction variable vectorises (its address
;;   sums stay affine: Transforms/Pipeline.cpp).
;; The CPU is pinned so the vector width is fixed.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64-v3 \
;; RUN:   %t.wasm | FileCheck %s
;; REQUIRES: x86-registered-target

;; CHECK-LABEL: define {{.*}}i32 @wasm_func_1(
;; CHECK: [[DEF:%[0-9]+]] = load ptr, {{.*}}!dereferenceable
;; CHECK: [[BASE:%[0-9]+]] = load ptr, ptr [[DEF]]
;; CHECK-NEXT: [[P:%[0-9]+]] = getelementptr i8, ptr [[BASE]]
;; CHECK: call void {{%[0-9]+}}(
;; CHECK-NOT: load ptr, ptr [[DEF]]
;; CHECK: getelementptr i8, ptr [[P]], i64 4
;; CHECK: ret i32

;; CHECK-LABEL: define {{.*}}i32 @wasm_func_2(
;; CHECK: [[G:%[0-9]+]] = load i32, ptr [[GP:%[0-9]+]], align {{[0-9]+}}, !tbaa
;; CHECK: store i32
;; CHECK-NOT: load i32, ptr [[GP]]
;; CHECK: shl i32 [[G]], 1
;; CHECK: ret i32

;; CHECK-LABEL: define {{.*}}i32 @wasm_func_4(
;; CHECK-NOT: call {{.*}}@wasm_func_3
;; CHECK: mul i32
;; CHECK: ret i32

;; CHECK-LABEL: define {{.*}}i32 @wasm_func_5(
;; CHECK: select i1
;; CHECK-NEXT: ret i32

;; CHECK-LABEL: define {{.*}}void @wasm_func_6(
;; CHECK: fmul <8 x float>
;; CHECK: fadd <8 x float>
;; CHECK: store <8 x float>
(module
  (import "env" "f" (func $other))
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (func (param i32) (result i32)
    (i32.add
      (i32.load (local.get 0))
      (block (result i32)
        (call $other)
        (i32.load offset=4 (local.get 0)))))
  (func (param i32) (result i32)
    (local i32)
    (local.set 1 (global.get $g))
    (i32.store (local.get 0) (i32.const 7))
    (i32.add (global.get $g) (local.get 1)))
  (func $sq (param i32) (result i32)
    (i32.mul (local.get 0) (local.get 0)))
  (func (param i32) (result i32)
    (call $sq (i32.add (local.get 0) (i32.const 1))))
  (func (param i32 i32 i32) (result i32)
    (select (local.get 0) (local.get 1) (local.get 2)))
  ;; y[i] = a * x[i] + y[i] for i in [0, n), x and y byte addresses.
  (func (param $a f32) (param $x i32) (param $y i32) (param $n i32)
    (local $i i32) (local $p i32)
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $l
        (local.set $p (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 2))))
        (f32.store (local.get $p)
          (f32.add
            (f32.mul (local.get $a)
              (f32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))
            (f32.load (local.get $p))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.ne (local.get $i) (local.get $n)))))))
