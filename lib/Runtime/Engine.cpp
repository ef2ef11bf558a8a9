//===- Runtime/Engine.cpp - Compiling modules for a runtime ---------------===//
//
// An engine owns the compiler, the code loader, the optional code cache,
// the signature registry and the builtin array that every vmctx of its
// instances points at. compile() is decode + (cache lookup | validate +
// compile [+ cache store]) + load + layout + signature ids; deserialize()
// is parse + compatibility check + decode + load. Every path ends in
// CodeLoader::load of a CompiledArtifact, so cached, precompiled and fresh
// code are linked, registered and run the same way.
//
// A cache hit skips validation: the key covers the module's exact bytes,
// the wasm features and Orca's version, and only modules that validated
// were ever stored.
//
//===----------------------------------------------------------------------===//

#include "Runtime/CompiledModuleImpl.h"
#include "Runtime/EngineImpl.h"
#include "Runtime/VMContext.h"

#include "Binary/Decoder.h"
#include "Binary/Validator.h"
#include "Runtime/TrapHandling.h"
#include "Support/Error.h"

#include "llvm/Config/llvm-config.h"

#include <cstdlib>
#include <cstring>

using namespace orca;

const VMOffsets &orca::hostLayout() {
  static const VMOffsets L(uint8_t(sizeof(void *)), VMOffsetsCounts());
  return L;
}

JITOptions orca::jitOptionsFor(const EngineConfig &C) {
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
  Opts.CodeGen.ConsumeFuel = C.ConsumeFuel;
  Opts.CodeGen.EpochInterruption = C.EpochInterruption;
  return Opts;
}

Engine::Engine(std::unique_ptr<Impl> I) : I(std::move(I)) {}
Engine::~Engine() = default;

llvm::Expected<std::unique_ptr<Engine>> Engine::create(const EngineConfig &C) {
  // Guard mode turns faults into traps; the handler is process-wide and
  // installed once.
  installTrapHandlers();
  JITOptions Opts = jitOptionsFor(C);
  auto Compiler = JITCompiler::create(Opts);
  if (!Compiler)
    return Compiler.takeError();
  auto Loader = CodeLoader::create(Opts.PerfMap);
  if (!Loader)
    return Loader.takeError();
  auto I = std::make_unique<Impl>();
  I->Config = C;
  I->Compiler = std::move(*Compiler);
  I->Loader = std::move(*Loader);
  if (!C.CacheDir.empty())
    I->Cache = std::make_unique<CodeCache>(C.CacheDir, C.CacheMaxBytes);
  fillBuiltinArray(I->Builtins.data());
  return std::unique_ptr<Engine>(new Engine(std::move(I)));
}

const EngineConfig &Engine::config() const { return I->Config; }

void Engine::incrementEpoch() {
  I->Epoch.fetch_add(1, std::memory_order_relaxed);
}

uint64_t Engine::epoch() const {
  return I->Epoch.load(std::memory_order_relaxed);
}

EngineStats Engine::stats() const {
  EngineStats S;
  S.Compiles = I->Stats.Compiles;
  S.CacheHits = I->Stats.CacheHits;
  S.CacheMisses = I->Stats.CacheMisses;
  S.CacheRejected = I->Stats.CacheRejected;
  S.CacheStores = I->Stats.CacheStores;
  S.CacheStoreErrors = I->Stats.CacheStoreErrors;
  S.Deserialized = I->Stats.Deserialized;
  return S;
}

/// The module around loaded code: signature ids and anyfunc slots.
static std::shared_ptr<CompiledModule>
makeModule(Engine &E, SignatureRegistry &Sigs, std::unique_ptr<Module> M,
           const VMOffsets &Offsets, std::unique_ptr<CompiledCode> Code) {
  auto CI = std::make_unique<CompiledModule::Impl>(E, std::move(M), Offsets,
                                                   std::move(Code));
  for (const FuncType &T : CI->M->Types)
    CI->SigIds.push_back(Sigs.intern(T));
  CI->AnyfuncSlots = computeAnyfuncSlots(*CI->M);
  return std::make_shared<CompiledModule>(std::move(CI));
}

/// The cache entry \p Buf for \p M, loaded, if it is exactly what compiling
/// \p M here would make; null otherwise (the caller then recompiles and
/// overwrites it).
static std::unique_ptr<CompiledCode>
loadCacheEntry(Engine::Impl &I, const ArtifactKey &Key,
               std::unique_ptr<llvm::MemoryBuffer> Buf, const Module &M) {
  auto A = parseArtifact(std::move(Buf));
  if (!A) {
    llvm::consumeError(A.takeError());
    return nullptr;
  }
  // The key covers all of this, but a foreign file under the right name
  // (or a hash collision) must not run: compare what is cheap to compare.
  if (A->Key != Key || A->ModuleBytes != llvm::ArrayRef(M.Bytes) ||
      A->FunctionSymbols.size() != M.numDefinedFuncs() ||
      A->HostToWasmSymbols.size() != M.Types.size())
    return nullptr;
  if (llvm::Error E =
          checkCompatible(*A, I.Compiler->target(), I.Compiler->settings())) {
    llvm::consumeError(std::move(E));
    return nullptr;
  }
  auto Code =
      I.Loader->load(std::make_shared<const CompiledArtifact>(std::move(*A)));
  if (!Code) {
    llvm::consumeError(Code.takeError());
    return nullptr;
  }
  return std::move(*Code);
}

