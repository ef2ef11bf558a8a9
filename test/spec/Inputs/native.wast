;; Script commands only the native parser reads (wast2json 1.0.32 cannot):
;; module definitions and instances, named registrations, text
;; assert_malformed, 3.0 result patterns. Used by ../native.test.
(module definition $D
  (global (export "g") (mut i32) (i32.const 0))
  (func (export "inc") (result i32)
    (global.set 0 (i32.add (global.get 0) (i32.const 1)))
    (global.get 0)))
(module instance $I1 $D)
(module instance $I2 $D)
(assert_return (invoke $I1 "inc") (i32.const 1))
(assert_return (invoke $I1 "inc") (i32.const 2))
(assert_return (invoke $I2 "inc") (i32.const 1))
(assert_return (get $I1 "g") (i32.const 2))
(register "counter" $I1)
(module
  (import "counter" "inc" (func $inc (result i32)))
  (func (export "next") (result i32) (call $inc)))
(assert_return (invoke "next") (i32.const 3))
(assert_malformed (module quote "(func (i32.const 1 2))") "unexpected token")
(assert_malformed (module quote "(module $m $n)") "unexpected token")
(module
  (func (export "null") (result funcref) (ref.null func))
  (func (export "f") (result funcref) (ref.func 0))
  (func (export "v") (result v128) (v128.const f32x4 nan 1 nan:0x600000 -0)))
(assert_return (invoke "null") (ref.null func))
(assert_return (invoke "f") (ref.func))
(assert_return (invoke "v") (v128.const f32x4 nan:canonical 1 nan:arithmetic -0))
(assert_return (invoke "null") (either (ref.func) (ref.null func)))
