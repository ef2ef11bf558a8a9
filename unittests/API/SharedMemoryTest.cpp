//===- unittests/API/SharedMemoryTest.cpp - shared vs unshared imports ----===//
//
// With Config.Feat.Threads, shared memories decode (without it they are
// malformed, as in WebAssembly 2.0); an import links only to
// a memory that is shared exactly when the import says so, and the error
// names the import and both types.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

Module load(const Engine &E, const std::string &Name) {
  Result<Module> M =
      Module::fromFile(E, std::string(ORCA_API_INPUTS) + "/" + Name + ".wasm");
  EXPECT_TRUE(M.ok()) << M.error().toString();
  return *M;
}

Engine threadsEngine() {
  Config C;
  C.Feat.Threads = true;
  return Engine::create(C).value();
}

} // namespace

TEST(SharedMemory, UnsharedMemoryForASharedImport) {
  Engine E = threadsEngine();
  Store S(E);
  Memory M = Memory::create(S, MemoryType{{1, 2}}).value();
  Linker L(E);
  ASSERT_TRUE(L.define(S, "env", "mem", M).ok());
  Result<Instance> R = L.instantiate(S, load(E, "shared-import"));
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Unlinkable);
  EXPECT_EQ(R.error().message(),
            "incompatible import type: env.mem is imported as memory 1..2 "
            "shared but is memory 1..2");
}

TEST(SharedMemory, SharedMemoryForAnUnsharedImport) {
  Engine E = threadsEngine();
  Store S(E);
  Module Exp = load(E, "shared-export");
  EXPECT_TRUE(Exp.exports()[0].Type.Memory.Shared);
  EXPECT_EQ(Exp.exports()[0].Type.toString(), "memory 1..2 shared");
  Instance X = Instance::create(S, Exp).value();
  EXPECT_TRUE(X.getMemory(S, "mem")->type(S).Shared);
  Linker L(E);
  ASSERT_TRUE(L.defineInstance(S, "env", X).ok());
  Result<Instance> R = L.instantiate(S, load(E, "plain-import"));
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Unlinkable);
  EXPECT_EQ(R.error().message(),
            "incompatible import type: env.mem is imported as memory 1..2 "
            "but is memory 1..2 shared");
  // Shared for shared links.
  EXPECT_TRUE(L.instantiate(S, load(E, "shared-import")).ok());
  // So does a host shared memory.
  Memory M = Memory::create(S, MemoryType{{1, 2}, true}).value();
  std::vector<Extern> Imports{Extern(M)};
  EXPECT_TRUE(Instance::create(S, load(E, "shared-import"), Imports).ok());
}

TEST(SharedMemory, NeedsThreads) {
  Engine E = Engine::create().value();
  Result<Module> M =
      Module::fromFile(E, std::string(ORCA_API_INPUTS) + "/shared-export.wasm");
  ASSERT_FALSE(M.ok());
  // WebAssembly 2.0 reads the limits flags as a 1-bit integer.
  EXPECT_EQ(M.error().kind(), ErrorKind::Malformed);
  EXPECT_EQ(M.error().message(), "integer too large");
  Store S(E);
  EXPECT_EQ(
      Memory::create(S, MemoryType{{1, std::nullopt}, true}).error().message(),
      "a shared memory needs a maximum");
}
