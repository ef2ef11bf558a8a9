//===- unittests/WASI/WasiPathsTest.cpp - The path sandbox ----------------===//
//
// Runs every case against both resolvers (openat2 and the component walk):
// they must agree, and neither may ever reach outside the start directory.
// The ForceOpenat2 cases are skipped where the kernel (or an emulator such as
// qemu-user 7.2) answers openat2 with ENOSYS.
//
//===----------------------------------------------------------------------===//

#include "WASI/WasiPaths.h"

#include "gtest/gtest.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define ORCA_TEST_HAVE_OPENAT2 1
#endif

using namespace orca::wasi;

namespace {

/// Why ResolveMode::ForceOpenat2 cannot be tested here, or "" if it can:
/// probes openat2 directly, as the resolver does.
std::string openat2Unavailable() {
#if defined(ORCA_TEST_HAVE_OPENAT2) && defined(SYS_openat2)
  struct open_how How;
  std::memset(&How, 0, sizeof(How));
  How.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  long Fd = syscall(SYS_openat2, AT_FDCWD, ".", &How, sizeof(How));
  if (Fd >= 0) {
    close(int(Fd));
    return "";
  }
  if (errno == ENOSYS)
    return "openat2 answers ENOSYS (kernel older than 5.6, a seccomp "
           "filter, or qemu-user without openat2)";
  return "";
#else
  return "built without <linux/openat2.h> or SYS_openat2";
#endif
}

class WasiPaths : public ::testing::TestWithParam<ResolveMode> {
protected:
  void SetUp() override {
    if (GetParam() == ResolveMode::ForceOpenat2) {
      static const std::string Why = openat2Unavailable();
      if (!Why.empty())
        GTEST_SKIP() << "ForceOpenat2 not tested: " << Why;
    }
    char Tmpl[] = "/tmp/orca-wasi-paths-XXXXXX";
    ASSERT_NE(mkdtemp(Tmpl), nullptr);
    Root = Tmpl;
    run("mkdir -p " + Root + "/sb/sub/deep " + Root + "/out");
    run("echo secret > " + Root + "/out/secret");
    run("echo inside > " + Root + "/sb/inside");
    run("ln -s ../out " + Root + "/sb/rel_out");
    run("ln -s " + Root + "/out " + Root + "/sb/abs_out");
    run("ln -s c2 " + Root + "/sb/c1 && ln -s sub/c3 " + Root + "/sb/c2");
    run("ln -s ../../out/secret " + Root + "/sb/sub/c3");
    run("ln -s ../inside " + Root + "/sb/sub/up");
    run("ln -s loop " + Root + "/sb/loop");
    run("ln -s ../out/newfile " + Root + "/sb/dangling_out");
    run("ln -s newfile_in " + Root + "/sb/dangling_in");
    Dir = ::open((Root + "/sb").c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(Dir, 0);
    setResolveMode(GetParam());
  }
  void TearDown() override {
    setResolveMode(ResolveMode::Auto);
    if (Dir >= 0)
      close(Dir);
    if (!Root.empty())
      run("rm -rf " + Root);
  }
  static void run(const std::string &Cmd) {
    ASSERT_EQ(std::system(Cmd.c_str()), 0) << Cmd;
  }
  Errno tryOpen(const char *Path, int Flags = O_RDONLY, bool Follow = true) {
    OpenResult R = openBeneath(Dir, Path, Flags, 0644, Follow);
    EXPECT_EQ(R.Fd.valid(), R.Err == Errno::Success) << Path;
    return R.Err;
  }

  std::string Root;
  int Dir = -1;
};

} // namespace

TEST_P(WasiPaths, InsideWorks) {
  EXPECT_EQ(tryOpen("inside"), Errno::Success);
  EXPECT_EQ(tryOpen("./sub/../inside"), Errno::Success);
  EXPECT_EQ(tryOpen("sub/up"), Errno::Success);
  EXPECT_EQ(tryOpen("sub/deep/../../inside"), Errno::Success);
  EXPECT_EQ(tryOpen("sub/", O_RDONLY | O_DIRECTORY), Errno::Success);
  EXPECT_EQ(tryOpen(".", O_RDONLY | O_DIRECTORY), Errno::Success);
}

TEST_P(WasiPaths, EscapesAreRefused) {
  EXPECT_EQ(tryOpen(".."), Errno::NotCapable);
  EXPECT_EQ(tryOpen("../out/secret"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("sub/../../out/secret"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("/etc/passwd"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("rel_out/secret"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("abs_out/secret"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("c1"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("sub/c3"), Errno::NotCapable);
  EXPECT_EQ(tryOpen("sub/deep/../../.."), Errno::NotCapable);
}

TEST_P(WasiPaths, CreationCannotEscape) {
  EXPECT_EQ(tryOpen("dangling_out", O_WRONLY | O_CREAT), Errno::NotCapable);
  EXPECT_EQ(tryOpen("rel_out/new", O_WRONLY | O_CREAT), Errno::NotCapable);
  struct stat St;
  EXPECT_NE(stat((Root + "/out/newfile").c_str(), &St), 0);
  EXPECT_NE(stat((Root + "/out/new").c_str(), &St), 0);
  // A dangling link inside creates its target inside.
  EXPECT_EQ(tryOpen("dangling_in", O_WRONLY | O_CREAT), Errno::Success);
}

TEST_P(WasiPaths, SymlinkRules) {
  EXPECT_EQ(tryOpen("loop"), Errno::Loop);
  // Not following the final link: opening it fails with LOOP.
  EXPECT_EQ(tryOpen("sub/up", O_RDONLY, /*Follow=*/false), Errno::Loop);
  EXPECT_EQ(tryOpen("inside/", O_RDONLY), Errno::NotDir);
  EXPECT_EQ(tryOpen("missing"), Errno::NoEnt);
  EXPECT_EQ(tryOpen(""), Errno::NoEnt);
}

TEST_P(WasiPaths, Parents) {
  ParentResult P = openParentBeneath(Dir, "sub/deep/name");
  ASSERT_EQ(P.Err, Errno::Success);
  EXPECT_EQ(P.Name, "name");
  P = openParentBeneath(Dir, "sub/..");
  ASSERT_EQ(P.Err, Errno::Success);
  EXPECT_EQ(P.Name, ".");
  P = openParentBeneath(Dir, "sub/");
  ASSERT_EQ(P.Err, Errno::Success);
  EXPECT_EQ(P.Name, "sub");
  EXPECT_TRUE(P.TrailingSlash);
  P = openParentBeneath(Dir, "name");
  ASSERT_EQ(P.Err, Errno::Success);
  EXPECT_EQ(P.Name, "name");
  if (GetParam() != ResolveMode::ForceOpenat2) {
    EXPECT_EQ(openParentBeneath(Dir, "../x").Err, Errno::NotCapable);
    EXPECT_EQ(openParentBeneath(Dir, "rel_out/x").Err, Errno::NotCapable);
    EXPECT_EQ(openParentBeneath(Dir, "..").Err, Errno::NotCapable);
  }
  EXPECT_EQ(openParentBeneath(Dir, "/x").Err, Errno::NotCapable);
  EXPECT_EQ(openParentBeneath(Dir, std::string("a\0b", 3)).Err, Errno::Inval);
}

INSTANTIATE_TEST_SUITE_P(Resolvers, WasiPaths,
                         ::testing::Values(ResolveMode::Auto,
                                           ResolveMode::ForceWalk,
                                           ResolveMode::ForceOpenat2));
