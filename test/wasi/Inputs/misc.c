// The less common descriptor calls: times, allocate, advise, sync,
// flags, renumber, fdstat rights, isatty.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <wasi/api.h>

static char path[256];
static const char *P(const char *dir, const char *n) {
  snprintf(path, sizeof path, "%s/%s", dir, n);
  return path;
}

int main(int argc, char **argv) {
  const char *dir = argv[1];
  int fd = open(P(dir, "f"), O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (fd < 0)
    return 1;
  // Times through the descriptor and through the path.
  struct timespec ts[2] = {{1000000000, 5}, {1200000000, 7}};
  printf("futimens=%d\n", futimens(fd, ts));
  struct stat st;
  fstat(fd, &st);
  printf("mtime=%lld.%ld atime=%lld\n", (long long)st.st_mtim.tv_sec,
         st.st_mtim.tv_nsec, (long long)st.st_atim.tv_sec);
  struct timespec ts2[2] = {{0, UTIME_OMIT}, {1300000000, 0}};
  printf("utimensat=%d\n", utimensat(AT_FDCWD, P(dir, "f"), ts2, 0));
  stat(P(dir, "f"), &st);
  printf("mtime=%lld atime=%lld\n", (long long)st.st_mtim.tv_sec,
         (long long)st.st_atim.tv_sec);
  // Allocate, advise, sync.
  printf("fallocate=%d\n", posix_fallocate(fd, 0, 10000));
  fstat(fd, &st);
  printf("size=%lld\n", (long long)st.st_size);
  printf("fadvise=%d bad=%d\n", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL),
         posix_fadvise(fd, 0, 0, 77));
  printf("fsync=%d fdatasync=%d\n", fsync(fd), fdatasync(fd));
  // Flags.
  printf("setfl=%d\n", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
  int fl = fcntl(fd, F_GETFL);
  printf("append=%d nonblock=%d\n", !!(fl & O_APPEND), !!(fl & O_NONBLOCK));
  // Rights can be dropped but not regained.
  __wasi_fdstat_t fs;
  if (__wasi_fd_fdstat_get(fd, &fs))
    return 2;
  printf("filetype=%d has_write=%d\n", fs.fs_filetype,
         !!(fs.fs_rights_base & __WASI_RIGHTS_FD_WRITE));
  printf("drop=%d\n", __wasi_fd_fdstat_set_rights(
                          fd, fs.fs_rights_base & ~__WASI_RIGHTS_FD_WRITE, 0));
  errno = 0;
  printf("write after drop=%d %s\n", (int)write(fd, "x", 1), strerror(errno));
  printf("regain=%d\n", __wasi_fd_fdstat_set_rights(fd, fs.fs_rights_base, 0));
  // Renumber: both descriptors must exist; the source goes away.
  int fd2 = open(P(dir, "f"), O_RDONLY);
  printf("renumber=%d\n", __wasi_fd_renumber(fd, fd2));
  printf("old fd gone=%d\n", __wasi_fd_close(fd) == __WASI_ERRNO_BADF);
  printf("renumber to missing=%d\n", __wasi_fd_renumber(fd2, 1234));
  close(fd2);
  printf("isatty(stdout)=%d\n", isatty(1));
  unlink(P(dir, "f"));
  return 0;
}
