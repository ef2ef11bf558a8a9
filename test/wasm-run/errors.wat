;; Bad input gives one clear line on stderr and exit status 1, never a crash.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: not wasm-run %t.missing.wasm 2>&1 | FileCheck %s --check-prefix=NOFILE
;; NOFILE: wasm-run: error: {{.*}}missing.wasm: {{[Nn]}}o such file
;; RUN: printf '\0asm\2\0\0\0' > %t.bad.wasm
;; RUN: not wasm-run %t.bad.wasm 2>&1 | FileCheck %s --check-prefix=MALFORMED
;; MALFORMED: malformed module: unknown binary version
;; RUN: not wasm-run --invoke nope %t.wasm 2>&1 | FileCheck %s --check-prefix=NOEXPORT
;; NOEXPORT: no exported function named 'nope'
;; RUN: not wasm-run --invoke add %t.wasm 1 2>&1 | FileCheck %s --check-prefix=COUNT
;; COUNT: 'add' takes 2 argument(s), 1 given
;; RUN: not wasm-run --invoke add %t.wasm 1 x 2>&1 | FileCheck %s --check-prefix=TYPE
;; TYPE: invalid i32 argument 'x'
;; RUN: not wasm-run --invoke add %t.wasm 1 4294967296 2>&1 | FileCheck %s --check-prefix=RANGE
;; RANGE: invalid i32 argument '4294967296'
;; RUN: not wasm-run --invoke glob %t.wasm 2>&1 | FileCheck %s --check-prefix=NOTFUNC
;; NOTFUNC: no exported function named 'glob'
(module
  (global (export "glob") i32 (i32.const 0))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add))
