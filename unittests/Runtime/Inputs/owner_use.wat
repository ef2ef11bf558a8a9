;; Imports owner_def.wat's memory and table.
(module
  (import "a" "mem" (memory 1))
  (import "a" "tab" (table 1 funcref)))
