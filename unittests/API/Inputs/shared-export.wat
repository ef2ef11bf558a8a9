;; Exports a shared memory (threads; assembled with --enable-threads).
(module (memory (export "mem") 1 2 shared))
