/* zlib_bench.c - driver for Debian's zlib (fetched with apt-get source at
 * benchmark time, never committed): deflate at levels 1, 6 and 9, then
 * inflate, of a 4 MiB generated input; checks the round trip and prints
 * the compressed sizes and CRC-32 as the checksum. */
#include "gen_input.h"
#include <zlib.h>

#define LEN (4u << 20)

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  unsigned char *in = malloc(LEN), *back = malloc(LEN);
  uLong bound = compressBound(LEN);
  unsigned char *z = malloc(bound);
  gen_input(in, LEN);
  uint64_t h = crc32(0, in, LEN);
  static const int levels[] = {1, 6, 9};
  for (int r = 0; r < s; r++)
    for (int l = 0; l < 3; l++) {
      uLongf zlen = bound;
      if (compress2(z, &zlen, in, LEN, levels[l]) != Z_OK) { puts("deflate failed"); return 1; }
      uLongf blen = LEN;
      for (int d = 0; d < 3; d++) { /* inflate is fast: do it more often */
        blen = LEN;
        if (uncompress(back, &blen, z, zlen) != Z_OK || blen != LEN ||
            memcmp(in, back, LEN) != 0) { puts("inflate mismatch"); return 1; }
      }
      printf("level %d: %lu -> %lu bytes\n", levels[l], (unsigned long)LEN, (unsigned long)zlen);
      h = h * 31 + zlen;
    }
  bench_checksum_u64(h);
  return 0;
}
