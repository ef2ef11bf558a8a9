/* bench_common.h - shared helpers for the Orca benchmark kernels.
 *
 * Every kernel is a plain C11 WASI program: a fixed workload (optionally
 * scaled by argv[1], an integer multiplier, default 1), no timing of its own
 * (the harness times the process or reads Orca's ORCA_TIMINGS line), and one
 * final line "checksum: VALUE" that must be identical natively, under Orca
 * and under Node.js.  Floating-point checksums are printed with %.12g; the
 * harness accepts a relative difference of 1e-9 for them (libm differs
 * between glibc and wasi-libc in the last bits).
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Deterministic xorshift64* generator: same stream on every target. */
static uint64_t bench_rng_state = 0x9E3779B97F4A7C15ull;

static inline uint64_t bench_rand(void) {
  uint64_t x = bench_rng_state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  bench_rng_state = x;
  return x * 0x2545F4914F6CDD1Dull;
}

/* Uniform double in [0, 1). */
static inline double bench_rand_unit(void) {
  return (double)(bench_rand() >> 11) * (1.0 / 9007199254740992.0);
}

static inline int bench_scale(int argc, char **argv) {
  int s = argc > 1 ? atoi(argv[1]) : 1;
  return s > 0 ? s : 1;
}

/* Keeps a value alive without letting the optimiser fold the work away. */
static volatile uint64_t bench_sink;

static inline void bench_checksum_u64(uint64_t v) {
  printf("checksum: %016llx\n", (unsigned long long)v);
}

static inline void bench_checksum_f64(double v) {
  printf("checksum: %.12g\n", v);
}

#endif
