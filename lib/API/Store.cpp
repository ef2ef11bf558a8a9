//===- API/Store.cpp - Engine, Module, Store, Caller and Func -------------===//
//
// Owns the engine/module/store lifecycle and every call path between host
// and wasm:
//   - host -> wasm, typed: TypedFunc::call packs raw slots and calls
//     callRaw(), which enters the function's JIT host-to-wasm trampoline
//     under the runtime's catch point (Store::Impl::enterWasm);
//   - host -> wasm, dynamic: Func::call boxes through the runtime's
//     Store::call;
//   - wasm -> host: every public host function is a runtime *raw* host
//     function (Store::createRawHostFunction) whose callback runs the typed
//     glue on the slots directly, or boxes them into Vals for dynamic ones.
//
// Empty and moved-from objects: an Engine, Module, Store or Linker without
// state (default-constructed, moved from, or a Store of an empty Engine)
// makes every operation fail with a Usage error or return an empty value;
// nothing here dereferences missing state or throws.
//
// C++ exceptions: typed glue catches them in the embedder's translation
// unit (orca.h); dynamic host functions are invoked here, in a TU built
// with -fexceptions, inside try/catch. Either way the callback returns
// normally with a Trap, and the runtime raises the trap only after every
// C++ frame has returned, so no exception and no longjmp ever crosses a
// frame with live C++ objects, and no exception unwinds through JIT code.
//
//===----------------------------------------------------------------------===//

#include "API/Internal.h"

#include "Text/Wat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <atomic>

