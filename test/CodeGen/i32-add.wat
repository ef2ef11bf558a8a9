;; i32.add on two params becomes a plain `add i32` of the incoming arguments,
;; under the wasm calling convention (callee vmctx, caller vmctx, params).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_0(ptr %vmctx, ptr {{.*}}%caller_vmctx, i32 %0, i32 %1)
;; CHECK: [[SUM:%[0-9]+]] = add i32 %{{[01]}}, %{{[01]}}
;; CHECK-NEXT: ret i32 [[SUM]]
;; CHECK: attributes #0 = { {{.*}}nounwind{{.*}}"frame-pointer"="all"
(module
  (func (param i32 i32) (result i32)
    local.get 1
    local.get 0
    i32.add))
