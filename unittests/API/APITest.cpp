//===- unittests/API/APITest.cpp - The public embedding API ---------------===//
//
// Covers every public class through include/orca/orca.h only: engine and
// module (compile, validate, import/export types), store (limits, data,
// wrong-store errors), linker (typed and dynamic host functions, missing and
// incompatible imports, shadowing, instances), typed and dynamic calls
// (argument count/type errors), traps (from wasm, from host errors, from C++
// exceptions, through re-entrant calls), memories, tables and globals.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

using namespace orca;

namespace {

std::vector<uint8_t> readInput(const std::string &Name) {
  std::ifstream In(std::string(ORCA_API_INPUTS) + "/" + Name + ".wasm",
                   std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

const Engine &engine() {
  static Engine E = Engine::create().value();
  return E;
}

const Module &module(const std::string &Name) {
  static std::map<std::string, Module> Cache;
  auto It = Cache.find(Name);
  if (It == Cache.end())
    It = Cache.emplace(Name, Module::compile(engine(), readInput(Name)).value())
             .first;
  return It->second;
}

/// A linker satisfying api.wat's imports; "reenter" calls the export
/// "double" of the calling instance (re-entrancy).
Linker apiLinker() {
  Linker L(engine());
  EXPECT_TRUE(L.funcWrap("env", "add", [](int32_t A, int32_t B) {
                 return A + B;
               }).ok());
  EXPECT_TRUE(L.funcWrap("env", "fail", []() -> Result<void> {
                 return Trap("host says no");
               }).ok());
  EXPECT_TRUE(
      L.funcWrap("env", "reenter", [](Caller &C, int32_t X) -> Result<int32_t> {
         std::optional<Extern> D = C.getExport("double");
         if (!D || !D->func())
           return Trap("no double");
         auto T = D->func()->typed<int32_t(int32_t)>(C.store());
         if (!T)
           return T.error();
         Result<int32_t> R = T->call(C.store(), X);
         if (!R)
           return R.error();
         return *R + 1;
       }).ok());
  return L;
}

struct APITest : ::testing::Test {
  Store S{engine()};
  Instance I;
  void SetUp() override {
    Result<Instance> R = apiLinker().instantiate(S, module("api"));
    ASSERT_TRUE(R.ok()) << R.error().toString();
    I = *R;
  }
};

} // namespace

TEST(EngineTest, CreatesWithConfig) {
  Config C;
  C.OptLevel = 0;
  C.MaxWasmStack = 256 * 1024;
  Result<Engine> E = Engine::create(C);
  ASSERT_TRUE(E.ok());
  EXPECT_EQ(E->config().OptLevel, 0u);
  C.OptLevel = 7;
  Result<Engine> Bad = Engine::create(C);
  ASSERT_FALSE(Bad.ok());
  EXPECT_EQ(Bad.error().kind(), ErrorKind::Usage);
}

TEST(ModuleTest, CompileErrors) {
  std::vector<uint8_t> Junk = {0, 'a', 's', 'n', 2, 0, 0, 0};
  Result<Module> M = Module::compile(engine(), Junk);
  ASSERT_FALSE(M.ok());
  EXPECT_EQ(M.error().kind(), ErrorKind::Malformed);
  EXPECT_FALSE(Module::validate(engine(), Junk).ok());
  EXPECT_TRUE(Module::validate(engine(), readInput("plain")).ok());
  // A type error: (func (result i32)) with an empty body.
  std::vector<uint8_t> Invalid = {0, 'a', 's',  'm', 1, 0,    0,   0, 1,
                                  5, 1,   0x60, 0,   1, 0x7f, 3,   2, 1,
                                  0, 10,  4,    1,   2, 0,    0x0b};
  Result<void> V = Module::validate(engine(), Invalid);
  ASSERT_FALSE(V.ok());
  EXPECT_EQ(V.error().kind(), ErrorKind::Invalid);
  Result<Module> F = Module::fromFile(engine(), "/nonexistent/x.wasm");
  ASSERT_FALSE(F.ok());
  EXPECT_EQ(F.error().kind(), ErrorKind::Io);
}

TEST(ModuleTest, ImportAndExportTypes) {
  const Module &M = module("api");
  ASSERT_EQ(M.imports().size(), 3u);
  EXPECT_EQ(M.imports()[0].Module, "env");
  EXPECT_EQ(M.imports()[0].Name, "add");
  EXPECT_EQ(M.imports()[0].Type.Func,
            FuncType({ValType::I32, ValType::I32}, {ValType::I32}));
  bool SawMemory = false, SawSwap = false, SawGlobal = false;
  for (const ExportType &X : M.exports()) {
    if (X.Name == "memory") {
      SawMemory = true;
      EXPECT_EQ(X.Type.Kind, ExternKind::Memory);
      EXPECT_EQ(X.Type.Memory.Lim.Min, 1u);
      EXPECT_EQ(X.Type.Memory.Lim.Max, 4u);
    } else if (X.Name == "swap") {
      SawSwap = true;
      EXPECT_EQ(X.Type.toString(), "func (i32 i64) -> (i64 i32)");
    } else if (X.Name == "counter") {
      SawGlobal = true;
      EXPECT_TRUE(X.Type.Global.Mutable);
    }
  }
  EXPECT_TRUE(SawMemory && SawSwap && SawGlobal);
}

TEST_F(APITest, TypedCalls) {
  auto Add = I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "call_add");
  ASSERT_TRUE(Add.ok()) << Add.error().toString();
  EXPECT_EQ(*Add->call(S, 40, 2), 42);
  auto Swap =
      I.getTypedFunc<std::tuple<int64_t, int32_t>(int32_t, int64_t)>(S, "swap");
  ASSERT_TRUE(Swap.ok());
  EXPECT_EQ(*Swap->call(S, 1, int64_t(1) << 40),
            std::make_tuple(int64_t(1) << 40, 1));
  auto Mix = I.getTypedFunc<double(float, double)>(S, "mix");
  ASSERT_TRUE(Mix.ok());
  EXPECT_DOUBLE_EQ(*Mix->call(S, 1.5f, 2.25), 3.75);
  auto Store = I.getTypedFunc<void(int32_t, int32_t)>(S, "store");
  ASSERT_TRUE(Store.ok());
  EXPECT_TRUE(Store->call(S, 8, 1234).ok());
  EXPECT_EQ(*I.getTypedFunc<int32_t(int32_t)>(S, "load")->call(S, 8), 1234);
}

TEST_F(APITest, TypedViewTypeMismatch) {
  auto Bad = I.getTypedFunc<int64_t(int32_t, int32_t)>(S, "call_add");
  ASSERT_FALSE(Bad.ok());
  EXPECT_EQ(Bad.error().kind(), ErrorKind::Usage);
  EXPECT_NE(Bad.error().message().find("(i32 i32) -> (i32)"),
            std::string::npos);
  EXPECT_FALSE(I.getTypedFunc<void()>(S, "no_such").ok());
}

TEST_F(APITest, DynamicCalls) {
  Func F = *I.getFunc(S, "call_add");
  EXPECT_EQ(F.type(S), FuncType({ValType::I32, ValType::I32}, {ValType::I32}));
  Result<std::vector<Val>> R = F.call(S, {Val(20), Val(22)});
  ASSERT_TRUE(R.ok()) << R.error().toString();
  ASSERT_EQ(R->size(), 1u);
  EXPECT_EQ((*R)[0].i32(), 42);

  Result<std::vector<Val>> Few = F.call(S, {Val(1)});
  ASSERT_FALSE(Few.ok());
  EXPECT_EQ(Few.error().kind(), ErrorKind::Usage);
  EXPECT_NE(Few.error().message().find("wrong number of arguments"),
            std::string::npos);
  Result<std::vector<Val>> Wrong = F.call(S, {Val(1), Val(int64_t(2))});
  ASSERT_FALSE(Wrong.ok());
  EXPECT_NE(Wrong.error().message().find("argument type mismatch"),
            std::string::npos);

  std::vector<Val> Out(2);
  ASSERT_TRUE(I.getFunc(S, "swap")
                  ->call(S, std::vector<Val>{Val(7), Val(int64_t(9))}, Out)
                  .ok());
  EXPECT_EQ(Out[0].i64(), 9);
  EXPECT_EQ(Out[1].i32(), 7);
}

TEST_F(APITest, TrapsAreValues) {
  Result<void> R = I.getTypedFunc<void()>(S, "boom")->call(S);
  ASSERT_FALSE(R.ok());
  ASSERT_TRUE(R.error().isTrap());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::Unreachable);
  EXPECT_EQ(R.error().message(), "unreachable");

