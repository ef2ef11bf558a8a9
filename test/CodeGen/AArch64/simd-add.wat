;; On AArch64, i32x4.add is one NEON vector add on the v128 arguments,
;; which arrive in v0 and v1 (after the two vmctx pointers in x0 and x1)
;; and the result leaves in v0: the body is that one instruction.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=cortex-a72 --target-features=+neon %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=neoverse-n1 --target-features=+neon %t.wasm | FileCheck %s
;; CHECK-LABEL: wasm_func_0:
;; CHECK: b.hi
;; CHECK-NEXT: add v0.4s, {{v[01]}}.4s, {{v[01]}}.4s
;; CHECK-NEXT: ldp x29, x30, [sp], #16
;; CHECK-NEXT: ret
;; CHECK: .Lfunc_end0:
(module
  (func (param v128 v128) (result v128)
    (i32x4.add (local.get 0) (local.get 1))))
