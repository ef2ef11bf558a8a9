// Emulations of the WebAssembly/wasi-testsuite preview1 tests Orca used to
// fail (the suite itself cannot be fetched here), one per argv[1], named as
// upstream names them. Each makes upstream's calls in upstream's order and
// checks the same errno values (their Linux alternative where upstream
// allows several), printing "<name>: ok" or the first mismatch and exiting
// 1. The scratch directory is argv[2], a preopen, opened as upstream's
// open_scratch_directory() does: path_open(".") with the preopen's rights.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wasi/api.h>

static const char *Name;
static int Failed;

#define EXPECT(Call, Want)                                                     \
  do {                                                                         \
    int Got_ = (Call);                                                         \
    if (Got_ != (Want) && !Failed) {                                           \
      printf("%s: FAIL line %d: %s = %d, want %d (%s)\n", Name, __LINE__,      \
             #Call, Got_, (Want), #Want);                                      \
      Failed = 1;                                                              \
    }                                                                          \
  } while (0)
#define OK(Call) EXPECT(Call, __WASI_ERRNO_SUCCESS)

static __wasi_fd_t scratch(const char *Path) {
  for (__wasi_fd_t Fd = 3;; ++Fd) {
    __wasi_prestat_t St;
    if (__wasi_fd_prestat_get(Fd, &St))
      break;
    char Buf[256];
    if (St.u.dir.pr_name_len >= sizeof Buf ||
        __wasi_fd_prestat_dir_name(Fd, (uint8_t *)Buf, St.u.dir.pr_name_len))
      continue;
    Buf[St.u.dir.pr_name_len] = 0;
    if (strcmp(Buf, Path))
      continue;
    __wasi_fdstat_t S;
    __wasi_fd_t Dir;
    if (__wasi_fd_fdstat_get(Fd, &S) ||
        __wasi_path_open(Fd, 0, ".", __WASI_OFLAGS_DIRECTORY, S.fs_rights_base,
                         S.fs_rights_inheriting, 0, &Dir))
      break;
    return Dir;
  }
  printf("%s: no scratch directory %s\n", Name, Path);
  exit(2);
}

/// upstream's create_tmp_dir(): a fresh directory, opened like the scratch.
static __wasi_fd_t tmpDir(__wasi_fd_t Base, const char *Dir) {
  __wasi_fdstat_t S;
  __wasi_fd_t Fd = 0;
  OK(__wasi_path_create_directory(Base, Dir));
  OK(__wasi_fd_fdstat_get(Base, &S));
  OK(__wasi_path_open(Base, 0, Dir, __WASI_OFLAGS_DIRECTORY, S.fs_rights_base,
                      S.fs_rights_inheriting, 0, &Fd));
  return Fd;
}

/// upstream's create_file().
static void createFile(__wasi_fd_t Dir, const char *File) {
  __wasi_fd_t Fd;
  OK(__wasi_path_open(Dir, 0, File, __WASI_OFLAGS_CREAT, 0, 0, 0, &Fd));
  OK(__wasi_fd_close(Fd));
}

static void directorySeek(__wasi_fd_t Dir) {
  const char *D = "directory_seek_dir.cleanup";
  __wasi_fd_t Fd = 0;
  __wasi_filesize_t Pos;
  __wasi_fdstat_t S;
  OK(__wasi_path_create_directory(Dir, D));
  OK(__wasi_path_open(Dir, 0, D, __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_SEEK,
                      0, 0, &Fd));
  EXPECT(__wasi_fd_seek(Fd, 0, __WASI_WHENCE_CUR, &Pos), __WASI_ERRNO_BADF);
  OK(__wasi_fd_fdstat_get(Fd, &S));
  EXPECT(S.fs_filetype, __WASI_FILETYPE_DIRECTORY);
  EXPECT(!!(S.fs_rights_base & __WASI_RIGHTS_FD_SEEK), 0);
  OK(__wasi_fd_close(Fd));
  OK(__wasi_path_remove_directory(Dir, D));
}

static void pathOpenDirfdNotDir(__wasi_fd_t Base) {
  __wasi_fd_t Dir = tmpDir(Base, "path_open_dirfd_not_dir_dir.cleanup");
  __wasi_fd_t File = 0, Fd;
  OK(__wasi_path_open(Dir, 0, "file", __WASI_OFLAGS_CREAT, 0, 0, 0, &File));
  EXPECT(__wasi_path_open(File, 0, "foo", __WASI_OFLAGS_CREAT, 0, 0, 0, &Fd),
         __WASI_ERRNO_NOTDIR);
  OK(__wasi_fd_close(File));
  OK(__wasi_path_unlink_file(Dir, "file"));
  OK(__wasi_path_remove_directory(Base, "path_open_dirfd_not_dir_dir.cleanup"));
}

static void pathSymlinkTrailingSlashes(__wasi_fd_t Base) {
  const char *D = "path_symlink_trailing_slashes_dir.cleanup";
  __wasi_fd_t Dir = tmpDir(Base, D);
  // Dangling: the destination must not end in a slash.
  EXPECT(__wasi_path_symlink("source", Dir, "target/"), __WASI_ERRNO_NOENT);
  OK(__wasi_path_symlink("source", Dir, "target"));
  OK(__wasi_path_unlink_file(Dir, "target"));
  // The destination exists as a directory, with and without the slash.
  OK(__wasi_path_create_directory(Dir, "target"));
  EXPECT(__wasi_path_symlink("source", Dir, "target/"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_remove_directory(Dir, "target"));
  OK(__wasi_path_create_directory(Dir, "target"));
  EXPECT(__wasi_path_symlink("source", Dir, "target"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_remove_directory(Dir, "target"));
  // The destination exists as a file, with and without the slash.
  createFile(Dir, "target");
  EXPECT(__wasi_path_symlink("source", Dir, "target/"), __WASI_ERRNO_NOTDIR);
  OK(__wasi_path_unlink_file(Dir, "target"));
  createFile(Dir, "target");
  EXPECT(__wasi_path_symlink("source", Dir, "target"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_unlink_file(Dir, "target"));
  OK(__wasi_fd_close(Dir));
  OK(__wasi_path_remove_directory(Base, D));
}

static const __wasi_rights_t LinkRights =
    __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_PATH_LINK_SOURCE |
    __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_FD_FILESTAT_GET |
    __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_UNLINK_FILE;

static __wasi_fd_t openLinkTest(__wasi_fd_t Dir, const char *P,
                                __wasi_oflags_t O) {
  __wasi_fd_t Fd = 0;
  OK(__wasi_path_open(Dir, 0, P, O, LinkRights, LinkRights, 0, &Fd));
  return Fd;
}

/// upstream's check_rights(): the link and the original agree on filestat
/// and fdstat.
static void sameFile(__wasi_fd_t A, __wasi_fd_t B) {
  __wasi_filestat_t FA, FB;
  __wasi_fdstat_t SA, SB;
  OK(__wasi_fd_filestat_get(A, &FA));
  OK(__wasi_fd_filestat_get(B, &FB));
  EXPECT(FA.dev == FB.dev && FA.ino == FB.ino && FA.nlink == FB.nlink &&
             FA.size == FB.size && FA.filetype == FB.filetype,
         1);
  OK(__wasi_fd_fdstat_get(A, &SA));
  OK(__wasi_fd_fdstat_get(B, &SB));
  EXPECT(SA.fs_rights_base == SB.fs_rights_base &&
             SA.fs_rights_inheriting == SB.fs_rights_inheriting &&
             SA.fs_filetype == SB.fs_filetype && SA.fs_flags == SB.fs_flags,
         1);
}

static void pathLink(__wasi_fd_t Base) {
  const char *D = "path_link_dir.cleanup";
  __wasi_fd_t Dir = tmpDir(Base, D);
  __wasi_fd_t File = openLinkTest(Dir, "file", __WASI_OFLAGS_CREAT);
  OK(__wasi_path_link(Dir, 0, "file", Dir, "link"));
  __wasi_fd_t Link = openLinkTest(Dir, "link", 0);
  sameFile(File, Link);
  OK(__wasi_fd_close(Link));
  OK(__wasi_path_unlink_file(Dir, "link"));
  // Into another directory.
  OK(__wasi_path_create_directory(Dir, "subdir"));
  __wasi_fd_t Sub = openLinkTest(Dir, "subdir", __WASI_OFLAGS_DIRECTORY);
  OK(__wasi_path_link(Dir, 0, "file", Sub, "link"));
  Link = openLinkTest(Sub, "link", 0);
  sameFile(File, Link);
  OK(__wasi_path_unlink_file(Sub, "link"));
  OK(__wasi_fd_close(Sub));
  OK(__wasi_fd_close(Link));
  OK(__wasi_fd_close(File));
  OK(__wasi_path_remove_directory(Dir, "subdir"));
  // Onto an existing file, onto itself, onto a directory.
  createFile(Dir, "link");
  EXPECT(__wasi_path_link(Dir, 0, "file", Dir, "link"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_unlink_file(Dir, "link"));
  EXPECT(__wasi_path_link(Dir, 0, "file", Dir, "file"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_create_directory(Dir, "link"));
  EXPECT(__wasi_path_link(Dir, 0, "file", Dir, "link"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_remove_directory(Dir, "link"));
  // Of a directory.
  OK(__wasi_path_create_directory(Dir, "subdir"));
  Sub = openLinkTest(Dir, "subdir", __WASI_OFLAGS_DIRECTORY);
  EXPECT(__wasi_path_link(Dir, 0, "subdir", Dir, "link"), __WASI_ERRNO_PERM);
  OK(__wasi_fd_close(Sub));
  OK(__wasi_path_remove_directory(Dir, "subdir"));
  // A file linked to a name with a trailing slash.
  EXPECT(__wasi_path_link(Dir, 0, "file", Dir, "link/"), __WASI_ERRNO_NOENT);
  // Dangling symlinks and loops are linked themselves, not followed.
  OK(__wasi_path_symlink("target", Dir, "symlink"));
  OK(__wasi_path_link(Dir, 0, "symlink", Dir, "link"));
  OK(__wasi_path_unlink_file(Dir, "symlink"));
  OK(__wasi_path_unlink_file(Dir, "link"));
  OK(__wasi_path_symlink("symlink", Dir, "symlink"));
  OK(__wasi_path_link(Dir, 0, "symlink", Dir, "link"));
  OK(__wasi_path_unlink_file(Dir, "symlink"));
  OK(__wasi_path_unlink_file(Dir, "link"));
  OK(__wasi_path_symlink("target", Dir, "symlink"));
  EXPECT(__wasi_path_link(Dir, 0, "file", Dir, "symlink"), __WASI_ERRNO_EXIST);
  OK(__wasi_path_unlink_file(Dir, "symlink"));
  OK(__wasi_path_symlink("target", Dir, "symlink"));
  EXPECT(__wasi_path_link(Dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "symlink",
                          Dir, "link"),
         __WASI_ERRNO_NOENT);
  OK(__wasi_path_unlink_file(Dir, "symlink"));
  OK(__wasi_path_unlink_file(Dir, "file"));
  OK(__wasi_fd_close(Dir));
  OK(__wasi_path_remove_directory(Base, D));
}

static void pathOpenPreopen(const char *Path) {
  __wasi_fd_t Pre = 0, Fd;
  for (__wasi_fd_t I = 3;; ++I) {
    __wasi_prestat_t St;
    char Buf[256];
    if (__wasi_fd_prestat_get(I, &St))
      break;
    if (St.u.dir.pr_name_len < sizeof Buf &&
        !__wasi_fd_prestat_dir_name(I, (uint8_t *)Buf, St.u.dir.pr_name_len) &&
        St.u.dir.pr_name_len == strlen(Path) &&
        !memcmp(Buf, Path, strlen(Path))) {
      Pre = I;
      break;
    }
  }
  __wasi_fdstat_t S;
  OK(__wasi_fd_fdstat_get(Pre, &S));
  // upstream's directory_base_rights() and directory_inheriting_rights().
  __wasi_rights_t DirBase =
      __WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_CREATE_FILE |
      __WASI_RIGHTS_PATH_LINK_SOURCE | __WASI_RIGHTS_PATH_LINK_TARGET |
      __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR |
      __WASI_RIGHTS_PATH_READLINK | __WASI_RIGHTS_PATH_RENAME_SOURCE |
      __WASI_RIGHTS_PATH_RENAME_TARGET | __WASI_RIGHTS_PATH_SYMLINK |
      __WASI_RIGHTS_PATH_REMOVE_DIRECTORY | __WASI_RIGHTS_PATH_UNLINK_FILE |
      __WASI_RIGHTS_PATH_FILESTAT_GET | __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES |
      __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES;
  __wasi_rights_t DirInh =
      DirBase | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_READ |
      __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS |
      __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_WRITE |
      __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE |
      __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_POLL_FD_READWRITE;
  EXPECT((S.fs_rights_base & DirBase) == DirBase, 1);
  EXPECT((S.fs_rights_inheriting & DirInh) == DirInh, 1);
  OK(__wasi_path_open(Pre, 0, ".", 0, S.fs_rights_base, S.fs_rights_inheriting,
                      0, &Fd));
  OK(__wasi_path_open(Pre, 0, ".", 0, 0, 0, 0, &Fd));
  OK(__wasi_path_open(Pre, 0, ".", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &Fd));
  OK(__wasi_path_open(Pre, 0, ".", __WASI_OFLAGS_DIRECTORY,
                      __WASI_RIGHTS_FD_READ, 0, 0, &Fd));
  EXPECT(__wasi_path_open(Pre, 0, ".", __WASI_OFLAGS_DIRECTORY,
                          __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0,
                          &Fd),
         __WASI_ERRNO_ISDIR);
}

/// upstream dir_fd_op_failures: every file operation on a directory fails
/// (upstream allows ISDIR, BADF or NOTCAPABLE; Orca answers BADF).
static void dirFdOpFailures(__wasi_fd_t Dir) {
  __wasi_filestat_t St;
  OK(__wasi_fd_filestat_get(Dir, &St));
  EXPECT(St.filetype, __WASI_FILETYPE_DIRECTORY);
  char Buf[128];
  __wasi_iovec_t Iov = {(uint8_t *)Buf, sizeof Buf};
  __wasi_ciovec_t Ciov = {(const uint8_t *)Buf, sizeof Buf};
  __wasi_size_t N;
  __wasi_filesize_t Pos;
  EXPECT(__wasi_fd_read(Dir, &Iov, 1, &N), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_pread(Dir, &Iov, 1, 0, &N), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_write(Dir, &Ciov, 1, &N), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_pwrite(Dir, &Ciov, 1, 0, &N), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(Dir, 0, __WASI_WHENCE_CUR, &Pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(Dir, 0, __WASI_WHENCE_SET, &Pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_seek(Dir, 0, __WASI_WHENCE_END, &Pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_tell(Dir, &Pos), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_allocate(Dir, 0, 0), __WASI_ERRNO_BADF);
  EXPECT(__wasi_fd_filestat_set_size(Dir, 0), __WASI_ERRNO_BADF);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  Name = argv[1];
  if (!strcmp(Name, "sock_shutdown-not_sock")) {
    // upstream's C test, as it is.
    EXPECT(shutdown(STDOUT_FILENO, SHUT_RD) != 0, 1);
    EXPECT(errno, ENOTSOCK);
  } else if (!strcmp(Name, "sock_shutdown-invalid_fd")) {
    EXPECT(shutdown(3, SHUT_RD) != 0, 1);
    EXPECT(errno, EBADF);
  } else if (argc < 3) {
    return 2;
  } else if (!strcmp(Name, "path_open_preopen")) {
    pathOpenPreopen(argv[2]);
  } else {
    __wasi_fd_t Dir = scratch(argv[2]);
    if (!strcmp(Name, "directory_seek"))
      directorySeek(Dir);
    else if (!strcmp(Name, "path_open_dirfd_not_dir"))
      pathOpenDirfdNotDir(Dir);
    else if (!strcmp(Name, "path_symlink_trailing_slashes"))
      pathSymlinkTrailingSlashes(Dir);
    else if (!strcmp(Name, "path_link"))
      pathLink(Dir);
    else if (!strcmp(Name, "dir_fd_op_failures"))
      dirFdOpFailures(Dir);
    else
      return 2;
  }
  if (!Failed)
    printf("%s: ok\n", Name);
  return Failed;
}
