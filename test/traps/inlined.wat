;; Functions LLVM inlined keep their frames: a trap in level3, called by
;; level2, called by level1, lists all three at -O2 (where all of it is
;; inlined into level1) exactly as at -O0 (where nothing is), innermost
;; first, with names from the name section, in both bounds-check modes
;; (a RaiseTrap call and a guard-page fault). Offsets are from
;; `wasm-objdump -d` of this file's wasm: i32.div_s at 0x33, i32.store at
;; 0x34, call $level3 at 0x40, call $level2 at 0x4c.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %{run_both} -O0 level1 %t.wasm 1 0 | FileCheck %s --check-prefix=DIV
;; RUN: %{run_both} -O2 level1 %t.wasm 1 0 | FileCheck %s --check-prefix=DIV
;; DIV: status guard=134 explicit=134
;; DIV-NEXT: wasm trap: integer divide by zero
;; DIV-NEXT: 0: func[0] level3 @ 0x33{{$}}
;; DIV-NEXT: 1: func[1] level2 @ 0x40{{$}}
;; DIV-NEXT: 2: func[2] level1 @ 0x4C{{$}}
;; DIV-NOT: func[
;; DIV: explicit:
;; RUN: %{run_both} -O0 level1 %t.wasm 1 65536 | FileCheck %s --check-prefix=STORE
;; RUN: %{run_both} -O2 level1 %t.wasm 1 65536 | FileCheck %s --check-prefix=STORE
;; STORE: status guard=134 explicit=134
;; STORE-NEXT: wasm trap: out of bounds memory access
;; STORE-NEXT: at wasm address 0x10000
;; STORE-NEXT: 0: func[0] level3 @ 0x34{{$}}
;; STORE-NEXT: 1: func[1] level2 @ 0x40{{$}}
;; STORE-NEXT: 2: func[2] level1 @ 0x4C{{$}}
;; STORE-NOT: func[
;; STORE: explicit:
(module
  (memory 1)
  ;; mem[b] = a / b; returns a.
  (func $level3 (param i32 i32) (result i32)
    local.get 1
    local.get 0 local.get 1 i32.div_s
    i32.store
    local.get 0)
  (func $level2 (param i32 i32) (result i32)
    local.get 0 local.get 1 call $level3
    i32.const 3 i32.mul)
  (func $level1 (export "level1") (param i32 i32) (result i32)
    local.get 0 local.get 1 call $level2
    i32.const 5 i32.xor))
