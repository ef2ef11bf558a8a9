// The error paths of every wasi_snapshot_preview1 function, called through
// the raw imports (declared here with their core wasm types, so any i32 can
// be passed as a pointer or a length, bypassing wasi-libc). Prints one line
// per call, "<function> <case>: <ERRNO>", for errno-table.test to check.
//
// argv[1] is the preopen (fd 3) holding: file ("hello"), sub/, link -> file,
// dangling -> nowhere, out -> ../outside.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define IMPORT(Name)                                                           \
  __attribute__((__import_module__("wasi_snapshot_preview1"),                  \
                 __import_name__(#Name)))
typedef int32_t I;
typedef int64_t L;
I r_args_get(I, I) IMPORT(args_get);
I r_args_sizes_get(I, I) IMPORT(args_sizes_get);
I r_environ_get(I, I) IMPORT(environ_get);
I r_environ_sizes_get(I, I) IMPORT(environ_sizes_get);
I r_clock_res_get(I, I) IMPORT(clock_res_get);
I r_clock_time_get(I, L, I) IMPORT(clock_time_get);
I r_fd_advise(I, L, L, I) IMPORT(fd_advise);
I r_fd_allocate(I, L, L) IMPORT(fd_allocate);
I r_fd_close(I) IMPORT(fd_close);
I r_fd_datasync(I) IMPORT(fd_datasync);
I r_fd_fdstat_get(I, I) IMPORT(fd_fdstat_get);
I r_fd_fdstat_set_flags(I, I) IMPORT(fd_fdstat_set_flags);
I r_fd_fdstat_set_rights(I, L, L) IMPORT(fd_fdstat_set_rights);
I r_fd_filestat_get(I, I) IMPORT(fd_filestat_get);
I r_fd_filestat_set_size(I, L) IMPORT(fd_filestat_set_size);
I r_fd_filestat_set_times(I, L, L, I) IMPORT(fd_filestat_set_times);
I r_fd_pread(I, I, I, L, I) IMPORT(fd_pread);
I r_fd_prestat_get(I, I) IMPORT(fd_prestat_get);
I r_fd_prestat_dir_name(I, I, I) IMPORT(fd_prestat_dir_name);
I r_fd_pwrite(I, I, I, L, I) IMPORT(fd_pwrite);
I r_fd_read(I, I, I, I) IMPORT(fd_read);
I r_fd_readdir(I, I, I, L, I) IMPORT(fd_readdir);
I r_fd_renumber(I, I) IMPORT(fd_renumber);
I r_fd_seek(I, L, I, I) IMPORT(fd_seek);
I r_fd_sync(I) IMPORT(fd_sync);
I r_fd_tell(I, I) IMPORT(fd_tell);
I r_fd_write(I, I, I, I) IMPORT(fd_write);
I r_path_create_directory(I, I, I) IMPORT(path_create_directory);
I r_path_filestat_get(I, I, I, I, I) IMPORT(path_filestat_get);
I r_path_filestat_set_times(I, I, I, I, L, L, I)
    IMPORT(path_filestat_set_times);
I r_path_link(I, I, I, I, I, I, I) IMPORT(path_link);
I r_path_open(I, I, I, I, I, L, L, I, I) IMPORT(path_open);
I r_path_readlink(I, I, I, I, I, I) IMPORT(path_readlink);
I r_path_remove_directory(I, I, I) IMPORT(path_remove_directory);
I r_path_rename(I, I, I, I, I, I) IMPORT(path_rename);
I r_path_symlink(I, I, I, I, I) IMPORT(path_symlink);
I r_path_unlink_file(I, I, I) IMPORT(path_unlink_file);
I r_poll_oneoff(I, I, I, I) IMPORT(poll_oneoff);
I r_proc_raise(I) IMPORT(proc_raise);
I r_sched_yield(void) IMPORT(sched_yield);
I r_random_get(I, I) IMPORT(random_get);
I r_sock_accept(I, I, I) IMPORT(sock_accept);
I r_sock_recv(I, I, I, I, I, I) IMPORT(sock_recv);
I r_sock_send(I, I, I, I, I) IMPORT(sock_send);
I r_sock_shutdown(I, I) IMPORT(sock_shutdown);

/// Past the end of any memory this program has (and wrapping when a length
/// is added): every access through it must be FAULT, never a host access.
#define BAD ((I)0xfffffff0u)
#define P(X) ((I)(uintptr_t)(X))
/// A guest string as (pointer, length).
#define S(X) P(X), (I)strlen(X)
enum { NoFd = 99, Pre = 3 };

static const char *name(int E) {
  switch (E) {
  case 0:
    return "SUCCESS";
  case __WASI_ERRNO_ACCES:
    return "ACCES";
  case __WASI_ERRNO_BADF:
    return "BADF";
  case __WASI_ERRNO_EXIST:
    return "EXIST";
  case __WASI_ERRNO_FAULT:
    return "FAULT";
  case __WASI_ERRNO_INVAL:
    return "INVAL";
  case __WASI_ERRNO_ISDIR:
    return "ISDIR";
  case __WASI_ERRNO_LOOP:
    return "LOOP";
  case __WASI_ERRNO_NAMETOOLONG:
    return "NAMETOOLONG";
  case __WASI_ERRNO_NOENT:
    return "NOENT";
  case __WASI_ERRNO_NOSYS:
    return "NOSYS";
  case __WASI_ERRNO_NOTDIR:
    return "NOTDIR";
  case __WASI_ERRNO_NOTEMPTY:
    return "NOTEMPTY";
  case __WASI_ERRNO_NOTSOCK:
    return "NOTSOCK";
  case __WASI_ERRNO_NOTSUP:
    return "NOTSUP";
  case __WASI_ERRNO_PERM:
    return "PERM";
  case __WASI_ERRNO_SPIPE:
    return "SPIPE";
  case __WASI_ERRNO_NOTCAPABLE:
    return "NOTCAPABLE";
  default: {
    static char Buf[16];
    snprintf(Buf, sizeof Buf, "errno %d", E);
    return Buf;
  }
  }
}

#define T(Fn, Case, Call) printf("%s %s: %s\n", #Fn, Case, name(Call))

static uint8_t Buf[256];
static I Out;     // result slot for calls expected to fail
static I Fd, Fd2; // result slots of path_open
static __wasi_iovec_t Iov = {Buf, sizeof Buf};
static __wasi_iovec_t BadIov = {(uint8_t *)(uintptr_t)0xfffffff0u, 64};

/// Opens \p Path beneath the preopen with \p Rights (or fails the run).
static I open3(const char *Path, I OFlags, L Rights) {
  I E = r_path_open(Pre, 0, S(Path), OFlags, Rights, Rights, 0, P(&Fd));
  if (E) {
    printf("setup: cannot open %s: %s\n", Path, name(E));
    __wasi_proc_exit(2);
  }
  return Fd;
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  const L R = __WASI_RIGHTS_FD_READ, W = __WASI_RIGHTS_FD_WRITE;
  const L RWS =
      R | W | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL |
      __WASI_RIGHTS_FD_ADVISE | __WASI_RIGHTS_FD_ALLOCATE |
      __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS | __WASI_RIGHTS_FD_FILESTAT_GET |
      __WASI_RIGHTS_FD_FILESTAT_SET_SIZE | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES;
  I F = open3("file", 0, RWS); // a file with the usual rights
  I FR = open3("file", 0, R);  // read only: no seek, no write
  I FW = open3("file", 0, W);  // write only
  // Everything but the rights that need write access, which a directory
  // never gets (ISDIR); the file-only ones are dropped silently.
  I D = open3(
      "sub", __WASI_OFLAGS_DIRECTORY,
      ~(W | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE));
  I DR = open3("sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READDIR);

  // The rights the preopen and a directory opened beneath it carry.
  __wasi_fdstat_t St;
  r_fd_fdstat_get(Pre, P(&St));
  printf("preopen base: read=%d write=%d seek=%d tell=%d path_open=%d\n",
         !!(St.fs_rights_base & R), !!(St.fs_rights_base & W),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_SEEK),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_TELL),
         !!(St.fs_rights_base & __WASI_RIGHTS_PATH_OPEN));
  printf("preopen inheriting: read=%d write=%d seek=%d\n",
         !!(St.fs_rights_inheriting & R), !!(St.fs_rights_inheriting & W),
         !!(St.fs_rights_inheriting & __WASI_RIGHTS_FD_SEEK));
  r_fd_fdstat_get(D, P(&St));
  printf("subdir base: read=%d seek=%d readdir=%d inheriting seek=%d\n",
         !!(St.fs_rights_base & R),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_SEEK),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_READDIR),
         !!(St.fs_rights_inheriting & __WASI_RIGHTS_FD_SEEK));
  r_fd_fdstat_get(F, P(&St));
  printf("file base: path_open=%d readdir=%d seek=%d inheriting=%d\n",
         !!(St.fs_rights_base & __WASI_RIGHTS_PATH_OPEN),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_READDIR),
         !!(St.fs_rights_base & __WASI_RIGHTS_FD_SEEK),
         St.fs_rights_inheriting != 0);

  T(args_get, "bad argv", r_args_get(BAD, P(Buf)));
  T(args_get, "bad buf", r_args_get(P(Buf), BAD));
  T(args_sizes_get, "bad count", r_args_sizes_get(BAD, P(&Out)));
  T(args_sizes_get, "bad size", r_args_sizes_get(P(&Out), BAD));
  T(environ_get, "bad environ", r_environ_get(BAD, P(Buf)));
  T(environ_sizes_get, "bad count", r_environ_sizes_get(BAD, P(&Out)));

  T(clock_res_get, "bad id", r_clock_res_get(99, P(Buf)));
  T(clock_res_get, "bad ptr", r_clock_res_get(0, BAD));
  T(clock_time_get, "bad id", r_clock_time_get(99, 0, P(Buf)));
  T(clock_time_get, "bad ptr", r_clock_time_get(1, 0, BAD));

  T(fd_advise, "no fd", r_fd_advise(NoFd, 0, 0, 0));
  T(fd_advise, "directory", r_fd_advise(D, 0, 0, 0));
  T(fd_advise, "no right", r_fd_advise(FR, 0, 0, 0));
  T(fd_advise, "bad advice", r_fd_advise(F, 0, 0, 9));
  T(fd_advise, "ok", r_fd_advise(F, 0, 0, 0));
  T(fd_allocate, "no fd", r_fd_allocate(NoFd, 0, 1));
  T(fd_allocate, "directory", r_fd_allocate(D, 0, 1));
  T(fd_allocate, "no right", r_fd_allocate(FR, 0, 1));
  T(fd_allocate, "offset+len overflow", r_fd_allocate(F, INT64_MAX, 1));
  T(fd_close, "no fd", r_fd_close(NoFd));
  T(fd_datasync, "no fd", r_fd_datasync(NoFd));
  T(fd_datasync, "no right", r_fd_datasync(FR));
  T(fd_datasync, "directory", r_fd_datasync(D));
  T(fd_fdstat_get, "no fd", r_fd_fdstat_get(NoFd, P(&St)));
  T(fd_fdstat_get, "bad ptr", r_fd_fdstat_get(Pre, BAD));
  T(fd_fdstat_set_flags, "no fd", r_fd_fdstat_set_flags(NoFd, 0));
  T(fd_fdstat_set_flags, "directory", r_fd_fdstat_set_flags(D, 0));
  T(fd_fdstat_set_flags, "no right", r_fd_fdstat_set_flags(FR, 0));
  T(fd_fdstat_set_flags, "bad flags", r_fd_fdstat_set_flags(F, 0x20));
  T(fd_fdstat_set_rights, "no fd", r_fd_fdstat_set_rights(NoFd, 0, 0));
  T(fd_fdstat_set_rights, "gain", r_fd_fdstat_set_rights(FR, R | W, 0));
  T(fd_filestat_get, "no fd", r_fd_filestat_get(NoFd, P(Buf)));
  T(fd_filestat_get, "bad ptr", r_fd_filestat_get(F, BAD));
  T(fd_filestat_get, "directory", r_fd_filestat_get(D, P(Buf)));
  T(fd_filestat_set_size, "no fd", r_fd_filestat_set_size(NoFd, 0));
  T(fd_filestat_set_size, "directory", r_fd_filestat_set_size(D, 0));
  T(fd_filestat_set_size, "no right", r_fd_filestat_set_size(FR, 0));
  T(fd_filestat_set_size, "too big", r_fd_filestat_set_size(F, -1));
  T(fd_filestat_set_times, "no fd", r_fd_filestat_set_times(NoFd, 0, 0, 0));
  T(fd_filestat_set_times, "atim and atim_now",
    r_fd_filestat_set_times(F, 0, 0, 3));
  T(fd_filestat_set_times, "bad flags", r_fd_filestat_set_times(F, 0, 0, 0x10));
  T(fd_pread, "no fd", r_fd_pread(NoFd, P(&Iov), 1, 0, P(&Out)));
  T(fd_pread, "directory", r_fd_pread(D, P(&Iov), 1, 0, P(&Out)));
  T(fd_pread, "no seek right", r_fd_pread(FR, P(&Iov), 1, 0, P(&Out)));
  T(fd_pread, "bad iovs", r_fd_pread(F, BAD, 1, 0, P(&Out)));
  T(fd_pread, "bad buffer", r_fd_pread(F, P(&BadIov), 1, 0, P(&Out)));
  T(fd_pread, "bad nread", r_fd_pread(F, P(&Iov), 1, 0, BAD));
  T(fd_pread, "negative offset", r_fd_pread(F, P(&Iov), 1, -1, P(&Out)));
  T(fd_prestat_get, "no fd", r_fd_prestat_get(NoFd, P(Buf)));
  T(fd_prestat_get, "not a preopen", r_fd_prestat_get(F, P(Buf)));
  T(fd_prestat_get, "bad ptr", r_fd_prestat_get(Pre, BAD));
  T(fd_prestat_dir_name, "not a preopen", r_fd_prestat_dir_name(F, P(Buf), 8));
  T(fd_prestat_dir_name, "short buffer", r_fd_prestat_dir_name(Pre, P(Buf), 0));
  T(fd_prestat_dir_name, "bad ptr", r_fd_prestat_dir_name(Pre, BAD, 64));
  T(fd_pwrite, "no fd", r_fd_pwrite(NoFd, P(&Iov), 1, 0, P(&Out)));
  T(fd_pwrite, "directory", r_fd_pwrite(D, P(&Iov), 1, 0, P(&Out)));
  T(fd_pwrite, "no right", r_fd_pwrite(FR, P(&Iov), 1, 0, P(&Out)));
  T(fd_read, "no fd", r_fd_read(NoFd, P(&Iov), 1, P(&Out)));
  T(fd_read, "directory", r_fd_read(D, P(&Iov), 1, P(&Out)));
  T(fd_read, "preopen", r_fd_read(Pre, P(&Iov), 1, P(&Out)));
  T(fd_read, "no right", r_fd_read(FW, P(&Iov), 1, P(&Out)));
  T(fd_read, "bad iovs", r_fd_read(F, BAD, 1, P(&Out)));
  T(fd_read, "iovs wrap", r_fd_read(F, P(Buf), 0x20000000, P(&Out)));
  T(fd_readdir, "no fd", r_fd_readdir(NoFd, P(Buf), 64, 0, P(&Out)));
  T(fd_readdir, "file", r_fd_readdir(F, P(Buf), 64, 0, P(&Out)));
  T(fd_readdir, "bad buffer", r_fd_readdir(Pre, BAD, 64, 0, P(&Out)));
  T(fd_readdir, "bad bufused", r_fd_readdir(Pre, P(Buf), 64, 0, BAD));
  T(fd_renumber, "no from", r_fd_renumber(NoFd, F));
  T(fd_renumber, "no to", r_fd_renumber(F, NoFd));
  T(fd_seek, "no fd", r_fd_seek(NoFd, 0, 0, P(Buf)));
  T(fd_seek, "directory", r_fd_seek(D, 0, __WASI_WHENCE_CUR, P(Buf)));
  T(fd_seek, "preopen", r_fd_seek(Pre, 0, __WASI_WHENCE_SET, P(Buf)));
  T(fd_seek, "no right", r_fd_seek(FR, 1, __WASI_WHENCE_SET, P(Buf)));
  T(fd_seek, "bad whence", r_fd_seek(F, 0, 3, P(Buf)));
  T(fd_seek, "bad ptr", r_fd_seek(F, 0, __WASI_WHENCE_SET, BAD));
  T(fd_seek, "before start", r_fd_seek(F, -1, __WASI_WHENCE_SET, P(Buf)));
  T(fd_sync, "no fd", r_fd_sync(NoFd));
  T(fd_sync, "directory", r_fd_sync(D));
  T(fd_tell, "no fd", r_fd_tell(NoFd, P(Buf)));
  T(fd_tell, "directory", r_fd_tell(D, P(Buf)));
  T(fd_tell, "no right", r_fd_tell(FR, P(Buf)));
  T(fd_tell, "bad ptr", r_fd_tell(F, BAD));
  T(fd_write, "no fd", r_fd_write(NoFd, P(&Iov), 1, P(&Out)));
  T(fd_write, "directory", r_fd_write(D, P(&Iov), 1, P(&Out)));
  T(fd_write, "no right", r_fd_write(FR, P(&Iov), 1, P(&Out)));
  T(fd_write, "bad buffer", r_fd_write(F, P(&BadIov), 1, P(&Out)));

  T(path_create_directory, "no fd", r_path_create_directory(NoFd, S("x")));
  T(path_create_directory, "file fd", r_path_create_directory(F, S("x")));
  T(path_create_directory, "no right", r_path_create_directory(DR, S("x")));
  T(path_create_directory, "bad path", r_path_create_directory(Pre, BAD, 4));
  T(path_create_directory, "empty", r_path_create_directory(Pre, P(Buf), 0));
  T(path_create_directory, "exists", r_path_create_directory(Pre, S("sub")));
  T(path_create_directory, "under a file",
    r_path_create_directory(Pre, S("file/x")));
  T(path_create_directory, "escape", r_path_create_directory(Pre, S("../x")));
  T(path_create_directory, "absolute", r_path_create_directory(Pre, S("/x")));
  T(path_filestat_get, "no fd",
    r_path_filestat_get(NoFd, 0, S("file"), P(Buf)));
  T(path_filestat_get, "file fd", r_path_filestat_get(F, 0, S("x"), P(Buf)));
  T(path_filestat_get, "bad flags",
    r_path_filestat_get(Pre, 2, S("file"), P(Buf)));
  T(path_filestat_get, "missing",
    r_path_filestat_get(Pre, 0, S("nope"), P(Buf)));
  T(path_filestat_get, "file/",
    r_path_filestat_get(Pre, 0, S("file/"), P(Buf)));
  T(path_filestat_get, "bad result",
    r_path_filestat_get(Pre, 0, S("file"), BAD));
  T(path_filestat_get, "escape",
    r_path_filestat_get(Pre, 0, S("../x"), P(Buf)));
  T(path_filestat_get, "follow out",
    r_path_filestat_get(Pre, 1, S("out"), P(Buf)));
  T(path_filestat_set_times, "file fd",
    r_path_filestat_set_times(F, 0, S("x"), 0, 0, 0));
  T(path_filestat_set_times, "bad flags",
    r_path_filestat_set_times(Pre, 0, S("file"), 0, 0, 0x10));
  T(path_filestat_set_times, "bad lookupflags",
    r_path_filestat_set_times(Pre, 4, S("file"), 0, 0, 0));
  T(path_filestat_set_times, "file/",
    r_path_filestat_set_times(Pre, 0, S("file/"), 0, 0, __WASI_FSTFLAGS_MTIM));
  T(path_filestat_set_times, "escape",
    r_path_filestat_set_times(Pre, 0, S("../x"), 0, 0, 0));
  T(path_link, "no fd", r_path_link(NoFd, 0, S("file"), Pre, S("new")));
  T(path_link, "old fd a file", r_path_link(F, 0, S("file"), Pre, S("new")));
  T(path_link, "new fd a file", r_path_link(Pre, 0, S("file"), F, S("new")));
  T(path_link, "bad lookupflags",
    r_path_link(Pre, 2, S("file"), Pre, S("new")));
  T(path_link, "missing", r_path_link(Pre, 0, S("nope"), Pre, S("new")));
  T(path_link, "file/ -> new", r_path_link(Pre, 0, S("file/"), Pre, S("new")));
  T(path_link, "file -> new/", r_path_link(Pre, 0, S("file"), Pre, S("new/")));
  T(path_link, "file -> sub/", r_path_link(Pre, 0, S("file"), Pre, S("sub/")));
  T(path_link, "file -> file/x",
    r_path_link(Pre, 0, S("file"), Pre, S("file/x")));
  T(path_link, "sub -> new", r_path_link(Pre, 0, S("sub"), Pre, S("new")));
  T(path_link, "sub/ -> new", r_path_link(Pre, 0, S("sub/"), Pre, S("new")));
  T(path_link, "file -> ../x", r_path_link(Pre, 0, S("file"), Pre, S("../x")));
  T(path_link, "bad new path", r_path_link(Pre, 0, S("file"), Pre, BAD, 4));
  T(path_open, "no fd", r_path_open(NoFd, 0, S("file"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "file fd", r_path_open(F, 0, S("x"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "no right", r_path_open(DR, 0, S("x"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "bad oflags",
    r_path_open(Pre, 0, S("file"), 0x10, R, 0, 0, P(&Fd2)));
  T(path_open, "bad fdflags",
    r_path_open(Pre, 0, S("file"), 0, R, 0, 0x20, P(&Fd2)));
  T(path_open, "bad lookupflags",
    r_path_open(Pre, 2, S("file"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "bad path", r_path_open(Pre, 0, BAD, 4, 0, R, 0, 0, P(&Fd2)));
  T(path_open, "bad result", r_path_open(Pre, 0, S("file"), 0, R, 0, 0, BAD));
  T(path_open, "missing", r_path_open(Pre, 0, S("nope"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "file O_DIRECTORY",
    r_path_open(Pre, 0, S("file"), __WASI_OFLAGS_DIRECTORY, R, 0, 0, P(&Fd2)));
  T(path_open, "file/", r_path_open(Pre, 0, S("file/"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "dir for writing",
    r_path_open(Pre, 0, S("sub"), 0, W, 0, 0, P(&Fd2)));
  T(path_open, "dir O_DIRECTORY for writing",
    r_path_open(Pre, 0, S("sub"), __WASI_OFLAGS_DIRECTORY, R | W, 0, 0,
                P(&Fd2)));
  T(path_open, "O_CREAT|O_EXCL existing",
    r_path_open(Pre, 0, S("file"), __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, R,
                0, 0, P(&Fd2)));
  T(path_open, "escape", r_path_open(Pre, 0, S("../x"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "absolute", r_path_open(Pre, 0, S("/etc"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "symlink out",
    r_path_open(Pre, 1, S("out"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "dangling followed",
    r_path_open(Pre, 1, S("dangling"), 0, R, 0, 0, P(&Fd2)));
  T(path_open, "symlink not followed",
    r_path_open(Pre, 0, S("link"), 0, R, 0, 0, P(&Fd2)));
  T(path_readlink, "file fd",
    r_path_readlink(F, S("link"), P(Buf), 64, P(&Out)));
  T(path_readlink, "not a link",
    r_path_readlink(Pre, S("file"), P(Buf), 64, P(&Out)));
  T(path_readlink, "missing",
    r_path_readlink(Pre, S("nope"), P(Buf), 64, P(&Out)));
  T(path_readlink, "bad buffer",
    r_path_readlink(Pre, S("link"), BAD, 64, P(&Out)));
  T(path_readlink, "bad bufused",
    r_path_readlink(Pre, S("link"), P(Buf), 64, BAD));
  T(path_readlink, "link/",
    r_path_readlink(Pre, S("link/"), P(Buf), 64, P(&Out)));
  T(path_readlink, "sub/",
    r_path_readlink(Pre, S("sub/"), P(Buf), 64, P(&Out)));
  T(path_remove_directory, "file fd", r_path_remove_directory(F, S("x")));
  T(path_remove_directory, "a file", r_path_remove_directory(Pre, S("file")));
  T(path_remove_directory, "missing", r_path_remove_directory(Pre, S("nope")));
  T(path_remove_directory, "escape", r_path_remove_directory(Pre, S("../x")));
  T(path_rename, "file fd", r_path_rename(F, S("file"), Pre, S("x")));
  T(path_rename, "missing", r_path_rename(Pre, S("nope"), Pre, S("x")));
  T(path_rename, "file/ -> x", r_path_rename(Pre, S("file/"), Pre, S("x")));
  T(path_rename, "file -> x/", r_path_rename(Pre, S("file"), Pre, S("x/")));
  T(path_rename, "sub -> file", r_path_rename(Pre, S("sub"), Pre, S("file")));
  T(path_rename, "file -> ../x", r_path_rename(Pre, S("file"), Pre, S("../x")));
  T(path_symlink, "file fd", r_path_symlink(S("file"), F, S("x")));
  T(path_symlink, "bad target", r_path_symlink(BAD, 4, Pre, S("x")));
  T(path_symlink, "absolute target", r_path_symlink(S("/etc"), Pre, S("x")));
  T(path_symlink, "exists", r_path_symlink(S("file"), Pre, S("file")));
  T(path_symlink, "x/", r_path_symlink(S("file"), Pre, S("x/")));
  T(path_symlink, "sub/", r_path_symlink(S("file"), Pre, S("sub/")));
  T(path_symlink, "file/", r_path_symlink(S("file"), Pre, S("file/")));
  T(path_symlink, "escape", r_path_symlink(S("file"), Pre, S("../x")));
  T(path_unlink_file, "file fd", r_path_unlink_file(F, S("x")));
  T(path_unlink_file, "a directory", r_path_unlink_file(Pre, S("sub")));
  T(path_unlink_file, "sub/", r_path_unlink_file(Pre, S("sub/")));
  T(path_unlink_file, "file/", r_path_unlink_file(Pre, S("file/")));
  T(path_unlink_file, "missing", r_path_unlink_file(Pre, S("nope")));
  T(path_unlink_file, "escape", r_path_unlink_file(Pre, S("../x")));

  // poll_oneoff: one subscription on a descriptor that does not exist is
  // ready at once, with BADF in its event.
  __wasi_subscription_t Sub;
  __wasi_event_t Ev;
  memset(&Sub, 0, sizeof Sub);
  Sub.u.tag = __WASI_EVENTTYPE_FD_READ;
  Sub.u.u.fd_read.file_descriptor = NoFd;
  T(poll_oneoff, "no subscriptions",
    r_poll_oneoff(P(&Sub), P(&Ev), 0, P(&Out)));
  T(poll_oneoff, "bad in", r_poll_oneoff(BAD, P(&Ev), 1, P(&Out)));
  T(poll_oneoff, "bad out", r_poll_oneoff(P(&Sub), BAD, 1, P(&Out)));
  T(poll_oneoff, "bad nevents", r_poll_oneoff(P(&Sub), P(&Ev), 1, BAD));
  T(poll_oneoff, "no fd", r_poll_oneoff(P(&Sub), P(&Ev), 1, P(&Out)));
  printf("poll_oneoff no fd event: %s\n", name(Ev.error));
  Sub.u.tag = __WASI_EVENTTYPE_CLOCK;
  Sub.u.u.clock.id = 99;
  T(poll_oneoff, "bad clock", r_poll_oneoff(P(&Sub), P(&Ev), 1, P(&Out)));
  printf("poll_oneoff bad clock event: %s\n", name(Ev.error));
  Sub.u.tag = 7;
  T(poll_oneoff, "bad tag", r_poll_oneoff(P(&Sub), P(&Ev), 1, P(&Out)));

  T(proc_raise, "any", r_proc_raise(6));
  T(random_get, "bad buffer", r_random_get(BAD, 64));
  T(sched_yield, "ok", r_sched_yield());

  T(sock_accept, "no fd", r_sock_accept(NoFd, 0, P(&Out)));
  T(sock_accept, "file", r_sock_accept(F, 0, P(&Out)));
  T(sock_accept, "directory", r_sock_accept(Pre, 0, P(&Out)));
  T(sock_accept, "stdout", r_sock_accept(1, 0, P(&Out)));
  T(sock_recv, "no fd", r_sock_recv(NoFd, P(&Iov), 1, 0, P(&Out), P(&Out)));
  T(sock_recv, "file", r_sock_recv(F, P(&Iov), 1, 0, P(&Out), P(&Out)));
  T(sock_send, "no fd", r_sock_send(NoFd, P(&Iov), 1, 0, P(&Out)));
  T(sock_send, "stdout", r_sock_send(1, P(&Iov), 1, 0, P(&Out)));
  T(sock_shutdown, "no fd", r_sock_shutdown(NoFd, __WASI_SDFLAGS_RD));
  T(sock_shutdown, "stdout", r_sock_shutdown(1, __WASI_SDFLAGS_RD));
  T(sock_shutdown, "file", r_sock_shutdown(F, __WASI_SDFLAGS_WR));
  return 0;
}