  auto Div = I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "div");
  Result<int32_t> Z = Div->call(S, 1, 0);
  ASSERT_FALSE(Z.ok());
  EXPECT_EQ(Z.error().trap()->code(), TrapCode::IntegerDivideByZero);
  // The store is still usable after a trap.
  EXPECT_EQ(*Div->call(S, 9, 3), 3);

  Result<std::vector<Val>> D = I.getFunc(S, "load")->call(S, {Val(70000)});
  ASSERT_FALSE(D.ok());
  EXPECT_EQ(D.error().trap()->code(), TrapCode::MemoryOutOfBounds);
}

TEST_F(APITest, HostErrorBecomesTrap) {
  Result<void> R = I.getTypedFunc<void()>(S, "call_fail")->call(S);
  ASSERT_FALSE(R.ok());
  ASSERT_TRUE(R.error().isTrap());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::HostError);
  EXPECT_EQ(R.error().message(), "host says no");
}

TEST_F(APITest, ReentrantCall) {
  auto R = I.getTypedFunc<int32_t(int32_t)>(S, "call_reenter");
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(*R->call(S, 20), 41);
}

TEST(TrapPropagation, NestedTrapKeepsItsCodeAndFrames) {
  // wasm -> host -> wasm(unreachable): the inner call returns the trap to
  // the host function, which passes it on; the outer call sees the same
  // trap, and the store keeps working.
  Store S(engine());
  Instance Plain = Instance::create(S, module("plain")).value();
  (void)Plain;
  Linker L(engine());
  Instance *Self = nullptr;
  ASSERT_TRUE(L.funcWrap("env", "add", [](int32_t A, int32_t B) {
                 return A + B;
               }).ok());
  ASSERT_TRUE(L.funcWrap("env", "fail", [] {}).ok());
  ASSERT_TRUE(
      L.funcWrap(
           "env", "reenter",
           [&Self](Caller &C, int32_t X) -> Result<int32_t> {
             Result<void> R =
                 Self->getTypedFunc<void()>(C.store(), "boom")->call(C.store());
             if (!R)
               return R.error();
             return X;
           })
          .ok());
  Instance I = L.instantiate(S, module("api")).value();
  Self = &I;
  Result<int32_t> R =
      I.getTypedFunc<int32_t(int32_t)>(S, "call_reenter")->call(S, 1);
  ASSERT_FALSE(R.ok());
  ASSERT_TRUE(R.error().isTrap());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::Unreachable);
  EXPECT_EQ(*I.getTypedFunc<int32_t(int32_t)>(S, "double")->call(S, 4), 8);
}

