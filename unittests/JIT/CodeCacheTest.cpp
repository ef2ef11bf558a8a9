//===- unittests/JIT/CodeCacheTest.cpp - The cache directory --------------===//
//
// Store and lookup, replacing whatever sits at an entry's name, the size
// limit with least-recently-used eviction, and what eviction leaves alone.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeCache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <fcntl.h>
#include <sys/stat.h>

using namespace orca;

namespace {

class CodeCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("orca-cache-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  static ArtifactKey key(uint8_t N) {
    ArtifactKey K{};
    K[0] = N;
    return K;
  }
  static std::vector<char> bytes(size_t N, char C) {
    return std::vector<char>(N, C);
  }
  /// Sets the entry's mtime to \p Secs since the epoch.
  static void age(const std::string &Path, time_t Secs) {
    timespec T[2] = {{Secs, 0}, {Secs, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, Path.c_str(), T, 0), 0);
  }
  std::string path(const char *Name) { return (Dir + "/" + Name).str(); }

  llvm::SmallString<128> Dir;
};

TEST_F(CodeCacheTest, StoreThenLookup) {
  CodeCache C((Dir + "/sub/dir").str());
  EXPECT_EQ(C.lookup(key(1)), nullptr);
  ASSERT_FALSE(bool(C.store(key(1), bytes(100, 'a'))));
  auto B = C.lookup(key(1));
  ASSERT_NE(B, nullptr);
  EXPECT_EQ(B->getBuffer(), std::string(100, 'a'));
  EXPECT_EQ(C.lookup(key(2)), nullptr);
  // Stores replace.
  ASSERT_FALSE(bool(C.store(key(1), bytes(10, 'b'))));
  EXPECT_EQ(C.lookup(key(1))->getBuffer(), std::string(10, 'b'));
  // No temporary file is left behind.
  std::error_code EC;
  int Files = 0;
  for (llvm::sys::fs::directory_iterator It(C.directory(), EC), End;
       It != End && !EC; It.increment(EC))
    ++Files;
  EXPECT_EQ(Files, 1);
}

TEST_F(CodeCacheTest, ADirectoryAtAnEntryIsReplaced) {
  CodeCache C(Dir.str().str());
  std::string P = C.entryPath(key(3));
  ASSERT_FALSE(llvm::sys::fs::create_directories(P + "/inner"));
  EXPECT_EQ(C.lookup(key(3)), nullptr);
  ASSERT_FALSE(bool(C.store(key(3), bytes(5, 'c'))));
  ASSERT_NE(C.lookup(key(3)), nullptr);
  EXPECT_EQ(C.lookup(key(3))->getBuffer(), "ccccc");
}

TEST_F(CodeCacheTest, EvictsLeastRecentlyUsedBeyondTheLimit) {
  CodeCache C(Dir.str().str(), 250);
  for (uint8_t K = 1; K <= 2; ++K)
    ASSERT_FALSE(bool(C.store(key(K), bytes(100, 'x'))));
  age(C.entryPath(key(1)), 1000);
  age(C.entryPath(key(2)), 2000);
  C.touch(key(1)); // now the most recently used
  ASSERT_FALSE(bool(C.store(key(3), bytes(100, 'y'))));
  EXPECT_NE(C.lookup(key(1)), nullptr);
  EXPECT_EQ(C.lookup(key(2)), nullptr) << "the oldest entry was kept";
  EXPECT_NE(C.lookup(key(3)), nullptr);
  // Larger than the whole limit: not stored, nothing evicted for it.
  ASSERT_FALSE(bool(C.store(key(4), bytes(300, 'z'))));
  EXPECT_EQ(C.lookup(key(4)), nullptr);
  EXPECT_NE(C.lookup(key(1)), nullptr);
}

TEST_F(CodeCacheTest, EvictionRemovesOnlyItsOwnFiles) {
  CodeCache C(Dir.str().str(), 10);
  {
    std::error_code EC;
    llvm::raw_fd_ostream(path("notes.txt"), EC) << std::string(100, 'n');
    llvm::raw_fd_ostream(path("old-writer.tmp"), EC) << "t";
    llvm::raw_fd_ostream(path("new-writer.tmp"), EC) << "t";
  }
  age(path("old-writer.tmp"), 1000);
  C.evict();
  EXPECT_TRUE(llvm::sys::fs::exists(path("notes.txt")));
  EXPECT_TRUE(llvm::sys::fs::exists(path("new-writer.tmp")));
  EXPECT_FALSE(llvm::sys::fs::exists(path("old-writer.tmp")));
}

TEST(CodeCacheDefaultTest, FollowsXDGThenHome) {
  std::string OldX = getenv("XDG_CACHE_HOME") ? getenv("XDG_CACHE_HOME") : "";
  std::string OldH = getenv("HOME") ? getenv("HOME") : "";
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  setenv("HOME", "/home/u", 1);
  EXPECT_EQ(CodeCache::defaultDirectory(), "/xdg/orca");
  setenv("XDG_CACHE_HOME", "relative", 1); // ignored, as the spec says
  EXPECT_EQ(CodeCache::defaultDirectory(), "/home/u/.cache/orca");
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(CodeCache::defaultDirectory(), "/home/u/.cache/orca");
  if (!OldX.empty())
    setenv("XDG_CACHE_HOME", OldX.c_str(), 1);
  setenv("HOME", OldH.c_str(), 1);
}

} // namespace
