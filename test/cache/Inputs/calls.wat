;; Inputs for test/cache: results, a trap three calls deep (through a
;; table, so nothing is inlined) and a memory fault, with names.
(module
  (memory 1)
  (type $t (func (param i32 i32) (result i32)))
  (table funcref (elem $leaf $middle $boom))
  (func $leaf (type $t) local.get 0 i32.load)
  (func $middle (type $t)
    local.get 0 local.get 1 local.get 1 call_indirect (type $t)
    i32.const 1 i32.add)
  (func $boom (type $t) unreachable)
  (func $add (export "add") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func $deep (export "deep") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.const 1 call_indirect (type $t)))
