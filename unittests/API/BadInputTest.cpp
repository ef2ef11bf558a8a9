//===- unittests/API/BadInputTest.cpp - No public entry point throws ------===//
//
// Every public entry point of include/orca/ given bad input: missing,
// unreadable, empty or truncated files and bytes, hostile sizes, empty and
// moved-from objects, handles of other stores, out-of-range indices and
// wrong value types. Each must return an orca::Error with a clear message
// (or an empty value where the signature cannot fail), never throw or
// crash. The test is built with -fexceptions, so an escaping exception
// fails it.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace orca;

namespace {

std::string input(const std::string &Name) {
  return std::string(ORCA_API_INPUTS) + "/" + Name + ".wasm";
}

std::vector<uint8_t> bytesOf(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

const Engine &engine() {
  static Engine E = Engine::create().value();
  return E;
}

/// A file in the test's temporary directory holding \p Bytes.
std::string tempFile(const std::string &Name,
                     const std::vector<uint8_t> &Bytes) {
  std::string Path = ::testing::TempDir() + "orca-badinput-" +
                     std::to_string(getpid()) + "-" + Name;
  std::ofstream(Path, std::ios::binary)
      .write(reinterpret_cast<const char *>(Bytes.data()),
             std::streamsize(Bytes.size()));
  return Path;
}

template <typename T>
void expectError(const Result<T> &R, ErrorKind K, const std::string &Part) {
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), K) << R.error().toString();
  EXPECT_NE(R.error().message().find(Part), std::string::npos)
      << R.error().toString();
}

const std::vector<uint8_t> Header = {0, 'a', 's', 'm', 1, 0, 0, 0};

} // namespace

TEST(BadInput, FromFile) {
  expectError(Module::fromFile(engine(), "/nonexistent/x.wasm"), ErrorKind::Io,
              "cannot read '/nonexistent/x.wasm'");
  // A directory: std::ifstream reading it threw std::ios_base::failure.
  expectError(Module::fromFile(engine(), ::testing::TempDir()), ErrorKind::Io,
              "is a directory");
  expectError(Module::fromFile(engine(), ""), ErrorKind::Io, "cannot read");
  expectError(Module::fromFile(engine(), tempFile("empty.wasm", {})),
              ErrorKind::Malformed, "");
  std::vector<uint8_t> Plain = bytesOf(input("plain"));
  ASSERT_GT(Plain.size(), 12u);
  Plain.resize(Plain.size() - 3);
  expectError(Module::fromFile(engine(), tempFile("truncated.wasm", Plain)),
              ErrorKind::Malformed, "");
  EXPECT_TRUE(Module::fromFile(engine(), input("plain")).ok());
}

TEST(BadInput, CompileAndValidate) {
  std::vector<std::vector<uint8_t>> Bad = {
      {},
      {0, 'a', 's'},
      {'n', 'o', 't', ' ', 'w', 'a', 's', 'm'},
      // A type section claiming 2^32-1 types (a hostile count).
      {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 0xff, 0xff, 0xff, 0xff, 0x0f},
      // A section claiming 4 GiB of contents.
      {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f},
      // A memory of 65537 pages.
      {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 5, 1, 0, 0x81, 0x80, 0x04},
  };
  for (const std::vector<uint8_t> &B : Bad) {
    Result<Module> M = Module::compile(engine(), B);
    EXPECT_FALSE(M.ok());
    EXPECT_FALSE(Module::validate(engine(), B).ok());
  }
  EXPECT_TRUE(Module::compile(engine(), Header).ok());
}

TEST(BadInput, EmptyEngineModuleStoreLinker) {
  Engine NoEngine;
  EXPECT_EQ(NoEngine.config().OptLevel, Config().OptLevel);
  expectError(Module::compile(NoEngine, Header), ErrorKind::Usage,
              "empty engine");
  expectError(Module::validate(NoEngine, Header), ErrorKind::Usage,
              "empty engine");
  expectError(Module::fromFile(NoEngine, input("plain")), ErrorKind::Usage,
              "empty engine");
  expectError(Engine::create(Config{.OptLevel = 9}), ErrorKind::Usage,
              "optimisation level");

  Module NoModule;
  EXPECT_TRUE(NoModule.imports().empty());
  EXPECT_TRUE(NoModule.exports().empty());
  Store S(engine());
  expectError(Instance::create(S, NoModule), ErrorKind::Usage, "empty");
  Linker L(engine());
  expectError(L.instantiate(S, NoModule), ErrorKind::Usage, "empty module");

  // A store of an empty engine behaves as a moved-from store.
  Store Dead(NoEngine);
  EXPECT_EQ(Dead.id(), 0u);
  expectError(Memory::create(Dead, MemoryType{{1, std::nullopt}}),
              ErrorKind::Usage, "store");

  Linker Moved(engine());
  Linker Taker(std::move(Moved));
  Moved.allowShadowing(true);
  expectError(Moved.funcWrap("m", "f", [] {}), ErrorKind::Usage,
              "empty linker");
  expectError(Moved.defineWasi(), ErrorKind::Usage, "empty linker");
  expectError(
      Moved.instantiate(S, Module::fromFile(engine(), input("plain")).value()),
      ErrorKind::Usage, "empty linker");
  EXPECT_FALSE(Moved.get(S, "m", "f"));
}

