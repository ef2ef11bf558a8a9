;; Assertions about features Orca does not have yet fail as "unsupported:
;; <feature>", and so do the assertions that depend on their modules. Used
;; by ../unsupported.test.
(module $T
  (tag $e)
  (func (export "throw") (throw $e)))
(assert_exception (invoke "throw"))
(assert_return (invoke $T "throw"))
(module
  (type $s (struct (field i32)))
  (func (export "mk") (result anyref) (struct.new $s (i32.const 1))))
(assert_return (invoke "mk") (ref.struct))
;; A quoted module the parser rejects only because it cannot encode GC yet:
;; the assertion was not checked.
(assert_malformed (module quote "(func (struct.new 0 (i32.const 1 2)))") "unexpected token")
(module binary "\00asm\01\00\00\00"
  "\01\04\01\60\00\00"        ;; type: [] -> []
  "\03\02\01\00"              ;; func 0: type 0
  "\0a\06\01\04\00\fb\1e\0b") ;; code: an 0xfb (GC) instruction
(module (func (export "ok") (result i32) (i32.const 1)))
(assert_return (invoke "ok") (i32.const 1))
