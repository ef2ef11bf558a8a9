//===- unittests/API/InterruptTest.cpp - Fuel and epoch interruption ------===//
//
// Config::ConsumeFuel and Store::setFuel/getFuel: exact costs, the same at
// every optimisation level, exhaustion as a trap, refuelling. Epochs:
// Engine::incrementEpoch from another thread interrupts a loop without
// calls, a recursion without loops and many stores at once; the deadline
// callback extends the deadline or ends the run.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include "gtest/gtest.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace orca;

namespace {

std::string inputPath() {
  return std::string(ORCA_API_INPUTS) + "/interrupt.wasm";
}

struct Rig {
  Engine E;
  Module M;
  Store S;
  Instance I;
  explicit Rig(const Config &C)
      : E(Engine::create(C).value()),
        M(Module::fromFile(E, inputPath()).value()), S(E),
        I(Instance::create(S, M).value()) {}
  template <typename Sig> TypedFunc<Sig> func(std::string_view Name) {
    return I.getTypedFunc<Sig>(S, Name).value();
  }
};

Config fuelConfig(unsigned OptLevel = 2) {
  Config C;
  C.ConsumeFuel = true;
  C.OptLevel = OptLevel;
  return C;
}

Config epochConfig() {
  Config C;
  C.EpochInterruption = true;
  return C;
}

/// The code of the trap in \p R, which must have failed with one.
template <typename T> std::optional<TrapCode> trapOf(const Result<T> &R) {
  if (R.ok() || !R.error().trap())
    return std::nullopt;
  return R.error().trap()->code();
}

/// Increments \p E's epoch every millisecond until destroyed.
struct EpochTicker {
  explicit EpochTicker(const Engine &E)
      : T([this, E] {
          while (!Stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            E.incrementEpoch();
          }
        }) {}
  ~EpochTicker() {
    Stop = true;
    T.join();
  }
  std::atomic<bool> Stop{false};
  std::thread T;
};

} // namespace

TEST(Fuel, NeedsTheConfigSwitch) {
  Rig X{Config()};
  EXPECT_EQ(X.S.setFuel(10).error().kind(), ErrorKind::Usage);
  EXPECT_EQ(X.S.getFuel().error().kind(), ErrorKind::Usage);
}

TEST(Fuel, ExactCostOfALoop) {
  Rig X(fuelConfig());
  ASSERT_TRUE(X.S.setFuel(1000).ok());
  EXPECT_EQ(X.S.getFuel().value(), 1000u);
  EXPECT_EQ(X.func<int32_t(int32_t)>("sum").call(X.S, 10).value(), 55);
  EXPECT_EQ(X.S.getFuel().value(), 1000u - (12 * 10 + 4));
}

TEST(Fuel, SameAtEveryOptimisationLevel) {
  // Also with bulk operations and growth, whose cost depends on operands.
  for (unsigned O = 0; O <= 3; ++O) {
    SCOPED_TRACE("-O" + std::to_string(O));
    Rig X(fuelConfig(O));
    ASSERT_TRUE(X.S.setFuel(1'000'000).ok());
    EXPECT_EQ(X.func<int32_t(int32_t)>("sum").call(X.S, 1000).value(), 500500);
    EXPECT_EQ(X.S.getFuel().value(), 1'000'000u - (12 * 1000 + 4));
    ASSERT_TRUE(X.S.setFuel(1'000'000).ok());
    ASSERT_TRUE(X.func<void(int32_t)>("fill").call(X.S, 6400).ok());
    EXPECT_EQ(X.S.getFuel().value(), 1'000'000u - (4 + 100));
    ASSERT_TRUE(X.S.setFuel(1'000'000).ok());
    EXPECT_EQ(X.func<int32_t(int32_t)>("grow").call(X.S, 2).value(), 1);
    EXPECT_EQ(X.S.getFuel().value(), 1'000'000u - (2 + 2048));
    ASSERT_TRUE(X.S.setFuel(1'000'000).ok());
    EXPECT_EQ(X.func<int32_t(int32_t)>("grow").call(X.S, 100).value(), -1);
    EXPECT_EQ(X.S.getFuel().value(), 1'000'000u - 2);
  }
}

TEST(Fuel, RunningOutTrapsThenRefuelAndContinue) {
  Rig X(fuelConfig());
  auto Sum = X.func<int32_t(int32_t)>("sum");
  ASSERT_TRUE(X.S.setFuel(50).ok());
  Result<int32_t> R = Sum.call(X.S, 10);
  ASSERT_EQ(trapOf(R), TrapCode::OutOfFuel);
  EXPECT_EQ(R.error().trap()->message(), "all fuel consumed by WebAssembly");
  ASSERT_FALSE(R.error().trap()->backtrace().empty());
  EXPECT_EQ(X.S.getFuel().value(), 0u);
  // Without fuel nothing runs; with fuel the same store works again.
  EXPECT_EQ(trapOf(Sum.call(X.S, 1)), TrapCode::OutOfFuel);
  ASSERT_TRUE(X.S.setFuel(1000).ok());
  EXPECT_EQ(Sum.call(X.S, 10).value(), 55);
  EXPECT_EQ(X.S.getFuel().value(), 1000u - 124);
}

