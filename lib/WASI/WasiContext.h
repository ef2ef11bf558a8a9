//===- WASI/WasiContext.h - State of one WASI guest -------------*- C++ -*-===//
//
// Owns everything a WASI guest sees of the host: its arguments and
// environment (exactly what the embedder configured), the descriptor table
// (stdio, preopened directories, files the guest opened), and the exit code
// once the guest called proc_exit.
//
// Descriptors: 0..2 are duplicates of the host's stdio (so the guest closing
// them never closes wasm-run's own), preopens follow from 3 in the order
// given, contiguously, because wasi-libc discovers them by calling
// fd_prestat_get on 3, 4, ... until BADF. New descriptors take the lowest
// free number.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_WASI_WASICONTEXT_H
#define ORCA_WASI_WASICONTEXT_H

#include "WASI/HostFd.h"
#include "WASI/WasiTypes.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orca::wasi {

struct Preopen {
  std::string HostPath;
  std::string GuestPath;
};

struct WasiConfig {
  std::vector<std::string> Args;
  /// "NAME=VALUE" strings, in order.
  std::vector<std::string> Env;
  std::vector<Preopen> Preopens;
  /// Host descriptors behind the guest's 0, 1, 2 (duplicated on creation).
  int Stdin = 0, Stdout = 1, Stderr = 2;
};

/// One entry of fd_readdir's snapshot.
struct DirEntry {
  uint64_t Ino;
  uint8_t Type;
  std::string Name;
};

struct FdEntry {
  UniqueFd Host;
  uint8_t Type = FiletypeUnknown;
  uint64_t RightsBase = 0;
  uint64_t RightsInheriting = 0;
  /// For preopened directories: the name the guest sees.
  std::optional<std::string> PreopenName;
  /// fd_readdir's snapshot of the directory, taken when cookie 0 is asked
  /// for, so that cookies (entry indices) stay stable across calls.
  std::vector<DirEntry> DirSnapshot;
  bool HasSnapshot = false;
};

/// The guest called proc_exit(Code). Carried as a host callback's error so
/// the guest stops; embedders also find the code in WasiContext::exitCode()
/// because the runtime may turn the error into a HostError trap.
class WasiExit : public llvm::ErrorInfo<WasiExit> {
public:
  static char ID;
  explicit WasiExit(uint32_t Code) : Code(Code) {}
  uint32_t code() const { return Code; }
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  uint32_t Code;
};

class WasiContext {
public:
  /// Opens the preopened directories and duplicates stdio. Fails with a
  /// Usage error naming a directory that cannot be opened.
  static llvm::Expected<std::unique_ptr<WasiContext>>
  create(const WasiConfig &Config);

  const std::vector<std::string> &args() const { return Args; }
  const std::vector<std::string> &env() const { return Env; }

  /// The entry for \p Fd, or null.
  FdEntry *lookup(uint32_t Fd);
  /// lookup() that also requires every right in \p Needed: BADF when
  /// there is no such descriptor, NOTCAPABLE when a right is missing.
  Errno get(uint32_t Fd, uint64_t Needed, FdEntry *&Out);
  /// get() for the operations on an open file's contents or offset (read,
  /// write, seek, tell, advise, allocate, set size, set flags): a directory
  /// descriptor is BADF, as in wasmtime, whatever rights it holds.
  Errno getFile(uint32_t Fd, uint64_t Needed, FdEntry *&Out);
  /// get() for the operations that take a directory (path_*, readdir): a
  /// descriptor of another type is NOTDIR, checked before the rights, so a
  /// file opened with no rights at all still answers NOTDIR.
  Errno getDir(uint32_t Fd, uint64_t Needed, FdEntry *&Out);
  /// Installs \p E at the lowest free number (MFILE when full).
  Errno insert(FdEntry E, uint32_t &FdOut);
  Errno close(uint32_t Fd);
  Errno renumber(uint32_t From, uint32_t To);

  void setExitCode(uint32_t Code) { Exit = Code; }
  std::optional<uint32_t> exitCode() const { return Exit; }

  /// The filetype and default rights of a host descriptor (used for stdio
  /// and for files the guest opens).
  static uint8_t filetypeOf(int HostFd);
  static uint8_t filetypeFromMode(unsigned Mode);
  /// The base rights a descriptor of \p Type can hold: rights::DirectoryBase
  /// for a directory, rights::FileBase for anything else.
  static uint64_t baseRightsFor(uint8_t Type);

private:
  WasiContext() = default;
  std::vector<std::string> Args, Env;
  std::map<uint32_t, FdEntry> Fds;
  std::optional<uint32_t> Exit;
};

} // namespace orca::wasi

#endif // ORCA_WASI_WASICONTEXT_H
