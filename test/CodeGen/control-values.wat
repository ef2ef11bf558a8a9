;; Loop params become phis at the loop header, fed by the entry edge and by
;; each branch back; block results become phis at the merge block. Code
;; after an unconditional branch is skipped (no add survives), nested blocks
;; inside it included, and an if without else passes its params through.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_0(
;; CHECK: br label %loop
;; CHECK: loop:
;; CHECK-NEXT: [[P:%[0-9]+]] = phi i32 [ {{%[0-9]+}}, %cont ], [ [[NEXT:%[0-9]+]], %loop ]
;; CHECK-NEXT: [[NEXT]] = sub i32 [[P]], 1
;; CHECK: br i1 {{%[0-9]+}}, label %loop, label %br_if.cont
;; CHECK: br_if.cont:
;; CHECK-NEXT: br label %loop.end
;; CHECK: loop.end:
;; CHECK-NEXT: phi i32 [ [[NEXT]], %br_if.cont ]
;; CHECK-LABEL: define i32 @wasm_func_1(
;; CHECK-NOT: = add
;; CHECK: block.end:
;; CHECK-NEXT: phi i32 [ 1, %cont ]
;; CHECK-NOT: = add
;; CHECK-LABEL: define { i32, i64 } @wasm_func_2(
;; CHECK: br i1 {{%[0-9]+}}, label %if.then, label %if.else
;; CHECK: if.then:
;; CHECK: br label %if.end
;; CHECK: if.else:
;; CHECK-NEXT: br label %if.end
;; CHECK: if.end:
;; CHECK-NEXT: phi i32 [ 7, %if.then ], [ 3, %if.else ]
;; CHECK-NEXT: phi i64 [ 8, %if.then ], [ 4, %if.else ]
(module
  (func (param i32) (result i32)
    (local i32)
    (local.get 0)
    (loop $l (param i32) (result i32)
      (i32.sub (i32.const 1))
      (local.tee 1)
      (local.get 1)
      (br_if $l)))
  (func (result i32)
    (block (result i32)
      (br 0 (i32.const 1))
      (block (br 0))
      (i32.add)))
  (func (param i32) (result i32 i64)
    (i32.const 3) (i64.const 4)
    (if (param i32 i64) (result i32 i64) (local.get 0)
      (then (drop) (drop) (i32.const 7) (i64.const 8)))))
