//===- WASI/WasiPathOps.cpp - The path_* functions ------------------------===//
//
// Owns every operation that names a file by a path relative to a directory
// descriptor. All resolution goes through WasiPaths (openBeneath /
// openParentBeneath), which keeps the guest inside its preopens; the
// operations then act on (directory descriptor, single name) pairs with the
// *at() system calls, which never follow a symlink in that last name
// unless asked (and then only through openBeneath again).
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiCall.h"
#include "WASI/WasiPaths.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace orca;
using namespace orca::wasi;

#define TRY(X)                                                                 \
  do {                                                                         \
    Errno E_ = (X);                                                            \
    if (E_ != Errno::Success)                                                  \
      return E_;                                                               \
  } while (0)

static Errno fromHost() { return errnoFromHost(errno); }

/// The directory descriptor \p Fd (with \p Needed rights) and the guest
/// path at (Ptr, Len). BADF, then NOTDIR, then NOTCAPABLE, then FAULT.
static Errno dirAndPath(WasiCall &C, uint32_t Fd, uint64_t Needed, uint32_t Ptr,
                        uint32_t Len, FdEntry *&Dir, std::string &Path) {
  TRY(C.Ctx.getDir(Fd, Needed, Dir));
  return loadPath(C.Mem, Ptr, Len, Path);
}

/// witx `lookupflags` has one bit; any other is INVAL (as wasmtime's
/// generated bindings answer for every flags type).
static Errno checkLookupflags(uint32_t Flags) {
  return Flags & ~LookupSymlinkFollow ? Errno::Inval : Errno::Success;
}

/// A path that ends in '/' names a directory. Resolves \p Path, slash
/// included, as one beneath \p DirFd (following symlinks, as a trailing
/// slash does): Success when it is a directory, else why not (NOENT,
/// NOTDIR, NOTCAPABLE, LOOP). The operations that take (directory, name)
/// pairs strip the slash, so each one that must honour it asks this.
static Errno resolveDirectory(int DirFd, const std::string &Path) {
  return openBeneath(DirFd, Path, O_PATH | O_DIRECTORY, 0, /*FollowFinal=*/true)
      .Err;
}

/// The new name of path_link and path_symlink, which must not exist. With
/// a trailing slash it names a directory, which is either missing (NOENT,
/// as Linux answers), there already (EXIST), or not a directory at all
/// (NOTDIR): cap-std's answers, which wasi-testsuite expects.
static Errno checkNewNameSlash(const ParentResult &P, int DirFd,
                               const std::string &Path) {
  if (!P.TrailingSlash)
    return Errno::Success;
  Errno E = resolveDirectory(DirFd, Path);
  return E == Errno::Success ? Errno::Exist : E;
}

static Errno parentOf(int DirFd, const std::string &Path, ParentResult &P) {
  P = openParentBeneath(DirFd, Path);
  return P.Err;
}

