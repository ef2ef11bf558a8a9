;; --timeout DURATION (-W timeout=): a timer thread advances the engine's
;; epoch once; the store's deadline is one tick, checked at every function
;; entry and loop header. The guest traps with wasmtime's "interrupt" and
;; status 134, with the usual backtrace: an infinite loop without calls, a
;; recursion without loops, a busy start function, at -O0 and -O2 and in
;; both bounds-check modes.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; Where the interrupt lands is not deterministic, so each mode runs on its
;; own rather than through %{run_both}.
;; RUN: not wasm-run -O0 --bounds-checks=guard --timeout=100ms --invoke spin %t.wasm 2>&1 | FileCheck %s --check-prefix=SPIN
;; RUN: not wasm-run -O2 --bounds-checks=explicit --timeout=100ms --invoke spin %t.wasm 2>&1 | FileCheck %s --check-prefix=SPIN
;; RUN: not wasm-run --timeout 1s --invoke spin %t.wasm 2>&1 | FileCheck %s --check-prefix=SPIN
;; RUN: not wasm-run -W timeout=1 --invoke spin %t.wasm 2>&1 | FileCheck %s --check-prefix=SPIN
;; SPIN: wasm-run: wasm trap: interrupt
;; SPIN-NEXT: 0: func[0] spin @
;; RUN: sh -c 'wasm-run -O0 --bounds-checks=guard --timeout=100ms --invoke tree %t.wasm 60; echo status=$?' 2>&1 | FileCheck %s --check-prefix=TREE
;; RUN: sh -c 'wasm-run -O0 --bounds-checks=explicit --timeout=100ms --invoke tree %t.wasm 60; echo status=$?' 2>&1 | FileCheck %s --check-prefix=TREE
;; RUN: sh -c 'wasm-run -O2 --bounds-checks=guard --timeout=100ms --invoke tree %t.wasm 60; echo status=$?' 2>&1 | FileCheck %s --check-prefix=TREE
;; RUN: sh -c 'wasm-run -O2 --bounds-checks=explicit --timeout=100ms --invoke tree %t.wasm 60; echo status=$?' 2>&1 | FileCheck %s --check-prefix=TREE
;; TREE: wasm-run: wasm trap: interrupt
;; TREE-NEXT: 0: func[1] tree @
;; TREE-NEXT: 1: func[1] tree @
;; TREE: status=134
;;
;; A run that ends first is not disturbed (and does not wait for the timer).
;; RUN: wasm-run --timeout 1h --invoke sum %t.wasm 100 | FileCheck %s --check-prefix=SUM
;; SUM: 5050
;;
;; RUN: %wat2wasm %S/Inputs/busy-start.wat -o %t.start.wasm
;; RUN: not wasm-run -O0 --timeout 100ms %t.start.wasm 2>&1 | FileCheck %s --check-prefix=START
;; RUN: not wasm-run -O2 --timeout 100ms %t.start.wasm 2>&1 | FileCheck %s --check-prefix=START
;; START: wasm trap: interrupt
;;
;; RUN: not wasm-run --timeout soon %t.wasm 2>&1 | FileCheck %s --check-prefix=BAD
;; BAD: --timeout takes a duration such as 1s, 500ms or 2m, not 'soon'
;; RUN: not wasm-run -W speed=fast %t.wasm 2>&1 | FileCheck %s --check-prefix=BADW
;; BADW: unknown -W option 'speed' (supported: fuel, timeout)
(module
  (func $spin (export "spin")
    (loop $l (br $l)))
  (func $tree (export "tree") (param $d i32)
    (if (local.get $d)
      (then
        (call $tree (i32.sub (local.get $d) (i32.const 1)))
        (call $tree (i32.sub (local.get $d) (i32.const 1))))))
  (func $sum (export "sum") (param $n i32) (result i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $s)))