TEST(BadInput, MovedFromStore) {
  Store S(engine());
  Memory M = Memory::create(S, MemoryType{{1, std::nullopt}}).value();
  Store T(std::move(S));
  // S is moved from: everything fails cleanly.
  EXPECT_EQ(S.id(), 0u);
  S.setLimits(StoreLimits());
  S.setData(nullptr);
  EXPECT_EQ(S.limits().MaxInstances, UINT64_MAX);
  EXPECT_EQ(S.rawData(), nullptr);
  expectError(S.setWasi(WasiConfig()), ErrorKind::Usage, "store");
  EXPECT_FALSE(S.wasiExitCode());
  expectError(Memory::create(S, MemoryType{{1, std::nullopt}}),
              ErrorKind::Usage, "store");
  expectError(Table::create(S, TableType{ValType::FuncRef, {1, std::nullopt}},
                            Val::nullref(ValType::FuncRef)),
              ErrorKind::Usage, "store");
  expectError(Global::create(S, GlobalType{ValType::I32, true}, Val(1)),
              ErrorKind::Usage, "store");
  Func F = Func::wrap(S, [](int32_t X) { return X; });
  expectError(F.call(S, {Val(1)}), ErrorKind::Usage, "store");
  expectError(F.typed<int32_t(int32_t)>(S), ErrorKind::Usage, "store");
  Func D = Func::create(S, FuncType(), nullptr);
  expectError(D.call(S, {}), ErrorKind::Usage, "store");
  expectError(M.grow(S, 1), ErrorKind::Usage, "store");
  EXPECT_TRUE(M.data(S).empty());
  expectError(
      Instance::create(S, Module::fromFile(engine(), input("plain")).value()),
      ErrorKind::Usage, "store");
  Linker L(engine());
  expectError(L.define(S, "m", "mem", M), ErrorKind::Usage, "store");
  expectError(L.define(S, "m", "f", Func()), ErrorKind::Usage, "store");
  // The handle still works with the store it moved to.
  EXPECT_EQ(M.size(T), 1u);
}

TEST(BadInput, MemoryTableGlobal) {
  Store S(engine()), Other(engine());
  expectError(Memory::create(S, MemoryType{{2, 1}}), ErrorKind::Usage,
              "minimum 2 exceeds maximum 1");
  expectError(Memory::create(S, MemoryType{{70000, std::nullopt}}),
              ErrorKind::Resource, "65536 pages");
  Memory M = Memory::create(S, MemoryType{{1, 2}}).value();
  expectError(M.grow(S, UINT64_MAX), ErrorKind::Resource, "cannot grow");
  expectError(M.grow(S, 2), ErrorKind::Resource, "cannot grow");
  uint8_t Buf[4];
  expectError(M.read(S, UINT64_MAX - 1, Buf), ErrorKind::Usage,
              "out of bounds");
  expectError(M.write(S, 65535, Buf), ErrorKind::Usage, "out of bounds");
  expectError(M.read(Other, 0, Buf), ErrorKind::Usage, "store");

  expectError(
      Table::create(S, TableType{ValType::I32, {1, std::nullopt}}, Val(0)),
      ErrorKind::Usage, "");
  expectError(Table::create(S, TableType{ValType::FuncRef, {3, 2}},
                            Val::nullref(ValType::FuncRef)),
              ErrorKind::Usage, "exceeds maximum");
  expectError(Table::create(S, TableType{ValType::FuncRef, {UINT32_MAX, {}}},
                            Val::nullref(ValType::FuncRef)),
              ErrorKind::Resource, "");
  expectError(Table::create(S, TableType{ValType::FuncRef, {1, {}}},
                            Val::nullref(ValType::ExternRef)),
              ErrorKind::Usage, "element type mismatch");
  Table T = Table::create(S, TableType{ValType::FuncRef, {1, 2}},
                          Val::nullref(ValType::FuncRef))
                .value();
  expectError(T.get(S, 1), ErrorKind::Usage, "out of bounds");
  expectError(T.get(S, UINT32_MAX), ErrorKind::Usage, "out of bounds");
  expectError(T.set(S, 5, Val::nullref(ValType::FuncRef)), ErrorKind::Usage,
              "out of bounds");
  expectError(T.set(S, 0, Val(1)), ErrorKind::Usage, "element type mismatch");
  expectError(T.grow(S, UINT32_MAX, Val::nullref(ValType::FuncRef)),
              ErrorKind::Resource, "cannot grow");
  Func OtherF = Func::wrap(Other, [] {});
  expectError(T.set(S, 0, Val::funcref(OtherF)), ErrorKind::Usage, "store");

  expectError(Global::create(S, GlobalType{ValType::I64, false}, Val(1)),
              ErrorKind::Usage, "global type mismatch");
  Global G = Global::create(S, GlobalType{ValType::I32, false}, Val(1)).value();
  expectError(G.set(S, Val(2)), ErrorKind::Usage, "immutable");
  Global MG = Global::create(S, GlobalType{ValType::I32, true}, Val(1)).value();
  expectError(MG.set(S, Val(2.0)), ErrorKind::Usage, "type mismatch");
  expectError(MG.get(Other), ErrorKind::Usage, "store");
}