llvm::Expected<Errno> orca::wasi::pathOpen(WasiCall &C) {
  // fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting,
  // fdflags, result fd pointer.
  uint32_t DirFlags = C.u32(1), OFlags = C.u32(4), FdFlags = C.u32(7);
  uint32_t ResultPtr = C.u32(8);
  TRY(checkLookupflags(DirFlags));
  uint64_t Needed = rights::PathOpen;
  if (OFlags & OflagCreat)
    Needed |= rights::PathCreateFile;
  if (OFlags & OflagTrunc)
    Needed |= rights::PathFilestatSetSize;
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), Needed, C.u32(2), C.u32(3), Dir, Path));
  if (!C.Mem.contains(ResultPtr, 4))
    return Errno::Fault;
  if (OFlags & ~uint32_t(OflagCreat | OflagDirectory | OflagExcl | OflagTrunc))
    return Errno::Inval;
  if (FdFlags & ~uint32_t(FdflagAppend | FdflagDsync | FdflagNonblock |
                          FdflagRsync | FdflagSync))
    return Errno::Inval;
  // The new descriptor gets what was asked for, within what the directory
  // may hand on (and, once its type is known, what that type can use).
  uint64_t Base = C.u64(5) & Dir->RightsInheriting;
  uint64_t Inh = C.u64(6) & Dir->RightsInheriting;

  bool Read = Base & rights::ReadAccess;
  bool Write = Base & rights::WriteAccess;
  int Flags = Write ? (Read ? O_RDWR : O_WRONLY) : O_RDONLY;
  if (OFlags & OflagCreat)
    Flags |= O_CREAT;
  if (OFlags & OflagDirectory)
    Flags |= O_DIRECTORY;
  if (OFlags & OflagExcl)
    Flags |= O_EXCL;
  if (OFlags & OflagTrunc)
    Flags |= O_TRUNC;
  if (FdFlags & FdflagAppend)
    Flags |= O_APPEND;
  if (FdFlags & FdflagDsync)
    Flags |= O_DSYNC;
  if (FdFlags & FdflagNonblock)
    Flags |= O_NONBLOCK;
  if (FdFlags & FdflagRsync)
    Flags |= O_RSYNC;
  if (FdFlags & FdflagSync)
    Flags |= O_SYNC;
  bool Follow = DirFlags & LookupSymlinkFollow;
  // With O_CREAT|O_EXCL nothing is followed (POSIX).
  if ((Flags & O_CREAT) && (Flags & O_EXCL))
    Follow = false;
  // A directory asked for with write rights fails with ISDIR, from the
  // kernel (O_WRONLY / O_RDWR on a directory), as on wasmtime and POSIX:
  // never a read-only descriptor the guest did not ask for.
  OpenResult R = openBeneath(Dir->Host.get(), Path, Flags, 0666, Follow);
  TRY(R.Err);
  FdEntry E;
  E.Type = WasiContext::filetypeOf(R.Fd.get());
  E.Host = std::move(R.Fd);
  // A directory never holds the file-only rights (seek, read, write, ...),
  // whatever was asked for, and only a directory hands rights on.
  E.RightsBase = Base & WasiContext::baseRightsFor(E.Type);
  E.RightsInheriting = E.Type == FiletypeDirectory ? Inh : 0;
  uint32_t NewFd;
  TRY(C.Ctx.insert(std::move(E), NewFd));
  C.Mem.store<uint32_t>(ResultPtr, NewFd);
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::pathCreateDirectory(WasiCall &C) {
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathCreateDirectory, C.u32(1), C.u32(2),
                 Dir, Path));
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  return mkdirat(P.Dir.get(), P.Name.c_str(), 0777) == 0 ? Errno::Success
                                                         : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathRemoveDirectory(WasiCall &C) {
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathRemoveDirectory, C.u32(1), C.u32(2),
                 Dir, Path));
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  if (unlinkat(P.Dir.get(), P.Name.c_str(), AT_REMOVEDIR) == 0)
    return Errno::Success;
  // Linux says EEXIST for a non-empty directory in some file systems.
  return errno == EEXIST ? Errno::NotEmpty : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathUnlinkFile(WasiCall &C) {
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathUnlinkFile, C.u32(1), C.u32(2), Dir,
                 Path));
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  if (P.TrailingSlash) {
    // "name/" names a directory, and unlink_file never removes one.
    struct stat St;
    if (fstatat(P.Dir.get(), P.Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) != 0)
      return fromHost();
    return S_ISDIR(St.st_mode) ? Errno::IsDir : Errno::NotDir;
  }
  return unlinkat(P.Dir.get(), P.Name.c_str(), 0) == 0 ? Errno::Success
                                                       : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathFilestatGet(WasiCall &C) {
  // fd, lookupflags, path, path_len, result pointer
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathFilestatGet, C.u32(2), C.u32(3), Dir,
                 Path));
  TRY(checkLookupflags(C.u32(1)));
  uint32_t Out = C.u32(4);
  if (!C.Mem.contains(Out, layout::FilestatSize))
    return Errno::Fault;
  struct stat St;
  bool Follow = C.u32(1) & LookupSymlinkFollow;
  bool Trailing = !Path.empty() && Path.back() == '/';
  if (Follow || Trailing) {
    OpenResult R = openBeneath(Dir->Host.get(), Path,
                               O_PATH | (Trailing ? O_DIRECTORY : 0), 0, true);
    TRY(R.Err);
    if (fstat(R.Fd.get(), &St) != 0)
      return fromHost();
  } else {
    ParentResult P;
    TRY(parentOf(Dir->Host.get(), Path, P));
    if (fstatat(P.Dir.get(), P.Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) != 0)
      return fromHost();
  }
  return storeFilestat(C.Mem, Out, St);
}

