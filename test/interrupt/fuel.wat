;; --fuel N: every wasm operator costs one unit (nop, drop, block, loop,
;; else, end, return and unreachable nothing); running out is a trap with
;; wasmtime's message and status 134, with the usual backtrace. With
;; ORCA_TIMINGS=1 wasm-run prints the fuel consumed, which is the same at
;; every optimisation level: sum(n) costs 12n + 4.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: env ORCA_TIMINGS=1 wasm-run -O0 --fuel 100000 --invoke sum %t.wasm 1000 2>%t.O0 | FileCheck %s --check-prefix=SUM
;; RUN: env ORCA_TIMINGS=1 wasm-run -O1 --fuel 100000 --invoke sum %t.wasm 1000 2>%t.O1
;; RUN: env ORCA_TIMINGS=1 wasm-run -O2 --fuel=100000 --invoke sum %t.wasm 1000 2>%t.O2
;; RUN: env ORCA_TIMINGS=1 wasm-run -O3 -W fuel=100000 --invoke sum %t.wasm 1000 2>%t.O3
;; RUN: FileCheck %s --check-prefix=COUNT --input-file %t.O0
;; RUN: FileCheck %s --check-prefix=COUNT --input-file %t.O1
;; RUN: FileCheck %s --check-prefix=COUNT --input-file %t.O2
;; RUN: FileCheck %s --check-prefix=COUNT --input-file %t.O3
;; SUM: 500500
;; COUNT: orca-timings: {{.*}} fuel_consumed=12004{{$}}
;;
;; Exhaustion: the same trap at -O0 and -O2, in both bounds-check modes.
;; RUN: %{run_both} -O0 --fuel=1000 sum %t.wasm 1000 | FileCheck %s --check-prefix=OUT
;; RUN: %{run_both} -O2 --fuel=1000 sum %t.wasm 1000 | FileCheck %s --check-prefix=OUT
;; OUT: status guard=134 explicit=134
;; OUT-NEXT: wasm trap: all fuel consumed by WebAssembly
;; OUT-NEXT: 0: func[0] sum @
;; RUN: not env ORCA_TIMINGS=1 wasm-run --fuel 1000 --invoke sum %t.wasm 1000 2>&1 | FileCheck %s --check-prefix=ALL
;; ALL: fuel_consumed=1000{{$}}
;;
;; A loop without calls and a recursion without loops, at -O0 and -O2.
;; RUN: %{run_both} -O0 --fuel=100000 spin %t.wasm | FileCheck %s --check-prefix=SPIN
;; RUN: %{run_both} -O2 --fuel=100000 spin %t.wasm | FileCheck %s --check-prefix=SPIN
;; SPIN: status guard=134 explicit=134
;; SPIN-NEXT: wasm trap: all fuel consumed by WebAssembly
;; SPIN-NEXT: 0: func[1] spin @
;; RUN: %{run_both} -O0 --fuel=100000 tree %t.wasm 40 | FileCheck %s --check-prefix=TREE
;; RUN: %{run_both} -O2 --fuel=100000 tree %t.wasm 40 | FileCheck %s --check-prefix=TREE
;; TREE: status guard=134 explicit=134
;; TREE-NEXT: wasm trap: all fuel consumed by WebAssembly
;; TREE-NEXT: 0: func[2] tree @
;; TREE-NEXT: 1: func[2] tree @
;;
;; A busy start function.
;; RUN: %wat2wasm %S/Inputs/busy-start.wat -o %t.start.wasm
;; RUN: not wasm-run -O0 --fuel 100000 %t.start.wasm 2>&1 | FileCheck %s --check-prefix=START
;; RUN: not wasm-run -O2 --fuel 100000 %t.start.wasm 2>&1 | FileCheck %s --check-prefix=START
;; START: wasm trap: all fuel consumed by WebAssembly
;;
;; Bad values.
;; RUN: not wasm-run --fuel lots %t.wasm 2>&1 | FileCheck %s --check-prefix=BAD
;; BAD: --fuel takes a number of units, not 'lots'
(module
  (func $sum (export "sum") (param $n i32) (result i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $s))
  (func $spin (export "spin")
    (loop $l (br $l)))
  (func $tree (export "tree") (param $d i32)
    (if (local.get $d)
      (then
        (call $tree (i32.sub (local.get $d) (i32.const 1)))
        (call $tree (i32.sub (local.get $d) (i32.const 1)))))))
