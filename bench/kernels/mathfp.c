/* mathfp.c - floating point with libm: sin, cos, exp, log, sqrt, pow over a
 * generated range (calls into wasi-libc's / glibc's libm). */
#include "bench_common.h"
#include <math.h>

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  long n = 4000000L * s;
  double acc = 0.0;
  for (long i = 0; i < n; i++) {
    double x = (double)(i % 100000) * 1e-4 + 0.001; /* (0, 10] */
    acc += sin(x) * cos(0.5 * x);
    acc += exp(-x) + log(x);
    acc += sqrt(x) * 1e-3 + pow(x, 0.25) * 1e-3;
  }
  bench_checksum_f64(acc);
  return 0;
}
