/* sqlite_stub_vfs.c - the OS layer for SQLite built with SQLITE_OS_OTHER=1
 * for the speedtest1 benchmark (natively and for wasm32-wasi alike, so both
 * do the same work).  wasi-libc has no fcntl locks, fchmod, fchown or
 * geteuid, so SQLite's unix VFS does not build; speedtest1 runs with
 * --memdb (memdb VFS) and SQLITE_TEMP_STORE=3, which only need randomness,
 * time and sleep from the default VFS.  Opening a real file fails cleanly. */
#include "sqlite3.h"
#include <string.h>
#include <time.h>

static int stubOpen(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags,
                    int *out) {
  (void)v; (void)name; (void)flags; (void)out;
  f->pMethods = 0;
  return SQLITE_CANTOPEN;
}
static int stubDelete(sqlite3_vfs *v, const char *name, int sync) {
  (void)v; (void)name; (void)sync;
  return SQLITE_IOERR_DELETE;
}
static int stubAccess(sqlite3_vfs *v, const char *name, int flags, int *res) {
  (void)v; (void)name; (void)flags;
  *res = 0;
  return SQLITE_OK;
}
static int stubFullPathname(sqlite3_vfs *v, const char *name, int n, char *out) {
  (void)v;
  sqlite3_snprintf(n, out, "%s", name);
  return SQLITE_OK;
}
/* Deterministic "randomness": identical runs everywhere. */
static int stubRandomness(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  static unsigned x = 12345;
  for (int i = 0; i < n; i++) {
    x = x * 1103515245u + 12345u;
    out[i] = (char)(x >> 16);
  }
  return n;
}
static int stubSleep(sqlite3_vfs *v, int us) { (void)v; return us; }
static int stubCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *t) {
  (void)v;
  /* Julian day number in ms; fixed so that results do not depend on it. */
  *t = (sqlite3_int64)(2440587.5 * 86400000.0) + (sqlite3_int64)1700000000 * 1000;
  return SQLITE_OK;
}
static int stubCurrentTime(sqlite3_vfs *v, double *t) {
  sqlite3_int64 i;
  stubCurrentTimeInt64(v, &i);
  *t = (double)i / 86400000.0;
  return SQLITE_OK;
}
static int stubGetLastError(sqlite3_vfs *v, int n, char *buf) {
  (void)v; (void)n; (void)buf;
  return 0;
}

static sqlite3_vfs stubVfs = {
    2, (int)sizeof(sqlite3_file), 512, 0, "bench-stub", 0, stubOpen, stubDelete, stubAccess,
    stubFullPathname, 0, 0, 0, 0, stubRandomness, stubSleep, stubCurrentTime,
    stubGetLastError, stubCurrentTimeInt64, 0, 0, 0};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&stubVfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }
