;; Every function starts by comparing its frame address with
;; runtime_limits->stack_limit (the VMRuntimeLimits pointer is at vmctx + 8,
;; the limit its first field) and traps with StackOverflow (9) below it.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define void @wasm_func_0(
;; CHECK-NEXT: entry:
;; CHECK-NEXT: [[LP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 8
;; CHECK-NEXT: [[LIMITS:%[0-9]+]] = load ptr, ptr [[LP]]
;; CHECK-NEXT: [[LIMIT:%[0-9]+]] = load i64, ptr [[LIMITS]]
;; CHECK-NEXT: [[FA:%[0-9]+]] = call ptr @llvm.frameaddress.p0(i32 0)
;; CHECK-NEXT: [[SP:%[0-9]+]] = ptrtoint ptr [[FA]] to i64
;; CHECK-NEXT: [[LOW:%[0-9]+]] = icmp ult i64 [[SP]], [[LIMIT]]
;; CHECK-NEXT: br i1 [[LOW]], label %trap, label %cont, !prof [[W:![0-9]+]]
;; CHECK: trap:
;; CHECK-NEXT: [[BP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 48
;; CHECK-NEXT: [[BUILTINS:%[0-9]+]] = load ptr, ptr [[BP]]
;; CHECK-NEXT: [[RAISE:%[0-9]+]] = load ptr, ptr [[BUILTINS]]
;; CHECK-NEXT: call void [[RAISE]](ptr %vmctx, i32 9) [[NORET:#[0-9]+]]
;; CHECK-NEXT: unreachable
;; CHECK: attributes [[NORET]] = { noreturn }
;; CHECK: [[W]] = !{!"branch_weights", i32 1, i32 {{[0-9][0-9][0-9][0-9]+}}}
(module
  (func))
