; Trap points (Transforms/GuardedAccesses.h) keep DSE from deleting a store
; that a later store overwrites when an access in between may trap: the
; host sees memory after the trap. Without them DSE deletes it (second
; RUN), which is what the first guards against.
; RUN: orca-opt -passes=orca-insert-trap-points,dse,orca-remove-trap-points %s | FileCheck %s
; RUN: orca-opt -passes=dse %s | FileCheck %s --check-prefix=NOPOINTS
; RUN: orca-opt -passes=orca-insert-trap-points,orca-insert-trap-points %s | FileCheck %s --check-prefix=ONCE

declare void @llvm.assume(i1)

; CHECK-LABEL: define void @store_store(
; CHECK-NEXT: store i32 1, ptr %a
; CHECK-NEXT: store i32 2, ptr %b
; CHECK-NEXT: call void @llvm.assume
; CHECK-NEXT: store i32 3, ptr %a
; NOPOINTS-LABEL: define void @store_store(
; NOPOINTS-NEXT: store i32 2, ptr %b
; ONCE-LABEL: define void @store_store(
; ONCE: call void @llvm.assume
; ONCE-NEXT: call void @orca.trap_point()
; ONCE-NEXT: store i32 3
define void @store_store(ptr %a, ptr %b) {
  store i32 1, ptr %a, align 1
  store i32 2, ptr %b, align 1
  call void @llvm.assume(i1 true) [ "align"(ptr %b, i64 1) ], !orca.guarded !0
  store i32 3, ptr %a, align 1
  ret void
}

; CHECK-NOT: call void @orca.trap_point
!0 = !{}
