;; The module either.json runs (assembled by the RUN lines of either.test).
(module
  (func (export "pair") (result i32 i64) (i32.const 1) (i64.const 2)))
