;; Host functions that fail under two wasm frames, for HostTrapsTest.cpp
;; (which expects the offsets noted here, from `wasm-objdump -d`).
(module
  (import "env" "fail" (func $fail (param i32)))
  (import "env" "reenter" (func $reenter))
  ;; func 2: call $fail at 0x5d.
  (func $inner (param i32)
    (call $fail (local.get 0)))
  ;; func 3: call $inner at 0x64.
  (func (export "outer") (param i32)
    (call $inner (local.get 0)))
  ;; func 4: call $reenter at 0x69.
  (func (export "call_reenter") (call $reenter))
  ;; func 5: unreachable at 0x6e.
  (func (export "boom") unreachable))
