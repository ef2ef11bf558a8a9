//===- WASI/WasiFiles.cpp - The fd_* functions ----------------------------===//
//
// Owns every operation on an open descriptor: reads and writes (gathered
// straight into and out of guest memory after each buffer is bounds-
// checked), seeking, stat, sizes and times, flags and rights, preopen
// queries, fd_readdir, close and renumber. Each checks the descriptor first
// (BADF when there is none, or when a file operation names a directory;
// NOTDIR when fd_readdir names a non-directory), then its rights
// (NOTCAPABLE), then every guest pointer (FAULT), and only then touches the
// host, so a failing call has no side effects.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiCall.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

using namespace orca;
using namespace orca::wasi;

#define TRY(X)                                                                 \
  do {                                                                         \
    Errno E_ = (X);                                                            \
    if (E_ != Errno::Success)                                                  \
      return E_;                                                               \
  } while (0)

Errno orca::wasi::loadIovecs(const GuestMemory &M, uint32_t Iovs,
                             uint32_t Count, std::vector<struct iovec> &Out) {
  if (!M.contains(Iovs, uint64_t(Count) * layout::IovecSize))
    return Errno::Fault;
  Out.clear();
  for (uint32_t I = 0; I < Count; ++I) {
    uint32_t Buf = 0, Len = 0;
    M.load(Iovs + uint64_t(I) * 8, Buf);
    M.load(Iovs + uint64_t(I) * 8 + 4, Len);
    uint8_t *P = M.range(Buf, Len);
    if (!P)
      return Errno::Fault;
    if (Out.size() < IOV_MAX)
      Out.push_back({P, Len});
  }
  return Errno::Success;
}

static Errno fromHost() { return errnoFromHost(errno); }

/// Runs a read or write with EINTR retried; Result gets the byte count.
template <typename Fn> static Errno retry(Fn F, ssize_t &Result) {
  do
    Result = F();
  while (Result < 0 && errno == EINTR);
  return Result < 0 ? fromHost() : Errno::Success;
}

static Errno readOrWrite(WasiCall &C, bool Write, bool Positional) {
  // fd, iovs, iovs_len, [offset], result pointer
  uint32_t Fd = C.u32(0);
  uint64_t Offset = Positional ? C.u64(3) : 0;
  uint32_t ResultPtr = C.u32(Positional ? 4 : 3);
  uint64_t Needed = (Write ? rights::FdWrite : rights::FdRead) |
                    (Positional ? rights::FdSeek : 0);
  FdEntry *E;
  TRY(C.Ctx.getFile(Fd, Needed, E));
  if (Positional && Offset > uint64_t(INT64_MAX))
    return Errno::Inval;
  std::vector<struct iovec> Iov;
  TRY(loadIovecs(C.Mem, C.u32(1), C.u32(2), Iov));
  if (!C.Mem.contains(ResultPtr, 4))
    return Errno::Fault;
  int H = E->Host.get();
  ssize_t N = 0;
  if (!Iov.empty()) {
    if (Write)
      TRY(retry(
          [&] {
            return Positional
                       ? pwritev(H, Iov.data(), int(Iov.size()), off_t(Offset))
                       : writev(H, Iov.data(), int(Iov.size()));
          },
          N));
    else
      TRY(retry(
          [&] {
            return Positional
                       ? preadv(H, Iov.data(), int(Iov.size()), off_t(Offset))
                       : readv(H, Iov.data(), int(Iov.size()));
          },
          N));
  }
  C.Mem.store<uint32_t>(ResultPtr, uint32_t(N));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdRead(WasiCall &C) {
  return readOrWrite(C, false, false);
}
llvm::Expected<Errno> orca::wasi::fdWrite(WasiCall &C) {
  return readOrWrite(C, true, false);
}
llvm::Expected<Errno> orca::wasi::fdPread(WasiCall &C) {
  return readOrWrite(C, false, true);
}
llvm::Expected<Errno> orca::wasi::fdPwrite(WasiCall &C) {
  return readOrWrite(C, true, true);
}

llvm::Expected<Errno> orca::wasi::fdSeek(WasiCall &C) {
  int64_t Off = int64_t(C.u64(1));
  uint32_t Whence = C.u32(2);
  uint32_t ResultPtr = C.u32(3);
  // Asking for the current position only needs TELL.
  uint64_t Needed =
      (Whence == WhenceCur && Off == 0) ? rights::FdTell : rights::FdSeek;
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), Needed, E));
  int HW;
  switch (Whence) {
  case WhenceSet:
    HW = SEEK_SET;
    break;
  case WhenceCur:
    HW = SEEK_CUR;
    break;
  case WhenceEnd:
    HW = SEEK_END;
    break;
  default:
    return Errno::Inval;
  }
  if (!C.Mem.contains(ResultPtr, 8))
    return Errno::Fault;
  off_t P = lseek(E->Host.get(), off_t(Off), HW);
  if (P < 0)
    return fromHost();
  C.Mem.store<uint64_t>(ResultPtr, uint64_t(P));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdTell(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), rights::FdTell, E));
  if (!C.Mem.contains(C.u32(1), 8))
    return Errno::Fault;
  off_t P = lseek(E->Host.get(), 0, SEEK_CUR);
  if (P < 0)
    return fromHost();
  C.Mem.store<uint64_t>(C.u32(1), uint64_t(P));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdClose(WasiCall &C) {
  return C.Ctx.close(C.u32(0));
}

