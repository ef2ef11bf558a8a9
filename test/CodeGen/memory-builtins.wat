;; memory.size divides current_length by 64 KiB; memory.grow, memory.fill
;; and memory.copy call builtins 1, 3 and 2 (offsets 8, 24, 16 in the
;; builtin array) with addresses zero-extended to i64.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; CHECK-LABEL: define i32 @wasm_func_0(
;; CHECK: cont:
;; CHECK: [[LEN:%[0-9]+]] = load i64, ptr
;; CHECK-NEXT: [[PAGES:%[0-9]+]] = lshr i64 [[LEN]], 16
;; CHECK-NEXT: trunc i64 [[PAGES]] to i32
;; CHECK: [[GROWP:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 8
;; CHECK-NEXT: [[GROW:%[0-9]+]] = load ptr, ptr [[GROWP]]
;; CHECK-NEXT: [[OLD:%[0-9]+]] = call i64 [[GROW]](ptr %vmctx, i32 0, i64 {{%[0-9]+}})
;; CHECK-NEXT: trunc i64 [[OLD]] to i32
;; CHECK: [[FILLP:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 24
;; CHECK-NEXT: [[FILL:%[0-9]+]] = load ptr, ptr [[FILLP]]
;; CHECK-NEXT: call void [[FILL]](ptr %vmctx, i32 0, i64 [[D:%[0-9]+]], i32 0, i64 4)
;; CHECK: [[COPYP:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 16
;; CHECK-NEXT: [[COPY:%[0-9]+]] = load ptr, ptr [[COPYP]]
;; CHECK-NEXT: call void [[COPY]](ptr %vmctx, i32 0, i32 0, i64 {{%[0-9]+}}, i64 0, i64 4)
(module
  (memory 1)
  (func (param i32) (result i32)
    (drop (memory.size))
    (drop (memory.grow (local.get 0)))
    (memory.fill (local.get 0) (i32.const 0) (i32.const 4))
    (memory.copy (local.get 0) (i32.const 0) (i32.const 4))
    (i32.const 0)))
