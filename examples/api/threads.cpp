//===- examples/api/threads.cpp - One Module, one Store per thread --------===//
//
// A module is compiled once; each thread instantiates it in its own Store
// (stores are single-threaded, engines and modules are shared) and calls it.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  orca::Engine Engine = orca::Engine::create().value();
  orca::Module M = orca::Module::fromFile(Engine, argv[1]).value();
  // One linker shared by all threads (instantiate() only reads it).
  orca::Linker Linker(Engine);
  constexpr int NumThreads = 4;
  std::atomic<int> Failures{0};
  std::vector<std::thread> Threads;
  for (int T = 0; T < NumThreads; ++T)
    Threads.emplace_back([&, T] {
      orca::Store Store(Engine);
      orca::Result<orca::Instance> I = Linker.instantiate(Store, M);
      if (!I) {
        ++Failures;
        return;
      }
      auto Fib = I->getTypedFunc<int32_t(int32_t)>(Store, "fib").value();
      auto Calls = I->getTypedFunc<int32_t()>(Store, "calls").value();
      int32_t N = 20 + T;
      int32_t V = Fib.call(Store, N).valueOr(-1);
      int32_t Expected[] = {6765, 10946, 17711, 28657};
      // Each store has its own globals: the call count is this thread's.
      int32_t C = Calls.call(Store).valueOr(-1);
      std::printf("thread %d: fib(%d) = %d after %d calls\n", T, N, V, C);
      if (V != Expected[T])
        ++Failures;
    });
  for (std::thread &T : Threads)
    T.join();
  return Failures == 0 ? 0 : 1;
}
