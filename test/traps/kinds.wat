;; Every trap kind through wasm-run --invoke, in both bounds-check modes
;; (%{run_both}, lit.local.cfg): the spec's message, exit status 134, and a
;; backtrace naming the functions, identical in both modes.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;;
;; RUN: %{run_both} unreachable %t.wasm | FileCheck %s --check-prefix=UNREACHABLE
;; UNREACHABLE: status guard=134 explicit=134
;; UNREACHABLE-NEXT: wasm trap: unreachable
;; LLVM may inline $do_unreachable into its caller; an inlined call leaves
;; no frame of its own.
;; UNREACHABLE-NEXT: 0: func[{{[0-9]+}}] {{(do_unreachable @ 0x.*$)|(unreachable @ 0x)}}
;;
;; RUN: %{run_both} div_s %t.wasm 1 0 | FileCheck %s --check-prefix=DIV0
;; DIV0: status guard=134 explicit=134
;; DIV0-NEXT: wasm trap: integer divide by zero
;; DIV0-NEXT: 0: func[{{[0-9]+}}] div_s @ 0x
;; RUN: %{run_both} div_s %t.wasm -2147483648 -1 | FileCheck %s --check-prefix=OVERFLOW
;; OVERFLOW: status guard=134 explicit=134
;; OVERFLOW-NEXT: wasm trap: integer overflow
;; OVERFLOW-NEXT: 0: func[{{[0-9]+}}] div_s @ 0x
;; RUN: %{run_both} rem_u %t.wasm 1 0 | FileCheck %s --check-prefix=REM0
;; REM0: status guard=134 explicit=134
;; REM0-NEXT: wasm trap: integer divide by zero
;; RUN: %{run_both} trunc %t.wasm nan | FileCheck %s --check-prefix=CONV
;; CONV: status guard=134 explicit=134
;; CONV-NEXT: wasm trap: invalid conversion to integer
;; CONV-NEXT: 0: func[{{[0-9]+}}] trunc @ 0x
;; RUN: %{run_both} trunc %t.wasm 3e9 | FileCheck %s --check-prefix=TRUNCOVF
;; TRUNCOVF: status guard=134 explicit=134
;; TRUNCOVF-NEXT: wasm trap: integer overflow
;; RUN: %{run_both} load %t.wasm 65536 | FileCheck %s --check-prefix=OOB
;; OOB: status guard=134 explicit=134
;; OOB-NEXT: wasm trap: out of bounds memory access
;; OOB: 0: func[{{[0-9]+}}] load @ 0x
;; RUN: %{run_both} fill %t.wasm 65535 2 | FileCheck %s --check-prefix=BULK
;; BULK: status guard=134 explicit=134
;; BULK-NEXT: wasm trap: out of bounds memory access
;; BULK-NEXT: 0: func[{{[0-9]+}}] fill @ 0x
;; RUN: %{run_both} table_get %t.wasm 2 | FileCheck %s --check-prefix=TABLE
;; TABLE: status guard=134 explicit=134
;; TABLE-NEXT: wasm trap: out of bounds table access
;; TABLE-NEXT: 0: func[{{[0-9]+}}] table_get @ 0x
;; RUN: %{run_both} call_indirect %t.wasm 5 | FileCheck %s --check-prefix=UNDEF
;; UNDEF: status guard=134 explicit=134
;; UNDEF-NEXT: wasm trap: undefined element
;; UNDEF-NEXT: 0: func[{{[0-9]+}}] call_indirect @ 0x
;; RUN: %{run_both} call_indirect %t.wasm 1 | FileCheck %s --check-prefix=NULL
;; NULL: status guard=134 explicit=134
;; NULL-NEXT: wasm trap: uninitialized element
;; RUN: %{run_both} call_indirect %t.wasm 0 | FileCheck %s --check-prefix=SIG
;; SIG: status guard=134 explicit=134
;; SIG-NEXT: wasm trap: indirect call type mismatch
;; RUN: %{run_both} recurse %t.wasm 0 | FileCheck %s --check-prefix=STACK
;; STACK: status guard=134 explicit=134
;; STACK-NEXT: wasm trap: call stack exhausted
;; STACK-NEXT: 0: func[{{[0-9]+}}] recurse @ 0x
;; STACK-NEXT: 1: func[{{[0-9]+}}] recurse @ 0x
(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 0) $do_unreachable)
  (func $do_unreachable unreachable)
  (func $unreachable (export "unreachable") call $do_unreachable)
  (func $div_s (export "div_s") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s)
  (func $rem_u (export "rem_u") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.rem_u)
  (func $trunc (export "trunc") (param f32) (result i32)
    local.get 0 i32.trunc_f32_s)
  (func $load (export "load") (param i32) (result i32)
    local.get 0 i32.load)
  (func $fill (export "fill") (param i32 i32)
    local.get 0 i32.const 0 local.get 1 memory.fill)
  (func $table_get (export "table_get") (param i32) (result funcref)
    local.get 0 table.get 0)
  (func $call_indirect (export "call_indirect") (param i32) (result i32)
    local.get 0 call_indirect (result i32))
  (func $recurse (export "recurse") (param i32) (result i32)
    local.get 0 i32.const 1 i32.add call $recurse))
