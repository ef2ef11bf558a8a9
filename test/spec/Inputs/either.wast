;; (either ...) results: wast2json 1.0.32 writes them as a top-level
;; "either" list; the assertion passes when any alternative matches.
(module
  (func (export "one") (result i32) (i32.const 1))
  (func (export "nan") (result f32) (f32.const nan:0x600000))
  (func (export "vec") (result v128) (v128.const i32x4 1 2 3 4)))
(assert_return (invoke "one") (either (i32.const 0) (i32.const 1)))
(assert_return (invoke "one") (either (i32.const 1) (i32.const 7)))
(assert_return (invoke "nan") (either (f32.const 0) (f32.const nan:arithmetic)))
(assert_return (invoke "vec")
  (either (v128.const i32x4 0 0 0 0) (v128.const i32x4 1 2 3 4)))
;; No alternative matches: one failure.
(assert_return (invoke "one") (either (i32.const 2) (i32.const 3)))