llvm::Expected<std::shared_ptr<CompiledModule>>
Engine::compile(std::vector<uint8_t> Bytes) {
  auto M = decodeModule(std::move(Bytes), I->Config.Feat);
  if (!M)
    return M.takeError();
  VMOffsets Offsets = VMOffsets::forModule(**M, uint8_t(sizeof(void *)));
  std::unique_ptr<CompiledCode> Code;
  ArtifactKey Key{};
  if (I->Cache) {
    Key = I->Compiler->key(**M);
    if (auto Buf = I->Cache->lookup(Key)) {
      Code = loadCacheEntry(*I, Key, std::move(Buf), **M);
      if (Code) {
        ++I->Stats.CacheHits;
        I->Cache->touch(Key);
      } else {
        ++I->Stats.CacheRejected;
      }
    }
    if (!Code)
      ++I->Stats.CacheMisses;
  }
  if (!Code) {
    if (llvm::Error E = validateModule(**M, I->Config.Feat))
      return E;
    auto A = I->Compiler->compile(**M, Offsets);
    if (!A)
      return A.takeError();
    ++I->Stats.Compiles;
    auto Shared = std::make_shared<const CompiledArtifact>(std::move(*A));
    if (I->Cache) {
      // Failing to store only costs the next run a compile.
      if (llvm::Error E =
              I->Cache->store(Key, serializeArtifact(*Shared, (*M)->Bytes))) {
        llvm::consumeError(std::move(E));
        ++I->Stats.CacheStoreErrors;
      } else {
        ++I->Stats.CacheStores;
      }
    }
    auto C = I->Loader->load(std::move(Shared));
    if (!C)
      return C.takeError();
    Code = std::move(*C);
  }
  return makeModule(*this, I->Sigs, std::move(*M), Offsets, std::move(Code));
}

llvm::Expected<std::shared_ptr<CompiledModule>>
Engine::deserialize(std::unique_ptr<llvm::MemoryBuffer> Bytes) {
  auto A = parseArtifact(std::move(Bytes));
  if (!A)
    return A.takeError();
  if (llvm::Error E =
          checkCompatible(*A, I->Compiler->target(), I->Compiler->settings()))
    return E;
  // The module's own bytes, not validated again (see Engine::deserialize).
  auto M = decodeModule(
      std::vector<uint8_t>(A->ModuleBytes.begin(), A->ModuleBytes.end()),
      I->Config.Feat);
  if (!M)
    return M.takeError();
  if (A->FunctionSymbols.size() != (*M)->numDefinedFuncs() ||
      A->HostToWasmSymbols.size() != (*M)->Types.size())
    return makeError(ErrorKind::Malformed,
                     "not a valid precompiled module: its code does not "
                     "match its module");
  VMOffsets Offsets = VMOffsets::forModule(**M, uint8_t(sizeof(void *)));
  auto Code =
      I->Loader->load(std::make_shared<const CompiledArtifact>(std::move(*A)));
  if (!Code)
    return Code.takeError();
  ++I->Stats.Deserialized;
  return makeModule(*this, I->Sigs, std::move(*M), Offsets, std::move(*Code));
}

llvm::Expected<const void *>
Engine::Impl::wasmToHostTrampoline(uint32_t SigId) {
  // Held across the compile, so that two threads asking for the same
  // signature compile it once.
  std::lock_guard<std::mutex> G(TrampolineLock);
  auto It = HostTrampolines.find(SigId);
  if (It != HostTrampolines.end())
    return It->second->WasmToHost[0];
  Module M;
  M.Types.push_back(Sigs.lookup(SigId));
  VMOffsets Offsets = VMOffsets::forModule(M, uint8_t(sizeof(void *)));
  auto A = Compiler->compile(M, Offsets);
  if (!A)
    return A.takeError();
  auto C =
      Loader->load(std::make_shared<const CompiledArtifact>(std::move(*A)));
  if (!C)
    return C.takeError();
  std::unique_ptr<CompiledCode> Code = std::move(*C);
  const void *Tramp = Code->WasmToHost[0];
  HostTrampolines.emplace(SigId, std::move(Code));
  return Tramp;
}