TEST(HostFunctions, ExceptionBecomesTrap) {
  Store S(engine());
  Linker L(engine());
  ASSERT_TRUE(L.funcWrap("env", "add", [](int32_t, int32_t) -> int32_t {
                 throw std::runtime_error("kaboom");
               }).ok());
  ASSERT_TRUE(L.funcNew("env", "fail", FuncType({}, {}),
                        [](Caller &, std::span<const Val>,
                           std::span<Val>) -> Result<void> {
                          throw std::logic_error("dynamic kaboom");
                        })
                  .ok());
  ASSERT_TRUE(L.funcWrap("env", "reenter", [](int32_t X) { return X; }).ok());
  Instance I = L.instantiate(S, module("api")).value();
  Result<int32_t> R =
      I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "call_add")->call(S, 1, 2);
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::HostError);
  EXPECT_NE(R.error().message().find("kaboom"), std::string::npos);
  Result<void> D = I.getTypedFunc<void()>(S, "call_fail")->call(S);
  ASSERT_FALSE(D.ok());
  EXPECT_NE(D.error().message().find("dynamic kaboom"), std::string::npos);
}

TEST(HostFunctions, DynamicAndDirectCalls) {
  Store S(engine());
  Func Dyn = Func::create(
      S, FuncType({ValType::I64, ValType::F64}, {ValType::F64}),
      [](Caller &, std::span<const Val> P, std::span<Val> R) -> Result<void> {
        R[0] = Val(double(P[0].i64()) * P[1].f64());
        return {};
      });
  Result<std::vector<Val>> R = Dyn.call(S, {Val(int64_t(3)), Val(0.5)});
  ASSERT_TRUE(R.ok()) << R.error().toString();
  EXPECT_DOUBLE_EQ((*R)[0].f64(), 1.5);
  // Typed view of a host function, called from the host.
  Func Typed = Func::wrap(S, [](int32_t A) { return A * 3; });
  auto T = Typed.typed<int32_t(int32_t)>(S);
  ASSERT_TRUE(T.ok());
  EXPECT_EQ(*T->call(S, 5), 15);
  // Returning a value of the wrong type traps.
  Func Liar = Func::create(
      S, FuncType({}, {ValType::I32}),
      [](Caller &, std::span<const Val>, std::span<Val> R) -> Result<void> {
        R[0] = Val(1.0);
        return {};
      });
  Result<std::vector<Val>> L = Liar.call(S, {});
  ASSERT_FALSE(L.ok());
  EXPECT_TRUE(L.error().isTrap());
}

