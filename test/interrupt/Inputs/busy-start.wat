;; A start function that never returns.
(module
  (func $busy (local i32)
    (loop $l
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (br $l)))
  (start $busy)
  (func (export "_start")))
