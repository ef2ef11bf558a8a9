// Tries to leave the sandbox in every way; each attempt prints its result.
// argv[1] is the preopen's guest path; argv[2..] are paths to try (relative
// to argv[1] unless absolute). For each: open for reading, stat, and
// (for "create:" prefixed paths) creation.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *name(int e) {
  switch (e) {
  case 0:
    return "OK";
  case ENOTCAPABLE:
    return "ENOTCAPABLE";
  case ENOENT:
    return "ENOENT";
  case ELOOP:
    return "ELOOP";
  case EPERM:
    return "EPERM";
  case EACCES:
    return "EACCES";
  case ENOTDIR:
    return "ENOTDIR";
  case EXDEV:
    return "EXDEV";
  case EEXIST:
    return "EEXIST";
  default:
    return strerror(e);
  }
}

int main(int argc, char **argv) {
  const char *dir = argv[1];
  for (int i = 2; i < argc; ++i) {
    const char *arg = argv[i];
    char path[512];
    int create = strncmp(arg, "create:", 7) == 0;
    int mk = strncmp(arg, "mkdir:", 6) == 0;
    int ln = strncmp(arg, "symlink:", 8) == 0;
    int rn = strncmp(arg, "rename:", 7) == 0;
    const char *rel = create ? arg + 7
                      : mk   ? arg + 6
                      : ln   ? arg + 8
                      : rn   ? arg + 7
                             : arg;
    if (rel[0] == '/')
      snprintf(path, sizeof path, "%s", rel);
    else
      snprintf(path, sizeof path, "%s/%s", dir, rel);
    errno = 0;
    int r;
    if (create) {
      r = open(path, O_CREAT | O_WRONLY, 0644);
    } else if (mk) {
      r = mkdir(path, 0755);
    } else if (ln) {
      char lp[512];
      snprintf(lp, sizeof lp, "%s/newlink", dir);
      r = symlink(rel, lp);
    } else if (rn) {
      char src[512];
      snprintf(src, sizeof src, "%s/victim", dir);
      r = rename(src, path);
    } else {
      r = open(path, O_RDONLY);
      if (r >= 0) {
        char buf[64] = {0};
        ssize_t n = read(r, buf, sizeof buf - 1);
        printf("%s: open OK, read %d: %s", arg, (int)n, buf);
        if (n <= 0 || buf[n - 1] != '\n')
          printf("\n");
        close(r);
        continue;
      }
    }
    printf("%s: %s\n", arg, r >= 0 ? "OK" : name(errno));
    if (!create && !mk && !ln && !rn) {
      struct stat st;
      errno = 0;
      r = stat(path, &st);
      printf("%s: stat %s\n", arg, r == 0 ? "OK" : name(errno));
    }
  }
  return 0;
}
