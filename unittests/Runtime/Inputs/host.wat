;; Calls into the host, and lets the host call back in.
(module
  (import "host" "add" (func $add (param i32 i32) (result i32)))
  (import "host" "reenter" (func $reenter (param i32) (result i32)))
  (func (export "call_add") (param i32 i32) (result i32)
    (call $add (local.get 0) (local.get 1)))
  (func (export "call_reenter") (param i32) (result i32)
    (i32.add (i32.const 1000) (call $reenter (local.get 0))))
  (func (export "inner") (param i32) (result i32)
    (if (i32.eqz (local.get 0)) (then unreachable))
    (i32.mul (local.get 0) (i32.const 10))))
