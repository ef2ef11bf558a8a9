//===- JIT/CodeLoader.cpp - Link compiled artifacts into running code -----===//
//
// One LLJIT per engine, linking with JITLink (ObjectLinkingLayer) on every
// target: RuntimeDyld can overflow AArch64 ADRP ranges on real hardware.
// Each loaded module gets a JITDylib of its own and a ResourceTracker, so
// dropping a module frees exactly its code.
//
// The LLJIT has no platform (setUpInactivePlatform): JIT code has no static
// initialisers, and the generic platform would add IR modules to every
// dylib, i.e. code generation at load time. Its IR layers are never used.
//
// JIT code reaches the runtime only through the vmctx (builtins array), so
// the dylib needs no runtime symbols; process symbols stay visible for
// libcalls LLVM may emit (memcpy, memmove, memset, fmod...).
//
// Concurrency: ORC's ExecutionSession serialises what must be; loads of
// different modules run in parallel otherwise, so no lock is taken here.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeLoader.h"
#include "JIT/CodeMap.h"
#include "JIT/PerfMap.h"
#include "Support/Error.h"

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ObjectLinkingLayer.h"
#include "llvm/Support/TargetSelect.h"

#include <mutex>

using namespace llvm;
using namespace llvm::orc;
using namespace orca;

CompiledCode::~CompiledCode() {
  if (Tracker)
    consumeError(Tracker->remove());
}

CodeLoader::~CodeLoader() = default;

Expected<std::unique_ptr<CodeLoader>> CodeLoader::create(bool PerfMap) {
  static std::once_flag Once;
  std::call_once(Once, [] {
    InitializeNativeTarget();
    InitializeNativeTargetAsmPrinter();
  });
  auto JTMB = JITTargetMachineBuilder::detectHost();
  if (!JTMB)
    return JTMB.takeError();
  auto JIT = LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*JTMB))
                 .setPlatformSetUp(setUpInactivePlatform)
                 .setObjectLinkingLayerCreator(
                     [PerfMap](ExecutionSession &ES, const Triple &)
                         -> Expected<std::unique_ptr<ObjectLayer>> {
                       // The code map lets trap handling tell JIT code apart
                       // (JIT/CodeMap.h).
                       auto L = std::make_unique<ObjectLinkingLayer>(ES);
                       L->addPlugin(std::make_unique<CodeMapPlugin>());
                       if (PerfMap)
                         L->addPlugin(std::make_unique<PerfMapPlugin>());
                       return L;
                     })
                 .create();
  if (!JIT)
    return JIT.takeError();
  std::unique_ptr<CodeLoader> L(new CodeLoader());
  L->JIT = std::move(*JIT);
  return L;
}

Expected<std::unique_ptr<CompiledCode>>
CodeLoader::load(std::shared_ptr<const CompiledArtifact> A) {
  auto JD = JIT->createJITDylib("orca.module." +
                                std::to_string(NextDylib.fetch_add(1)));
  if (!JD)
    return JD.takeError();
  auto Code = std::make_unique<CompiledCode>();
  Code->JIT = JIT;
  Code->Tracker = JD->getDefaultResourceTracker();
  // The objects are read in place: JITLink copies what it keeps into JIT
  // memory while linking, and linking is over when the lookup below
  // returns. The artifact outlives that anyway (Code->Artifact).
  for (const auto &Obj : A->Objects)
    if (Error E = JIT->addObjectFile(
            Code->Tracker,
            MemoryBuffer::getMemBuffer(Obj->getMemBufferRef(),
                                       /*RequiresNullTerminator=*/false)))
      return E;

  // One lookup for every entry point, so the module is linked once.
  auto &ES = JIT->getExecutionSession();
  SymbolLookupSet Names;
  std::vector<SymbolStringPtr> Order;
  auto Want = [&](const std::string &Name) {
    Order.push_back(JIT->mangleAndIntern(Name));
    Names.add(Order.back());
  };
  for (const std::string &S : A->FunctionSymbols)
    Want(S);
  for (size_t T = 0; T < A->HostToWasmSymbols.size(); ++T) {
    Want(A->HostToWasmSymbols[T]);
    Want(A->WasmToHostSymbols[T]);
  }
  auto Syms = ES.lookup(makeJITDylibSearchOrder(&*JD), std::move(Names));
  if (!Syms)
    return Syms.takeError();
  auto Addr = [&](size_t I) {
    return (*Syms)[Order[I]].getAddress().toPtr<const void *>();
  };
  size_t K = 0;
  for (size_t I = 0; I < A->FunctionSymbols.size(); ++I)
    Code->Functions.push_back(Addr(K++));
  for (size_t T = 0; T < A->HostToWasmSymbols.size(); ++T) {
    Code->HostToWasm.push_back(Addr(K++));
    Code->WasmToHost.push_back(Addr(K++));
  }
  Code->Artifact = std::move(A);
  return Code;
}
