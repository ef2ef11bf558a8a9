;; A defined global lives in its 16-byte vmctx slot (here the first defined
;; global, vmctx + 80 with one imported global at 64 and 16-byte alignment);
;; an imported global is read through the pointer in its import record.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i64 @wasm_func_0(
;; CHECK: [[IMPP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 64
;; CHECK-NEXT: [[IMP:%[0-9]+]] = load ptr, ptr [[IMPP]]
;; CHECK-NEXT: [[V:%[0-9]+]] = load i64, ptr [[IMP]]
;; CHECK-NEXT: [[SLOT:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 80
;; CHECK-NEXT: store i64 [[V]], ptr [[SLOT]]
;; CHECK-NEXT: [[SLOT2:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 80
;; CHECK-NEXT: load i64, ptr [[SLOT2]]
(module
  (import "m" "g" (global $imp i64))
  (global $def (mut i64) (i64.const 0))
  (func (result i64)
    (global.set $def (global.get $imp))
    (global.get $def)))
