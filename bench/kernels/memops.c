/* memops.c - memcpy/memset/memmove-heavy: block copies of mixed sizes
 * (16 B to 64 KiB) through libc within a 16 MiB arena, plus memset fills. */
#include "bench_common.h"
#include <string.h>

#define ARENA (16u << 20)

static uint8_t arena[ARENA];

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  for (uint32_t i = 0; i < ARENA; i++)
    arena[i] = (uint8_t)(i * 2654435761u >> 24);
  static const uint32_t sizes[] = {16, 40, 100, 256, 1000, 4096, 16384, 65536};
  uint64_t h = 0;
  for (int r = 0; r < 300000 * s; r++) {
    uint64_t x = bench_rand();
    uint32_t n = sizes[x & 7];
    uint32_t src = (uint32_t)(x >> 8) % (ARENA - n);
    uint32_t dst = (uint32_t)(x >> 36) % (ARENA - n);
    if ((x >> 3 & 7) == 0) {
      memset(arena + dst, (int)(x >> 40), n);
    } else if ((x >> 3 & 7) == 1) {
      memmove(arena + dst, arena + src, n); /* overlap allowed */
    } else {
      uint32_t lo = src < dst ? src : dst, hi = src < dst ? dst : src;
      if (hi - lo >= n)
        memcpy(arena + dst, arena + src, n);
      else
        memmove(arena + dst, arena + src, n);
    }
    h += arena[(dst + n / 2) % ARENA];
  }
  for (uint32_t i = 0; i < ARENA; i += 4093)
    h = h * 31 + arena[i];
  bench_checksum_u64(h);
  return 0;
}
