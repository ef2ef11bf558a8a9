; KeepGuardedLoadsPass (Transforms/GuardedAccesses.h): checking loads become
; volatile (every one by default, as at -O0/-O1; with -where-needed, as at
; -O2/-O3, those the code generator could narrow, drop or sink); one whose
; only user is a select is followed by a branch instead (x86 would fold it
; into a cmov, then branch around it); other users that may become a cmov
; get it through a freeze. Loads that are not checks are left alone.
; RUN: orca-opt -passes=orca-keep-guarded-loads %s | FileCheck %s --check-prefixes=CHECK,ALL
; RUN: orca-opt -passes=orca-keep-guarded-loads-where-needed %s | FileCheck %s --check-prefixes=CHECK,NEEDED

; All bits used, in its own block: the code generator keeps it as it is.
; CHECK-LABEL: define i32 @plain(
; ALL-NEXT: %v = load volatile i32, ptr %p
; NEEDED-NEXT: %v = load i32, ptr %p
; CHECK-NEXT: %w = load i32, ptr %q
define i32 @plain(ptr %p, ptr %q) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  %w = load i32, ptr %q, align 1
  %s = add i32 %v, %w
  ret i32 %s
}

; Only the low byte demanded: the code generator would load one byte.
; CHECK-LABEL: define i32 @narrowed(
; CHECK-NEXT: %v = load volatile i32, ptr %p
define i32 @narrowed(ptr %p) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  %b = and i32 %v, 255
  ret i32 %b
}

; Used in one successor only: MachineSink would move the load there.
; CHECK-LABEL: define i32 @sinkable(
; CHECK-NEXT: %v = load volatile i32, ptr %p
define i32 @sinkable(ptr %p, i1 %c) {
  %v = load i32, ptr %p, align 1, !orca.guarded !0
  br i1 %c, label %t, label %f
t:
  ret i32 %v
f:
  ret i32 0
}

; A vector whose every lane is stored stays; one with a lane taken out does
; not (the code generator would load that lane only).
; CHECK-LABEL: define void @lanes(
; ALL-NEXT: %a = load volatile <4 x i32>, ptr %p
; NEEDED-NEXT: %a = load <4 x i32>, ptr %p
; CHECK-NEXT: %b = load volatile <4 x i32>, ptr %q
define void @lanes(ptr %p, ptr %q, ptr %r) {
  %a = load <4 x i32>, ptr %p, align 1, !orca.guarded !0
  %b = load <4 x i32>, ptr %q, align 1, !orca.guarded !0
  %s = add <4 x i32> %a, %b
  store <4 x i32> %s, ptr %r, align 1
  %e = extractelement <4 x i32> %b, i64 0
  store i32 %e, ptr %r, align 1
  ret void
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
; CHECK-NEXT: %v = load {{(volatile )?}}i32, ptr %p
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
