//===- WASI/WasiPaths.cpp - Sandboxed path resolution ---------------------===//
//
// Implements openBeneath() with openat2 or the component walk (see
// WasiPaths.h for the rules both enforce). The walk never hands the kernel
// more than one component at a time and always with O_NOFOLLOW, so the
// kernel never follows a symlink or a `..` on its behalf.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiPaths.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define ORCA_HAVE_OPENAT2_HEADER 1
#endif

using namespace orca::wasi;

static std::atomic<ResolveMode> Mode{ResolveMode::Auto};
/// Auto mode: 1 until openat2 answered ENOSYS (old kernel, or a seccomp
/// filter that hides it), then 0 for the rest of the process.
static std::atomic<int> Openat2Works{1};

void orca::wasi::setResolveMode(ResolveMode M) { Mode = M; }

Errno orca::wasi::checkGuestPath(std::string_view Path) {
  if (Path.empty())
    return Errno::NoEnt;
  if (Path.find('\0') != std::string_view::npos)
    return Errno::Inval;
  if (Path.front() == '/')
    return Errno::NotCapable;
  return Errno::Success;
}

static void splitInto(std::string_view Path, std::deque<std::string> &Out,
                      bool Front) {
  std::vector<std::string> Parts;
  size_t I = 0;
  while (I <= Path.size()) {
    size_t J = Path.find('/', I);
    if (J == std::string_view::npos)
      J = Path.size();
    std::string_view C = Path.substr(I, J - I);
    if (!C.empty() && C != ".")
      Parts.emplace_back(C);
    I = J + 1;
  }
  // A trailing '/' (or a trailing "." / "..") means "this names a
  // directory": resolve it as one and open "." in it.
  if (!Path.empty() &&
      (Path.back() == '/' || (!Parts.empty() && Parts.back() == "..") ||
       Path == "." || Path.ends_with("/.")))
    Parts.emplace_back(".");
  if (Front)
    Out.insert(Out.begin(), Parts.begin(), Parts.end());
  else
    Out.insert(Out.end(), Parts.begin(), Parts.end());
}

