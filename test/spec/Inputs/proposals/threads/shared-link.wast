;; A memory import links only to a memory that is shared exactly when the
;; import says so.
(module $shared (memory (export "mem") 1 2 shared))
(register "shared" $shared)
(module $plain (memory (export "mem") 1 2))
(register "plain" $plain)

(module (import "shared" "mem" (memory 1 2 shared)))
(module (import "plain" "mem" (memory 1 2)))
(assert_unlinkable
  (module (import "plain" "mem" (memory 1 2 shared)))
  "incompatible import type")
(assert_unlinkable
  (module (import "shared" "mem" (memory 1 2)))
  "incompatible import type")
