;; table.size reads current_elements of the defined table inline (vmctx +
;; 64 + 8); table.get goes through TableGetLazyInit (builtin 4, array
;; offset 32) for funcref tables and TableGet (builtin 5, offset 40) for
;; externref tables; ref.func calls RefFunc (builtin 12, offset 96).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_0(
;; CHECK: [[DEF:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 64
;; CHECK-NEXT: [[SZP:%[0-9]+]] = getelementptr inbounds i8, ptr [[DEF]], i64 8
;; CHECK-NEXT: load i32, ptr [[SZP]]
;; CHECK-LABEL: define ptr @wasm_func_1(
;; CHECK: [[F:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 32
;; CHECK-NEXT: [[FN:%[0-9]+]] = load ptr, ptr [[F]]
;; CHECK-NEXT: call ptr [[FN]](ptr %vmctx, i32 0, i32 {{%[0-9]+}})
;; CHECK-LABEL: define ptr @wasm_func_2(
;; CHECK: [[G:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 40
;; CHECK-NEXT: [[GN:%[0-9]+]] = load ptr, ptr [[G]]
;; CHECK-NEXT: call ptr [[GN]](ptr %vmctx, i32 1, i32 {{%[0-9]+}})
;; CHECK-LABEL: define ptr @wasm_func_3(
;; CHECK: [[R:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 96
;; CHECK-NEXT: [[RN:%[0-9]+]] = load ptr, ptr [[R]]
;; CHECK-NEXT: call ptr [[RN]](ptr %vmctx, i32 3)
(module
  (table $f 1 funcref)
  (table $e 1 externref)
  (func (result i32) (table.size $f))
  (func (param i32) (result funcref) (table.get $f (local.get 0)))
  (func (param i32) (result externref) (table.get $e (local.get 0)))
  (func $me (result funcref) (ref.func $me))
  (elem declare func $me))
