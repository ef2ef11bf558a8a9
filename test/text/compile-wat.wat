;; wasm-compile takes text modules too: the same module as text and as a
;; binary compiles to the same vmctx layout.
;; RUN: wasm-compile --print-vmoffsets %s > %t.text.txt
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --print-vmoffsets %t.wasm > %t.binary.txt
;; RUN: diff %t.text.txt %t.binary.txt
;; RUN: FileCheck %s < %t.text.txt
;; CHECK: 8 defined_memories
(module
  (memory 1)
  (func (export "f") (result i32) (i32.const 7)))
