//===- examples/api/hello.cpp - A host function imported by wasm ----------===//
//
// Compiles hello.wasm, links a typed C++ lambda as host.hello, and calls
// the export "run".
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <cstdio>

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s hello.wasm\n", argv[0]);
    return 2;
  }
  orca::Engine Engine = orca::Engine::create().value();
  orca::Result<orca::Module> M = orca::Module::fromFile(Engine, argv[1]);
  if (!M) {
    std::fprintf(stderr, "%s\n", M.error().toString().c_str());
    return 1;
  }
  orca::Store Store(Engine);
  orca::Linker Linker(Engine);
  int32_t Seen = 0;
  Linker
      .funcWrap("host", "hello",
                [&Seen](int32_t X) {
                  std::printf("Hello from the host! wasm says %d\n", X);
                  Seen = X;
                })
      .value();
  orca::Result<orca::Instance> I = Linker.instantiate(Store, *M);
  if (!I) {
    std::fprintf(stderr, "%s\n", I.error().toString().c_str());
    return 1;
  }
  auto Run = I->getTypedFunc<void(int32_t)>(Store, "run");
  if (!Run) {
    std::fprintf(stderr, "%s\n", Run.error().toString().c_str());
    return 1;
  }
  if (orca::Result<void> R = Run->call(Store, 21); !R) {
    std::fprintf(stderr, "%s\n", R.error().toString().c_str());
    return 1;
  }
  return Seen == 42 ? 0 : 1;
}
