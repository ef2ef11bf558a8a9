//===- WASI/WasiContext.cpp - State of one WASI guest ---------------------===//
//
// Implements the descriptor table and the context's set-up.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiContext.h"
#include "Support/Error.h"

#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

using namespace orca;
using namespace orca::wasi;

char WasiExit::ID = 0;

void WasiExit::log(llvm::raw_ostream &OS) const {
  OS << "wasi: proc_exit(" << Code << ")";
}

/// The largest number the table hands out; far above any host limit, it
/// only keeps the search for a free number bounded.
static constexpr uint32_t MaxFds = 1u << 20;

uint8_t WasiContext::filetypeFromMode(unsigned Mode) {
  switch (Mode & S_IFMT) {
  case S_IFREG:
    return FiletypeRegularFile;
  case S_IFDIR:
    return FiletypeDirectory;
  case S_IFCHR:
    return FiletypeCharacterDevice;
  case S_IFBLK:
    return FiletypeBlockDevice;
  case S_IFLNK:
    return FiletypeSymbolicLink;
  case S_IFSOCK:
    return FiletypeSocketStream;
  default:
    return FiletypeUnknown; // FIFOs have no WASI type
  }
}

uint8_t WasiContext::filetypeOf(int HostFd) {
  struct stat St;
  if (fstat(HostFd, &St) != 0)
    return FiletypeUnknown;
  return filetypeFromMode(St.st_mode);
}

/// Rights of a stdio descriptor. Non-seekable ones lack SEEK and TELL,
/// which is how wasi-libc's isatty() recognises a terminal.
static uint64_t stdioRights(int HostFd, uint8_t Type) {
  uint64_t R = rights::All &
               ~(rights::PathCreateDirectory | rights::PathCreateFile |
                 rights::PathLinkSource | rights::PathLinkTarget |
                 rights::PathOpen | rights::FdReaddir | rights::PathReadlink |
                 rights::PathRenameSource | rights::PathRenameTarget |
                 rights::PathFilestatGet | rights::PathFilestatSetSize |
                 rights::PathFilestatSetTimes | rights::PathSymlink |
                 rights::PathRemoveDirectory | rights::PathUnlinkFile);
  if (Type != FiletypeRegularFile && Type != FiletypeBlockDevice)
    R &= ~(rights::FdSeek | rights::FdTell);
  return R;
}

llvm::Expected<std::unique_ptr<WasiContext>>
WasiContext::create(const WasiConfig &Config) {
  std::unique_ptr<WasiContext> C(new WasiContext());
  C->Args = Config.Args;
  C->Env = Config.Env;
  int Std[3] = {Config.Stdin, Config.Stdout, Config.Stderr};
  for (uint32_t I = 0; I < 3; ++I) {
    int Fd = fcntl(Std[I], F_DUPFD_CLOEXEC, 3);
    if (Fd < 0)
      continue; // the host's descriptor is closed: so is the guest's
    FdEntry E;
    E.Host.reset(Fd);
    E.Type = filetypeOf(Fd);
    E.RightsBase = stdioRights(Fd, E.Type);
    E.RightsInheriting = 0;
    C->Fds.emplace(I, std::move(E));
  }
  uint32_t Next = 3;
  for (const Preopen &P : Config.Preopens) {
    int Fd = open(P.HostPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (Fd < 0)
      return makeError(ErrorKind::Usage, "cannot open directory '" +
                                             P.HostPath +
                                             "': " + std::strerror(errno));
    FdEntry E;
    E.Host.reset(Fd);
    E.Type = FiletypeDirectory;
    E.RightsBase = rights::DirectoryBase;
    E.RightsInheriting = rights::DirectoryInheriting;
    E.PreopenName = P.GuestPath;
    C->Fds.emplace(Next++, std::move(E));
  }
  return C;
}

FdEntry *WasiContext::lookup(uint32_t Fd) {
  auto It = Fds.find(Fd);
  return It == Fds.end() ? nullptr : &It->second;
}

Errno WasiContext::get(uint32_t Fd, uint64_t Needed, FdEntry *&Out) {
  Out = lookup(Fd);
  if (!Out)
    return Errno::BadF;
  if ((Out->RightsBase & Needed) != Needed)
    return Errno::NotCapable;
  return Errno::Success;
}

Errno WasiContext::getFile(uint32_t Fd, uint64_t Needed, FdEntry *&Out) {
  Out = lookup(Fd);
  if (!Out || Out->Type == FiletypeDirectory)
    return Errno::BadF;
  return get(Fd, Needed, Out);
}

Errno WasiContext::getDir(uint32_t Fd, uint64_t Needed, FdEntry *&Out) {
  Out = lookup(Fd);
  if (!Out)
    return Errno::BadF;
  if (Out->Type != FiletypeDirectory)
    return Errno::NotDir;
  return get(Fd, Needed, Out);
}

uint64_t WasiContext::baseRightsFor(uint8_t Type) {
  return Type == FiletypeDirectory ? rights::DirectoryBase : rights::FileBase;
}

Errno WasiContext::insert(FdEntry E, uint32_t &FdOut) {
  uint32_t N = 0;
  for (auto &[K, V] : Fds) {
    if (K != N)
      break;
    ++N;
  }
  if (N >= MaxFds)
    return Errno::MFile;
  Fds.emplace(N, std::move(E));
  FdOut = N;
  return Errno::Success;
}

Errno WasiContext::close(uint32_t Fd) {
  auto It = Fds.find(Fd);
  if (It == Fds.end())
    return Errno::BadF;
  Fds.erase(It);
  return Errno::Success;
}

Errno WasiContext::renumber(uint32_t From, uint32_t To) {
  auto F = Fds.find(From);
  auto T = Fds.find(To);
  if (F == Fds.end() || T == Fds.end())
    return Errno::BadF;
  if (From == To)
    return Errno::Success;
  T->second = std::move(F->second);
  Fds.erase(F);
  return Errno::Success;
}
