// A small real program for wasm-run: counts primes below N with a sieve kept
// in linear memory. Built to wasm32 with clang-19 (no libc needed; the
// clearing loop becomes a bulk-memory memory.fill).
//
//   wasm-run --invoke count_primes primes.wasm 100000   ->  9592

#define MAX_N (1u << 22)
static unsigned char Composite[MAX_N];

__attribute__((export_name("count_primes"))) int count_primes(int N) {
  if (N < 2)
    return 0;
  if ((unsigned)N > MAX_N)
    N = MAX_N;
  for (int I = 0; I < N; ++I)
    Composite[I] = 0;
  int Count = 0;
  for (int I = 2; I < N; ++I) {
    if (Composite[I])
      continue;
    ++Count;
    for (long long J = (long long)I * I; J < N; J += I)
      Composite[J] = 1;
  }
  return Count;
}

// The n-th Fibonacci number modulo 2^64, to exercise i64 arithmetic.
__attribute__((export_name("fib"))) unsigned long long fib(int N) {
  unsigned long long A = 0, B = 1;
  for (int I = 0; I < N; ++I) {
    unsigned long long T = A + B;
    A = B;
    B = T;
  }
  return A;
}