TEST(LinkerTest, MissingAndIncompatibleImports) {
  Store S(engine());
  Linker L(engine());
  Result<Instance> Missing = L.instantiate(S, module("api"));
  ASSERT_FALSE(Missing.ok());
  EXPECT_EQ(Missing.error().kind(), ErrorKind::Unlinkable);
  EXPECT_EQ(Missing.error().message(), "unknown import: env::add");

  ASSERT_TRUE(L.funcWrap("env", "add", [](int64_t A) { return A; }).ok());
  Result<Instance> Bad = L.instantiate(S, module("api"));
  ASSERT_FALSE(Bad.ok());
  EXPECT_EQ(Bad.error().kind(), ErrorKind::Unlinkable);
  EXPECT_NE(Bad.error().message().find("incompatible import type"),
            std::string::npos);

  // Redefinition needs shadowing.
  EXPECT_FALSE(L.funcWrap("env", "add", [](int32_t A, int32_t B) {
                  return A - B;
                }).ok());
  L.allowShadowing(true);
  EXPECT_TRUE(L.funcWrap("env", "add", [](int32_t A, int32_t B) {
                 return A - B;
               }).ok());

  // A memory where a function is expected.
  Memory M = Memory::create(S, MemoryType{{1, std::nullopt}}).value();
  ASSERT_TRUE(L.define(S, "env", "fail", M).ok());
  ASSERT_TRUE(L.funcWrap("env", "reenter", [](int32_t X) { return X; }).ok());
  Result<Instance> Kind = L.instantiate(S, module("api"));
  ASSERT_FALSE(Kind.ok());
  EXPECT_NE(Kind.error().message().find("is a memory"), std::string::npos);
}

TEST(LinkerTest, PositionalImportsAndInstances) {
  Store S(engine());
  Func Add = Func::wrap(S, [](int32_t A, int32_t B) { return A * B; });
  Func Fail = Func::wrap(S, [] {});
  Func Re = Func::wrap(S, [](int32_t X) { return X; });
  std::vector<Extern> Imports = {Add, Fail, Re};
  Result<Instance> I = Instance::create(S, module("api"), Imports);
  ASSERT_TRUE(I.ok()) << I.error().toString();
  EXPECT_EQ(
      *I->getTypedFunc<int32_t(int32_t, int32_t)>(S, "call_add")->call(S, 6, 7),
      42);
  std::vector<Extern> TooFew = {Add};
  Result<Instance> Few = Instance::create(S, module("api"), TooFew);
  ASSERT_FALSE(Few.ok());
  EXPECT_EQ(Few.error().kind(), ErrorKind::Unlinkable);
  std::vector<Extern> Swapped = {Fail, Add, Re};
  Result<Instance> Sw = Instance::create(S, module("api"), Swapped);
  ASSERT_FALSE(Sw.ok());
  EXPECT_EQ(Sw.error().kind(), ErrorKind::Unlinkable);

  // defineInstance: link the exports of one instance into a linker.
  Instance P = Instance::create(S, module("plain")).value();
  Linker L(engine());
  ASSERT_TRUE(L.defineInstance(S, "plain", P).ok());
  std::optional<Extern> E = L.get(S, "plain", "add");
  ASSERT_TRUE(E && E->func());
  EXPECT_EQ(*E->func()->typed<int32_t(int32_t, int32_t)>(S)->call(S, 2, 3), 5);
}

