;; Backtrace offsets are those of wasm instructions, as wasmtime reports
;; them: the trapping instruction in the innermost frame, the call in outer
;; frames. Two trap sites of the same kind in one function are told apart,
;; and guard-page faults and explicit checks agree. The offsets below are
;; from `wasm-objdump -d` of this file's wasm (shown next to each check).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;;
;; 00004d: 6d | i32.div_s  (the first)
;; RUN: %{run_both} divs %t.wasm 1 0 1 | FileCheck %s --check-prefix=DIV1
;; DIV1: status guard=134 explicit=134
;; DIV1-NEXT: wasm trap: integer divide by zero
;; DIV1-NEXT: 0: func[0] divs @ 0x4D{{$}}
;; DIV1-NOT: func[
;; DIV1: explicit:
;;
;; 000052: 6d | i32.div_s  (the second)
;; RUN: %{run_both} divs %t.wasm 1 1 0 | FileCheck %s --check-prefix=DIV2
;; DIV2: wasm trap: integer divide by zero
;; DIV2-NEXT: 0: func[0] divs @ 0x52{{$}}
;; RUN: %{run_both} divs %t.wasm -2147483648 1 -1 | FileCheck %s --check-prefix=OVF2
;; OVF2: wasm trap: integer overflow
;; OVF2-NEXT: 0: func[0] divs @ 0x52{{$}}
;;
;; 000059: 28 02 00 | i32.load 2 0
;; 00005f: 28 02 04 | i32.load 2 4
;; RUN: %{run_both} loads %t.wasm 65536 0 | FileCheck %s --check-prefix=LOAD1
;; LOAD1: wasm trap: out of bounds memory access
;; LOAD1-NEXT: at wasm address 0x10000
;; LOAD1-NEXT: 0: func[1] loads @ 0x59{{$}}
;; RUN: %{run_both} loads %t.wasm 0 65533 | FileCheck %s --check-prefix=LOAD2
;; LOAD2: wasm trap: out of bounds memory access
;; LOAD2-NEXT: at wasm address 0x10001
;; LOAD2-NEXT: 0: func[1] loads @ 0x5F{{$}}
;;
;; Direct calls to small functions are inlined at -O2, and code inlined
;; from another function keeps its frame: the trapping instruction in the
;; callee (the first i32.div_s), then the call (`call $divs` at 0x6b), as
;; at -O0.
;; RUN: %{run_both} inlined %t.wasm 1 | FileCheck %s --check-prefix=INLINED
;; RUN: %{run_both} -O0 inlined %t.wasm 1 | FileCheck %s --check-prefix=INLINED
;; INLINED: wasm trap: integer divide by zero
;; INLINED-NEXT: 0: func[0] divs @ 0x4D{{$}}
;; INLINED-NEXT: 1: func[2] inlined @ 0x6B{{$}}
;; INLINED-NOT: func[
;; INLINED: explicit:
(module
  (memory 1)
  (func $divs (export "divs") (param i32 i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s
    local.get 0 local.get 2 i32.div_s
    i32.add)
  (func $loads (export "loads") (param i32 i32) (result i32)
    local.get 0 i32.load drop
    local.get 1 i32.load offset=4)
  (func $inlined (export "inlined") (param i32) (result i32)
    local.get 0 i32.const 0 i32.const 1 call $divs))
