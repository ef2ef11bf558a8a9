;; Assertions that fail on purpose, to pin the failure-line format. Used by
;; ../failures.test.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "id") (param f32) (result f32) (local.get 0))
  (func (export "ext") (param externref) (result externref) (local.get 0))
)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
(assert_trap (invoke "add" (i32.const 1) (i32.const 2)) "unreachable")
(assert_return (invoke "id" (f32.const -nan:0x200000)) (f32.const nan:arithmetic))
(assert_return (invoke "id" (f32.const nan:0x200000)) (f32.const nan:canonical))
(assert_return (invoke "ext" (ref.extern 1)) (ref.extern 2))
(assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")
(module
  (func $s unreachable) (start $s)
  (func (export "add") (param i32 i32) (result i32) (i32.const 0)))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
