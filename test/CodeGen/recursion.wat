;; Unbounded recursion must exhaust the stack and trap, so even after
;; optimisation a self-recursive tail call stays a real call (functions
;; carry "disable-tail-calls"="true") behind the prologue's stack check.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt %t.wasm | FileCheck %s
;; CHECK-LABEL: define void @wasm_func_0(
;; CHECK: @llvm.frameaddress
;; CHECK: call void @wasm_func_0(
;; CHECK-NOT: tailrecurse
;; CHECK: attributes #0 = { {{.*}}"disable-tail-calls"="true"
(module
  (func $runaway (export "runaway") (call $runaway)))
