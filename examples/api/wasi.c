// A WASI program for examples/api/wasi.cpp: prints its arguments and an
// environment variable, then exits with code 3.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  for (int I = 0; I < argc; ++I)
    printf("argv[%d] = %s\n", I, argv[I]);
  const char *G = getenv("GREETING");
  printf("GREETING = %s\n", G ? G : "(unset)");
  return 3;
}
