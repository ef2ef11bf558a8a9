/* hashmap.c - integer hashing with random memory access: an open-addressing
 * (linear probing) hash table of 64-bit keys with a murmur-style mixer;
 * inserts, hits, misses and deletions by backward shift. */
#include "bench_common.h"

#define CAP (1u << 21) /* slots; filled to ~50% */

static uint64_t keys[CAP];
static uint32_t vals[CAP];

static inline uint32_t mix(uint64_t k) {
  k ^= k >> 33; k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return (uint32_t)k;
}

static void put(uint64_t k, uint32_t v) {
  uint32_t i = mix(k) & (CAP - 1);
  while (keys[i] && keys[i] != k) i = (i + 1) & (CAP - 1);
  keys[i] = k; vals[i] = v;
}
static int get(uint64_t k, uint32_t *v) {
  uint32_t i = mix(k) & (CAP - 1);
  while (keys[i]) {
    if (keys[i] == k) { *v = vals[i]; return 1; }
    i = (i + 1) & (CAP - 1);
  }
  return 0;
}
static void del(uint64_t k) {
  uint32_t i = mix(k) & (CAP - 1);
  while (keys[i] && keys[i] != k) i = (i + 1) & (CAP - 1);
  if (!keys[i]) return;
  uint32_t j = i;
  for (;;) { /* backward-shift deletion keeps probe chains intact */
    j = (j + 1) & (CAP - 1);
    if (!keys[j]) break;
    uint32_t home = mix(keys[j]) & (CAP - 1);
    if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
      keys[i] = keys[j]; vals[i] = vals[j]; i = j;
    }
  }
  keys[i] = 0;
}

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  uint64_t h = 0;
  const uint32_t n = CAP / 2;
  for (int r = 0; r < s; r++) {
    for (uint32_t i = 1; i <= n; i++) put((uint64_t)i * 0x9E3779B97F4A7C15ull + r, i);
    uint32_t v;
    for (uint32_t q = 0; q < 2 * n; q++) {
      uint64_t k = (uint64_t)((bench_rand() % (2 * n)) + 1) * 0x9E3779B97F4A7C15ull + r;
      if (get(k, &v)) h += v; else h ^= 0x5bd1e995;
    }
    for (uint32_t i = 1; i <= n; i += 2) del((uint64_t)i * 0x9E3779B97F4A7C15ull + r);
    uint32_t left = 0;
    for (uint32_t i = 0; i < CAP; i++) left += keys[i] != 0;
    h = h * 31 + left;
    for (uint32_t i = 0; i < CAP; i++) keys[i] = 0;
  }
  bench_checksum_u64(h);
  return 0;
}
