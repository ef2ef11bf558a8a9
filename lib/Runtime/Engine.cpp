//===- Runtime/Engine.cpp - Compiling modules for a runtime ---------------===//
//
// An engine owns the JIT, the signature registry and the builtin array that
// every vmctx of its instances points at. compile() is decode + validate +
// layout + JIT + signature ids.
//
//===----------------------------------------------------------------------===//

#include "Runtime/CompiledModuleImpl.h"
#include "Runtime/EngineImpl.h"
#include "Runtime/VMContext.h"

#include "Binary/Validator.h"
#include "Runtime/TrapHandling.h"

#include <cstdlib>
#include <cstring>

using namespace orca;

const VMOffsets &orca::hostLayout() {
  static const VMOffsets L(uint8_t(sizeof(void *)), VMOffsetsCounts());
  return L;
}

Engine::Engine(std::unique_ptr<Impl> I) : I(std::move(I)) {}
Engine::~Engine() = default;

llvm::Expected<std::unique_ptr<Engine>> Engine::create(const EngineConfig &C) {
  // Guard mode turns faults into traps; the handler is process-wide and
  // installed once.
  installTrapHandlers();
  JITOptions Opts;
  Opts.OptLevel = C.OptLevel;
  Opts.CompileThreads = C.CompileThreads;
  Opts.CPU = C.TargetCPU;
  Opts.CPUFeatures = C.TargetFeatures;
  Opts.MinPartBytes = C.CompilePartBytes;
  Opts.PerfMap = C.PerfMap;
  Opts.CodeGen.Feat = C.Feat;
  Opts.CodeGen.ExplicitBoundsChecks = C.ExplicitBoundsChecks;
  Opts.CodeGen.HeapReservedBytes = C.MemoryReservation + C.MemoryGuardSize;
  auto JIT = JITCompiler::create(Opts);
  if (!JIT)
    return JIT.takeError();
  auto I = std::make_unique<Impl>();
  I->Config = C;
  I->JIT = std::move(*JIT);
  fillBuiltinArray(I->Builtins.data());
  return std::unique_ptr<Engine>(new Engine(std::move(I)));
}

const EngineConfig &Engine::config() const { return I->Config; }

llvm::Expected<std::shared_ptr<CompiledModule>>
Engine::compile(std::vector<uint8_t> Bytes) {
  auto M = decodeAndValidate(std::move(Bytes), I->Config.Feat);
  if (!M)
    return M.takeError();
  VMOffsets Offsets = VMOffsets::forModule(**M, uint8_t(sizeof(void *)));
  std::unique_ptr<CompiledCode> Code;
  {
    std::lock_guard<std::mutex> G(I->JITLock);
    auto C = I->JIT->compile(**M, Offsets);
    if (!C)
      return C.takeError();
    Code = std::move(*C);
  }
  auto CI = std::make_unique<CompiledModule::Impl>(*this, std::move(*M),
                                                   Offsets, std::move(Code));
  for (const FuncType &T : CI->M->Types)
    CI->SigIds.push_back(I->Sigs.intern(T));
  CI->AnyfuncSlots = computeAnyfuncSlots(*CI->M);
  return std::make_shared<CompiledModule>(std::move(CI));
}

llvm::Expected<const void *>
Engine::Impl::wasmToHostTrampoline(uint32_t SigId) {
  // Held across the compile, so that two threads asking for the same
  // signature compile it once. Lock order: TrampolineLock, then JITLock.
  std::lock_guard<std::mutex> G(TrampolineLock);
  auto It = HostTrampolines.find(SigId);
  if (It != HostTrampolines.end())
    return It->second->WasmToHost[0];
  Module M;
  M.Types.push_back(Sigs.lookup(SigId));
  VMOffsets Offsets = VMOffsets::forModule(M, uint8_t(sizeof(void *)));
  std::unique_ptr<CompiledCode> Code;
  {
    std::lock_guard<std::mutex> J(JITLock);
    auto C = JIT->compile(M, Offsets);
    if (!C)
      return C.takeError();
    Code = std::move(*C);
  }
  const void *Tramp = Code->WasmToHost[0];
  HostTrampolines.emplace(SigId, std::move(Code));
  return Tramp;
}
