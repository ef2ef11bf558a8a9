;; WASI functions called directly: every guest pointer is bounds-checked
;; (FAULT = 21, never a host crash), bad descriptors are BADF (8), sock_*
;; on a descriptor that is not a socket is NOTSOCK (57), and proc_raise
;; answers NOSYS (52). proc_exit ends the run with its code even under
;; --invoke.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-run --invoke write_ok %t.wasm | FileCheck %s --check-prefix=OK
;; OK: hi
;; OK-NEXT: 0
;; RUN: wasm-run --invoke write %t.wasm 1 65530 1 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke write %t.wasm 1 16 1 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke write %t.wasm 1 -8 1 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke write %t.wasm 1 0 536870912 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke random %t.wasm 65000 1000 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke random %t.wasm -1 2 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke args_sizes %t.wasm 65534 0 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --invoke clock %t.wasm 0 65535 | FileCheck %s --check-prefix=FAULT
;; RUN: wasm-run --dir %S --invoke open %t.wasm 65530 100 | FileCheck %s --check-prefix=FAULT
;; FAULT: {{^}}21{{$}}
;; RUN: wasm-run --invoke random %t.wasm 65536 0 | FileCheck %s --check-prefix=ZERO
;; RUN: wasm-run --invoke write %t.wasm 1 65528 0 | FileCheck %s --check-prefix=ZERO
;; ZERO: {{^}}0{{$}}
;; RUN: wasm-run --invoke write %t.wasm 99 0 0 | FileCheck %s --check-prefix=BADF
;; RUN: wasm-run --invoke close_then_write %t.wasm | FileCheck %s --check-prefix=BADF
;; RUN: wasm-run --invoke prestat %t.wasm 3 | FileCheck %s --check-prefix=BADF
;; RUN: wasm-run --invoke open %t.wasm 0 1 | FileCheck %s --check-prefix=BADF
;; RUN: wasm-run --invoke sock_accept %t.wasm 77 | FileCheck %s --check-prefix=BADF
;; BADF: {{^}}8{{$}}
;; RUN: wasm-run --dir %S --invoke prestat %t.wasm 3 | FileCheck %s --check-prefix=ZERO
;; RUN: wasm-run --invoke sock_accept %t.wasm 1 | FileCheck %s --check-prefix=NOTSOCK
;; NOTSOCK: {{^}}57{{$}}
;; RUN: wasm-run --invoke raise %t.wasm | FileCheck %s --check-prefix=NOSYS
;; NOSYS: {{^}}52{{$}}
;; RUN: wasm-run --invoke poll_none %t.wasm | FileCheck %s --check-prefix=INVAL
;; RUN: wasm-run --invoke clock %t.wasm 9 0 | FileCheck %s --check-prefix=INVAL
;; INVAL: {{^}}28{{$}}
;; RUN: sh -c 'wasm-run --invoke exit %t.wasm 9; echo status=$?' | FileCheck %s --check-prefix=EXIT
;; EXIT-NOT: 0
;; EXIT: status=9
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_raise" (func $proc_raise (param i32) (result i32)))
  (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  ;; iovec at 0 -> "hi\n" at 8; iovec at 16 points past the end.
  (data (i32.const 0) "\08\00\00\00\03\00\00\00hi\0a")
  (data (i32.const 16) "\f0\ff\00\00\20\00\00\00")
  (func (export "write_ok") (result i32)
    (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 100)))
  (func (export "write") (param $fd i32) (param $iovs i32) (param $n i32) (result i32)
    (call $fd_write (local.get $fd) (local.get $iovs) (local.get $n) (i32.const 100)))
  (func (export "close_then_write") (result i32)
    (drop (call $fd_close (i32.const 1)))
    (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 100)))
  (func (export "random") (param i32 i32) (result i32)
    (call $random_get (local.get 0) (local.get 1)))
  (func (export "args_sizes") (param i32 i32) (result i32)
    (call $args_sizes_get (local.get 0) (local.get 1)))
  (func (export "clock") (param i32 i32) (result i32)
    (call $clock_time_get (local.get 0) (i64.const 0) (local.get 1)))
  (func (export "prestat") (param i32) (result i32)
    (call $fd_prestat_get (local.get 0) (i32.const 200)))
  (func (export "open") (param $path i32) (param $len i32) (result i32)
    (call $path_open (i32.const 3) (i32.const 0) (local.get $path) (local.get $len)
      (i32.const 0) (i64.const -1) (i64.const -1) (i32.const 0) (i32.const 200)))
  (func (export "sock_accept") (param i32) (result i32)
    (call $sock_accept (local.get 0) (i32.const 0) (i32.const 200)))
  (func (export "raise") (result i32) (call $proc_raise (i32.const 6)))
  (func (export "poll_none") (result i32)
    (call $poll_oneoff (i32.const 0) (i32.const 100) (i32.const 0) (i32.const 200)))
  (func (export "exit") (param i32) (call $proc_exit (local.get 0)) unreachable))
