;; Machine block placement uses the Ext-TSP model (Transforms/Pipeline.cpp): in a
;; bytecode interpreter (a loop around a br_table dispatch whose cases jump
;; back) it places cases ahead of the dispatch so one falls through into
;; it, where LLVM's default chain placement puts the dispatch first and
;; every case after it. An option given to wasm-compile wins over Orca's
;; choice, which is how the chain layout is printed here for comparison.
;; The CPU is pinned so instruction selection is fixed. The conditional
;; jump loads its target before it branches: the load runs on both paths
;; (Transforms/GuardedAccesses.h).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: wasm-compile --emit=asm --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64-v3 %t.wasm | FileCheck %s --check-prefix=TSP
;; RUN: wasm-compile --emit=asm --guard-pages --target=x86_64-linux-gnu \
;; RUN:   --target-cpu=x86-64-v3 -enable-ext-tsp-block-placement=false \
;; RUN:   %t.wasm | FileCheck %s --check-prefix=CHAIN

;; TSP-LABEL: wasm_func_0:
;; TSP:       shlxl
;; TSP:       movl 4(%rcx,%[[PC:[a-z]+]]), %{{[a-z]+}}
;; TSP-NEXT:  testl
;; TSP-NEXT:  jne
;; TSP:       jmpq *(
;; TSP-LABEL: .Lfunc_end0:

;; CHAIN-LABEL: wasm_func_0:
;; CHAIN:       jmpq *(
;; CHAIN:       shlxl
;; CHAIN-LABEL: .Lfunc_end0:

(module
  (memory 1)
  ;; A bytecode interpreter: op at [pc], operand at [pc+4]; a br_table
  ;; dispatch in a loop, each case short and jumping back.
  (func (export "run") (param $pc i32) (result i32)
    (local $acc i32) (local $op i32)
    (loop $dispatch
      (local.set $op (i32.load (local.get $pc)))
      (block $halt (block $jz (block $xor (block $shl (block $sub (block $add (block $push
        (br_table $push $add $sub $shl $xor $jz $halt (local.get $op)))
        ;; push
        (local.set $acc (i32.load offset=4 (local.get $pc)))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $dispatch))
        ;; add
        (local.set $acc (i32.add (local.get $acc) (i32.load offset=4 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $dispatch))
        ;; sub
        (local.set $acc (i32.sub (local.get $acc) (i32.load offset=4 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $dispatch))
        ;; shl
        (local.set $acc (i32.shl (local.get $acc) (i32.load offset=4 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $dispatch))
        ;; xor
        (local.set $acc (i32.xor (local.get $acc) (i32.load offset=4 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 8)))
        (br $dispatch))
        ;; jz: jump to the operand when acc is zero
        (local.set $pc (select (i32.load offset=4 (local.get $pc))
                               (i32.add (local.get $pc) (i32.const 8))
                               (i32.eqz (local.get $acc))))
        (br $dispatch)))
    (local.get $acc)))