llvm::Expected<Errno> orca::wasi::fdRenumber(WasiCall &C) {
  return C.Ctx.renumber(C.u32(0), C.u32(1));
}

llvm::Expected<Errno> orca::wasi::fdDatasync(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), rights::FdDatasync, E));
  return fdatasync(E->Host.get()) == 0 ? Errno::Success : fromHost();
}

llvm::Expected<Errno> orca::wasi::fdSync(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), rights::FdSync, E));
  return fsync(E->Host.get()) == 0 ? Errno::Success : fromHost();
}

llvm::Expected<Errno> orca::wasi::fdAdvise(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), rights::FdAdvise, E));
  int Advice;
  switch (C.u32(3)) {
  case AdviceNormal:
    Advice = POSIX_FADV_NORMAL;
    break;
  case AdviceSequential:
    Advice = POSIX_FADV_SEQUENTIAL;
    break;
  case AdviceRandom:
    Advice = POSIX_FADV_RANDOM;
    break;
  case AdviceWillNeed:
    Advice = POSIX_FADV_WILLNEED;
    break;
  case AdviceDontNeed:
    Advice = POSIX_FADV_DONTNEED;
    break;
  case AdviceNoReuse:
    Advice = POSIX_FADV_NOREUSE;
    break;
  default:
    return Errno::Inval;
  }
  if (C.u64(1) > uint64_t(INT64_MAX) || C.u64(2) > uint64_t(INT64_MAX))
    return Errno::Inval;
  int R =
      posix_fadvise(E->Host.get(), off_t(C.u64(1)), off_t(C.u64(2)), Advice);
  // Advice is only a hint: a descriptor that cannot take it (a pipe) is
  // still an error, anything else is success.
  return R == 0 ? Errno::Success : errnoFromHost(R);
}

llvm::Expected<Errno> orca::wasi::fdAllocate(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), rights::FdAllocate, E));
  uint64_t Off = C.u64(1), Len = C.u64(2);
  if (Off > uint64_t(INT64_MAX) || Len > uint64_t(INT64_MAX) - Off)
    return Errno::Inval;
  int R = posix_fallocate(E->Host.get(), off_t(Off), off_t(Len));
  return R == 0 ? Errno::Success : errnoFromHost(R);
}

/// Host flags of a descriptor as WASI fdflags.
static uint16_t fdflagsOf(int H) {
  int Fl = fcntl(H, F_GETFL);
  if (Fl < 0)
    return 0;
  uint16_t R = 0;
  if (Fl & O_APPEND)
    R |= FdflagAppend;
  if (Fl & O_NONBLOCK)
    R |= FdflagNonblock;
  // On Linux O_SYNC includes the O_DSYNC bit, and O_RSYNC equals O_SYNC.
  if ((Fl & O_SYNC) == O_SYNC)
    R |= FdflagSync | FdflagRsync;
  else if (Fl & O_DSYNC)
    R |= FdflagDsync;
  return R;
}

llvm::Expected<Errno> orca::wasi::fdFdstatGet(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), 0, E));
  uint32_t P = C.u32(1);
  uint8_t *Out = C.Mem.range(P, layout::FdstatSize);
  if (!Out)
    return Errno::Fault;
  std::memset(Out, 0, layout::FdstatSize);
  C.Mem.store<uint8_t>(P + layout::FdstatFiletype, E->Type);
  C.Mem.store<uint16_t>(P + layout::FdstatFlags, fdflagsOf(E->Host.get()));
  C.Mem.store<uint64_t>(P + layout::FdstatRightsBase, E->RightsBase);
  C.Mem.store<uint64_t>(P + layout::FdstatRightsInheriting,
                        E->RightsInheriting);
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdFdstatSetFlags(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), rights::FdFdstatSetFlags, E));
  uint32_t Flags = C.u32(1);
  if (Flags & ~uint32_t(FdflagAppend | FdflagDsync | FdflagNonblock |
                        FdflagRsync | FdflagSync))
    return Errno::Inval;
  // Linux cannot change the synchronisation flags of an open file.
  if (Flags & (FdflagDsync | FdflagRsync | FdflagSync))
    return Errno::NotSup;
  int H = E->Host.get();
  int Fl = fcntl(H, F_GETFL);
  if (Fl < 0)
    return fromHost();
  Fl &= ~(O_APPEND | O_NONBLOCK);
  if (Flags & FdflagAppend)
    Fl |= O_APPEND;
  if (Flags & FdflagNonblock)
    Fl |= O_NONBLOCK;
  return fcntl(H, F_SETFL, Fl) == 0 ? Errno::Success : fromHost();
}

