// A WASI hello world: greets its argument, lists the directory it was given
// (through --dir) and reports the time it took.
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  printf("hello, %s!\n", argc > 1 ? argv[1] : "world");
  const char *dir = argc > 2 ? argv[2] : "/";
  DIR *d = opendir(dir);
  if (!d) {
    printf("cannot list %s (no --dir for it?)\n", dir);
    return 1;
  }
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
  closedir(d);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("%s has %d entries; listing took %ld us\n", dir, n,
         (long)((t1.tv_sec - t0.tv_sec) * 1000000 +
                (t1.tv_nsec - t0.tv_nsec) / 1000));
  return 0;
}
