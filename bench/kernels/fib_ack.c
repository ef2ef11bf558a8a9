/* fib_ack.c - recursion-heavy: naive Fibonacci and the Ackermann function
 * (deep, non-tail recursion: ack(3, 10) nests ~8k calls, within Orca's and
 * wasmtime's default 512 KiB limit for wasm frames on the native stack;
 * ack(3, 11) exceeds it and traps with "call stack exhausted"). */
#include "bench_common.h"

__attribute__((noinline)) static uint32_t fib(uint32_t n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static uint32_t ack(uint32_t m, uint32_t n) {
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  uint64_t h = 0;
  for (int r = 0; r < s; r++) {
    h = h * 31 + fib(38);
    h = h * 31 + ack(2, 2000);
    for (int k = 0; k < 3; k++)
      h = h * 31 + ack(3, 10);
  }
  bench_checksum_u64(h);
  return 0;
}
