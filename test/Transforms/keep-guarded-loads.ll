; KeepGuardedLoadsPass (Transforms/GuardedAccesses.h): checking loads become
; volatile; one whose only user is a select is followed by a branch instead
; (x86 would fold it into a cmov, then branch around it); other users that
; may become a cmov get it through a freeze. Other loads are left alone.
; RUN: orca-opt -passes=orca-keep-guarded-loads %s | FileCheck %s

; CHECK-LABEL: define i32 @plain(
; CHECK-NEXT: %v = load volatile i32, ptr %p
; CHECK-NEXT: %w = load i32, ptr %q
define i32 @plain(ptr %p, ptr %q) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  %w = load i32, ptr %q, align 1
  %s = add i32 %v, %w
  ret i32 %s
}

; CHECK-LABEL: define i32 @select(
; CHECK-NEXT: %v = load volatile i32, ptr %p
; CHECK-NEXT: br i1 %c, label %[[T:[0-9]+]], label %[[F:[0-9]+]]
; CHECK: %s = phi i32 [ %v, %[[T]] ], [ 3, %[[F]] ]
; CHECK-NEXT: ret i32 %s
define i32 @select(ptr %p, i1 %c) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  %s = select i1 %c, i32 %v, i32 3
  ret i32 %s
}

; CHECK-LABEL: define i32 @minmax(
; CHECK-NEXT: %v = load volatile i32, ptr %p
; CHECK-NEXT: %v.kept = freeze i32 %v
; CHECK-NEXT: %m = call i32 @llvm.smax.i32(i32 %v.kept, i32 %x)
; CHECK-NEXT: %s = add i32 %m, %v
define i32 @minmax(ptr %p, i32 %x) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  %m = call i32 @llvm.smax.i32(i32 %v, i32 %x)
  %s = add i32 %m, %v
  ret i32 %s
}

declare i32 @llvm.smax.i32(i32, i32)
!0 = !{}
