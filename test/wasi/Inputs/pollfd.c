// poll_oneoff on descriptors: stdin with data is readable, stdout is
// writable, and a poll with both a descriptor and a timeout returns the
// ready descriptor at once.
#include <poll.h>
#include <stdio.h>
#include <time.h>

int main(void) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct pollfd fds[2] = {{0, POLLIN, 0}, {1, POLLOUT, 0}};
  int r = poll(fds, 2, 5000);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long ms =
      (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
  printf("ready=%d stdin_in=%d stdout_out=%d quick=%d\n", r,
         !!(fds[0].revents & POLLIN), !!(fds[1].revents & POLLOUT), ms < 2000);
  char buf[32];
  if (fgets(buf, sizeof buf, stdin))
    printf("read: %s", buf);
  return 0;
}
