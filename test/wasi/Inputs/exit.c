// Ends in the way argv[1] says: "exit N", "return N", "trap", "abort",
// "write-then-exit N".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2)
    return 0;
  int code = argc > 2 ? atoi(argv[2]) : 0;
  if (!strcmp(argv[1], "exit"))
    exit(code);
  if (!strcmp(argv[1], "return"))
    return code;
  if (!strcmp(argv[1], "trap"))
    __builtin_trap();
  if (!strcmp(argv[1], "abort"))
    abort();
  if (!strcmp(argv[1], "write-then-exit")) {
    printf("buffered output is flushed\n");
    exit(code);
  }
  return 99;
}
