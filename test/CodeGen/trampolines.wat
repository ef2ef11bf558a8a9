;; Each type index gets orca_h2w_<T> (params from 16-byte slots, call with
;; the wasm convention, results back into the slots) and orca_w2h_<T> (the
;; wasm convention; spills params to max(params, results) slots, calls the
;; host context's callback at +8 with the slot count, reloads results).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define void @orca_h2w_0(ptr %fn, ptr %callee_vmctx, ptr %caller_vmctx, ptr %values)
;; CHECK: load i64, ptr {{%[0-9]+}}
;; CHECK: [[S1:%[0-9]+]] = getelementptr inbounds i8, ptr %values, i64 16
;; CHECK-NEXT: load <2 x i64>, ptr [[S1]], align 8
;; CHECK: [[R:%[0-9]+]] = call { float, double, ptr } %fn(ptr %callee_vmctx, ptr %caller_vmctx, i64 {{%[0-9]+}}, <2 x i64> {{%[0-9]+}})
;; CHECK: extractvalue { float, double, ptr } [[R]], 2
;; CHECK: [[S2:%[0-9]+]] = getelementptr inbounds i8, ptr %values, i64 32
;; CHECK-NEXT: store ptr {{%[0-9]+}}, ptr [[S2]]
;; CHECK-NEXT: ret void
;; CHECK-LABEL: define { float, double, ptr } @orca_w2h_0(ptr %callee_vmctx, ptr %caller_vmctx, i64 %0, <2 x i64> %1)
;; CHECK: %values = alloca [48 x i8], align 16
;; CHECK: [[CBP:%[0-9]+]] = getelementptr inbounds i8, ptr %callee_vmctx, i64 8
;; CHECK-NEXT: %callback = load ptr, ptr [[CBP]]
;; CHECK-NEXT: call void %callback(ptr %callee_vmctx, ptr %caller_vmctx, ptr %values, i32 3)
;; CHECK: load float, ptr
;; CHECK: load double, ptr
;; CHECK: load ptr, ptr
;; CHECK: ret { float, double, ptr }
(module
  (type (func (param i64 v128) (result f32 f64 externref))))