TEST(BadInput, FuncsLinkerInstances) {
  Store S(engine());
  Func F = Func::wrap(S, [](int32_t X) { return X; });
  expectError(F.call(S, {}), ErrorKind::Usage, "wrong number of arguments");
  expectError(F.call(S, {Val(1.0)}), ErrorKind::Usage, "argument type");
  std::vector<Val> Args{Val(1)}, NoRoom;
  expectError(F.call(S, Args, NoRoom), ErrorKind::Usage,
              "wrong number of "
              "results");
  expectError(F.typed<int64_t(int32_t)>(S), ErrorKind::Usage, "type mismatch");
  expectError(Func().call(S, {}), ErrorKind::Usage, "store");
  // A dynamic host function without a callable traps when called.
  Func Empty = Func::create(S, FuncType(), nullptr);
  Result<std::vector<Val>> R = Empty.call(S, {});
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Trap);
  EXPECT_NE(R.error().message().find("no callable"), std::string::npos);

  Linker L(engine());
  expectError(L.funcNew("m", "f", FuncType(), nullptr), ErrorKind::Usage,
              "empty host function");
  ASSERT_TRUE(L.funcWrap("m", "f", [] {}).ok());
  expectError(L.funcWrap("m", "f", [] {}), ErrorKind::Usage, "already defined");
  Module Api = Module::fromFile(engine(), input("api")).value();
  expectError(L.instantiate(S, Api), ErrorKind::Unlinkable,
              "unknown import: env::add");
  expectError(Instance::create(S, Api), ErrorKind::Unlinkable,
              "wrong number of imports");
  // Wrong kinds and types, by position.
  Memory M = Memory::create(S, MemoryType{{1, std::nullopt}}).value();
  std::vector<Extern> Wrong{Extern(M), Extern(F), Extern(F)};
  expectError(Instance::create(S, Api, Wrong), ErrorKind::Unlinkable,
              "incompatible import type: env.add is imported as a func but is "
              "a memory");
  Store Other(engine());
  std::vector<Extern> Foreign{Extern(Func::wrap(Other, [] {})), Extern(F),
                              Extern(F)};
  expectError(Instance::create(S, Api, Foreign), ErrorKind::Usage, "store");

  Instance I =
      Instance::create(S, Module::fromFile(engine(), input("plain")).value())
          .value();
  EXPECT_FALSE(I.getExport(S, "no such export"));
  EXPECT_FALSE(I.getExport(Other, "memory"));
  EXPECT_TRUE(I.exports(Other).empty());
  EXPECT_FALSE(Instance().getFunc(S, "f"));
  expectError(I.getTypedFunc<void()>(S, "missing"), ErrorKind::Usage,
              "no exported function named 'missing'");
  expectError(L.defineInstance(Other, "x", I), ErrorKind::Usage, "store");
}

TEST(BadInput, Wasi) {
  Store S(engine());
  WasiConfig C;
  C.Preopens = {{"/nonexistent/dir", "/data"}};
  Result<void> R = S.setWasi(C);
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Usage) << R.error().toString();
  WasiConfig File;
  File.Preopens = {{input("plain"), "/data"}};
  EXPECT_FALSE(S.setWasi(File).ok());
  ASSERT_TRUE(S.setWasi(WasiConfig()).ok());
  expectError(S.setWasi(WasiConfig()), ErrorKind::Usage, "already");
  // A module importing WASI from a linker without defineWasi, and a store
  // without a WASI context.
  Store NoWasi(engine());
  Linker L(engine());
  ASSERT_TRUE(L.defineWasi().ok());
  std::vector<uint8_t> Imp = {0, 'a', 's', 'm', 1, 0, 0, 0,
                              // type section: () -> ()
                              1, 4, 1, 0x60, 0, 0,
                              // import wasi_snapshot_preview1.sched_yield
                              2, 38, 1, 22, 'w', 'a', 's', 'i', '_', 's', 'n',
                              'a', 'p', 's', 'h', 'o', 't', '_', 'p', 'r', 'e',
                              'v', 'i', 'e', 'w', '1', 11, 's', 'c', 'h', 'e',
                              'd', '_', 'y', 'i', 'e', 'l', 'd', 0, 0};
  Result<Module> M = Module::compile(engine(), Imp);
  ASSERT_TRUE(M.ok()) << M.error().toString();
  expectError(L.instantiate(NoWasi, *M), ErrorKind::Unlinkable,
              "no WASI context");
}
