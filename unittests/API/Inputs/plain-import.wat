;; Imports a memory that is not shared.
(module (import "env" "mem" (memory 1 2)))
