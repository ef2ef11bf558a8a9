;; On AArch64, every function's prologue sets up the frame pointer (x29),
;; loads runtime_limits->stack_limit through vmctx + 8, compares it with
;; the frame pointer and branches to a StackOverflow (9) trap that calls
;; RaiseTrap, the first builtin (builtins array at vmctx + 48).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=cortex-a72 --target-features=+neon %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=neoverse-n1 --target-features=+neon %t.wasm | FileCheck %s
;; CHECK-LABEL: wasm_func_0:
;; CHECK: stp x29, x30, [sp, #-16]!
;; CHECK-DAG: mov x29, sp
;; CHECK-DAG: ldr [[LIMITS:x[0-9]+]], [x0, #8]
;; CHECK: ldr [[LIMIT:x[0-9]+]], {{\[}}[[LIMITS]]]
;; CHECK-NEXT: cmp [[LIMIT]], x29
;; CHECK-NEXT: b.hi [[TRAP:.LBB0_[0-9]+]]
;; CHECK: ret
;; CHECK: [[TRAP]]:
;; CHECK-DAG: ldr [[BUILTINS:x[0-9]+]], [x0, #48]
;; CHECK-DAG: ldr [[RAISE:x[0-9]+]], {{\[}}[[BUILTINS]]]
;; CHECK-DAG: mov w1, #9
;; CHECK: blr [[RAISE]]
;; CHECK-NEXT: .Lfunc_end0:
(module
  (func))