llvm::Expected<Errno> orca::wasi::fdFdstatSetRights(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), 0, E));
  uint64_t Base = C.u64(1), Inh = C.u64(2);
  // Rights can only be dropped, never gained.
  if ((Base & ~E->RightsBase) || (Inh & ~E->RightsInheriting))
    return Errno::NotCapable;
  E->RightsBase = Base;
  E->RightsInheriting = Inh;
  return Errno::Success;
}

static uint64_t nanos(const struct timespec &T) {
  return uint64_t(T.tv_sec) * 1000000000ull + uint64_t(T.tv_nsec);
}

Errno orca::wasi::storeFilestat(const GuestMemory &M, uint32_t P,
                                const struct stat &St) {
  uint8_t *Out = M.range(P, layout::FilestatSize);
  if (!Out)
    return Errno::Fault;
  std::memset(Out, 0, layout::FilestatSize);
  M.store<uint64_t>(P + layout::FilestatDev, uint64_t(St.st_dev));
  M.store<uint64_t>(P + layout::FilestatIno, uint64_t(St.st_ino));
  M.store<uint8_t>(P + layout::FilestatFiletype,
                   WasiContext::filetypeFromMode(St.st_mode));
  M.store<uint64_t>(P + layout::FilestatNlink, uint64_t(St.st_nlink));
  M.store<uint64_t>(P + layout::FilestatSize_, uint64_t(St.st_size));
  M.store<uint64_t>(P + layout::FilestatAtim, nanos(St.st_atim));
  M.store<uint64_t>(P + layout::FilestatMtim, nanos(St.st_mtim));
  M.store<uint64_t>(P + layout::FilestatCtim, nanos(St.st_ctim));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdFilestatGet(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), rights::FdFilestatGet, E));
  if (!C.Mem.contains(C.u32(1), layout::FilestatSize))
    return Errno::Fault;
  struct stat St;
  if (fstat(E->Host.get(), &St) != 0)
    return fromHost();
  return storeFilestat(C.Mem, C.u32(1), St);
}

llvm::Expected<Errno> orca::wasi::fdFilestatSetSize(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.getFile(C.u32(0), rights::FdFilestatSetSize, E));
  if (C.u64(1) > uint64_t(INT64_MAX))
    return Errno::Inval;
  return ftruncate(E->Host.get(), off_t(C.u64(1))) == 0 ? Errno::Success
                                                        : fromHost();
}

