//===- JIT/CodeCache.cpp - A directory of compiled artifacts --------------===//
//
// What this file owns: entry file names, the atomic write, and LRU
// eviction by mtime (see CodeCache.h for the invariants).
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeCache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

using namespace llvm;
using namespace orca;

static constexpr StringLiteral EntrySuffix = ".cwasm";
static constexpr StringLiteral TempSuffix = ".tmp";

CodeCache::CodeCache(std::string Dir, uint64_t MaxBytes)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes) {}

std::string CodeCache::defaultDirectory() {
  if (const char *X = std::getenv("XDG_CACHE_HOME");
      X && sys::path::is_absolute(X))
    return (Twine(X) + "/orca").str();
  SmallString<128> Home;
  if (const char *H = std::getenv("HOME"); H && *H)
    Home = H;
  else if (!sys::path::home_directory(Home))
    return "";
  return (Home + "/.cache/orca").str();
}

std::string CodeCache::entryPath(const ArtifactKey &K) const {
  return Dir + "/" + toHex(K) + EntrySuffix.str();
}

/// A name entryPath() makes: 64 lowercase hex digits and the suffix.
static bool isEntryName(StringRef Name) {
  if (!Name.consume_back(EntrySuffix) || Name.size() != 64)
    return false;
  return llvm::all_of(Name, [](char C) {
    return (C >= '0' && C <= '9') || (C >= 'a' && C <= 'f');
  });
}

std::unique_ptr<MemoryBuffer> CodeCache::lookup(const ArtifactKey &K) const {
  std::string Path = entryPath(K);
  sys::fs::file_status St;
  if (sys::fs::status(Path, St) ||
      St.type() != sys::fs::file_type::regular_file)
    return nullptr;
  // Volatile: read into memory, never mapped (CodeCache.h).
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false,
                                   /*IsVolatile=*/true);
  if (!Buf)
    return nullptr;
  return std::move(*Buf);
}

void CodeCache::touch(const ArtifactKey &K) const {
  // Best effort: a read-only cache still serves hits.
  (void)::utimensat(AT_FDCWD, entryPath(K).c_str(), nullptr, 0);
}

Error CodeCache::store(const ArtifactKey &K, ArrayRef<char> Bytes) const {
  if (Bytes.size() > MaxBytes)
    return Error::success();
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return createFileError(Dir, EC);
  SmallString<128> Temp;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(
          Dir + "/" + toHex(K) + "-%%%%%%%%" + TempSuffix, FD, Temp))
    return createFileError(Dir, EC);
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS.write(Bytes.data(), Bytes.size());
    OS.close();
    if (std::error_code EC = OS.error()) {
      OS.clear_error();
      sys::fs::remove(Temp);
      return createFileError(Temp, EC);
    }
  }
  std::string Path = entryPath(K);
  std::error_code EC = sys::fs::rename(Temp, Path);
  if (EC && sys::fs::is_directory(Path)) {
    // Not ours to keep: the name is an entry's. Remove it and try again.
    (void)sys::fs::remove_directories(Path);
    EC = sys::fs::rename(Temp, Path);
  }
  if (EC) {
    sys::fs::remove(Temp);
    return createFileError(Path, EC);
  }
  evict();
  return Error::success();
}

void CodeCache::evict() const {
  struct Entry {
    std::string Path;
    uint64_t Size;
    sys::TimePoint<> MTime;
  };
  std::vector<Entry> Entries;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    StringRef Name = sys::path::filename(It->path());
    bool IsEntry = isEntryName(Name);
    if (!IsEntry && !Name.ends_with(TempSuffix))
      continue;
    sys::fs::file_status St;
    if (sys::fs::status(It->path(), St) ||
        St.type() != sys::fs::file_type::regular_file)
      continue;
    if (!IsEntry) {
      // Another process may be writing it right now; an hour-old one is
      // from a writer that died.
      if (Now - St.getLastModificationTime() > std::chrono::hours(1))
        sys::fs::remove(It->path());
      continue;
    }
    Entries.push_back({It->path(), St.getSize(), St.getLastModificationTime()});
    Total += St.getSize();
  }
  if (Total <= MaxBytes)
    return;
  std::sort(Entries.begin(), Entries.end(),
            [](const Entry &A, const Entry &B) { return A.MTime < B.MTime; });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    // Another process may have removed it already; either way it is gone.
    sys::fs::remove(E.Path);
    Total -= E.Size;
  }
}
