;; Fuel and epoch interruption (InterruptTest.cpp). The fuel costs in the
;; comments are what the test expects: one unit per operator except nop,
;; drop, block, loop, else, end, return and unreachable.
(module
  (memory (export "memory") 1 4)

  ;; An infinite loop without calls.
  (func (export "spin")
    (loop $l (br $l)))

  ;; 1 + 2 + ... + n. Each iteration costs 12, the exit test 3 and the
  ;; result 1: 12n + 4 in all.
  (func (export "sum") (param $n i32) (result i32) (local $s i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $s))

  ;; Recursion without end (4 per call).
  (func $recurse (export "recurse") (param i32) (result i32)
    (call $recurse (i32.add (local.get 0) (i32.const 1))))

  ;; 2^d calls, no loops: only function entries can stop it.
  (func $tree (export "tree") (param $d i32)
    (if (local.get $d)
      (then
        (call $tree (i32.sub (local.get $d) (i32.const 1)))
        (call $tree (i32.sub (local.get $d) (i32.const 1))))))

  ;; Bulk operations pay one unit per 64 bytes: 4 + len / 64.
  (func (export "fill") (param $len i32)
    (memory.fill (i32.const 0) (i32.const 0) (local.get $len)))
  ;; memory.grow pays 1024 per page added: 2 + 1024 * delta when it
  ;; succeeds, 2 when it fails.
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0))))
