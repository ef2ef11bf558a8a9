;; A proposal file: skipped unless --proposal=tail-call. Used by ../skips.test.
(module
  (func $f (result i32) (i32.const 1))
  (func (export "g") (result i32) (return_call $f)))
(assert_return (invoke "g") (i32.const 1))
