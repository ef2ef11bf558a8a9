;; On AArch64, a load reaches the VMMemoryDefinition through the pointer at
;; vmctx + 64 (x0 is the callee vmctx), compares the access end with
;; current_length (+8), branches to a MemoryOutOfBounds (4) trap, then loads
;; from base (the definition's first field) + ea. With guard pages there is
;; no compare: the i32 address is zero-extended into the add (uxtw).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=neoverse-n1 --target-features=+neon %t.wasm \
;; RUN:   | FileCheck %s
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu --guard-pages \
;; RUN:   --target-cpu=neoverse-n1 --target-features=+neon %t.wasm \
;; RUN:   | FileCheck %s --check-prefix=GUARD
;; CHECK-LABEL: wasm_func_0:
;; CHECK: ldr [[DEF:x[0-9]+]], [x0, #64]
;; CHECK: ldr [[LEN:x[0-9]+]], {{\[}}[[DEF]], #8]
;; CHECK-NEXT: cmp [[END:x[0-9]+]], [[LEN]]
;; CHECK-NEXT: b.hi [[OOB:.LBB0_[0-9]+]]
;; CHECK-NEXT: ldr [[BASE:x[0-9]+]], {{\[}}[[DEF]]]
;; CHECK-NEXT: add [[P:x[0-9]+]], [[BASE]], {{x[0-9]+}}
;; CHECK-NEXT: ldr x0, {{\[}}[[P]], #16]
;; CHECK: ret
;; CHECK: [[OOB]]:
;; CHECK-NEXT: ldr [[BUILTINS:x[0-9]+]], [x0, #48]
;; CHECK: mov w1, #4
;; CHECK: blr
;; CHECK: .Lfunc_end0:
;; GUARD-LABEL: wasm_func_0:
;; GUARD: ldr [[DEF:x[0-9]+]], [x0, #64]
;; GUARD-NEXT: ldr [[BASE:x[0-9]+]], {{\[}}[[DEF]]]
;; GUARD-NEXT: add [[P:x[0-9]+]], [[BASE]], w2, uxtw
;; GUARD-NEXT: ldr x0, {{\[}}[[P]], #16]
;; GUARD-NOT: mov w1, #4
;; GUARD: .Lfunc_end0:
(module
  (memory 1)
  (func (param i32) (result i64)
    (i64.load offset=16 (local.get 0))))
