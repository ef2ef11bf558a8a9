;; --target-cpu / --target-features choose what the JIT compiles for (the
;; host CPU by default): a baseline x86-64 without AVX still runs SIMD code
;; right, and an unknown CPU is an error rather than LLVM's warning.
;; REQUIRES: orca-host-x86_64
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke sum %t.wasm 7 | FileCheck %s
;; RUN: wasm-run --target-cpu=x86-64 --invoke sum %t.wasm 7 | FileCheck %s
;; RUN: wasm-run --target-cpu x86-64-v3 --target-features=-avx2,-fma \
;; RUN:   --invoke sum %t.wasm 7 | FileCheck %s
;; CHECK: 70
;; RUN: not wasm-run --target-cpu=pentium9 --invoke sum %t.wasm 7 2>&1 \
;; RUN:   | FileCheck %s --check-prefix=BAD
;; BAD: unknown CPU 'pentium9' for target x86_64
(module
  ;; The four lanes of splat(x) * (1, 2, 3, 4), added up.
  (func (export "sum") (param i32) (result i32)
    (local v128)
    (local.set 1 (i32x4.mul (i32x4.splat (local.get 0))
                            (v128.const i32x4 1 2 3 4)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get 1))
               (i32x4.extract_lane 1 (local.get 1)))
      (i32.add (i32x4.extract_lane 2 (local.get 1))
               (i32x4.extract_lane 3 (local.get 1))))))
