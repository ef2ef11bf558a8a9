//===- bench/APIBench.cpp - Microbenchmarks of the embedding API ----------===//
//
// host->wasm typed and dynamic calls, wasm->host typed and dynamic host
// functions (each measured as one host->wasm->host round trip),
// instantiation of a small module, and compile throughput per
// optimisation level. Not part of the test command; see bench/README.md.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

namespace {

struct Fixture {
  orca::Engine E = orca::Engine::create().value();
  orca::Module M = orca::Module::fromFile(E, ORCA_BENCH_WASM).value();
  orca::Module Small = orca::Module::fromFile(E, ORCA_BENCH_WASM).value();
};

Fixture &fixture() {
  static Fixture F;
  return F;
}

orca::Linker typedLinker() {
  orca::Linker L(fixture().E);
  L.funcWrap("host", "inc", [](int32_t X) { return X + 1; }).value();
  return L;
}

orca::Linker dynamicLinker() {
  orca::Linker L(fixture().E);
  L.funcNew("host", "inc",
            orca::FuncType({orca::ValType::I32}, {orca::ValType::I32}),
            [](orca::Caller &, std::span<const orca::Val> P,
               std::span<orca::Val> R) -> orca::Result<void> {
              R[0] = orca::Val(P[0].i32() + 1);
              return {};
            })
      .value();
  return L;
}

void HostToWasmTyped(benchmark::State &State) {
  orca::Store S(fixture().E);
  orca::Instance I = typedLinker().instantiate(S, fixture().M).value();
  auto Add = I.getTypedFunc<int32_t(int32_t, int32_t)>(S, "add").value();
  int32_t Acc = 0;
  for (auto _ : State)
    Acc = Add.call(S, Acc, 1).value();
  benchmark::DoNotOptimize(Acc);
}
BENCHMARK(HostToWasmTyped);

void HostToWasmDynamic(benchmark::State &State) {
  orca::Store S(fixture().E);
  orca::Instance I = typedLinker().instantiate(S, fixture().M).value();
  orca::Func Add = *I.getFunc(S, "add");
  orca::Val Args[2] = {orca::Val(0), orca::Val(1)};
  orca::Val Res[1];
  for (auto _ : State) {
    if (!Add.call(S, Args, Res).ok())
      std::abort();
    Args[0] = Res[0];
  }
  benchmark::DoNotOptimize(Res[0]);
}
BENCHMARK(HostToWasmDynamic);

void WasmToHostTyped(benchmark::State &State) {
  orca::Store S(fixture().E);
  orca::Instance I = typedLinker().instantiate(S, fixture().M).value();
  auto F = I.getTypedFunc<int32_t(int32_t)>(S, "call_host").value();
  int32_t Acc = 0;
  for (auto _ : State)
    Acc = F.call(S, Acc).value();
  benchmark::DoNotOptimize(Acc);
}
BENCHMARK(WasmToHostTyped);

void WasmToHostDynamic(benchmark::State &State) {
  orca::Store S(fixture().E);
  orca::Instance I = dynamicLinker().instantiate(S, fixture().M).value();
  auto F = I.getTypedFunc<int32_t(int32_t)>(S, "call_host").value();
  int32_t Acc = 0;
  for (auto _ : State)
    Acc = F.call(S, Acc).value();
  benchmark::DoNotOptimize(Acc);
}
BENCHMARK(WasmToHostDynamic);

void InstantiateSmall(benchmark::State &State) {
  orca::Linker L = typedLinker();
  orca::Store S(fixture().E);
  for (auto _ : State) {
    // A fresh store per batch bounds memory; instances die with it.
    State.PauseTiming();
    S = orca::Store(fixture().E);
    State.ResumeTiming();
    benchmark::DoNotOptimize(L.instantiate(S, fixture().Small).ok());
  }
}
BENCHMARK(InstantiateSmall);

/// Appends \p V as unsigned LEB128.
void leb(std::vector<uint8_t> &Out, uint32_t V) {
  do {
    uint8_t Byte = V & 0x7f;
    V >>= 7;
    Out.push_back(V ? Byte | 0x80 : Byte);
  } while (V);
}

void section(std::vector<uint8_t> &Out, uint8_t Id,
             const std::vector<uint8_t> &Body) {
  Out.push_back(Id);
  leb(Out, Body.size());
  Out.insert(Out.end(), Body.begin(), Body.end());
}

/// A module of \p N functions (i32 i32) -> i32, each a loop that sums
/// memory words and mixes them, then calls function 0 (which the
/// optimiser inlines once into each): loads, arithmetic, branches and a
/// call for every function, without an inlining cascade.
std::vector<uint8_t> compileInput(uint32_t N) {
  // clang-format off
  const std::vector<uint8_t> Loop = {
      0x01, 0x02, 0x7f,                         // 2 locals i32
      0x03, 0x40,                               // loop
      0x20, 0x00, 0x28, 0x02, 0x00,             //   i32.load (local 0)
      0x20, 0x02, 0x6a,                         //   + local 2
      0x41, 0x9b, 0x8f, 0x02, 0x6c,             //   * 34715
      0x20, 0x03, 0x41, 0x05, 0x77, 0x73,       //   ^ rotl(local 3, 5)
      0x22, 0x02,                               //   local.tee 2
      0x20, 0x03, 0x6a, 0x21, 0x03,             //   local 3 += it
      0x20, 0x00, 0x41, 0x04, 0x6a, 0x22, 0x00, //   local 0 += 4 (tee)
      0x20, 0x01, 0x49, 0x0d, 0x00,             //   br_if (local 0 < local 1)
      0x0b,                                     // end
      0x20, 0x02, 0x20, 0x03,                   // local 2, local 3
  };
  // clang-format on
  std::vector<uint8_t> M = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  section(M, 1, {0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f});
  std::vector<uint8_t> Funcs;
  leb(Funcs, N);
  Funcs.insert(Funcs.end(), N, 0x00);
  section(M, 3, Funcs);
  section(M, 5, {0x01, 0x00, 0x01});
  std::vector<uint8_t> Code;
  leb(Code, N);
  for (uint32_t I = 0; I != N; ++I) {
    std::vector<uint8_t> Body = Loop;
    if (I) { // call function 0 with (local 2, local 3)
      Body.push_back(0x10);
      Body.push_back(0x00);
    } else {
      Body.push_back(0x6a); // i32.add
    }
    Body.push_back(0x0b);
    leb(Code, Body.size());
    Code.insert(Code.end(), Body.begin(), Body.end());
  }
  section(M, 10, Code);
  return M;
}

/// Compiles a 256-function module at -O<arg> on one thread; reports wasm
/// bytes and functions per second.
void Compile(benchmark::State &State) {
  orca::Config C;
  C.OptLevel = State.range(0);
  C.CompileThreads = 1;
  orca::Engine E = orca::Engine::create(C).value();
  constexpr uint32_t Funcs = 256;
  std::vector<uint8_t> Bytes = compileInput(Funcs);
  for (auto _ : State)
    if (!orca::Module::compile(E, Bytes).ok())
      std::abort();
  State.SetBytesProcessed(int64_t(State.iterations()) * Bytes.size());
  State.counters["funcs/s"] = benchmark::Counter(
      double(State.iterations()) * Funcs, benchmark::Counter::kIsRate);
}
BENCHMARK(Compile)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
