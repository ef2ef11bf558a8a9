;; Out-of-bounds memory accesses at the edges, in both bounds-check modes.
;; Guard mode also reports the wasm address that faulted (the first
;; inaccessible byte); explicit mode has no fault to report.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;;
;; The first byte past the end.
;; RUN: %{run_both} load8 %t.wasm 65536 | FileCheck %s --check-prefix=END
;; END: status guard=134 explicit=134
;; END-NEXT: wasm trap: out of bounds memory access
;; END-NEXT: at wasm address 0x10000
;; END-NEXT: 0: func[0] load8 @ 0x
;; END: explicit:
;; END-NEXT: wasm trap: out of bounds memory access
;; END-NEXT: 0: func[0] load8 @ 0x
;;
;; The last byte in bounds is fine, in both modes.
;; RUN: wasm-run --bounds-checks=guard --invoke load8 %t.wasm 65535 | FileCheck %s --check-prefix=LAST
;; RUN: wasm-run --bounds-checks=explicit --invoke load8 %t.wasm 65535 | FileCheck %s --check-prefix=LAST
;; LAST: 7
;;
;; A 4-byte access straddling the end faults at the end.
;; RUN: %{run_both} load32 %t.wasm 65533 | FileCheck %s --check-prefix=STRADDLE
;; STRADDLE: status guard=134 explicit=134
;; STRADDLE-NEXT: wasm trap: out of bounds memory access
;; STRADDLE-NEXT: at wasm address 0x10000
;;
;; A store past the end.
;; RUN: %{run_both} store %t.wasm 65536 | FileCheck %s --check-prefix=STORE
;; STORE: status guard=134 explicit=134
;; STORE-NEXT: wasm trap: out of bounds memory access
;; STORE-NEXT: at wasm address 0x10000
;; STORE-NEXT: 0: func[{{[0-9]+}}] store @ 0x
;;
;; The largest index with the largest offset guard pages cover (2 GiB):
;; address 0xffffffff + 0x80000000, deep in the guard region.
;; RUN: %{run_both} load_2g %t.wasm 4294967295 | FileCheck %s --check-prefix=GUARD2G
;; GUARD2G: status guard=134 explicit=134
;; GUARD2G-NEXT: wasm trap: out of bounds memory access
;; GUARD2G-NEXT: at wasm address 0x17FFFFFFF
;;
;; The largest offset (u32 max): beyond any guard, so it keeps an explicit
;; check in guard mode too, and there is no fault address.
;; RUN: %{run_both} load_max %t.wasm 0 | FileCheck %s --check-prefix=MAXOFF
;; MAXOFF: status guard=134 explicit=134
;; MAXOFF-NEXT: wasm trap: out of bounds memory access
;; MAXOFF-NEXT: 0: func[{{[0-9]+}}] load_max @ 0x
;; RUN: %{run_both} load_max %t.wasm 4294967295 | FileCheck %s --check-prefix=MAXOFF
;;
;; After memory.grow the new page is accessible and the end moved.
;; RUN: %{run_both} grow_then_load %t.wasm 131072 | FileCheck %s --check-prefix=GROWN
;; GROWN: status guard=134 explicit=134
;; GROWN-NEXT: wasm trap: out of bounds memory access
;; GROWN-NEXT: at wasm address 0x20000
;; RUN: wasm-run --bounds-checks=guard --invoke grow_then_load %t.wasm 131071 | FileCheck %s --check-prefix=GROWNOK
;; GROWNOK: 0
(module
  (memory 1)
  (data (i32.const 65535) "\07")
  (func $load8 (export "load8") (param i32) (result i32)
    local.get 0 i32.load8_u)
  (func $load32 (export "load32") (param i32) (result i32)
    local.get 0 i32.load)
  (func $store (export "store") (param i32)
    local.get 0 i64.const 1 i64.store)
  (func $load_2g (export "load_2g") (param i32) (result i32)
    local.get 0 i32.load8_u offset=0x80000000)
  (func $load_max (export "load_max") (param i32) (result i32)
    local.get 0 i32.load8_u offset=0xffffffff)
  (func $grow_then_load (export "grow_then_load") (param i32) (result i32)
    i32.const 1 memory.grow drop
    local.get 0 i32.load8_u))
