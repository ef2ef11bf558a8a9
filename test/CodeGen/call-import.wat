;; A call of imported function 0 loads its body (vmctx + 64) and its vmctx
;; (vmctx + 72) from the import record and passes the latter as callee
;; vmctx and our own as caller vmctx. A call of a defined function is a
;; direct call of its symbol with our vmctx in both positions.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_1(
;; CHECK: [[BODYP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 64
;; CHECK-NEXT: [[BODY:%[0-9]+]] = load ptr, ptr [[BODYP]]
;; CHECK-NEXT: [[CVP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 72
;; CHECK-NEXT: [[CV:%[0-9]+]] = load ptr, ptr [[CVP]]
;; CHECK-NEXT: [[R:%[0-9]+]] = call i32 [[BODY]](ptr [[CV]], ptr %vmctx, i32 {{%[0-9]+}})
;; CHECK-NEXT: call { i32, i64 } @wasm_func_2(ptr %vmctx, ptr %vmctx, i32 [[R]])
;; CHECK-NEXT: extractvalue { i32, i64 } {{%[0-9]+}}, 0
;; CHECK-NEXT: extractvalue { i32, i64 } {{%[0-9]+}}, 1
;; CHECK-LABEL: define { i32, i64 } @wasm_func_2(
;; CHECK: insertvalue { i32, i64 } poison, i32
;; CHECK: ret { i32, i64 }
(module
  (import "m" "f" (func $f (param i32) (result i32)))
  (func (param i32) (result i32)
    (call $g (call $f (local.get 0)))
    drop)
  (func $g (param i32) (result i32 i64)
    (local.get 0) (i64.const 5)))
