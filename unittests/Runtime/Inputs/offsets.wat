;; Trap sites at known offsets from their function body's start, for
;; TrapOffsetsTest.cpp (which computes the expected offsets from the
;; decoded module's CodeStart and the byte counts noted here).
(module
  (memory 1)
  (type $t (func (param i32 i32) (result i32)))
  (table funcref (elem $leaf $middle))
  ;; func 0: two division sites; div_s at +4 and +9.
  (func $divs (export "divs") (param i32 i32 i32) (result i32)
    local.get 0 local.get 1 i32.div_s
    local.get 0 local.get 2 i32.div_s
    i32.add)
  ;; func 1: two loads; i32.load at +2 and +8. Neither value feeds an
;; arithmetic instruction: x86 folds such a load into it, and the fault is
;; then reported at that instruction (see docs/traps.md).
  (func $loads (export "loads") (param i32 i32) (result i32)
    local.get 0 i32.load drop
    local.get 1 i32.load offset=4)
  ;; func 2: i32.div_u at +4.
  (func $leaf (type $t) local.get 0 local.get 1 i32.div_u)
  ;; funcs 3 and 4: call_indirect at +6 (no inlining through a table).
  (func $middle (type $t)
    local.get 0 local.get 1 i32.const 0 call_indirect (type $t))
  (func $top (export "top") (type $t)
    local.get 0 local.get 1 i32.const 1 call_indirect (type $t))
  ;; func 5: a direct call at +4 (in another part when split; inlined or
  ;; not otherwise).
  (func (export "direct") (type $t)
    local.get 0 local.get 1 call $leaf))
