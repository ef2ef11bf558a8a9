/* bzip2_bench.c - driver for Debian's bzip2 library (fetched with apt-get
 * source at benchmark time, never committed): compresses a 4 MiB generated
 * input with block size 9, decompresses it, checks the round trip and
 * prints the compressed size as the checksum. */
#include "gen_input.h"
#include <bzlib.h>

#define LEN (4u << 20)

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  unsigned char *in = malloc(LEN), *back = malloc(LEN);
  unsigned bound = LEN + LEN / 100 + 600;
  char *z = malloc(bound);
  gen_input(in, LEN);
  uint64_t h = 0;
  for (int r = 0; r < s; r++) {
    unsigned zlen = bound;
    if (BZ2_bzBuffToBuffCompress(z, &zlen, (char *)in, LEN, 9, 0, 0) != BZ_OK) {
      puts("compress failed");
      return 1;
    }
    for (int d = 0; d < 2; d++) {
      unsigned blen = LEN;
      if (BZ2_bzBuffToBuffDecompress((char *)back, &blen, z, zlen, 0, 0) != BZ_OK ||
          blen != LEN || memcmp(in, back, LEN) != 0) {
        puts("decompress mismatch");
        return 1;
      }
    }
    printf("bzip2 -9: %u -> %u bytes\n", LEN, zlen);
    h = h * 31 + zlen;
  }
  bench_checksum_u64(h);
  return 0;
}
