;; One import of every kind, for the linking checks.
(module
  (import "m" "f" (func (param i32) (result i32)))
  (import "m" "t" (table 2 funcref))
  (import "m" "mem" (memory 1 2))
  (import "m" "g" (global (mut i64))))