namespace orca {
inline namespace api {

using namespace detail;

static std::atomic<uint64_t> NextStoreId{1};

//===----------------------------------------------------------------------===//
// Engine and Module
//===----------------------------------------------------------------------===//

static rt::Features toRT(const Features &F) {
  rt::Features Out;
  Out.SignExtension = F.SignExtension;
  Out.SaturatingFloatToInt = F.SaturatingFloatToInt;
  Out.MultiValue = F.MultiValue;
  Out.BulkMemory = F.BulkMemory;
  Out.ReferenceTypes = F.ReferenceTypes;
  Out.SIMD = F.SIMD;
  Out.TailCall = F.TailCall;
  Out.ExtendedConst = F.ExtendedConst;
  Out.MultiMemory = F.MultiMemory;
  Out.Threads = F.Threads;
  return Out;
}

Result<Engine> Engine::create(const Config &C) {
  if (C.OptLevel > 3)
    return Error(ErrorKind::Usage, "optimisation level must be 0 to 3");
  EngineConfig EC;
  EC.Feat = toRT(C.Feat);
  EC.OptLevel = C.OptLevel;
  EC.CompileThreads = C.CompileThreads;
  EC.ExplicitBoundsChecks = C.Bounds == BoundsChecks::Explicit;
  EC.MaxWasmStack = C.MaxWasmStack;
  EC.ConsumeFuel = C.ConsumeFuel;
  EC.EpochInterruption = C.EpochInterruption;
  EC.CacheDir = C.CacheDir;
  EC.CacheMaxBytes = C.CacheMaxBytes;
  auto RT = rt::Engine::create(EC);
  if (!RT)
    return fromRT(RT.takeError(), nullptr);
  Engine E;
  E.State = std::make_shared<EngineState>();
  E.State->Cfg = C;
  E.State->RT = std::move(*RT);
  return E;
}

const Config &Engine::config() const {
  static const Config Defaults;
  return State ? State->Cfg : Defaults;
}

/// The binary module \p Bytes are, or encode as text (`.wat`): anything
/// without the binary magic is parsed as text, as wasmtime's Module::new
/// does. Text errors read "<Name>:line:col: message".
static llvm::Expected<std::vector<uint8_t>>
binaryOrText(std::span<const uint8_t> Bytes, llvm::StringRef Name) {
  llvm::ArrayRef<uint8_t> B(Bytes.data(), Bytes.size());
  // Empty bytes and bytes starting with NUL (a damaged binary) go to the
  // decoder, for its errors.
  if (isWasmBinary(B) || B.empty() || B[0] == 0)
    return std::vector<uint8_t>(Bytes.begin(), Bytes.end());
  auto Text = parseWat(llvm::toStringRef(B), Name);
  if (!Text) // the message keeps the position ("file:line:col: ...")
    return makeError(rt::ErrorKind::Malformed,
                     llvm::toString(Text.takeError()));
  return Text;
}

void Engine::incrementEpoch() const {
  if (State)
    State->RT->incrementEpoch();
}

Result<Module> Module::compile(const Engine &E,
                               std::span<const uint8_t> Bytes) {
  EngineState *ES = Access::state(E);
  if (!ES)
    return Error(ErrorKind::Usage, "empty engine");
  auto Binary = binaryOrText(Bytes, "<wat>");
  if (!Binary)
    return fromRT(Binary.takeError(), nullptr);
  auto CM = ES->RT->compile(std::move(*Binary));
  if (!CM)
    return fromRT(CM.takeError(), nullptr);
  Module M;
  M.State = makeModuleState(E, std::move(*CM));
  return M;
}

std::shared_ptr<ModuleState>
detail::makeModuleState(const Engine &E, std::shared_ptr<CompiledModule> CM) {
  auto MS = std::make_shared<ModuleState>();
  MS->E = E;
  MS->CM = std::move(CM);
  const rt::Module &RM = MS->CM->module();
  llvm::ArrayRef<Import> Imps = MS->CM->imports();
  for (size_t I = 0; I < Imps.size(); ++I)
    MS->Imports.push_back(
        ImportType{Imps[I].ModuleName, Imps[I].FieldName,
                   externTypeOf(RM, Imps[I].Kind, Imps[I].Index)});
  for (const Export &X : MS->CM->exports())
    MS->Exports.push_back(
        ExportType{X.Name, externTypeOf(RM, X.Kind, X.Index)});
  return MS;
}

Result<Module> Module::fromFile(const Engine &E, const std::string &Path) {
  // Not std::ifstream: reading a directory through it throws
  // std::ios_base::failure. MemoryBuffer reports every failure as an
  // error_code ("Is a directory", "No such file or directory", ...).
  if (llvm::sys::fs::is_directory(Path))
    return Error(ErrorKind::Io, "cannot read '" + Path + "': is a directory");
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return Error(ErrorKind::Io,
                 "cannot read '" + Path + "': " + Buf.getError().message());
  llvm::StringRef Data = (*Buf)->getBuffer();
  // Text is parsed here so that its errors name the file.
  auto Binary = binaryOrText(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t *>(Data.data()),
                               Data.size()),
      Path);
  if (!Binary)
    return fromRT(Binary.takeError(), nullptr);
  return compile(E, *Binary);
}

Result<void> Module::validate(const Engine &E, std::span<const uint8_t> Bytes) {
  EngineState *ES = Access::state(E);
  if (!ES)
    return Error(ErrorKind::Usage, "empty engine");
  auto Binary = binaryOrText(Bytes, "<wat>");
  if (!Binary)
    return fromRT(Binary.takeError(), nullptr);
  auto M = decodeAndValidate(std::move(*Binary), toRT(ES->Cfg.Feat));
  if (!M)
    return fromRT(M.takeError(), nullptr);
  return {};
}

const std::vector<ImportType> &Module::imports() const {
  static const std::vector<ImportType> None;
  return State ? State->Imports : None;
}
const std::vector<ExportType> &Module::exports() const {
  static const std::vector<ExportType> None;
  return State ? State->Exports : None;
}

//===----------------------------------------------------------------------===//
// Store
//===----------------------------------------------------------------------===//

Store::Store(const Engine &E) {
  // A store of an empty engine has no state and id 0, like a moved-from
  // one: every operation with it fails (wrong store) instead of crashing.
  if (!Access::state(E))
    return;
  State = std::make_unique<StoreState>();
  Id = NextStoreId.fetch_add(1, std::memory_order_relaxed);
  State->Id = Id;
  State->E = E;
  State->Owner = this;
  State->RT = std::make_unique<rt::Store>(*Access::state(E)->RT);
}

Store::~Store() = default;

Store::Store(Store &&O) noexcept : State(std::move(O.State)), Id(O.Id) {
  O.Id = 0;
  if (State)
    State->Owner = this;
}

Store &Store::operator=(Store &&O) noexcept {
  State = std::move(O.State);
  Id = O.Id;
  O.Id = 0;
  if (State)
    State->Owner = this;
  return *this;
}

const Engine &Store::engine() const {
  static const Engine None;
  return State ? State->E : None;
}
void Store::setLimits(const StoreLimits &L) {
  if (!State)
    return;
  State->Lim = L;
  // The runtime enforces growth (wasm's memory.grow and table.grow too).
  State->RT->setGrowthLimits(L.MaxMemoryPages, L.MaxTableElements);
}
const StoreLimits &Store::limits() const {
  static const StoreLimits Defaults;
  return State ? State->Lim : Defaults;
}

Result<void> Store::setFuel(uint64_t Fuel) {
  if (!State)
    return Error(ErrorKind::Usage, "empty store");
  if (llvm::Error E = State->RT->setFuel(Fuel))
    return fromRT(std::move(E), State.get());
  return Result<void>();
}

Result<uint64_t> Store::getFuel() const {
  if (!State)
    return Error(ErrorKind::Usage, "empty store");
  llvm::Expected<uint64_t> F = State->RT->getFuel();
  if (!F)
    return fromRT(F.takeError(), State.get());
  return *F;
}

void Store::setEpochDeadline(uint64_t Ticks) {
  if (State)
    State->RT->setEpochDeadline(Ticks);
}

void Store::setEpochDeadlineCallback(
    std::function<std::optional<uint64_t>(Store &)> Callback) {
  if (!State)
    return;
  if (!Callback) {
    State->RT->setEpochDeadlineCallback(nullptr);
    return;
  }
  // The state outlives the runtime store that calls this; Owner follows
  // moves of the public Store. An exception must not unwind into JIT code:
  // it interrupts instead.
  StoreState *St = State.get();
  State->RT->setEpochDeadlineCallback(
      [St, CB = std::move(Callback)]() -> std::optional<uint64_t> {
        try {
          return CB(*St->Owner);
        } catch (...) {
          return std::nullopt;
        }
      });
}
void Store::setData(std::shared_ptr<void> D) {
  if (State)
    State->Data = std::move(D);
}
void *Store::rawData() const { return State ? State->Data.get() : nullptr; }

Result<void> Store::setWasi(const WasiConfig &C) {
  if (!State)
    return wrongStoreError();
  if (State->Wasi)
    return Error(ErrorKind::Usage, "the store already has a WASI context");
  wasi::WasiConfig WC;
  WC.Args = C.Args;
  WC.Env = C.Env;
  for (const WasiConfig::Preopen &P : C.Preopens)
    WC.Preopens.push_back(wasi::Preopen{P.HostPath, P.GuestPath});
  WC.Stdin = C.Stdin;
  WC.Stdout = C.Stdout;
  WC.Stderr = C.Stderr;
  auto Ctx = wasi::WasiContext::create(WC);
  if (!Ctx)
    return fromRT(Ctx.takeError(), nullptr);
  State->Wasi = std::move(*Ctx);
  State->WasiDefs = std::make_unique<wasi::ImportResolver>();
  wasi::defineWasi(*State->WasiDefs, *State->RT, *State->Wasi);
  return {};
}

std::optional<int32_t> Store::wasiExitCode() const {
  if (!State || !State->Wasi || !State->Wasi->exitCode())
    return std::nullopt;
  return int32_t(*State->Wasi->exitCode());
}

//===----------------------------------------------------------------------===//
// Caller
//===----------------------------------------------------------------------===//

Store &Caller::store() { return *S->Owner; }

std::optional<Extern> Caller::getExport(std::string_view Name) {
  if (!Inst)
    return std::nullopt;
  std::optional<rt::Extern> X =
      static_cast<rt::Instance *>(Inst)->getExport(Name);
  if (!X)
    return std::nullopt;
  return fromRT(*X, S->Id);
}

//===----------------------------------------------------------------------===//
// Host functions
//===----------------------------------------------------------------------===//

/// Runs a dynamic host function on raw slots. Exceptions are caught here.
static bool runDynamic(const HostFuncSpec &Spec, Caller &C, ValRaw *Slots,
                       uint64_t StoreId, Trap &Out) {
  if (!Spec.Dynamic) {
    Out = Trap("host function has no callable (an empty HostFunction)");
    return false;
  }
  const std::vector<ValType> &PT = Spec.Type.params();
  const std::vector<ValType> &RT = Spec.Type.results();
  llvm::SmallVector<Val, 8> Params, Results;
  for (size_t I = 0; I < PT.size(); ++I) {
    Value V{toRT(PT[I]), Slots[I].Lo, Slots[I].Hi};
    if (PT[I] == ValType::I32 || PT[I] == ValType::F32)
      V.Lo &= 0xffffffffu;
    Params.push_back(fromRT(V, StoreId));
  }
  for (ValType T : RT)
    Results.push_back(Val::zero(T));
  try {
    Result<void> R = Spec.Dynamic(C, Params, Results);
    if (!R) {
      Out = trapFromError(R.error());
      return false;
    }
  } catch (const std::exception &E) {
    Out = Trap(std::string("host function threw an exception: ") + E.what());
    return false;
  } catch (...) {
    Out = Trap("host function threw an exception");
    return false;
  }
  for (size_t I = 0; I < RT.size(); ++I) {
    if (Results[I].type() != RT[I]) {
      Out = Trap("host function returned a " +
                 std::string(valTypeName(Results[I].type())) +
                 " where its type says " + valTypeName(RT[I]));
      return false;
    }
    Result<Value> V = toRT(Results[I], StoreId);
    if (!V) {
      Out = trapFromError(V.error());
      return false;
    }
    Slots[I] = ValRaw{V->Lo, V->Hi};
  }
  return true;
}

/// Creates \p Spec in \p St with an entry point wasm can call at once: a
/// public host function may reach wasm as a funcref (argument, result,
/// table element, global) before any module imports it. Should compiling
/// the trampoline fail, the function has none, and toRT() refuses to pass
/// it to wasm as a value.
static rt::Extern createInStore(StoreState &St,
                                std::shared_ptr<HostFuncSpec> Spec) {
  StoreState *SP = &St;
  HostFuncSpec *Raw = Spec.get();
  St.Specs.push_back(std::move(Spec));
  rt::Extern X = St.RT->createRawHostFunction(
      toRT(Raw->Type),
      [SP, Raw](rt::Caller &RC, ValRaw *Slots, llvm::Error &Err) -> bool {
        Caller C = Access::makeCaller(SP, RC.instance());
        Trap T(TrapCode::HostError, std::string());
        bool OK = Raw->Raw ? Raw->Raw(Raw->Env.get(), C,
                                      reinterpret_cast<RawSlot *>(Slots), T)
                           : runDynamic(*Raw, C, Slots, SP->Id, T);
        if (OK)
          return true;
        Err = llvm::make_error<HostTrapError>(std::move(T));
        return false;
      });
  llvm::consumeError(St.RT->makeCallable(X));
  return X;
}

rt::Extern StoreState::funcForSpec(const std::shared_ptr<HostFuncSpec> &Spec) {
  auto It = LinkerFuncs.find(Spec.get());
  if (It != LinkerFuncs.end())
    return It->second;
  rt::Extern X = createInStore(*this, Spec);
  LinkerFuncs.emplace(Spec.get(), X);
  return X;
}

namespace detail {
Func createHostFunc(Store &S, std::shared_ptr<HostFuncSpec> Spec) {
  StoreState *St = Access::state(S);
  if (!St)
    return Func(); // an empty handle: every use is a Usage error
  return Access::make<Func>(St->Id, createInStore(*St, std::move(Spec)).Ptr);
}
} // namespace detail

Func Func::create(Store &S, const FuncType &T, HostFunction Fn) {
  auto Spec = std::make_shared<HostFuncSpec>();
  Spec->Type = T;
  Spec->Dynamic = std::move(Fn);
  return createHostFunc(S, std::move(Spec));
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

FuncType Func::type(const Store &S) const {
  if (S.id() != StoreId || !Ptr)
    return FuncType();
  return fromRT(
      Access::state(S)->RT->funcType(rt::Extern{rt::ExternKind::Func, Ptr}));
}

Result<void> Func::call(Store &S, std::span<const Val> Args,
                        std::span<Val> Results) const {
  if (S.id() != StoreId || !Ptr)
    return wrongStoreError();
  StoreState *St = Access::state(S);
  rt::Extern X{rt::ExternKind::Func, Ptr};
  FuncType T = fromRT(St->RT->funcType(X));
  if (Args.size() != T.params().size())
    return Error(ErrorKind::Usage,
                 "wrong number of arguments: the function takes " +
                     std::to_string(T.params().size()) + ", got " +
                     std::to_string(Args.size()));
  if (Results.size() != T.results().size())
    return Error(ErrorKind::Usage,
                 "wrong number of results: the function returns " +
                     std::to_string(T.results().size()) + ", got room for " +
                     std::to_string(Results.size()));
  llvm::SmallVector<Value, 8> RArgs;
  for (size_t I = 0; I < Args.size(); ++I) {
    if (Args[I].type() != T.params()[I])
      return Error(ErrorKind::Usage,
                   "argument type mismatch: argument " + std::to_string(I) +
                       " is " + valTypeName(Args[I].type()) + ", expected " +
                       valTypeName(T.params()[I]));
    Result<Value> V = toRT(Args[I], StoreId);
    if (!V)
      return std::move(V.error());
    RArgs.push_back(*V);
  }
  auto R = St->RT->call(X, RArgs);
  if (!R)
    return fromRT(R.takeError(), St);
  for (size_t I = 0; I < Results.size(); ++I)
    Results[I] = fromRT((*R)[I], StoreId);
  return {};
}

Result<std::vector<Val>> Func::call(Store &S, std::span<const Val> Args) const {
  if (S.id() != StoreId || !Ptr)
    return wrongStoreError();
  std::vector<Val> Results(type(S).results().size());
  Result<void> R = call(S, Args, Results);
  if (!R)
    return std::move(R.error());
  return Results;
}

namespace detail {

Result<FuncData> prepareTyped(Store &S, const Func &F, const FuncType &Want) {
  const Handle &H = Access::handle(F);
  if (S.id() != H.StoreId || !H.Ptr)
    return wrongStoreError();
  FuncType Have = F.type(S);
  if (Have != Want)
    return Error(ErrorKind::Usage,
                 "type mismatch: the function has type " + Have.toString() +
                     ", the typed view asks for " + Want.toString());
  AnyfuncRef AF{H.Ptr};
  FuncData D;
  D.Anyfunc = H.Ptr;
  D.VMCtx = AF.vmctx();
  if (!isHostContext(D.VMCtx)) {
    D.Fn = AF.funcPtr();
    D.Tramp = InstanceData::fromVMCtx(D.VMCtx)->compiled().hostToWasmForSig(
        AF.typeIndex());
    if (!D.Tramp)
      return Error(ErrorKind::Usage, "no trampoline for the function type");
  }
  return D;
}

std::optional<Error> callRaw(Store &S, const FuncData &D, RawSlot *Slots) {
  StoreState *St = Access::state(S);
  auto *RS = reinterpret_cast<ValRaw *>(Slots);
  if (!D.Tramp) {
    // A host function called from the host: box through the runtime.
    rt::Extern X{rt::ExternKind::Func, D.Anyfunc};
    rt::FuncType T = St->RT->funcType(X);
    llvm::SmallVector<Value, 8> Args;
    for (size_t I = 0; I < T.Params.size(); ++I)
      Args.push_back(Value{T.Params[I], RS[I].Lo, RS[I].Hi});
    auto R = St->RT->call(X, Args);
    if (!R)
      return fromRT(R.takeError(), St);
    for (size_t I = 0; I < R->size(); ++I)
      RS[I] = ValRaw{(*R)[I].Lo, (*R)[I].Hi};
    return std::nullopt;
  }
  if (llvm::Error E =
          St->RT->impl().enterWasm(D.Tramp, D.Fn, D.VMCtx, D.VMCtx, RS))
    return fromRT(std::move(E), St);
  return std::nullopt;
}

} // namespace detail

static_assert(sizeof(RawSlot) == sizeof(ValRaw) &&
                  alignof(RawSlot) == alignof(ValRaw),
              "public raw slots are the runtime's ValRaw");

} // namespace api
} // namespace orca
