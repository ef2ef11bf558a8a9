;; Arithmetic exports to call typed and dynamically.
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "hypot") (param f64 f64) (result f64)
    (f64.sqrt (f64.add (f64.mul (local.get 0) (local.get 0))
                       (f64.mul (local.get 1) (local.get 1)))))
  (func (export "divmod") (param i64 i64) (result i64 i64)
    (i64.div_u (local.get 0) (local.get 1))
    (i64.rem_u (local.get 0) (local.get 1))))
