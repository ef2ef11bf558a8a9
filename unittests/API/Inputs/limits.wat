;; wasm's own memory.grow and table.grow, for the store-limit tests.
(module
  (memory (export "memory") 1)
  (table (export "table") 1 funcref)
  (func (export "grow") (param i32) (result i32)
    (memory.grow (local.get 0)))
  (func (export "table_grow") (param i32) (result i32)
    (table.grow 0 (ref.null func) (local.get 0))))
