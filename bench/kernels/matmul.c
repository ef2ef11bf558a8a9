/* matmul.c - dense linear algebra: C = A * B for N x N doubles, i-k-j loop
 * order (unit-stride inner loop that vectorises), repeated REPS times. */
#include "bench_common.h"

#define N 384

static double A[N][N], B[N][N], C[N][N];

static void matmul(void) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++)
      C[i][j] = 0.0;
    for (int k = 0; k < N; k++) {
      double a = A[i][k];
      for (int j = 0; j < N; j++)
        C[i][j] += a * B[k][j];
    }
  }
}

int main(int argc, char **argv) {
  int reps = 18 * bench_scale(argc, argv);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = bench_rand_unit() - 0.5;
      B[i][j] = bench_rand_unit() - 0.5;
    }
  double sum = 0.0;
  for (int r = 0; r < reps; r++) {
    matmul();
    sum += C[r % N][(r * 7) % N];
    A[r % N][r % N] += 1.0; /* make every repetition different */
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      sum += C[i][j] * (double)((i ^ j) & 7);
  bench_checksum_f64(sum);
  return 0;
}
