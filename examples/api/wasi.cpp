//===- examples/api/wasi.cpp - A WASI program run through the API ---------===//
//
// Gives the store a WASI context (argv, environment), links WASI preview1
// with Linker::defineWasi(), runs _start and reports the exit code.
//
//===----------------------------------------------------------------------===//

#include "orca/orca.h"

#include <cstdio>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  orca::Engine Engine = orca::Engine::create().value();
  orca::Module M = orca::Module::fromFile(Engine, argv[1]).value();
  orca::Store Store(Engine);
  orca::WasiConfig WC;
  WC.Args = {"wasi.wasm", "one", "two"};
  WC.Env = {"GREETING=hi from the embedder"};
  Store.setWasi(WC).value();
  orca::Linker Linker(Engine);
  Linker.defineWasi().value();
  orca::Instance I = Linker.instantiate(Store, M).value();
  orca::Result<void> R =
      I.getTypedFunc<void()>(Store, "_start").value().call(Store);
  std::fflush(stdout);
  int Code = 0;
  if (!R) {
    const orca::Trap *T = R.error().trap();
    if (!T || !T->exitCode()) {
      std::fprintf(stderr, "%s\n", R.error().toString().c_str());
      return 1;
    }
    Code = *T->exitCode();
  }
  std::printf("guest exited with %d (store says %d)\n", Code,
              Store.wasiExitCode().value_or(-1));
  return Code == 3 ? 0 : 1;
}
