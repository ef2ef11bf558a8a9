;; The microbenchmark's module: an export to call and an import to call.
(module
  (import "host" "inc" (func $inc (param i32) (result i32)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "call_host") (param i32) (result i32) (call $inc (local.get 0))))
