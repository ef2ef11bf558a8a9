/* saxpy_dot.c - SIMD-friendly loops: saxpy (y = a*x + y) and an integer
 * dot product over float/int32 arrays that fit in L2, many passes. */
#include "bench_common.h"

#define N 4096

static float x[N], y[N];
static int32_t u[N], v[N];

__attribute__((noinline)) static void saxpy(float a, const float *restrict xs,
                                            float *restrict ys, int n) {
  for (int i = 0; i < n; i++)
    ys[i] = a * xs[i] + ys[i];
}

__attribute__((noinline)) static int32_t idot(const int32_t *restrict p,
                                              const int32_t *restrict q, int n) {
  int32_t s = 0;
  for (int i = 0; i < n; i++)
    s += p[i] * q[i];
  return s;
}

__attribute__((noinline)) static void scale_add(int32_t *restrict p,
                                                const int32_t *restrict q, int n) {
  for (int i = 0; i < n; i++)
    p[i] = (p[i] >> 1) + (q[i] & 0xff);
}

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  for (int i = 0; i < N; i++) {
    x[i] = (float)bench_rand_unit();
    y[i] = (float)bench_rand_unit();
    u[i] = (int32_t)(bench_rand() & 0xffff);
    v[i] = (int32_t)(bench_rand() & 0xffff);
  }
  uint64_t h = 0;
  for (int r = 0; r < 400000 * s; r++) {
    saxpy(r & 1 ? 0.5f : -0.5f, x, y, N);
    h += (uint32_t)idot(u, v, N);
    if ((r & 15) == 0)
      scale_add(u, v, N);
  }
  double ys = 0.0;
  for (int i = 0; i < N; i++)
    ys += y[i];
  h = h * 31 + (uint64_t)(int64_t)(ys * 1e6);
  bench_checksum_u64(h);
  return 0;
}
