//===- unittests/Runtime/CacheTest.cpp - Cached and precompiled code ------===//
//
// Code from the compiled-code cache and from serialize()/deserialize()
// runs, traps and reports backtraces exactly as freshly compiled code,
// without compiling; entries that are not right are recompiled and
// replaced; incompatible precompiled bytes are refused; compiles on one
// engine run concurrently.
//
//===----------------------------------------------------------------------===//

#include "JIT/Artifact.h"
#include "JIT/CodeCache.h"
#include "RuntimeTestUtil.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <thread>
#include <tuple>

using namespace orca;
using namespace orca::test;

namespace {

using Frames = std::vector<std::tuple<uint32_t, uint32_t, std::string>>;

class CacheTest : public ::testing::TestWithParam<bool> {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("orca-cache", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::unique_ptr<Engine> engine(bool WithCache, bool Explicit) {
    EngineConfig C;
    C.ExplicitBoundsChecks = Explicit;
    if (WithCache)
      C.CacheDir = Dir.str().str();
    auto E = Engine::create(C);
    if (!E) {
      ADD_FAILURE() << message(E.takeError());
      return nullptr;
    }
    return std::move(*E);
  }

  /// Results and the trap backtrace (function, offset, name) of "top" and
  /// "loads" in module "offsets" as compiled by \p M.
  static Frames run(Engine &E, const std::shared_ptr<CompiledModule> &M) {
    Frames Out;
    Store S(E);
    auto I = S.instantiate(M, {});
    if (!I) {
      ADD_FAILURE() << message(I.takeError());
      return Out;
    }
    auto Ok = S.call(*(*I)->getExport("top"), {Value::i32(7), Value::i32(2)});
    if (!Ok) {
      ADD_FAILURE() << message(Ok.takeError());
      return Out;
    }
    Out.emplace_back((*Ok)[0].asI32(), 0, "result");
    for (auto [Name, A, B] :
         {std::tuple("top", 1, 0), std::tuple("loads", 0, 1 << 20)}) {
      auto R = S.call(*(*I)->getExport(Name), {Value::i32(A), Value::i32(B)});
      if (R) {
        ADD_FAILURE() << Name << " returned";
        continue;
      }
      llvm::handleAllErrors(
          R.takeError(),
          [&](const TrapError &T) {
            for (const TrapFrame &F : T.Backtrace)
              Out.emplace_back(F.FuncIndex, F.CodeOffset, F.FuncName);
            Out.emplace_back(T.FaultAddress.value_or(0), 0, T.text());
          },
          [&](const llvm::ErrorInfoBase &E) { ADD_FAILURE() << E.message(); });
    }
    return Out;
  }

  llvm::SmallString<128> Dir;
};

INSTANTIATE_TEST_SUITE_P(BothModes, CacheTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool> &P) {
                           return P.param ? "Explicit" : "Guard";
                         });

TEST_P(CacheTest, CachedCodeRunsAndTrapsLikeFreshCode) {
  auto Fresh = engine(false, GetParam());
  auto FM = Fresh->compile(readInput("offsets"));
  ASSERT_TRUE(bool(FM)) << message(FM.takeError());
  Frames Want = run(*Fresh, *FM);
  ASSERT_GE(Want.size(), 4u);

  auto Cold = engine(true, GetParam());
  auto CM = Cold->compile(readInput("offsets"));
  ASSERT_TRUE(bool(CM)) << message(CM.takeError());
  EXPECT_EQ(Cold->stats().Compiles, 1u);
  EXPECT_EQ(Cold->stats().CacheMisses, 1u);
  EXPECT_EQ(Cold->stats().CacheStores, 1u);
  EXPECT_EQ(run(*Cold, *CM), Want);

  auto Warm = engine(true, GetParam());
  auto WM = Warm->compile(readInput("offsets"));
  ASSERT_TRUE(bool(WM)) << message(WM.takeError());
  EXPECT_EQ(Warm->stats().Compiles, 0u) << "a hit compiled";
  EXPECT_EQ(Warm->stats().CacheHits, 1u);
  EXPECT_EQ(run(*Warm, *WM), Want);

  // The other bounds-check mode is other code: a miss.
  auto Other = engine(true, !GetParam());
  ASSERT_TRUE(bool(Other->compile(readInput("offsets"))));
  EXPECT_EQ(Other->stats().CacheHits, 0u);
  EXPECT_EQ(Other->stats().Compiles, 1u);
}

TEST_P(CacheTest, PrecompiledCodeRunsAndTrapsLikeFreshCode) {
  auto Fresh = engine(false, GetParam());
  auto FM = Fresh->compile(readInput("offsets"));
  ASSERT_TRUE(bool(FM)) << message(FM.takeError());
  Frames Want = run(*Fresh, *FM);
  std::vector<uint8_t> Bytes = (*FM)->serialize();

  auto Loader = engine(false, GetParam());
  auto LM = Loader->deserialize(llvm::MemoryBuffer::getMemBufferCopy(
      llvm::toStringRef(llvm::ArrayRef(Bytes))));
  ASSERT_TRUE(bool(LM)) << message(LM.takeError());
  EXPECT_EQ(Loader->stats().Compiles, 0u);
  EXPECT_EQ(Loader->stats().Deserialized, 1u);
  EXPECT_EQ(run(*Loader, *LM), Want);
  // Serializing a deserialized module gives the same bytes.
  EXPECT_EQ((*LM)->serialize(), Bytes);

  // An engine of the other bounds-check mode refuses it, saying why.
  auto Other = engine(false, !GetParam());
  auto OM = Other->deserialize(llvm::MemoryBuffer::getMemBufferCopy(
      llvm::toStringRef(llvm::ArrayRef(Bytes))));
  ASSERT_FALSE(bool(OM));
  ErrorReport R = takeErrorReport(OM.takeError());
  EXPECT_EQ(R.Kind, ErrorKind::Usage);
  EXPECT_NE(R.Message.find("bounds-checks="), std::string::npos) << R.Message;
}

TEST_P(CacheTest, BadEntriesAreRecompiledAndReplaced) {
  auto First = engine(true, GetParam());
  ASSERT_TRUE(bool(First->compile(readInput("basic"))));
  std::string Entry;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Entry = It->path();
  ASSERT_FALSE(Entry.empty());
  auto Good = llvm::MemoryBuffer::getFile(Entry);
  ASSERT_TRUE(bool(Good));
  std::string GoodBytes = (*Good)->getBuffer().str();

  auto Spoil = [&](const std::string &Bytes) {
    llvm::sys::fs::remove_directories(Entry);
    llvm::sys::fs::remove(Entry);
    llvm::raw_fd_ostream(Entry, EC) << Bytes;
  };
  std::string Flipped = GoodBytes;
  Flipped[Flipped.size() / 2] ^= 1;
  for (const std::string &Bad :
       {GoodBytes.substr(0, GoodBytes.size() / 2), Flipped,
        std::string("garbage"), std::string()}) {
    Spoil(Bad);
    auto E = engine(true, GetParam());
    auto M = E->compile(readInput("basic"));
    ASSERT_TRUE(bool(M)) << message(M.takeError());
    EXPECT_EQ(E->stats().CacheHits, 0u);
    EXPECT_EQ(E->stats().Compiles, 1u);
    EXPECT_EQ(E->stats().CacheStores, 1u);
    auto Now = llvm::MemoryBuffer::getFile(Entry);
    ASSERT_TRUE(bool(Now));
    EXPECT_EQ((*Now)->getBuffer(), GoodBytes) << "not rewritten";
  }
  // A valid entry of another module under this module's name.
  auto Other = engine(false, GetParam());
  auto OM = Other->compile(readInput("offsets"));
  ASSERT_TRUE(bool(OM));
  std::vector<uint8_t> OtherBytes = (*OM)->serialize();
  Spoil(std::string(OtherBytes.begin(), OtherBytes.end()));
  auto E = engine(true, GetParam());
  ASSERT_TRUE(bool(E->compile(readInput("basic"))));
  EXPECT_EQ(E->stats().CacheRejected, 1u);
  EXPECT_EQ(E->stats().Compiles, 1u);
}

TEST(EngineConcurrencyTest, ThreadsCompileOnOneEngineAtOnce) {
  Engine &E = sharedEngine();
  std::vector<std::thread> Threads;
  std::vector<std::string> Errors(4);
  for (int T = 0; T < 4; ++T)
    Threads.emplace_back([&, T] {
      for (int I = 0; I < 3; ++I) {
        auto M = E.compile(readInput(T % 2 ? "offsets" : "basic"));
        if (!M) {
          Errors[T] = message(M.takeError());
          return;
        }
        Store S(E);
        if (auto Inst = S.instantiate(*M, {}); !Inst)
          Errors[T] = message(Inst.takeError());
      }
    });
  for (std::thread &T : Threads)
    T.join();
  for (const std::string &Err : Errors)
    EXPECT_EQ(Err, "");
}

} // namespace
