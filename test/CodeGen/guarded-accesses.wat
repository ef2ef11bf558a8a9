;; Guard-page mode: a heap access is its own bounds check, so the final IR
;; performs every access whole (a volatile load, which LLVM's code
;; generator neither deletes, narrows nor moves, where the code generator
;; could otherwise do so; at -O0/-O1 every one) and keeps the stores before
;; it, while the optimiser could still CSE, hoist and vectorise the loads
;; (Transforms/GuardedAccesses.h). No marker or trap point is left for the
;; code generator. Explicit-check mode needs none of it.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm-opt --guard-pages -O0 %t.wasm | FileCheck %s --check-prefixes=CHECK,O0
;; RUN: wasm-compile --emit=llvm-opt --guard-pages -O1 %t.wasm | FileCheck %s --check-prefixes=CHECK,OPT
;; RUN: wasm-compile --emit=llvm-opt --guard-pages -O2 %t.wasm | FileCheck %s --check-prefixes=CHECK,OPT,VEC
;; RUN: wasm-compile --emit=llvm-opt --guard-pages -O3 %t.wasm | FileCheck %s --check-prefixes=CHECK,OPT,VEC
;; RUN: wasm-compile --emit=llvm-opt -O2 %t.wasm | FileCheck %s --check-prefix=EXPLICIT
;; RUN: wasm-compile --emit=llvm --guard-pages %t.wasm | FileCheck %s --check-prefix=MARKED

;; Before optimisation: a marker after every access.
;; MARKED: %[[V:[0-9]+]] = load i32, ptr %[[P:[0-9]+]], align 1, !tbaa
;; MARKED-NEXT: call void @llvm.assume(i1 true) [ "align"(ptr %[[P]], i64 1), "noundef"(i32 %[[V]]) ], !orca.guarded
;; MARKED: store i32 1, ptr %[[S:[0-9]+]]
;; MARKED-NEXT: call void @llvm.assume(i1 true) [ "align"(ptr %[[S]], i64 1) ], !orca.guarded

;; CHECK-NOT: call void @llvm.assume
;; CHECK-NOT: call void @orca.trap_point
;; CHECK-LABEL: define {{.*}} @wasm_func_0(
;; CHECK: load volatile i32
;; CHECK-LABEL: define {{.*}} @wasm_func_1(
;; CHECK: load volatile i32
;; OPT-NEXT: ret i32 0
;; CHECK-LABEL: define {{.*}} @wasm_func_2(
;; CHECK: load volatile i64
;; CHECK-LABEL: define {{.*}} @wasm_func_3(
;; CHECK: load volatile <{{[0-9]+}} x i{{[0-9]+}}>
;; CHECK-LABEL: define {{.*}} @wasm_func_4(
;; CHECK: store i32 1, ptr
;; CHECK: store i32 2, ptr
;; CHECK: store i32 3, ptr
;; CHECK-LABEL: define {{.*}} @wasm_func_5(
;; VEC: load <{{[0-9]+}} x i32>, {{.*}}!orca.guarded
;; O0: load volatile i32
;; CHECK-NOT: call void @llvm.assume
;; CHECK-NOT: call void @orca.trap_point

;; EXPLICIT-NOT: volatile
;; EXPLICIT-NOT: call void @llvm.assume
(module
  (memory 1)
  (func (export "drop") (param i32)
    (drop (i32.load (local.get 0))))
  (func (export "mul0") (param i32) (result i32)
    (i32.mul (i32.load (local.get 0)) (i32.const 0)))
  ;; Only the low half is used, but the access is 8 bytes wide.
  (func (export "low-half") (param i32) (result i32)
    (i32.wrap_i64 (i64.load (local.get 0))))
  (func (export "lane0") (param i32) (result i32)
    (i32x4.extract_lane 0 (v128.load (local.get 0))))
  (func (export "store-store") (param i32)
    (i32.store (i32.const 0) (i32.const 1))
    (i32.store (local.get 0) (i32.const 2))
    (i32.store (i32.const 0) (i32.const 3)))
  ;; Used loads still vectorise.
  (func (export "sum") (param $p i32) (param $n i32) (result i32)
    (local $s i32) (local $i i32)
    (block (loop
      (br_if 1 (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $s (i32.add (local.get $s)
        (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br 0)))
    (local.get $s)))
