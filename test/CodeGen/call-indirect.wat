;; call_indirect: bounds check against current_elements (defined table 0
;; at vmctx + 64: {base, current_elements}) (trap 6,
;; UndefinedElement), lazy-init slots (0) through TableGetLazyInit (builtin
;; 6), the init bit masked off, null check (trap 7), then the anyfunc's type
;; id against signature_ids[typeidx] (vmctx + 56; trap 8, BadSignature),
;; and the call through func_ptr with the anyfunc's vmctx as callee vmctx.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i64 @wasm_func_0(
;; CHECK: [[DEF:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 64
;; CHECK-NEXT: [[SIZEP:%[0-9]+]] = getelementptr inbounds i8, ptr [[DEF]], i64 8
;; CHECK-NEXT: [[SIZE:%[0-9]+]] = load i32, ptr [[SIZEP]]
;; CHECK-NEXT: icmp uge i32 [[IDX:%[0-9]+]], [[SIZE]]
;; CHECK: call void {{%[0-9]+}}(ptr %vmctx, i32 6)
;; CHECK: [[BASE:%[0-9]+]] = load ptr, ptr [[DEF]]
;; CHECK-NEXT: [[I64:%[0-9]+]] = zext i32 [[IDX]] to i64
;; CHECK-NEXT: [[SLOTP:%[0-9]+]] = getelementptr ptr, ptr [[BASE]], i64 [[I64]]
;; CHECK-NEXT: [[SLOT:%[0-9]+]] = load ptr, ptr [[SLOTP]]
;; CHECK-NEXT: [[MASKED:%[0-9]+]] = call ptr @llvm.ptrmask.p0.i64(ptr [[SLOT]], i64 -2)
;; CHECK-NEXT: [[LAZY:%[0-9]+]] = icmp eq ptr [[SLOT]], null
;; CHECK-NEXT: br i1 [[LAZY]], label %lazy_init, label %anyfunc
;; CHECK: lazy_init:
;; CHECK: getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 32
;; CHECK: [[INIT:%[0-9]+]] = call ptr {{%[0-9]+}}(ptr %vmctx, i32 0, i32 [[IDX]])
;; CHECK: anyfunc:
;; CHECK-NEXT: [[AF:%[0-9]+]] = phi ptr [ [[MASKED]], %{{.+}} ], [ [[INIT]], %lazy_init ]
;; CHECK-NEXT: icmp eq ptr [[AF]], null
;; CHECK: call void {{%[0-9]+}}(ptr %vmctx, i32 7)
;; CHECK: [[TIDP:%[0-9]+]] = getelementptr inbounds i8, ptr [[AF]], i64 8
;; CHECK-NEXT: [[ACTUAL:%[0-9]+]] = load i32, ptr [[TIDP]]
;; CHECK-NEXT: [[SIGP:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 56
;; CHECK-NEXT: [[SIGS:%[0-9]+]] = load ptr, ptr [[SIGP]]
;; CHECK-NEXT: [[EXPP:%[0-9]+]] = getelementptr inbounds i8, ptr [[SIGS]], i64 4
;; CHECK-NEXT: [[EXPECTED:%[0-9]+]] = load i32, ptr [[EXPP]]
;; CHECK-NEXT: [[MISMATCH:%[0-9]+]] = icmp ne i32 [[ACTUAL]], [[EXPECTED]]
;; CHECK-NEXT: br i1 [[MISMATCH]]
;; CHECK: call void {{%[0-9]+}}(ptr %vmctx, i32 8)
;; CHECK: [[FN:%[0-9]+]] = load ptr, ptr [[AF]]
;; CHECK-NEXT: [[CVP:%[0-9]+]] = getelementptr inbounds i8, ptr [[AF]], i64 16
;; CHECK-NEXT: [[CV:%[0-9]+]] = load ptr, ptr [[CVP]]
;; CHECK-NEXT: call i64 [[FN]](ptr [[CV]], ptr %vmctx, i32 {{%[0-9]+}})
(module
  (type (func))
  (type $t (func (param i32) (result i64)))
  (table 2 funcref)
  (func (param i32 i32) (result i64)
    (call_indirect (type $t) (local.get 1) (local.get 0))))
