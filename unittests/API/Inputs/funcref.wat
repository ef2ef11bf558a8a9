;; Host functions reaching wasm as funcref values before any module imports
;; them: as an argument, as a host function's result, through a global and
;; through a table slot; each is then called with call_indirect.
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "make" (func $make (result funcref)))
  (table $t (export "table") 2 funcref)
  (global $g (export "g") (mut funcref) (ref.null func))
  (func (export "call_arg") (param funcref i32) (result i32)
    (table.set $t (i32.const 0) (local.get 0))
    (call_indirect (type $i2i) (local.get 1) (i32.const 0)))
  (func (export "call_made") (param i32) (result i32)
    (table.set $t (i32.const 0) (call $make))
    (call_indirect (type $i2i) (local.get 0) (i32.const 0)))
  (func (export "call_global") (param i32) (result i32)
    (table.set $t (i32.const 0) (global.get $g))
    (call_indirect (type $i2i) (local.get 0) (i32.const 0)))
  (func (export "call_slot") (param i32 i32) (result i32)
    (call_indirect (type $i2i) (local.get 1) (local.get 0))))