llvm::Expected<Errno> orca::wasi::pathFilestatSetTimes(WasiCall &C) {
  // fd, lookupflags, path, path_len, atim, mtim, fstflags
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathFilestatSetTimes, C.u32(2), C.u32(3),
                 Dir, Path));
  TRY(checkLookupflags(C.u32(1)));
  struct timespec T[2];
  TRY(hostTimes(C.u64(4), C.u64(5), C.u32(6), T));
  bool Trailing = !Path.empty() && Path.back() == '/';
  if ((C.u32(1) & LookupSymlinkFollow) || Trailing) {
    // Resolve inside the sandbox (a trailing '/' demands a directory and
    // follows a final symlink), then set the times through /proc (an
    // O_PATH descriptor cannot take futimens).
    OpenResult R = openBeneath(Dir->Host.get(), Path,
                               O_PATH | (Trailing ? O_DIRECTORY : 0), 0, true);
    TRY(R.Err);
    char Proc[64];
    std::snprintf(Proc, sizeof(Proc), "/proc/self/fd/%d", R.Fd.get());
    return utimensat(AT_FDCWD, Proc, T, 0) == 0 ? Errno::Success : fromHost();
  }
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  return utimensat(P.Dir.get(), P.Name.c_str(), T, AT_SYMLINK_NOFOLLOW) == 0
             ? Errno::Success
             : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathLink(WasiCall &C) {
  // old_fd, old_flags, old_path, old_len, new_fd, new_path, new_len
  FdEntry *OldDir, *NewDir;
  std::string OldPath, NewPath;
  TRY(dirAndPath(C, C.u32(0), rights::PathLinkSource, C.u32(2), C.u32(3),
                 OldDir, OldPath));
  TRY(dirAndPath(C, C.u32(4), rights::PathLinkTarget, C.u32(5), C.u32(6),
                 NewDir, NewPath));
  TRY(checkLookupflags(C.u32(1)));
  ParentResult OldP, NewP;
  TRY(parentOf(OldDir->Host.get(), OldPath, OldP));
  TRY(parentOf(NewDir->Host.get(), NewPath, NewP));
  // "old/" must be a directory, and no directory can be hard-linked: NOTDIR
  // for a file (as linkat says), PERM for a directory.
  if (OldP.TrailingSlash) {
    TRY(resolveDirectory(OldDir->Host.get(), OldPath));
    return Errno::Perm;
  }
  TRY(checkNewNameSlash(NewP, NewDir->Host.get(), NewPath));
  if (C.u32(1) & LookupSymlinkFollow) {
    // Never let linkat follow a symlink itself: it could point outside.
    OpenResult R = openBeneath(OldDir->Host.get(), OldPath, O_PATH, 0, true);
    TRY(R.Err);
    char Proc[64];
    std::snprintf(Proc, sizeof(Proc), "/proc/self/fd/%d", R.Fd.get());
    return linkat(AT_FDCWD, Proc, NewP.Dir.get(), NewP.Name.c_str(),
                  AT_SYMLINK_FOLLOW) == 0
               ? Errno::Success
               : fromHost();
  }
  return linkat(OldP.Dir.get(), OldP.Name.c_str(), NewP.Dir.get(),
                NewP.Name.c_str(), 0) == 0
             ? Errno::Success
             : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathReadlink(WasiCall &C) {
  // fd, path, path_len, buf, buf_len, bufused pointer
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(0), rights::PathReadlink, C.u32(1), C.u32(2), Dir,
                 Path));
  uint32_t Buf = C.u32(3), Len = C.u32(4), UsedPtr = C.u32(5);
  uint8_t *Out = C.Mem.range(Buf, Len);
  if (!Out || !C.Mem.contains(UsedPtr, 4))
    return Errno::Fault;
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  // "name/" resolves through a symlink to what it points at, which is then
  // a directory (INVAL: not a link) or the reason it is not one.
  if (P.TrailingSlash) {
    TRY(resolveDirectory(Dir->Host.get(), Path));
    return Errno::Inval;
  }
  char Tmp[4096];
  ssize_t N = readlinkat(P.Dir.get(), P.Name.c_str(), Tmp, sizeof(Tmp));
  if (N < 0)
    return fromHost();
  // Like readlink(2): the contents, truncated to the buffer, no NUL.
  uint32_t Used = uint32_t(std::min<uint64_t>(uint64_t(N), Len));
  C.Mem.storeBytes(Buf, Tmp, Used);
  C.Mem.store<uint32_t>(UsedPtr, Used);
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::pathRename(WasiCall &C) {
  // fd, old_path, old_len, new_fd, new_path, new_len
  FdEntry *OldDir, *NewDir;
  std::string OldPath, NewPath;
  TRY(dirAndPath(C, C.u32(0), rights::PathRenameSource, C.u32(1), C.u32(2),
                 OldDir, OldPath));
  TRY(dirAndPath(C, C.u32(3), rights::PathRenameTarget, C.u32(4), C.u32(5),
                 NewDir, NewPath));
  ParentResult OldP, NewP;
  TRY(parentOf(OldDir->Host.get(), OldPath, OldP));
  TRY(parentOf(NewDir->Host.get(), NewPath, NewP));
  // Either name ending in '/' says "a directory": Linux allows it only
  // when the source is one (renameat on the stripped names would not know).
  if (OldP.TrailingSlash || NewP.TrailingSlash) {
    struct stat St;
    if (fstatat(OldP.Dir.get(), OldP.Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) !=
        0)
      return fromHost();
    if (!S_ISDIR(St.st_mode))
      return Errno::NotDir;
  }
  return renameat(OldP.Dir.get(), OldP.Name.c_str(), NewP.Dir.get(),
                  NewP.Name.c_str()) == 0
             ? Errno::Success
             : fromHost();
}

llvm::Expected<Errno> orca::wasi::pathSymlink(WasiCall &C) {
  // old_path (the link's contents), old_len, fd, new_path, new_len
  std::string Target;
  TRY(loadPath(C.Mem, C.u32(0), C.u32(1), Target));
  FdEntry *Dir;
  std::string Path;
  TRY(dirAndPath(C, C.u32(2), rights::PathSymlink, C.u32(3), C.u32(4), Dir,
                 Path));
  if (Target.find('\0') != std::string::npos)
    return Errno::Inval;
  // An absolute target could never be followed inside the sandbox; refuse
  // it up front rather than leave a link that points at the host.
  if (!Target.empty() && Target.front() == '/')
    return Errno::NotCapable;
  ParentResult P;
  TRY(parentOf(Dir->Host.get(), Path, P));
  TRY(checkNewNameSlash(P, Dir->Host.get(), Path));
  return symlinkat(Target.c_str(), P.Dir.get(), P.Name.c_str()) == 0
             ? Errno::Success
             : fromHost();
}
