;; A trap three calls deep: the backtrace lists every wasm frame, innermost
;; first, with names from the name section, in both bounds-check modes;
;; host frames and trampolines are left out. Calls go through a table so
;; that LLVM cannot inline the callees into their callers. Offsets are the
;; trapping instruction's (innermost) and each call_indirect's (outer), as
;; `wasm-objdump -d` prints them: i32.load at 0x65, unreachable at 0x98,
;; call_indirect at 0x71 (middle), 0x80 (top), 0x8f and 0xa2.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: %{run_both} deep_fault %t.wasm 65536 | FileCheck %s --check-prefix=FAULT
;; FAULT: status guard=134 explicit=134
;; FAULT-NEXT: wasm trap: out of bounds memory access
;; FAULT-NEXT: at wasm address 0x10000
;; FAULT-NEXT: 0: func[0] leaf @ 0x65{{$}}
;; FAULT-NEXT: 1: func[1] middle @ 0x71{{$}}
;; FAULT-NEXT: 2: func[2] top @ 0x80{{$}}
;; FAULT-NEXT: 3: func[3] deep_fault @ 0x8F{{$}}
;; FAULT-NOT: func[
;; FAULT: explicit:
;; RUN: %{run_both} deep_unreachable %t.wasm | FileCheck %s --check-prefix=UNREACHABLE
;; UNREACHABLE: status guard=134 explicit=134
;; UNREACHABLE-NEXT: wasm trap: unreachable
;; UNREACHABLE-NEXT: 0: func[4] boom @ 0x98{{$}}
;; UNREACHABLE-NEXT: 1: func[1] middle @ 0x71{{$}}
;; UNREACHABLE-NEXT: 2: func[2] top @ 0x80{{$}}
;; UNREACHABLE-NEXT: 3: func[5] deep_unreachable @ 0xA2{{$}}
;; UNREACHABLE-NOT: func[
;; UNREACHABLE: explicit:
(module
  (memory 1)
  (type $t (func (param i32 i32) (result i32)))
  (table funcref (elem $leaf $middle $top $boom))
  ;; (addr, callee) -> calls table[callee] or loads addr.
  (func $leaf (type $t) local.get 0 i32.load)
  (func $middle (type $t)
    local.get 0 local.get 1 local.get 1 call_indirect (type $t)
    i32.const 1 i32.add)
  (func $top (type $t)
    local.get 0 local.get 1 i32.const 1 call_indirect (type $t)
    i32.const 1 i32.add)
  (func $deep_fault (export "deep_fault") (param i32) (result i32)
    local.get 0 i32.const 0 i32.const 2 call_indirect (type $t)
    i32.const 1 i32.add)
  (func $boom (type $t) unreachable)
  (func $deep_unreachable (export "deep_unreachable") (result i32)
    i32.const 0 i32.const 3 i32.const 2 call_indirect (type $t)
    i32.const 1 i32.add))
