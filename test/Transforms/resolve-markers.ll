; The resolution of guard-page access markers (Transforms/GuardedAccesses.h):
; a load that still produces its marked value becomes volatile; a marker
; whose value was dropped probes the access's last byte; a value forwarded
; from an earlier access needs nothing; lanes of a vector load resolve to
; the vector load. No marker survives.
; RUN: orca-opt -passes=orca-resolve-guarded-accesses,orca-keep-guarded-loads %s | FileCheck %s
; RUN: orca-opt -passes=orca-resolve-guarded-accesses %s | FileCheck %s --check-prefix=TAGGED

declare void @llvm.assume(i1)

; CHECK-LABEL: define i32 @used(
; CHECK-NEXT: %v = load volatile i32, ptr %p, align 1, !orca.guarded
; CHECK-NEXT: ret i32 %v
; TAGGED-LABEL: define i32 @used(
; TAGGED-NEXT: %v = load i32, ptr %p, align 1, !orca.guarded
define i32 @used(ptr %p) {
  %v = load i32, ptr %p, align 1
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1), "noundef"(i32 %v) ], !orca.guarded !0
  ret i32 %v
}

; Only the marker used the load: it stays, volatile.
; CHECK-LABEL: define void @unused(
; CHECK-NEXT: load volatile i32, ptr %p
; CHECK-NEXT: ret void
define void @unused(ptr %p) {
  %v = load i32, ptr %p, align 1
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1), "noundef"(i32 %v) ], !orca.guarded !0
  ret void
}

; The load's use was dropped (its operand is poison): probe byte 3.
; CHECK-LABEL: define void @dropped(
; CHECK-NEXT: %[[LAST:.+]] = getelementptr i8, ptr %p, i64 3
; CHECK-NEXT: load volatile i8, ptr %[[LAST]]
; CHECK-NEXT: ret void
define void @dropped(ptr %p) {
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1), "ignore"(i32 poison) ], !orca.guarded !0
  ret void
}

; Forwarded from the store before it: the store was the check.
; CHECK-LABEL: define i32 @forwarded(
; CHECK-NEXT: store i32 5, ptr %p
; CHECK-NEXT: ret i32 5
define i32 @forwarded(ptr %p) {
  store i32 5, ptr %p, align 1
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1) ], !orca.guarded !0
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1), "noundef"(i32 5) ], !orca.guarded !0
  ret i32 5
}

; Lanes of a vector load (the loop vectoriser's replicated markers).
; CHECK-LABEL: define <4 x i32> @lanes(
; CHECK-NEXT: %w = load volatile <4 x i32>, ptr %p
; CHECK-NEXT: ret <4 x i32> %w
define <4 x i32> @lanes(ptr %p) {
  %w = load <4 x i32>, ptr %p, align 1
  %e0 = extractelement <4 x i32> %w, i64 0
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1), "noundef"(i32 %e0) ], !orca.guarded !0
  %p3 = getelementptr i8, ptr %p, i64 12
  %s = shufflevector <4 x i32> %w, <4 x i32> poison, <4 x i32> <i32 3, i32 2, i32 1, i32 0>
  %e3 = extractelement <4 x i32> %s, i64 0
  call void @llvm.assume(i1 true) [ "align"(ptr %p3, i64 1), "noundef"(i32 %e3) ], !orca.guarded !0
  ret <4 x i32> %w
}

; Merged markers lose their metadata (SimplifyCFG sinking common code into
; a join block): still markers.
; CHECK-LABEL: define void @merged(
; CHECK-NEXT: ret void
define void @merged(ptr %p) {
  call void @llvm.assume(i1 true) [ "align"(ptr %p, i64 1) ]
  ret void
}

; CHECK-NOT: call void @llvm.assume
!0 = !{}
