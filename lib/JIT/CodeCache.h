//===- JIT/CodeCache.h - A directory of compiled artifacts ------*- C++ -*-===//
//
// What this file owns: the on-disk compiled-code cache. Each entry is one
// serialized CompiledArtifact (JIT/Artifact.h, the .cwasm format) in a file
// named <hex key>.cwasm directly in the cache directory.
//
// Invariants:
//  - Nothing read from the cache is trusted: lookup() returns bytes, the
//    caller parses them (magic, version, checksum) and compares the key and
//    the module bytes before using the entry. A bad entry is a miss, and
//    the recompiled code replaces it.
//  - Writes are atomic: a temporary file in the same directory, then
//    rename() over the entry. Readers see the old entry or the new one,
//    never half of one; two processes storing the same entry both succeed
//    (the last rename wins; both wrote equal bytes). There is no fsync: a
//    crash may leave a torn file, which the checksum rejects.
//  - Entries are read, not mapped: a file truncated under a mapping would
//    fault (SIGBUS) outside JIT code, i.e. crash the process.
//  - Size limit, least recently used first: a hit refreshes the entry's
//    mtime; after each store, the oldest entries go until the total is
//    under the limit. Only files named like entries (and stale temporary
//    files) are ever removed, so a cache directory shared with anything
//    else is safe.
//  - Failures (unwritable directory, full disk) are never fatal: a store
//    that fails leaves the cache as it was.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_CODECACHE_H
#define ORCA_JIT_CODECACHE_H

#include "JIT/Artifact.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdint>
#include <memory>
#include <string>

namespace orca {

class CodeCache {
public:
  /// 512 MiB, as wasmtime's default soft limit.
  static constexpr uint64_t DefaultMaxBytes = uint64_t(512) << 20;

  /// A cache in \p Dir (created on the first store) holding at most
  /// \p MaxBytes of entries.
  CodeCache(std::string Dir, uint64_t MaxBytes = DefaultMaxBytes);

  /// $XDG_CACHE_HOME/orca when XDG_CACHE_HOME is an absolute path, else
  /// $HOME/.cache/orca; empty when neither is known.
  static std::string defaultDirectory();

  const std::string &directory() const { return Dir; }
  /// The file an entry lives in.
  std::string entryPath(const ArtifactKey &K) const;

  /// The entry's bytes, or null when there is none (or it cannot be read
  /// as a regular file). Not checked: see the file comment.
  std::unique_ptr<llvm::MemoryBuffer> lookup(const ArtifactKey &K) const;
  /// Marks the entry as just used (for eviction), after the caller has
  /// accepted it.
  void touch(const ArtifactKey &K) const;
  /// Writes the entry atomically, replacing whatever was there (a corrupt
  /// entry, even a directory in its place), then evicts down to the limit.
  /// An entry larger than the limit is not stored.
  llvm::Error store(const ArtifactKey &K, llvm::ArrayRef<char> Bytes) const;
  /// Removes least recently used entries until the total is at most the
  /// limit, and temporary files older than an hour (a writer that died).
  void evict() const;

private:
  std::string Dir;
  uint64_t MaxBytes;
};

} // namespace orca

#endif // ORCA_JIT_CODECACHE_H
