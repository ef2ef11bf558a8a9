;; A pure function each thread calls in its own store.
(module
  (global $calls (mut i32) (i32.const 0))
  (func (export "fib") (param i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call 0 (i32.sub (local.get 0) (i32.const 1)))
                     (call 0 (i32.sub (local.get 0) (i32.const 2)))))))
  (func (export "calls") (result i32) (global.get $calls)))