Errno orca::wasi::hostTimes(uint64_t Atim, uint64_t Mtim, uint32_t Flags,
                            struct timespec Out[2]) {
  if (Flags &
      ~uint32_t(FstflagAtim | FstflagAtimNow | FstflagMtim | FstflagMtimNow))
    return Errno::Inval;
  if (((Flags & FstflagAtim) && (Flags & FstflagAtimNow)) ||
      ((Flags & FstflagMtim) && (Flags & FstflagMtimNow)))
    return Errno::Inval;
  auto Set = [](struct timespec &T, uint64_t Ns, bool Given, bool Now) {
    T.tv_sec = time_t(Ns / 1000000000ull);
    T.tv_nsec = long(Ns % 1000000000ull);
    if (Now)
      T.tv_nsec = UTIME_NOW;
    else if (!Given)
      T.tv_nsec = UTIME_OMIT;
  };
  Set(Out[0], Atim, Flags & FstflagAtim, Flags & FstflagAtimNow);
  Set(Out[1], Mtim, Flags & FstflagMtim, Flags & FstflagMtimNow);
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdFilestatSetTimes(WasiCall &C) {
  FdEntry *E;
  TRY(C.Ctx.get(C.u32(0), rights::FdFilestatSetTimes, E));
  struct timespec T[2];
  TRY(hostTimes(C.u64(1), C.u64(2), C.u32(3), T));
  return futimens(E->Host.get(), T) == 0 ? Errno::Success : fromHost();
}

llvm::Expected<Errno> orca::wasi::fdPrestatGet(WasiCall &C) {
  FdEntry *E = C.Ctx.lookup(C.u32(0));
  // BADF for anything that is not a preopen: wasi-libc stops scanning
  // descriptors at the first BADF.
  if (!E || !E->PreopenName)
    return Errno::BadF;
  uint32_t P = C.u32(1);
  uint8_t *Out = C.Mem.range(P, layout::PrestatSize);
  if (!Out)
    return Errno::Fault;
  std::memset(Out, 0, layout::PrestatSize);
  C.Mem.store<uint8_t>(P + layout::PrestatTag, PreopentypeDir);
  C.Mem.store<uint32_t>(P + layout::PrestatNameLen,
                        uint32_t(E->PreopenName->size()));
  return Errno::Success;
}

llvm::Expected<Errno> orca::wasi::fdPrestatDirName(WasiCall &C) {
  FdEntry *E = C.Ctx.lookup(C.u32(0));
  if (!E || !E->PreopenName)
    return Errno::BadF;
  const std::string &N = *E->PreopenName;
  if (C.u32(2) < N.size())
    return Errno::NameTooLong;
  if (!C.Mem.storeBytes(C.u32(1), N.data(), N.size()))
    return Errno::Fault;
  return Errno::Success;
}

/// Takes fd_readdir's snapshot: every entry of the directory, "." and ".."
/// included, in the host's order.
static Errno snapshotDir(FdEntry &E) {
  int D = openat(E.Host.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (D < 0)
    return fromHost();
  DIR *Dir = fdopendir(D);
  if (!Dir) {
    Errno R = fromHost();
    close(D);
    return R;
  }
  E.DirSnapshot.clear();
  errno = 0;
  while (struct dirent *Ent = readdir(Dir)) {
    uint8_t T;
    switch (Ent->d_type) {
    case DT_REG:
      T = FiletypeRegularFile;
      break;
    case DT_DIR:
      T = FiletypeDirectory;
      break;
    case DT_LNK:
      T = FiletypeSymbolicLink;
      break;
    case DT_CHR:
      T = FiletypeCharacterDevice;
      break;
    case DT_BLK:
      T = FiletypeBlockDevice;
      break;
    case DT_SOCK:
      T = FiletypeSocketStream;
      break;
    case DT_UNKNOWN: {
      struct stat St;
      T = fstatat(dirfd(Dir), Ent->d_name, &St, AT_SYMLINK_NOFOLLOW) == 0
              ? WasiContext::filetypeFromMode(St.st_mode)
              : uint8_t(FiletypeUnknown);
      break;
    }
    default:
      T = FiletypeUnknown;
      break;
    }
    E.DirSnapshot.push_back({uint64_t(Ent->d_ino), T, Ent->d_name});
  }
  Errno R = errno ? fromHost() : Errno::Success;
  closedir(Dir);
  E.HasSnapshot = R == Errno::Success;
  return R;
}

llvm::Expected<Errno> orca::wasi::fdReaddir(WasiCall &C) {
  // fd, buf, buf_len, cookie, bufused pointer. The cookie of an entry is
  // its index in the snapshot plus one (d_next); cookie 0 starts over and
  // takes a fresh snapshot.
  FdEntry *E;
  TRY(C.Ctx.getDir(C.u32(0), rights::FdReaddir, E));
  uint32_t Buf = C.u32(1), Len = C.u32(2);
  uint64_t Cookie = C.u64(3);
  uint32_t UsedPtr = C.u32(4);
  if (!C.Mem.contains(Buf, Len) || !C.Mem.contains(UsedPtr, 4))
    return Errno::Fault;
  if (Cookie == 0 || !E->HasSnapshot)
    TRY(snapshotDir(*E));
  // Entries are written whole into a staging buffer and truncated to Len:
  // wasi-libc detects a truncated last entry and retries with more room.
  std::vector<uint8_t> Out;
  for (uint64_t I = Cookie; I < E->DirSnapshot.size() && Out.size() < Len;
       ++I) {
    const DirEntry &D = E->DirSnapshot[I];
    uint8_t Hdr[layout::DirentSize] = {};
    uint64_t Next = I + 1;
    uint32_t NameLen = uint32_t(D.Name.size());
    std::memcpy(Hdr + layout::DirentNext, &Next, 8);
    std::memcpy(Hdr + layout::DirentIno, &D.Ino, 8);
    std::memcpy(Hdr + layout::DirentNamlen, &NameLen, 4);
    Hdr[layout::DirentType] = D.Type;
    Out.insert(Out.end(), Hdr, Hdr + sizeof(Hdr));
    Out.insert(Out.end(), D.Name.begin(), D.Name.end());
  }
  uint32_t Used = uint32_t(std::min<size_t>(Out.size(), Len));
  C.Mem.storeBytes(Buf, Out.data(), Used);
  C.Mem.store<uint32_t>(UsedPtr, Used);
  return Errno::Success;
}
