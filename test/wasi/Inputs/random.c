// random_get: two 64-byte draws are neither all zero nor equal.
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  unsigned char a[64], b[64], zero[64] = {0};
  if (getentropy(a, sizeof a) || getentropy(b, sizeof b)) {
    printf("getentropy failed\n");
    return 1;
  }
  printf("nonzero=%d distinct=%d\n", memcmp(a, zero, 64) != 0,
         memcmp(a, b, 64) != 0);
  return 0;
}
