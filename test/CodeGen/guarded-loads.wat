;; Guard-page mode: a heap load is its own bounds check. Loads whose value
;; is unused at the start of the pipeline (dropped, stored to a dead local,
;; feeding only unused arithmetic) become volatile so that no pass deletes
;; them and an out-of-bounds one still traps (spec traps.wast "no_dce");
;; loads whose value is used stay plain, so LLVM may CSE, hoist and
;; vectorise them. Explicit-check mode never needs volatile.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt --guard-pages %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=llvm-opt --guard-pages -O0 %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=llvm-opt %t.wasm | FileCheck %s --check-prefix=EXPLICIT

;; CHECK-LABEL: define void @wasm_func_0(
;; CHECK: load volatile i32
;; CHECK-LABEL: define void @wasm_func_1(
;; CHECK: load volatile i32
;; CHECK-LABEL: define i32 @wasm_func_2(
;; CHECK-NOT: volatile
;; CHECK: load i32, ptr {{.*}} !orca.guarded
;; CHECK-LABEL: define void @wasm_func_3(
;; CHECK: load i32, ptr {{.*}} !orca.guarded
;; CHECK: load volatile i32
;; CHECK-LABEL: i32 @wasm_func_4(
;; CHECK-NOT: volatile
;; CHECK: ret i32
;; EXPLICIT-NOT: volatile
(module
  (memory 1)
  (func (export "drop") (param i32)
    (drop (i32.load (local.get 0))))
  (func (export "dead-local") (param i32) (local i32)
    (local.set 1 (i32.add (i32.load (local.get 0)) (i32.const 1))))
  (func (export "used") (param i32) (result i32)
    (i32.load (local.get 0)))
  ;; The inner load is used (as the outer one's address); the outer is not.
  (func (export "nested") (param i32)
    (drop (i32.load (i32.load (local.get 0)))))
  ;; A value used by a branch is used.
  (func (export "branch") (param i32) (result i32)
    (if (result i32) (i32.load (local.get 0))
      (then (i32.const 1)) (else (i32.const 2)))))
