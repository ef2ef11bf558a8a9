//===- unittests/Text/ParseSpeedTest.cpp - MB/s on a large .wat -----------===//
//
// Runs only when ORCA_TEXT_BENCH_WAT names a .wat file: parses it a few
// times and prints MB/s (best run). With ORCA_TEXT_BENCH_WASM naming the
// same module as wat2wasm wrote it, also checks the bytes are the same.
//
//===----------------------------------------------------------------------===//

#include "Text/Wat.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

#include <chrono>
#include <cstdlib>

using namespace orca;

TEST(ParseSpeed, LargeWat) {
  const char *Path = std::getenv("ORCA_TEXT_BENCH_WAT");
  if (!Path || !*Path)
    GTEST_SKIP() << "set ORCA_TEXT_BENCH_WAT to a .wat file to measure";
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Buf)) << Path;
  llvm::StringRef Text = (*Buf)->getBuffer();
  WatOptions O;
  O.NameSection = false;
  double Best = 1e9;
  std::vector<uint8_t> Bytes;
  for (int I = 0; I < 3; ++I) {
    auto T0 = std::chrono::steady_clock::now();
    auto B = parseWat(Text, Path, O);
    auto T1 = std::chrono::steady_clock::now();
    ASSERT_TRUE(bool(B)) << llvm::toString(B.takeError());
    Best = std::min(Best, std::chrono::duration<double>(T1 - T0).count());
    Bytes = std::move(*B);
  }
  std::printf("%s: %.1f MB in %.3f s: %.1f MB/s, %zu bytes of binary\n", Path,
              Text.size() / 1e6, Best, Text.size() / 1e6 / Best, Bytes.size());
  if (const char *Ref = std::getenv("ORCA_TEXT_BENCH_WASM")) {
    auto R = llvm::MemoryBuffer::getFile(Ref);
    ASSERT_TRUE(bool(R)) << Ref;
    llvm::StringRef RB = (*R)->getBuffer();
    EXPECT_EQ(std::string(Bytes.begin(), Bytes.end()), RB.str())
        << "differs from " << Ref;
  }
}
