//===- JIT/PerfMap.h - Name JIT code for perf -------------------*- C++ -*-===//
//
// Appends "START SIZE NAME" for every function JITLink places to
// /tmp/perf-<pid>.map, the file `perf report` reads to name samples in
// anonymous executable memory (wasm-run --profile=perfmap, as wasmtime's).
// Names are the link symbols (wasm_func_<index>, orca_h2w_<type>, ...).
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_PERFMAP_H
#define ORCA_JIT_PERFMAP_H

#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"

namespace orca {

class PerfMapPlugin : public llvm::orc::ObjectLinkingLayer::Plugin {
public:
  void modifyPassConfig(llvm::orc::MaterializationResponsibility &MR,
                        llvm::jitlink::LinkGraph &G,
                        llvm::jitlink::PassConfiguration &Config) override;
  llvm::Error
  notifyFailed(llvm::orc::MaterializationResponsibility &) override {
    return llvm::Error::success();
  }
  llvm::Error notifyRemovingResources(llvm::orc::JITDylib &,
                                      llvm::orc::ResourceKey) override {
    return llvm::Error::success();
  }
  void notifyTransferringResources(llvm::orc::JITDylib &,
                                   llvm::orc::ResourceKey,
                                   llvm::orc::ResourceKey) override {}
};

} // namespace orca

#endif // ORCA_JIT_PERFMAP_H
