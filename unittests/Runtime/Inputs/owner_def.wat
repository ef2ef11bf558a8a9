;; Defines and exports a memory and a table (see owner_use.wat).
(module
  (memory (export "mem") 1)
  (table (export "tab") 1 funcref))