TEST(Fuel, StopsLoopsAndRecursion) {
  Rig X(fuelConfig());
  ASSERT_TRUE(X.S.setFuel(100'000).ok());
  EXPECT_EQ(trapOf(X.func<void()>("spin").call(X.S)), TrapCode::OutOfFuel);
  ASSERT_TRUE(X.S.setFuel(10'000).ok());
  EXPECT_EQ(trapOf(X.func<int32_t(int32_t)>("recurse").call(X.S, 0)),
            TrapCode::OutOfFuel);
  ASSERT_TRUE(X.S.setFuel(100'000).ok());
  EXPECT_EQ(trapOf(X.func<void(int32_t)>("tree").call(X.S, 40)),
            TrapCode::OutOfFuel);
}

TEST(Fuel, AStoreStartsWithoutFuel) {
  Rig X(fuelConfig());
  EXPECT_EQ(X.S.getFuel().value(), 0u);
  EXPECT_EQ(trapOf(X.func<int32_t(int32_t)>("sum").call(X.S, 3)),
            TrapCode::OutOfFuel);
}

TEST(Epoch, InterruptsALoopWithoutCalls) {
  Rig X(epochConfig());
  X.S.setEpochDeadline(1);
  EpochTicker T(X.E);
  Result<void> R = X.func<void()>("spin").call(X.S);
  ASSERT_EQ(trapOf(R), TrapCode::Interrupt);
  EXPECT_EQ(R.error().trap()->message(), "interrupt");
  EXPECT_FALSE(R.error().trap()->backtrace().empty());
}

TEST(Epoch, InterruptsRecursionWithoutLoops) {
  Rig X(epochConfig());
  X.S.setEpochDeadline(1);
  EpochTicker T(X.E);
  EXPECT_EQ(trapOf(X.func<void(int32_t)>("tree").call(X.S, 60)),
            TrapCode::Interrupt);
}

TEST(Epoch, NoDeadlineNoInterrupt) {
  Rig X(epochConfig());
  for (int K = 0; K < 10; ++K)
    X.E.incrementEpoch();
  EXPECT_EQ(X.func<int32_t(int32_t)>("sum").call(X.S, 100).value(), 5050);
  // The deadline counts from now: ten ticks ago do not count.
  X.S.setEpochDeadline(1);
  EXPECT_EQ(X.func<int32_t(int32_t)>("sum").call(X.S, 100).value(), 5050);
  X.E.incrementEpoch();
  EXPECT_EQ(trapOf(X.func<int32_t(int32_t)>("sum").call(X.S, 100)),
            TrapCode::Interrupt);
  // And the store works again with a new deadline.
  X.S.setEpochDeadline(1);
  EXPECT_EQ(X.func<int32_t(int32_t)>("sum").call(X.S, 100).value(), 5050);
}

TEST(Epoch, CallbackExtendsTheDeadline) {
  Rig X(epochConfig());
  int Calls = 0;
  X.S.setEpochDeadlineCallback([&](Store &S) -> std::optional<uint64_t> {
    EXPECT_EQ(&S, &X.S);
    if (++Calls < 4)
      return 1;
    return std::nullopt;
  });
  X.S.setEpochDeadline(1);
  EpochTicker T(X.E);
  EXPECT_EQ(trapOf(X.func<void()>("spin").call(X.S)), TrapCode::Interrupt);
  EXPECT_EQ(Calls, 4);
}

TEST(Epoch, OneTickInterruptsManyStores) {
  Config C = epochConfig();
  Engine E = Engine::create(C).value();
  Module M = Module::fromFile(E, inputPath()).value();
  constexpr int N = 4;
  std::atomic<int> Running{0}, Interrupted{0};
  std::vector<std::thread> Threads;
  for (int K = 0; K < N; ++K)
    Threads.emplace_back([&] {
      Store S(E);
      Instance I = Instance::create(S, M).value();
      auto Spin = I.getTypedFunc<void()>(S, "spin").value();
      S.setEpochDeadline(1);
      ++Running;
      if (trapOf(Spin.call(S)) == TrapCode::Interrupt)
        ++Interrupted;
    });
  while (Running < N)
    std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  E.incrementEpoch();
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Interrupted, N);
}
