// Clocks and sleeping: realtime is after 2020, monotonic never goes back,
// nanosleep/usleep/poll sleep at least as long as asked.
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long ns(clockid_t c) {
  struct timespec t;
  if (clock_gettime(c, &t))
    return -1;
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  printf("realtime after 2020: %d\n",
         ns(CLOCK_REALTIME) > 1577836800LL * 1000000000LL);
  struct timespec res;
  printf("monotonic res ok: %d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 &&
                                       res.tv_sec == 0 && res.tv_nsec > 0);
  printf("process cputime ok: %d\n", ns(CLOCK_PROCESS_CPUTIME_ID) >= 0);
  printf("thread cputime ok: %d\n", ns(CLOCK_THREAD_CPUTIME_ID) >= 0);

  long long t0 = ns(CLOCK_MONOTONIC);
  struct timespec d = {0, 30 * 1000000};
  int r = nanosleep(&d, NULL);
  long long t1 = ns(CLOCK_MONOTONIC);
  printf("nanosleep=%d slept>=30ms: %d\n", r, t1 - t0 >= 30000000LL);

  usleep(20000);
  long long t2 = ns(CLOCK_MONOTONIC);
  printf("usleep slept>=20ms: %d\n", t2 - t1 >= 20000000LL);

  r = poll(NULL, 0, 25);
  long long t3 = ns(CLOCK_MONOTONIC);
  printf("poll=%d slept>=25ms: %d\n", r, t3 - t2 >= 25000000LL);

  struct timespec abs;
  clock_gettime(CLOCK_REALTIME, &abs);
  abs.tv_nsec += 20000000;
  if (abs.tv_nsec >= 1000000000) {
    abs.tv_sec++;
    abs.tv_nsec -= 1000000000;
  }
  r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL);
  long long t4 = ns(CLOCK_MONOTONIC);
  printf("abstime=%d slept>=15ms: %d\n", r, t4 - t3 >= 15000000LL);
  printf("monotonic ordered: %d\n",
         t0 <= t1 && t1 <= t2 && t2 <= t3 && t3 <= t4);
  return 0;
}
