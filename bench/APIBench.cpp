//===- bench/APIBench.cpp - Microbenchmarks of the embedding API ----------===//
//
// host->wasm typed and dynamic calls, wasm->host typed and dynamic host
// functions (each measured as one host->wasm->host round trip), and
// instantiation of a small module. Not part of the test command; see
// bench/README.md.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <benchmark/benchmark.h>

#include <cstdlib>

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

} // namespace

BENCHMARK_MAIN();
