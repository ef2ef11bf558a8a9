//===- unittests/Runtime/PerfMapTest.cpp - /tmp/perf-<pid>.map ------------===//
//
// An engine with EngineConfig::PerfMap names each compiled function in the
// perf map, at the address and with a size that covers its entry.
//
//===----------------------------------------------------------------------===//

#include "Runtime/CompiledModuleImpl.h"
#include "RuntimeTestUtil.h"

#include <cinttypes>
#include <cstdio>
#include <map>
#include <unistd.h>

using namespace orca;
using namespace orca::test;

TEST(PerfMapTest, NamesEveryCompiledFunction) {
  std::string Path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
  std::remove(Path.c_str());
  EngineConfig C;
  C.PerfMap = true;
  auto E = Engine::create(C);
  ASSERT_TRUE(bool(E)) << message(E.takeError());
  auto M = (*E)->compile(readInput("basic"));
  ASSERT_TRUE(bool(M)) << message(M.takeError());

  std::map<std::string, std::pair<uint64_t, uint64_t>> Entries;
  FILE *F = std::fopen(Path.c_str(), "r");
  ASSERT_NE(F, nullptr) << Path << " was not written";
  uint64_t Start, Size;
  char Name[256];
  while (std::fscanf(F, "%" SCNx64 " %" SCNx64 " %255s", &Start, &Size, Name) ==
         3)
    Entries[Name] = {Start, Size};
  std::fclose(F);
  std::remove(Path.c_str());

  const orca::Module &Mod = (*M)->module();
  const auto &Fns = (*M)->impl().Code->Functions;
  ASSERT_EQ(Fns.size(), Mod.Bodies.size());
  for (size_t I = 0; I < Fns.size(); ++I) {
    std::string Sym = "wasm_func_" + std::to_string(Mod.NumImportedFuncs + I);
    auto It = Entries.find(Sym);
    ASSERT_NE(It, Entries.end()) << Sym << " is not in the perf map";
    EXPECT_EQ(It->second.first, reinterpret_cast<uintptr_t>(Fns[I]));
    EXPECT_GT(It->second.second, 0u);
  }
}
