//===- unittests/Runtime/RuntimeTestUtil.h - Test helpers -------*- C++ -*-===//
//
// Loads the wasm inputs assembled from Inputs/*.wat, shares engines between
// the tests of a binary (creating a JIT per test is slow) and gives tests a
// fixture holding one instance (InstanceTest).
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
#include <optional>

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

/// A store of the shared engine holding one instance of an input module
/// (no imports), and calls into its exports.
class InstanceTest : public ::testing::Test {
protected:
  void instantiateInput(const std::string &Name) {
    Module = compileInput(Name);
    ASSERT_TRUE(Module);
    auto I = S.instantiate(Module, {});
    ASSERT_TRUE(bool(I)) << message(I.takeError());
    Inst = *I;
  }
  llvm::Expected<std::vector<Value>> call(const char *Name,
                                          std::vector<Value> Args) {
    return S.call(*Inst->getExport(Name), Args);
  }
  /// The i32 result of export \p Name (a failed test and 0 on error).
  uint32_t callI32(const char *Name, std::vector<Value> Args) {
    auto R = call(Name, std::move(Args));
    if (!R) {
      ADD_FAILURE() << Name << ": " << message(R.takeError());
      return 0;
    }
    return (*R)[0].asI32();
  }
  /// The trap export \p Name raises, or nullopt if it returns.
  std::optional<TrapCode> callTrap(const char *Name, std::vector<Value> Args) {
    auto R = call(Name, std::move(Args));
    if (R)
      return std::nullopt;
    return trapCode(R.takeError());
  }

  Store S{sharedEngine()};
  std::shared_ptr<CompiledModule> Module;
  Instance *Inst = nullptr;
};

} // namespace orca::test

#endif // ORCA_UNITTESTS_RUNTIME_RUNTIMETESTUTIL_H
