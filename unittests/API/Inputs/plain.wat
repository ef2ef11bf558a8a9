;; A module without imports.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "nop"))
  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 1))
      (else (i64.mul (local.get 0)
                     (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
  (func $inf (export "infinite") (param i32) (result i32)
    (call $inf (i32.add (local.get 0) (i32.const 1))))
)