/// The component walk. \p Flags already holds O_CLOEXEC | O_NOCTTY.
static OpenResult walkBeneath(int DirFd, std::string_view Path, int Flags,
                              mode_t OpenMode, bool FollowFinal) {
  std::deque<std::string> Comps;
  splitInto(Path, Comps, /*Front=*/false);
  if (Comps.empty())
    Comps.emplace_back(".");
  // Directories entered so far; the current one is Stack.back() (or DirFd
  // when empty). `..` pops, so it can never leave DirFd.
  std::vector<UniqueFd> Stack;
  unsigned Links = 0;
  auto Cur = [&] { return Stack.empty() ? DirFd : Stack.back().get(); };

  // Reads the symlink Name in the current directory and splices its target
  // in front of the remaining components. Returns Success when it was a
  // symlink, Inval when it was not, or the error.
  auto Splice = [&](const std::string &Name) -> Errno {
    char Buf[4096];
    ssize_t N = readlinkat(Cur(), Name.c_str(), Buf, sizeof(Buf));
    if (N < 0)
      return errno == EINVAL ? Errno::Inval : errnoFromHost(errno);
    if (size_t(N) == sizeof(Buf))
      return Errno::NameTooLong;
    if (++Links > MaxSymlinks)
      return Errno::Loop;
    std::string_view Target(Buf, size_t(N));
    if (Target.empty())
      return Errno::NoEnt;
    if (Target.front() == '/')
      return Errno::NotCapable;
    splitInto(Target, Comps, /*Front=*/true);
    return Errno::Success;
  };

  while (!Comps.empty()) {
    std::string C = std::move(Comps.front());
    Comps.pop_front();
    bool Last = Comps.empty();
    if (C == "..") {
      if (Stack.empty())
        return {UniqueFd(), Errno::NotCapable};
      Stack.pop_back();
      if (Last)
        Comps.emplace_back(".");
      continue;
    }
    if (C == ".") {
      if (!Last)
        continue;
      int Fd = openat(Cur(), ".", Flags, OpenMode);
      if (Fd < 0)
        return {UniqueFd(), errnoFromHost(errno)};
      return {UniqueFd(Fd), Errno::Success};
    }
    if (!Last) {
      int Fd = openat(Cur(), C.c_str(),
                      O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (Fd >= 0) {
        Stack.emplace_back(Fd);
        continue;
      }
      int E = errno;
      if (E != ENOTDIR && E != ELOOP)
        return {UniqueFd(), errnoFromHost(E)};
      Errno S = Splice(C);
      if (S == Errno::Inval) // not a symlink: a file used as a directory
        return {UniqueFd(), Errno::NotDir};
      if (S != Errno::Success)
        return {UniqueFd(), S};
      continue;
    }
    // The last component.
    if (FollowFinal) {
      Errno S = Splice(C);
      if (S == Errno::Success)
        continue;
      if (S != Errno::Inval && S != Errno::NoEnt)
        return {UniqueFd(), S};
    }
    int Fd = openat(Cur(), C.c_str(), Flags | O_NOFOLLOW, OpenMode);
    if (Fd < 0)
      return {UniqueFd(), errnoFromHost(errno)};
    return {UniqueFd(Fd), Errno::Success};
  }
  return {UniqueFd(), Errno::NoEnt};
}

#ifdef ORCA_HAVE_OPENAT2_HEADER
/// One openat2 attempt. Returns false when openat2 is unavailable.
static bool tryOpenat2(int DirFd, std::string_view Path, int Flags,
                       mode_t OpenMode, bool FollowFinal, OpenResult &R) {
  std::string P(Path);
  struct open_how How;
  std::memset(&How, 0, sizeof(How));
  How.flags = uint64_t(Flags | (FollowFinal ? 0 : O_NOFOLLOW));
  // The kernel rejects a mode without O_CREAT/O_TMPFILE (and O_TMPFILE
  // contains the O_DIRECTORY bit, so test it whole).
  bool TakesMode = (Flags & O_CREAT) || (Flags & O_TMPFILE) == O_TMPFILE;
  How.mode = TakesMode ? OpenMode : 0;
  How.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (int Attempt = 0; Attempt < 16; ++Attempt) {
    long Fd = syscall(SYS_openat2, DirFd, P.c_str(), &How, sizeof(How));
    if (Fd >= 0) {
      R = {UniqueFd(int(Fd)), Errno::Success};
      return true;
    }
    int E = errno;
    if (E == ENOSYS)
      return false;
    // EAGAIN: a concurrent rename made the kernel unsure; just retry.
    if (E == EAGAIN || E == EINTR)
      continue;
    // EXDEV: the walk would have left DirFd (`..`, absolute symlink,
    // symlink pointing outside).
    R = {UniqueFd(), E == EXDEV ? Errno::NotCapable : errnoFromHost(E)};
    return true;
  }
  R = {UniqueFd(), Errno::Again};
  return true;
}
#endif

OpenResult orca::wasi::openBeneath(int DirFd, std::string_view Path, int Flags,
                                   mode_t OpenMode, bool FollowFinal) {
  if (Errno E = checkGuestPath(Path); E != Errno::Success)
    return {UniqueFd(), E};
  // openat2 refuses O_PATH with any flag but O_CLOEXEC, O_DIRECTORY and
  // O_NOFOLLOW.
  Flags |= O_CLOEXEC | ((Flags & O_PATH) ? 0 : O_NOCTTY);
  ResolveMode M = Mode.load();
#ifdef ORCA_HAVE_OPENAT2_HEADER
  if (M == ResolveMode::ForceOpenat2 ||
      (M == ResolveMode::Auto && Openat2Works.load())) {
    OpenResult R;
    if (tryOpenat2(DirFd, Path, Flags, OpenMode, FollowFinal, R))
      return R;
    if (M == ResolveMode::ForceOpenat2)
      return {UniqueFd(), Errno::NoSys};
    Openat2Works = 0;
  }
#else
  if (M == ResolveMode::ForceOpenat2)
    return {UniqueFd(), Errno::NoSys};
#endif
  return walkBeneath(DirFd, Path, Flags, OpenMode, FollowFinal);
}

ParentResult orca::wasi::openParentBeneath(int DirFd, std::string_view Path) {
  ParentResult R;
  if (Errno E = checkGuestPath(Path); E != Errno::Success) {
    R.Err = E;
    return R;
  }
  while (Path.size() > 1 && Path.back() == '/') {
    Path.remove_suffix(1);
    R.TrailingSlash = true;
  }
  size_t Slash = Path.rfind('/');
  std::string_view DirPart = Slash == std::string_view::npos
                                 ? std::string_view(".")
                                 : Path.substr(0, Slash);
  std::string_view Name =
      Slash == std::string_view::npos ? Path : Path.substr(Slash + 1);
  if (Name == "." || Name == "..") {
    // "a/.." names a directory; operate on "." inside it so that the
    // name handed to the *at() call can never step outside.
    DirPart = Path;
    Name = ".";
  }
  if (DirPart.empty())
    DirPart = ".";
  OpenResult D = openBeneath(DirFd, DirPart, O_PATH | O_DIRECTORY, 0,
                             /*FollowFinal=*/true);
  if (D.Err != Errno::Success) {
    R.Err = D.Err;
    return R;
  }
  R.Dir = std::move(D.Fd);
  R.Name = std::string(Name);
  return R;
}
