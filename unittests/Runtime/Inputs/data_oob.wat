(module
  (import "m" "mem" (memory 1))
  (data (i32.const 0) "ab")
  (data (i32.const 65535) "cd"))
