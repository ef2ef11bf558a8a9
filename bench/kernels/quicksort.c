/* quicksort.c - sorting: a hand-written median-of-three quicksort with an
 * insertion-sort cutoff over generated 32-bit keys, several rounds. */
#include "bench_common.h"

#define N (1 << 21)

static uint32_t a[N];

static void insertion(uint32_t *v, long n) {
  for (long i = 1; i < n; i++) {
    uint32_t x = v[i];
    long j = i - 1;
    while (j >= 0 && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

static void swap(uint32_t *x, uint32_t *y) { uint32_t t = *x; *x = *y; *y = t; }

static void quicksort(uint32_t *v, long n) {
  while (n > 24) {
    long m = n / 2;
    if (v[m] < v[0]) swap(&v[m], &v[0]);
    if (v[n - 1] < v[0]) swap(&v[n - 1], &v[0]);
    if (v[n - 1] < v[m]) swap(&v[n - 1], &v[m]);
    uint32_t p = v[m];
    long i = 0, j = n - 1;
    for (;;) {
      while (v[i] < p) i++;
      while (v[j] > p) j--;
      if (i >= j) break;
      swap(&v[i], &v[j]);
      i++; j--;
    }
    /* recurse into the smaller side, loop on the larger */
    if (j + 1 < n - j - 1) {
      quicksort(v, j + 1);
      v += j + 1; n -= j + 1;
    } else {
      quicksort(v + j + 1, n - j - 1);
      n = j + 1;
    }
  }
  insertion(v, n);
}

int main(int argc, char **argv) {
  int rounds = 3 * bench_scale(argc, argv);
  uint64_t h = 0;
  for (int r = 0; r < rounds; r++) {
    for (long i = 0; i < N; i++)
      a[i] = (uint32_t)bench_rand() % (r == 1 ? 1000u : 0xFFFFFFFFu);
    quicksort(a, N);
    for (long i = 1; i < N; i++)
      if (a[i - 1] > a[i]) { printf("not sorted\n"); return 1; }
    for (long i = 0; i < N; i += 4097)
      h = h * 1099511628211ull + a[i];
  }
  bench_checksum_u64(h);
  return 0;
}
