//===- wasm-spectest/ScriptRunner.h - Runs one converted script -*- C++ -*-===//
//
// Owns the execution of one wast2json script: its Store, its `spectest`
// host module, the named and registered instances, and the pass/fail
// bookkeeping. Everything the script creates dies with the ScriptRunner, so
// a whole suite run keeps at most one file's instances alive per thread.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H
#define ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H

#include "Runtime/Runtime.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace orca {
namespace spectest {

struct RunnerOptions {
  /// Report passing commands' failures in detail even for passing files, and
  /// let spectest.print* print to stderr.
  bool Verbose = false;
  /// When set (the child side of --isolate), receives "#total N" (commands
  /// that count) before the first command and "#at LINE PASSED FAILED"
  /// before each one, so that the parent can still account for a script
  /// whose run crashed. Should be unbuffered.
  llvm::raw_ostream *Progress = nullptr;
};

/// The outcome of one file. Log holds the failure lines (and, when verbose,
/// notes), ready to print atomically.
struct FileResult {
  unsigned Passed = 0;
  unsigned Failed = 0;
  /// Commands not run: text-format modules (counted in SkippedText too).
  unsigned Skipped = 0;
  unsigned SkippedText = 0;
  std::string Log;
};

/// Runs the commands of \p Script (wast2json output whose .wasm files are in
/// \p JsonDir), reporting lines as "<DisplayName>:<line>: ...".
FileResult runScript(Engine &E, const RunnerOptions &Opts,
                     const std::string &DisplayName, const std::string &JsonDir,
                     const llvm::json::Object &Script);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_SCRIPTRUNNER_H
