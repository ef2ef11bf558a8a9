//===- JIT/PerfMap.cpp - Name JIT code for perf ---------------------------===//
//
// Lines are appended whole under a process-wide lock, after fixups (when
// addresses are final). Freed code is not removed from the map: perf only
// needs names for what ran, and addresses reused later get a new line.
//
//===----------------------------------------------------------------------===//

#include "JIT/PerfMap.h"

#include "llvm/ExecutionEngine/JITLink/JITLink.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>
#include <unistd.h>

using namespace llvm;

namespace orca {

/// A post-fixup pass: every symbol has its final address.
static Error appendToPerfMap(jitlink::LinkGraph &G) {
  std::string Lines;
  raw_string_ostream OS(Lines);
  for (jitlink::Symbol *S : G.defined_symbols())
    if (S->isCallable() && S->hasName() && S->getSize())
      OS << format("%llx %llx ", (unsigned long long)S->getAddress().getValue(),
                   (unsigned long long)S->getSize())
         << S->getName() << '\n';
  static std::mutex Lock;
  std::lock_guard<std::mutex> L(Lock);
  std::error_code EC;
  raw_fd_ostream Out("/tmp/perf-" + std::to_string(getpid()) + ".map", EC,
                     sys::fs::OF_Append);
  if (!EC)
    Out << Lines;
  return Error::success();
}

void PerfMapPlugin::modifyPassConfig(orc::MaterializationResponsibility &,
                                     jitlink::LinkGraph &,
                                     jitlink::PassConfiguration &Config) {
  Config.PostFixupPasses.push_back(
      jitlink::LinkGraphPassFunction(appendToPerfMap));
}

} // namespace orca
