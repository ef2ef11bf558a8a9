;; A load reaches the VMMemoryDefinition through the pointer at
;; definedMemoryPointer(0) (vmctx + 64 with no imports), checks
;; ea + size <= current_length (field at +8) in i64, traps with
;; MemoryOutOfBounds (4), then loads unaligned from base + ea.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm %t.wasm | FileCheck %s
;; RUN: wasm-compile --emit=llvm --guard-pages %t.wasm \
;; RUN:   | FileCheck %s --check-prefix=GUARD
;; CHECK-LABEL: define i64 @wasm_func_0(
;; CHECK: [[SLOT:%[0-9]+]] = getelementptr inbounds i8, ptr %vmctx, i64 64
;; CHECK-NEXT: [[DEF:%[0-9]+]] = load ptr, ptr [[SLOT]]
;; CHECK-NEXT: [[ADDR:%[0-9]+]] = zext i32 {{%[0-9]+}} to i64
;; CHECK-NEXT: [[EA:%.+]] = add nuw i64 [[ADDR]], 16
;; CHECK-NEXT: [[LENP:%[0-9]+]] = getelementptr inbounds i8, ptr [[DEF]], i64 8
;; CHECK-NEXT: [[LEN:%[0-9]+]] = load i64, ptr [[LENP]]
;; CHECK-NEXT: [[END:%[0-9]+]] = add nuw i64 [[EA]], 8
;; CHECK-NEXT: [[OOB:%[0-9]+]] = icmp ugt i64 [[END]], [[LEN]]
;; CHECK-NEXT: br i1 [[OOB]], label %[[TRAP:.+]], label %[[OK:.+]], !prof
;; CHECK: [[TRAP]]:
;; CHECK: call void {{%[0-9]+}}(ptr %vmctx, i32 4)
;; CHECK-NEXT: unreachable
;; CHECK: [[OK]]:
;; CHECK-NEXT: [[BASE:%[0-9]+]] = load ptr, ptr [[DEF]]
;; CHECK-NEXT: [[P:%[0-9]+]] = getelementptr i8, ptr [[BASE]], i64 [[EA]]
;; CHECK-NEXT: load i64, ptr [[P]], align 1
;; The definition pointer and the base are invariant loads (a memory never
;; moves); the heap load itself is plain, followed by the marker that keeps
;; it whole and in place (Transforms/GuardedAccesses.h).
;; GUARD-LABEL: define i64 @wasm_func_0(
;; GUARD-NOT: icmp ugt
;; GUARD: [[DEF:%[0-9]+]] = load ptr, ptr {{%[0-9]+}}, align 8, !tbaa {{![0-9]+}}, !invariant.load [[EMPTY:![0-9]+]], !nonnull [[EMPTY]], !dereferenceable [[SIXTEEN:![0-9]+]]
;; GUARD: [[BASE:%[0-9]+]] = load ptr, ptr [[DEF]], align 8, !tbaa {{![0-9]+}}, !invariant.load [[EMPTY]], !nonnull [[EMPTY]]
;; GUARD-NOT: volatile
;; GUARD: [[V:%[0-9]+]] = load i64, ptr [[P:%[0-9]+]], align 1, !tbaa
;; GUARD-NEXT: call void @llvm.assume(i1 true) [ "align"(ptr [[P]], i64 1), "noundef"(i64 [[V]]) ], !orca.guarded [[EMPTY]]
;; GUARD: [[SIXTEEN]] = !{i64 16}
(module
  (memory 1)
  (func (param i32) (result i64)
    (i64.load offset=16 (local.get 0))))
