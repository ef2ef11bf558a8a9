/* jacobi2d.c - 2D 5-point Jacobi stencil on an N x N float grid with fixed
 * boundary values, ITERS sweeps alternating between two grids. */
#include "bench_common.h"

#define N 1024

static float G0[N][N], G1[N][N];

static void sweep(float (*restrict dst)[N], float (*restrict src)[N]) {
  for (int i = 1; i < N - 1; i++)
    for (int j = 1; j < N - 1; j++)
      dst[i][j] = 0.2f * (src[i][j] + src[i - 1][j] + src[i + 1][j] +
                          src[i][j - 1] + src[i][j + 1]);
}

int main(int argc, char **argv) {
  int iters = 600 * bench_scale(argc, argv);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      float v = (i == 0 || j == 0) ? 1.0f : (float)bench_rand_unit();
      G0[i][j] = v;
      G1[i][j] = v;
    }
  for (int t = 0; t < iters; t += 2) {
    sweep(G1, G0);
    sweep(G0, G1);
  }
  double sum = 0.0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      sum += G0[i][j];
  bench_checksum_f64(sum);
  return 0;
}
