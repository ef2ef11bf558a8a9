;; --target prints code for another triple (emitText only; the JIT itself
;; stays the host's), --target-cpu then names that target's CPU, and an
;; unknown triple is a usage error.
;; REQUIRES: aarch64-registered-target, x86-registered-target
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=llvm --target=aarch64-linux-gnu %t.wasm \
;; RUN:   | FileCheck %s --check-prefix=IR
;; IR: target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128
;; IR: target triple = "aarch64-unknown-linux-gnu"
;; RUN: wasm-compile --emit=asm --target=x86_64-linux-gnu --target-cpu=x86-64 \
;; RUN:   %t.wasm | FileCheck %s --check-prefix=X86
;; X86-LABEL: wasm_func_0:
;; X86: addl %edx, %edx
;; RUN: wasm-compile --emit=asm --target=aarch64-linux-gnu \
;; RUN:   --target-cpu=cortex-a72 %t.wasm 2>&1 | FileCheck %s --check-prefix=A64
;; A64-NOT: not a recognized processor
;; A64-LABEL: wasm_func_0:
;; A64: lsl w0, w2, #1
;; RUN: not wasm-compile --emit=asm --target=nosuch-cpu-none %t.wasm 2>&1 \
;; RUN:   | FileCheck %s --check-prefix=BAD
;; BAD: error: unsupported target 'nosuch-cpu-none'
(module
  (func (param i32) (result i32)
    (i32.add (local.get 0) (local.get 0))))
