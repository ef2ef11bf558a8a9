//===- unittests/API/SerializeTest.cpp - Precompiled modules and the cache ===//
//
// Module::serialize / deserialize / deserializeFile and Config::CacheDir,
// through the public API only.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace orca;

namespace {

std::vector<uint8_t> plainWasm() {
  std::ifstream In(std::string(ORCA_API_INPUTS) + "/plain.wasm",
                   std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

int64_t fac(const Engine &E, const Module &M, int64_t N) {
  Store S(E);
  Instance I = Instance::create(S, M).value();
  return I.getTypedFunc<int64_t(int64_t)>(S, "fac").value().call(S, N).value();
}

TEST(SerializeTest, RoundTripThroughBytesAndFiles) {
  Engine E = Engine::create().value();
  Module M = Module::compile(E, plainWasm()).value();
  std::vector<uint8_t> Bytes = M.serialize().value();

  Module Back = Module::deserialize(E, Bytes).value();
  EXPECT_EQ(fac(E, Back, 10), 3628800);
  ASSERT_EQ(Back.exports().size(), M.exports().size());
  EXPECT_EQ(Back.exports()[0].Name, M.exports()[0].Name);

  // Another engine of the same configuration loads it too, from a file.
  std::string Path = testing::TempDir() + "/orca-serialize-test.cwasm";
  std::ofstream(Path, std::ios::binary)
      .write(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
  Engine E2 = Engine::create().value();
  Module FromFile = Module::deserializeFile(E2, Path).value();
  EXPECT_EQ(fac(E2, FromFile, 5), 120);
  std::remove(Path.c_str());
}

TEST(SerializeTest, BadBytesAreErrors) {
  Engine E = Engine::create().value();
  std::vector<uint8_t> Bytes =
      Module::compile(E, plainWasm()).value().serialize().value();
  Result<Module> Wasm = Module::deserialize(E, plainWasm());
  ASSERT_FALSE(Wasm.ok());
  EXPECT_EQ(Wasm.error().kind(), ErrorKind::Malformed);
  Bytes.pop_back();
  Result<Module> Short = Module::deserialize(E, Bytes);
  ASSERT_FALSE(Short.ok());
  EXPECT_EQ(Short.error().kind(), ErrorKind::Malformed);
  Result<Module> NoFile = Module::deserializeFile(E, "/nonexistent/x.cwasm");
  ASSERT_FALSE(NoFile.ok());
  EXPECT_EQ(NoFile.error().kind(), ErrorKind::Io);

  // Another bounds-check mode is other code.
  Config C;
  C.Bounds = BoundsChecks::GuardPages;
  Engine Guard = Engine::create(C).value();
  Bytes = Module::compile(E, plainWasm()).value().serialize().value();
  Result<Module> Other = Module::deserialize(Guard, Bytes);
  ASSERT_FALSE(Other.ok());
  EXPECT_EQ(Other.error().kind(), ErrorKind::Usage);
  EXPECT_NE(Other.error().message().find("other settings"), std::string::npos)
      << Other.error().message();
}

TEST(SerializeTest, CacheDirIsUsed) {
  std::filesystem::path Dir =
      std::filesystem::path(testing::TempDir()) / "orca-api-cache-test";
  std::filesystem::remove_all(Dir);
  Config C;
  C.CacheDir = Dir.string();
  Engine E = Engine::create(C).value();
  Module M = Module::compile(E, plainWasm()).value();
  EXPECT_EQ(fac(E, M, 6), 720);
  size_t Entries = 0;
  for (const auto &F : std::filesystem::directory_iterator(Dir))
    Entries += F.path().extension() == ".cwasm";
  EXPECT_EQ(Entries, 1u);
  Engine E2 = Engine::create(C).value();
  EXPECT_EQ(fac(E2, Module::compile(E2, plainWasm()).value(), 6), 720);
  std::filesystem::remove_all(Dir);
}

} // namespace
