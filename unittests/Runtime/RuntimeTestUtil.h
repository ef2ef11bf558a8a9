//===- unittests/Runtime/RuntimeTestUtil.h - Test helpers -------*- C++ -*-===//
//
// Loads the wasm inputs assembled from Inputs/*.wat and shares one engine
// between the tests of a binary (creating a JIT per test is slow).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_UNITTESTS_RUNTIME_RUNTIMETESTUTIL_H
#define ORCA_UNITTESTS_RUNTIME_RUNTIMETESTUTIL_H

#include "Runtime/Runtime.h"
#include "Runtime/Trap.h"
#include "Support/Error.h"

#include "gtest/gtest.h"

#include <fstream>
#include <iterator>

namespace orca::test {

inline std::vector<uint8_t> readInput(const std::string &Name) {
  std::ifstream In(std::string(ORCA_RUNTIME_INPUTS) + "/" + Name + ".wasm",
                   std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

inline Engine &sharedEngine() {
  static std::unique_ptr<Engine> E = [] {
    auto EOr = Engine::create(EngineConfig());
    if (!EOr) {
      ADD_FAILURE() << llvm::toString(EOr.takeError());
      std::abort();
    }
    return std::move(*EOr);
  }();
  return *E;
}

/// One engine per bounds-check mode (Explicit) and compilation shape
/// (Split: every function its own part, compiled by several threads and
/// linked together, so calls and traps cross parts), shared by the tests.
inline Engine &engineFor(bool Explicit, bool Split = false) {
  static std::unique_ptr<Engine> Engines[2][2];
  std::unique_ptr<Engine> &E = Engines[Explicit][Split];
  if (!E) {
    EngineConfig C;
    C.ExplicitBoundsChecks = Explicit;
    if (Split) {
      C.CompileThreads = 3;
      C.CompilePartBytes = 1;
    }
    auto EOr = Engine::create(C);
    if (!EOr) {
      ADD_FAILURE() << llvm::toString(EOr.takeError());
      std::abort();
    }
    E = std::move(*EOr);
  }
  return *E;
}

inline std::shared_ptr<CompiledModule> compileInput(const std::string &Name) {
  auto M = sharedEngine().compile(readInput(Name));
  if (!M) {
    ADD_FAILURE() << Name << ": " << llvm::toString(M.takeError());
    return nullptr;
  }
  return *M;
}

/// The message of a WasmError or TrapError, consuming it.
inline std::string message(llvm::Error E) {
  return llvm::toString(std::move(E));
}

/// The trap code of \p E if it is a TrapError (consumed either way).
inline std::optional<TrapCode> trapCode(llvm::Error E) {
  std::optional<TrapCode> Code;
  llvm::handleAllErrors(
      std::move(E), [&](const TrapError &T) { Code = T.code(); },
      [](const llvm::ErrorInfoBase &) {});
  return Code;
}

inline ErrorKind errorKind(llvm::Error E) {
  return takeErrorReport(std::move(E)).Kind;
}

} // namespace orca::test

#endif // ORCA_UNITTESTS_RUNTIME_RUNTIMETESTUTIL_H
