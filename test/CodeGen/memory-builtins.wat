;; memory.size divides current_length by 64 KiB; memory.grow calls builtin
;; 1 (offset 8 in the builtin array) with the delta zero-extended to i64.
;; memory.fill and memory.copy are inline: both ranges are checked against
;; current_length before anything is written, then llvm.memset/memmove on
;; host addresses (the optimiser expands a small constant length inline).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=llvm-opt --guard-pages %t.wasm \
;; RUN:   | FileCheck %s --check-prefix=OPT
;; CHECK-LABEL: define i32 @wasm_func_0(
;; CHECK: cont:
;; CHECK: [[LEN:%[0-9]+]] = load i64, ptr
;; CHECK-NEXT: [[PAGES:%[0-9]+]] = lshr i64 [[LEN]], 16
;; CHECK-NEXT: trunc i64 [[PAGES]] to i32
;; CHECK: [[GROWP:%[0-9]+]] = getelementptr inbounds i8, ptr {{%[0-9]+}}, i64 8
;; CHECK-NEXT: [[GROW:%[0-9]+]] = load ptr, ptr [[GROWP]]
;; CHECK-NEXT: [[OLD:%[0-9]+]] = call i64 [[GROW]](ptr %vmctx, i32 0, i64 {{%[0-9]+}})
;; CHECK-NEXT: trunc i64 [[OLD]] to i32
;; CHECK: [[FEND:%[0-9]+]] = add nuw i64 [[D:%[0-9]+]], 4
;; CHECK: [[FOOB:%[0-9]+]] = icmp ugt i64 [[FEND]],
;; CHECK-NEXT: br i1 [[FOOB]], label %trap
;; CHECK: [[FPTR:%[0-9]+]] = getelementptr i8, ptr {{%[0-9]+}}, i64 [[D]]
;; CHECK-NEXT: call void @llvm.memset.p0.i64(ptr align 1 [[FPTR]], i8 0, i64 4, i1 false)
;; CHECK: icmp ugt i64
;; CHECK: icmp ugt i64
;; CHECK: call void @llvm.memmove.p0.p0.i64(ptr align 1 {{%[0-9]+}}, ptr align 1 {{%[0-9]+}}, i64 4, i1 false)
;; OPT-LABEL: define {{.*}}i32 @wasm_func_0(
;; OPT-NOT: call void @llvm.mem
;; OPT: store i32 0, ptr
;; OPT: store i32
;; OPT-LABEL: define {{.*}} @wasm_func_1(
;; OPT: call void @llvm.memmove.p0.p0.i64(
(module
  (memory 1)
  (func (param i32) (result i32)
    (drop (memory.size))
    (drop (memory.grow (local.get 0)))
    (memory.fill (local.get 0) (i32.const 0) (i32.const 4))
    (memory.copy (local.get 0) (i32.const 0) (i32.const 4))
    (i32.const 0))
  (func (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2))))
