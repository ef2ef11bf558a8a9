;; The second element segment is out of bounds; the first one's writes to the
;; imported table must stay.
(module
  (import "m" "t" (table 3 funcref))
  (func $f (result i32) (i32.const 1))
  (elem (table 0) (i32.const 0) func $f)
  (elem (table 0) (i32.const 2) func $f $f))
