;; Imports a shared memory (threads; assembled with --enable-threads).
(module (import "env" "mem" (memory 1 2 shared)))
