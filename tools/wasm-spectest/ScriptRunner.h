//===- wasm-spectest/ScriptRunner.h - Runs one script -----------*- C++ -*-===//
//
// Owns the execution of one script (Text/Script.h's commands, parsed from
// .wast or converted from wast2json's JSON): its Store, its `spectest` host
// module, the named, defined and registered modules, and the pass/fail
// bookkeeping, including which failures are features Orca does not have
// yet. Everything the script creates dies with the runner, so a whole suite
// run keeps at most one file's instances alive per thread.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H
#define ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H

#include "Runtime/Runtime.h"
#include "Text/Script.h"

#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>

namespace orca {
namespace spectest {

struct RunnerOptions {
  /// Let spectest.print* print to stderr.
  bool Verbose = false;
  /// When set (the child side of --isolate), receives "#total N" (commands
  /// that count) before the first command and "#at LINE PASSED FAILED"
  /// before each one, so that the parent can still account for a script
  /// whose run crashed. Should be unbuffered.
  llvm::raw_ostream *Progress = nullptr;
};

/// The outcome of one file. Log holds the failure lines, ready to print
/// atomically.
struct FileResult {
  unsigned Passed = 0;
  unsigned Failed = 0;
  /// The failures that are "unsupported: <feature>", by feature.
  std::map<std::string, unsigned> Unsupported;
  std::string Log;
};

/// Runs the commands of \p S, reporting lines as "<DisplayName>:<line>:
/// ...". \p Path is the script's file (its folder helps name missing
/// features).
FileResult runScript(Engine &E, const RunnerOptions &Opts,
                     const std::string &DisplayName, const std::string &Path,
                     const Script &S);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H
