// File and directory operations inside the preopened directory argv[1]:
// create, write, seek, read, pread/pwrite, truncate, stat, rename, links,
// readdir, unlink, rmdir. Prints one line per step.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char path_buf[512];
static const char *P(const char *dir, const char *name) {
  snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
  return path_buf;
}

#define CHECK(x)                                                               \
  do {                                                                         \
    if (!(x)) {                                                                \
      printf("FAILED line %d: %s (errno %d %s)\n", __LINE__, #x, errno,        \
             strerror(errno));                                                 \
      return 1;                                                                \
    }                                                                          \
  } while (0)

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    printf("opendir %s: %s\n", dir, strerror(errno));
    return;
  }
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof *names, cmp);
  printf("ls %s:", dir);
  for (int i = 0; i < n; ++i)
    printf(" %s", names[i]), free(names[i]);
  printf("\n");
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : ".";
  char buf[64];

  // Create and write.
  int fd = open(P(dir, "a.txt"), O_CREAT | O_TRUNC | O_RDWR, 0644);
  CHECK(fd >= 0);
  CHECK(write(fd, "hello, world\n", 13) == 13);
  // Seek and read back.
  CHECK(lseek(fd, 7, SEEK_SET) == 7);
  CHECK(read(fd, buf, 5) == 5);
  printf("read after seek: %.5s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 12);
  CHECK(lseek(fd, -6, SEEK_END) == 7);
  // pwrite/pread leave the offset alone.
  CHECK(pwrite(fd, "WORLD", 5, 7) == 5);
  CHECK(pread(fd, buf, 13, 0) == 13);
  printf("pread: %.12s\n", buf);
  CHECK(lseek(fd, 0, SEEK_CUR) == 7);
  // Truncate and stat.
  struct stat st;
  CHECK(ftruncate(fd, 5) == 0);
  CHECK(fstat(fd, &st) == 0);
  printf("size after truncate: %lld regular=%d\n", (long long)st.st_size,
         S_ISREG(st.st_mode));
  CHECK(close(fd) == 0);
  errno = 0;
  printf("read closed fd: %d %s\n", (int)read(fd, buf, 1), strerror(errno));

  // Append mode.
  fd = open(P(dir, "a.txt"), O_WRONLY | O_APPEND);
  CHECK(fd >= 0);
  CHECK(write(fd, "!", 1) == 1);
  CHECK(close(fd) == 0);
  FILE *f = fopen(P(dir, "a.txt"), "r");
  CHECK(f);
  CHECK(fgets(buf, sizeof buf, f));
  fclose(f);
  printf("after append: %s\n", buf);

  // Directories, rename, stat by path.
  CHECK(mkdir(P(dir, "sub"), 0755) == 0);
  errno = 0;
  printf("mkdir again: %d %s\n", mkdir(P(dir, "sub"), 0755), strerror(errno));
  char from[512], to[512];
  snprintf(from, sizeof from, "%s/a.txt", dir);
  snprintf(to, sizeof to, "%s/sub/b.txt", dir);
  CHECK(rename(from, to) == 0);
  CHECK(stat(to, &st) == 0);
  printf("renamed size: %lld\n", (long long)st.st_size);
  errno = 0;
  printf("stat old name: %d %s\n", stat(from, &st), strerror(errno));
  CHECK(stat(P(dir, "sub"), &st) == 0);
  printf("sub is dir: %d\n", S_ISDIR(st.st_mode));

  // Links inside the sandbox.
  snprintf(from, sizeof from, "%s/sub/link", dir);
  CHECK(symlink("b.txt", from) == 0);
  ssize_t n = readlink(from, buf, sizeof buf);
  CHECK(n > 0);
  printf("readlink: %.*s\n", (int)n, buf);
  CHECK(lstat(from, &st) == 0);
  printf("lstat is link: %d\n", S_ISLNK(st.st_mode));
  CHECK(stat(from, &st) == 0);
  printf("stat through link size: %lld\n", (long long)st.st_size);
  fd = open(from, O_RDONLY);
  CHECK(fd >= 0);
  CHECK(read(fd, buf, 6) == 6);
  printf("read through link: %.6s\n", buf);
  close(fd);
  snprintf(to, sizeof to, "%s/hard", dir);
  snprintf(from, sizeof from, "%s/sub/b.txt", dir);
  CHECK(link(from, to) == 0);
  CHECK(stat(to, &st) == 0);
  printf("hard link nlink: %d\n", (int)st.st_nlink);

  // Many entries, to make fd_readdir come back for more.
  for (int i = 0; i < 100; ++i) {
    char name[128];
    snprintf(
        name, sizeof name,
        "many_file_with_a_rather_long_name_to_fill_the_readdir_buffer_%03d", i);
    fd = open(P(dir, name), O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0);
    close(fd);
  }
  DIR *d = opendir(dir);
  CHECK(d);
  int count = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    count++;
  closedir(d);
  printf("entries: %d\n", count);
  for (int i = 0; i < 100; ++i) {
    char name[128];
    snprintf(
        name, sizeof name,
        "many_file_with_a_rather_long_name_to_fill_the_readdir_buffer_%03d", i);
    CHECK(unlink(P(dir, name)) == 0);
  }
  list(dir);
  list(P(dir, "sub"));

  // Remove everything.
  errno = 0;
  printf("rmdir non-empty: %d %s\n", rmdir(P(dir, "sub")), strerror(errno));
  errno = 0;
  printf("unlink dir: %d %s\n", unlink(P(dir, "sub")), strerror(errno));
  CHECK(unlink(P(dir, "sub/link")) == 0);
  CHECK(unlink(P(dir, "sub/b.txt")) == 0);
  CHECK(unlink(P(dir, "hard")) == 0);
  CHECK(rmdir(P(dir, "sub")) == 0);
  errno = 0;
  printf("open missing: %d %s\n", open(P(dir, "nope"), O_RDONLY),
         strerror(errno));
  errno = 0;
  printf("O_EXCL on existing dir: %d %s\n",
         open(dir, O_CREAT | O_EXCL | O_WRONLY, 0644), strerror(errno));
  list(dir);
  printf("done\n");
  return 0;
}
