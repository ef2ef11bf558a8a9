;; wast2json rejects this script; the runner reports one failure for it.
(module (func (export "f")))
(assert_return (invoke "no-such-export"))
