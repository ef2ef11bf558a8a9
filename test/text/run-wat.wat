;; wasm-run takes a text module as it is: a file without the binary magic is
;; parsed as .wat (lib/Text), whatever its name, and runs like its binary.
;; RUN: wasm-run --invoke add %s 2 40 | FileCheck %s --check-prefix=ADD
;; ADD: 42
;; RUN: cp %s %t.module
;; RUN: wasm-run --invoke add %t.module 1 2 | FileCheck %s --check-prefix=ANYNAME
;; ANYNAME: 3
;; The author's names reach traps: the name section names the function.
;; RUN: not wasm-run --invoke boom %s 2>&1 | FileCheck %s --check-prefix=TRAP
;; TRAP: wasm trap: unreachable
;; TRAP: func[1] explode
;; A binary still runs as before.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke add %t.wasm 20 22 | FileCheck %s --check-prefix=ADD
(module
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))
  (func $explode (export "boom")
    unreachable))
