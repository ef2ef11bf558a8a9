;; br_table becomes a switch on the index: one case per listed label, the
;; last label as the default. Each case is its own CFG edge, so a merge
;; block reached twice gets two phi entries carrying the same value.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_0(
;; CHECK: switch i32 {{%[0-9]+}}, label %[[A:.+]] [
;; CHECK-NEXT: i32 0, label %[[A]]
;; CHECK-NEXT: i32 1, label %[[R:.+]]
;; CHECK-NEXT: ]
;; CHECK: [[A]]:
;; CHECK-NEXT: phi i32 [ 7, %[[FROM:.+]] ], [ 7, %[[FROM]] ]
;; CHECK: [[R]]:
;; CHECK-NEXT: phi i32 [ 7, %[[FROM]] ], [ {{%[0-9]+}}, %[[A]] ]
(module
  (func (param i32) (result i32)
    (block $r (result i32)
      (block $a (result i32)
        (br_table $a $r $a (i32.const 7) (local.get 0)))
      (i32.const 1)
      (i32.add))))
