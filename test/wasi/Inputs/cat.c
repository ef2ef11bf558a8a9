// Copies stdin to stdout in small reads, counts the bytes on stderr.
#include <stdio.h>
#include <unistd.h>

int main(void) {
  char buf[7];
  long total = 0;
  ssize_t n;
  while ((n = read(0, buf, sizeof buf)) > 0) {
    if (write(1, buf, (size_t)n) != n)
      return 2;
    total += n;
  }
  if (n < 0)
    return 3;
  fprintf(stderr, "copied %ld bytes\n", total);
  return 0;
}
