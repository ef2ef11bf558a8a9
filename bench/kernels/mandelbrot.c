/* mandelbrot.c - branchy scalar floating point: escape-time Mandelbrot set
 * on a W x H grid, counting iterations per pixel. */
#include "bench_common.h"

#define W 1200
#define H 800
#define MAXIT 400

int main(int argc, char **argv) {
  int s = bench_scale(argc, argv);
  uint64_t h = 0;
  for (int r = 0; r < s; r++)
    for (int py = 0; py < H; py++) {
      double ci = (double)py / H * 2.4 - 1.2;
      uint64_t row = 0;
      for (int px = 0; px < W; px++) {
        double cr = (double)px / W * 3.2 - 2.2, zr = 0, zi = 0;
        int it = 0;
        while (it < MAXIT && zr * zr + zi * zi <= 4.0) {
          double t = zr * zr - zi * zi + cr;
          zi = 2.0 * zr * zi + ci;
          zr = t;
          it++;
        }
        row += (uint64_t)it * (uint64_t)(px + 1);
      }
      h = h * 1000003ull + row;
    }
  bench_checksum_u64(h);
  return 0;
}
