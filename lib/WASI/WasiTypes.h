//===- WASI/WasiTypes.h - wasi_snapshot_preview1 constants and layouts -*- C++
//-*-===//
//
// Owns the numbers of WASI preview1 as the witx defines them: errno values,
// rights, flags, file types, clock ids, and the byte offsets and sizes of
// every struct that crosses guest memory. Nothing here depends on the host;
// the values are checked against wasi-libc's <wasi/api.h> by the unit tests
// and must never be renumbered.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASITYPES_H
#define ORCA_WASI_WASITYPES_H

#include <cstdint>

namespace orca::wasi {

/// The guest-visible error numbers (witx `errno`, a u16).
enum class Errno : uint16_t {
  Success = 0,
  TooBig = 1,
  Acces = 2,
  AddrInUse = 3,
  AddrNotAvail = 4,
  AfNoSupport = 5,
  Again = 6,
  Already = 7,
  BadF = 8,
  BadMsg = 9,
  Busy = 10,
  Canceled = 11,
  Child = 12,
  ConnAborted = 13,
  ConnRefused = 14,
  ConnReset = 15,
  DeadLk = 16,
  DestAddrReq = 17,
  Dom = 18,
  DQuot = 19,
  Exist = 20,
  Fault = 21,
  FBig = 22,
  HostUnreach = 23,
  IdRm = 24,
  IlSeq = 25,
  InProgress = 26,
  Intr = 27,
  Inval = 28,
  IO = 29,
  IsConn = 30,
  IsDir = 31,
  Loop = 32,
  MFile = 33,
  MLink = 34,
  MsgSize = 35,
  Multihop = 36,
  NameTooLong = 37,
  NetDown = 38,
  NetReset = 39,
  NetUnreach = 40,
  NFile = 41,
  NoBufs = 42,
  NoDev = 43,
  NoEnt = 44,
  NoExec = 45,
  NoLck = 46,
  NoLink = 47,
  NoMem = 48,
  NoMsg = 49,
  NoProtoOpt = 50,
  NoSpc = 51,
  NoSys = 52,
  NotConn = 53,
  NotDir = 54,
  NotEmpty = 55,
  NotRecoverable = 56,
  NotSock = 57,
  NotSup = 58,
  NotTy = 59,
  NXIO = 60,
  Overflow = 61,
  OwnerDead = 62,
  Perm = 63,
  Pipe = 64,
  Proto = 65,
  ProtoNoSupport = 66,
  ProtoType = 67,
  Range = 68,
  RoFS = 69,
  SPipe = 70,
  Srch = 71,
  Stale = 72,
  TimedOut = 73,
  TxtBsy = 74,
  XDev = 75,
  NotCapable = 76,
};

/// Maps a host errno value (from <cerrno>) to the WASI one; unknown values
/// become IO.
Errno errnoFromHost(int HostErrno);

/// witx `filetype` (u8).
enum Filetype : uint8_t {
  FiletypeUnknown = 0,
  FiletypeBlockDevice = 1,
  FiletypeCharacterDevice = 2,
  FiletypeDirectory = 3,
  FiletypeRegularFile = 4,
  FiletypeSocketDgram = 5,
  FiletypeSocketStream = 6,
  FiletypeSymbolicLink = 7,
};

/// witx `rights` (u64 bit set).
namespace rights {
constexpr uint64_t FdDatasync = 1ull << 0;
constexpr uint64_t FdRead = 1ull << 1;
constexpr uint64_t FdSeek = 1ull << 2;
constexpr uint64_t FdFdstatSetFlags = 1ull << 3;
constexpr uint64_t FdSync = 1ull << 4;
constexpr uint64_t FdTell = 1ull << 5;
constexpr uint64_t FdWrite = 1ull << 6;
constexpr uint64_t FdAdvise = 1ull << 7;
constexpr uint64_t FdAllocate = 1ull << 8;
constexpr uint64_t PathCreateDirectory = 1ull << 9;
constexpr uint64_t PathCreateFile = 1ull << 10;
constexpr uint64_t PathLinkSource = 1ull << 11;
constexpr uint64_t PathLinkTarget = 1ull << 12;
constexpr uint64_t PathOpen = 1ull << 13;
constexpr uint64_t FdReaddir = 1ull << 14;
constexpr uint64_t PathReadlink = 1ull << 15;
constexpr uint64_t PathRenameSource = 1ull << 16;
constexpr uint64_t PathRenameTarget = 1ull << 17;
constexpr uint64_t PathFilestatGet = 1ull << 18;
constexpr uint64_t PathFilestatSetSize = 1ull << 19;
constexpr uint64_t PathFilestatSetTimes = 1ull << 20;
constexpr uint64_t FdFilestatGet = 1ull << 21;
constexpr uint64_t FdFilestatSetSize = 1ull << 22;
constexpr uint64_t FdFilestatSetTimes = 1ull << 23;
constexpr uint64_t PathSymlink = 1ull << 24;
constexpr uint64_t PathRemoveDirectory = 1ull << 25;
constexpr uint64_t PathUnlinkFile = 1ull << 26;
constexpr uint64_t PollFdReadwrite = 1ull << 27;
constexpr uint64_t SockShutdown = 1ull << 28;
constexpr uint64_t SockAccept = 1ull << 29;
constexpr uint64_t All = (1ull << 30) - 1;
/// Rights that make the host open a file for reading / writing. fdatasync
/// works on a read-only descriptor, so FdDatasync is not among them.
constexpr uint64_t ReadAccess = FdRead | FdReaddir;
constexpr uint64_t WriteAccess = FdWrite | FdAllocate | FdFilestatSetSize;
/// The rights a directory descriptor can carry in its base set: the path_*
/// operations beneath it, readdir, its own stat and times, and fsync /
/// fdatasync (meaningful on Linux: they persist its entries). Reading,
/// writing, seeking and the other file-only operations are not among
/// them, so fd_fdstat_get never reports them on a directory; its
/// inheriting set carries them on to the files opened beneath it.
constexpr uint64_t DirectoryBase =
    PathCreateDirectory | PathCreateFile | PathLinkSource | PathLinkTarget |
    PathOpen | FdReaddir | PathReadlink | PathRenameSource | PathRenameTarget |
    PathFilestatGet | PathFilestatSetSize | PathFilestatSetTimes |
    FdFilestatGet | FdFilestatSetTimes | PathSymlink | PathRemoveDirectory |
    PathUnlinkFile | FdSync | FdDatasync;
/// The rights any other descriptor (file, device, socket) can carry: no
/// path_* rights and no readdir, which only a directory can use.
constexpr uint64_t FileBase =
    FdDatasync | FdRead | FdSeek | FdFdstatSetFlags | FdSync | FdTell |
    FdWrite | FdAdvise | FdAllocate | FdFilestatGet | FdFilestatSetSize |
    FdFilestatSetTimes | PollFdReadwrite | SockShutdown | SockAccept;
/// What a directory may hand on to what is opened beneath it.
constexpr uint64_t DirectoryInheriting = DirectoryBase | FileBase;
} // namespace rights

/// witx `fdflags` (u16).
constexpr uint16_t FdflagAppend = 1, FdflagDsync = 2, FdflagNonblock = 4,
                   FdflagRsync = 8, FdflagSync = 16;
/// witx `oflags` (u16).
constexpr uint16_t OflagCreat = 1, OflagDirectory = 2, OflagExcl = 4,
                   OflagTrunc = 8;
/// witx `lookupflags` (u32).
constexpr uint32_t LookupSymlinkFollow = 1;
/// witx `fstflags` (u16).
constexpr uint16_t FstflagAtim = 1, FstflagAtimNow = 2, FstflagMtim = 4,
                   FstflagMtimNow = 8;
/// witx `whence` (u8).
constexpr uint8_t WhenceSet = 0, WhenceCur = 1, WhenceEnd = 2;
/// witx `advice` (u8): normal .. noreuse.
constexpr uint8_t AdviceNormal = 0, AdviceSequential = 1, AdviceRandom = 2,
                  AdviceWillNeed = 3, AdviceDontNeed = 4, AdviceNoReuse = 5;
/// witx `clockid` (u32).
constexpr uint32_t ClockRealtime = 0, ClockMonotonic = 1,
                   ClockProcessCputime = 2, ClockThreadCputime = 3;
/// witx `eventtype` (u8), `subclockflags` (u16), `eventrwflags` (u16).
constexpr uint8_t EventClock = 0, EventFdRead = 1, EventFdWrite = 2;
constexpr uint16_t SubclockAbstime = 1;
constexpr uint16_t EventFdReadwriteHangup = 1;
/// witx `preopentype` (u8).
constexpr uint8_t PreopentypeDir = 0;

/// Struct layouts in guest memory (little-endian, offsets in bytes).
namespace layout {
// iovec / ciovec: buf (u32 pointer), buf_len (u32).
constexpr uint32_t IovecSize = 8;
// fdstat
constexpr uint32_t FdstatSize = 24, FdstatFiletype = 0, FdstatFlags = 2,
                   FdstatRightsBase = 8, FdstatRightsInheriting = 16;
// filestat
constexpr uint32_t FilestatSize = 64, FilestatDev = 0, FilestatIno = 8,
                   FilestatFiletype = 16, FilestatNlink = 24,
                   FilestatSize_ = 32, FilestatAtim = 40, FilestatMtim = 48,
                   FilestatCtim = 56;
// dirent (followed by d_namlen bytes of name, no NUL)
constexpr uint32_t DirentSize = 24, DirentNext = 0, DirentIno = 8,
                   DirentNamlen = 16, DirentType = 20;
// prestat: tag u8 at 0, then prestat_dir { pr_name_len u32 } at 4.
constexpr uint32_t PrestatSize = 8, PrestatTag = 0, PrestatNameLen = 4;
// subscription: userdata u64, then the tagged union at 8 (tag u8 at 8,
// payload at 16).
constexpr uint32_t SubscriptionSize = 48, SubUserdata = 0, SubTag = 8,
                   SubClockId = 16, SubClockTimeout = 24,
                   SubClockPrecision = 32, SubClockFlags = 40, SubFd = 16;
// event
constexpr uint32_t EventSize = 32, EventUserdata = 0, EventError = 8,
                   EventType = 10, EventNbytes = 16, EventFlags = 24;
} // namespace layout

} // namespace orca::wasi

#endif // ORCA_WASI_WASITYPES_H