TEST(StoreTest, WrongStoreAndDroppedStore) {
  Store A(engine());
  Instance I = Instance::create(A, module("plain")).value();
  Func Add = *I.getFunc(A, "add");
  auto Typed = Add.typed<int32_t(int32_t, int32_t)>(A).value();
  {
    Store B(engine());
    Result<std::vector<Val>> R = Add.call(B, {Val(1), Val(2)});
    ASSERT_FALSE(R.ok());
    EXPECT_EQ(R.error().kind(), ErrorKind::Usage);
    EXPECT_FALSE(Typed.call(B, 1, 2).ok());
  }
  std::optional<Store> C;
  C.emplace(engine());
  Instance IC = Instance::create(*C, module("plain")).value();
  Func AddC = *IC.getFunc(*C, "add");
  C.reset(); // Frees everything of C.
  Store D(engine());
  Result<std::vector<Val>> R = AddC.call(D, {Val(1), Val(2)});
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().kind(), ErrorKind::Usage);
  EXPECT_EQ(*Typed.call(A, 1, 2), 3);
}

TEST(StoreTest, LimitsDataAndMove) {
  Store S(engine());
  StoreLimits L;
  L.MaxInstances = 1;
  L.MaxMemoryPages = 2;
  S.setLimits(L);
  EXPECT_TRUE(Instance::create(S, module("plain")).ok());
  Result<Instance> Second = Instance::create(S, module("plain"));
  ASSERT_FALSE(Second.ok());
  EXPECT_EQ(Second.error().kind(), ErrorKind::Resource);
  EXPECT_FALSE(Memory::create(S, MemoryType{{3, std::nullopt}}).ok());
  Memory M = Memory::create(S, MemoryType{{1, std::nullopt}}).value();
  EXPECT_TRUE(M.grow(S, 1).ok());
  EXPECT_FALSE(M.grow(S, 1).ok());

  S.setData(std::make_shared<int>(99));
  Store Moved = std::move(S);
  EXPECT_EQ(*Moved.data<int>(), 99);
  EXPECT_EQ(M.size(Moved), 2u);
  EXPECT_EQ(S.id(), 0u);
}

TEST(StoreTest, StackOverflowTraps) {
  Store S(engine());
  Instance I = Instance::create(S, module("plain")).value();
  Result<int32_t> R =
      I.getTypedFunc<int32_t(int32_t)>(S, "infinite")->call(S, 0);
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().trap()->code(), TrapCode::StackOverflow);
  EXPECT_EQ(*I.getTypedFunc<int64_t(int64_t)>(S, "fac")->call(S, 10), 3628800);
}

TEST_F(APITest, MemoryAccess) {
  Memory M = *I.getMemory(S, "memory");
  EXPECT_EQ(M.size(S), 1u);
  EXPECT_EQ(M.data(S).size(), 65536u);
  M.data(S)[100] = 0x2a;
  EXPECT_EQ(*I.getTypedFunc<int32_t(int32_t)>(S, "load")->call(S, 100), 42);
  uint8_t Buf[4] = {1, 0, 0, 0};
  ASSERT_TRUE(M.write(S, 200, Buf).ok());
  EXPECT_EQ(*I.getTypedFunc<int32_t(int32_t)>(S, "load")->call(S, 200), 1);
  EXPECT_FALSE(M.write(S, 65535, Buf).ok());
  EXPECT_EQ(*M.grow(S, 3), 1u);
  EXPECT_FALSE(M.grow(S, 1).ok()); // maximum is 4
  EXPECT_EQ(M.type(S).Lim.Min, 4u);
}

