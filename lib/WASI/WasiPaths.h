//===- WASI/WasiPaths.h - Sandboxed path resolution -------------*- C++ -*-===//
//
// Owns the sandbox: every guest path is resolved relative to a directory
// descriptor and may never name anything outside it. Absolute paths,
// `..` climbing above the start directory, absolute symlinks, and relative
// symlinks (or chains of them) that lead outside all fail with NOTCAPABLE.
// Symlinks that stay inside are followed as usual.
//
// On Linux >= 5.6 the kernel does the work: openat2(RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS). Otherwise (or when forced, for tests) an
// equally strict walk opens one component at a time with O_NOFOLLOW,
// keeping a stack of the directories it entered: `..` pops that stack
// (never the filesystem's own `..`), and each symlink's target is read and
// spliced into the remaining components, with absolute targets refused and
// at most MaxSymlinks expansions (then LOOP).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASIPATHS_H
#define ORCA_WASI_WASIPATHS_H

#include "WASI/HostFd.h"
#include "WASI/WasiTypes.h"

#include <string>
#include <string_view>
#include <sys/types.h>

namespace orca::wasi {

enum class ResolveMode {
  Auto,         ///< openat2 when the kernel has it, else the walk
  ForceWalk,    ///< always the component walk (tests)
  ForceOpenat2, ///< openat2 only; ENOSYS is returned as NOSYS (tests)
};
void setResolveMode(ResolveMode M);

constexpr unsigned MaxSymlinks = 40;

/// A host descriptor or the WASI error that prevented it.
struct OpenResult {
  UniqueFd Fd;
  Errno Err = Errno::Success;
};

/// Opens \p Path beneath \p DirFd with open(2) \p Flags (O_CLOEXEC and
/// O_NOCTTY are added) and \p Mode for O_CREAT. When \p FollowFinal is
/// false a final symlink is not followed (opening it fails with LOOP unless
/// Flags has O_PATH, which opens the link itself).
OpenResult openBeneath(int DirFd, std::string_view Path, int Flags, mode_t Mode,
                       bool FollowFinal);

/// For operations on a name inside a directory (unlink, mkdir, rename,
/// symlink, link, readlink, stat without following): the directory that
/// holds the last component, opened beneath \p DirFd (O_PATH), and that
/// component, never containing '/' and never "..". A last component of
/// "." or ".." is turned into the directory it names plus the name ".".
struct ParentResult {
  UniqueFd Dir;
  std::string Name;
  /// The path ended in '/': the object must be a directory.
  bool TrailingSlash = false;
  Errno Err = Errno::Success;
};
ParentResult openParentBeneath(int DirFd, std::string_view Path);

/// Common checks on a guest path before resolution: empty (NOENT),
/// embedded NUL (INVAL), absolute (NOTCAPABLE).
Errno checkGuestPath(std::string_view Path);

} // namespace orca::wasi

#endif // ORCA_WASI_WASIPATHS_H
