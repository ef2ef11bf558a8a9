/* gen_input.h - deterministic, moderately compressible input for the zlib
 * and bzip2 drivers: pseudo-text (words from a fixed vocabulary, numbers,
 * punctuation) mixed with short runs of random bytes. */
#ifndef GEN_INPUT_H
#define GEN_INPUT_H

#include "../bench_common.h"
#include <string.h>

static void gen_input(unsigned char *buf, size_t len) {
  static const char *const words[] = {
      "the",    "quick",    "brown",       "fox",      "jumps",    "over",
      "lazy",   "dog",      "webassembly", "runtime",  "compiler", "memory",
      "table",  "function", "module",      "instance", "export",   "import",
      "linear", "stack",    "value",       "branch",   "loop",     "block",
      "return", "call",     "indirect",    "global"};
  const size_t nwords = sizeof words / sizeof words[0];
  size_t i = 0;
  while (i < len) {
    uint64_t r = bench_rand();
    char tmp[32];
    size_t n;
    if ((r & 15) == 0) { /* a short random run */
      n = 4 + (r >> 4) % 12;
      for (size_t k = 0; k < n; k++)
        tmp[k] = (char)(bench_rand() & 0xff);
    } else if ((r & 15) < 3) {
      n = (size_t)snprintf(tmp, sizeof tmp, "%u ",
                           (unsigned)(r >> 20) % 100000);
    } else {
      const char *w = words[(r >> 8) % nwords];
      n = strlen(w);
      memcpy(tmp, w, n);
      tmp[n++] = (r >> 40) % 11 == 0 ? '\n' : ' ';
    }
    if (n > len - i)
      n = len - i;
    memcpy(buf + i, tmp, n);
    i += n;
  }
}

#endif