TEST_F(APITest, TableAccess) {
  Table T = *I.getTable(S, "table");
  EXPECT_EQ(T.size(S), 2u);
  Result<Val> E0 = T.get(S, 0);
  ASSERT_TRUE(E0.ok());
  std::optional<Func> F = E0->funcref();
  ASSERT_TRUE(F.has_value());
  EXPECT_EQ(*F->typed<int32_t(int32_t)>(S)->call(S, 21), 42);
  EXPECT_TRUE(T.get(S, 1)->isNull());
  EXPECT_FALSE(T.get(S, 2).ok());
  ASSERT_TRUE(T.set(S, 1, *E0).ok());
  EXPECT_EQ(*I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "call_table")
                 ->call(S, 1, 5),
            10);
  EXPECT_FALSE(T.set(S, 0, Val(1)).ok());
  EXPECT_EQ(*T.grow(S, 3, Val::nullref(ValType::FuncRef)), 2u);
  EXPECT_EQ(T.size(S), 5u);
  Result<int32_t> Null =
      I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "call_table")->call(S, 4, 1);
  ASSERT_FALSE(Null.ok());
  EXPECT_TRUE(Null.error().isTrap());

  Table Ext = Table::create(S, TableType{ValType::ExternRef, {2, 4}},
                            Val::externref(nullptr))
                  .value();
  int X = 0;
  ASSERT_TRUE(Ext.set(S, 1, Val::externref(&X)).ok());
  EXPECT_EQ(Ext.get(S, 1)->externref(), &X);
}

TEST_F(APITest, GlobalAccess) {
  Global C = *I.getGlobal(S, "counter");
  EXPECT_EQ(C.get(S)->i32(), 7);
  ASSERT_TRUE(C.set(S, Val(8)).ok());
  EXPECT_EQ(C.get(S)->i32(), 8);
  EXPECT_FALSE(C.set(S, Val(int64_t(8))).ok());
  Global A = *I.getGlobal(S, "answer");
  EXPECT_EQ(A.type(S), (GlobalType{ValType::I64, false}));
  EXPECT_EQ(A.get(S)->i64(), 42);
  EXPECT_FALSE(A.set(S, Val(int64_t(1))).ok());
  Global H =
      Global::create(S, GlobalType{ValType::F64, true}, Val(1.25)).value();
  EXPECT_EQ(H.get(S)->f64(), 1.25);
  EXPECT_FALSE(Global::create(S, GlobalType{ValType::F64, true}, Val(1)).ok());
}

TEST(ResultTest, ValueAndError) {
  Result<int> R(5);
  EXPECT_TRUE(R.ok());
  EXPECT_EQ(*R, 5);
  Result<int> E(Error(ErrorKind::Usage, "nope"));
  EXPECT_FALSE(E.ok());
  EXPECT_EQ(E.valueOr(3), 3);
  EXPECT_EQ(E.error().toString(), "usage: nope");
  Result<void> T(Trap(TrapCode::Unreachable, "unreachable"));
  EXPECT_TRUE(T.error().isTrap());
  EXPECT_EQ(T.error().kind(), ErrorKind::Trap);
}

TEST(ModuleTest, CompilesText) {
  // Anything without the binary magic is a text module, as in wasmtime.
  std::string Wat = "(module (func (export \"answer\") (result i32) "
                    "i32.const 42))";
  std::vector<uint8_t> Bytes(Wat.begin(), Wat.end());
  Result<Module> M = Module::compile(engine(), Bytes);
  ASSERT_TRUE(M.ok()) << M.error().toString();
  ASSERT_EQ(M->exports().size(), 1u);
  EXPECT_EQ(M->exports()[0].Name, "answer");
  EXPECT_TRUE(Module::validate(engine(), Bytes).ok());
  // A syntax error is Malformed and says where.
  std::string Bad = "(module\n  (func (i32.frob)))";
  Result<Module> E =
      Module::compile(engine(), std::vector<uint8_t>(Bad.begin(), Bad.end()));
  ASSERT_FALSE(E.ok());
  EXPECT_EQ(E.error().kind(), ErrorKind::Malformed);
  EXPECT_NE(E.error().message().find("<wat>:2:10:"), std::string::npos)
      << E.error().toString();
}
