//===- Runtime/Store.cpp - Instances, host objects and calls --------------===//
//
// A store owns everything created in it; all of it dies with the store.
// Calls from the host enter wasm through the callee's host-to-wasm
// trampoline under a catch point (TrapHandling.h); the outermost entry sets
// the stack limit JIT code checks.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeMap.h"
#include "Runtime/HostFunction.h"
#include "Runtime/Instance.h"
#include "Runtime/StoreImpl.h"
#include "Runtime/Trap.h"
#include "Support/Error.h"

using namespace orca;

Store::Impl::Impl(Engine &E, Store &Self) : E(E), Self(Self) {
  const VMOffsets &L = hostLayout();
  void *R = Limits.get();
  storeAt<uintptr_t>(R, L.runtimeLimitsStackLimit(), 0);
  storeAt<int64_t>(R, L.runtimeLimitsFuelConsumed(), 0);
  storeAt<uint64_t>(R, L.runtimeLimitsEpochDeadline(), UINT64_MAX);
  storeAt<uintptr_t>(R, L.runtimeLimitsLastWasmExitFp(), 0);
  storeAt<uintptr_t>(R, L.runtimeLimitsLastWasmExitPc(), 0);
  storeAt<uintptr_t>(R, L.runtimeLimitsLastWasmEntrySp(), 0);
}

Store::Impl::~Impl() {
  // Instances first: nothing reads another object while they die, but
  // their owned memories and tables go with them.
  for (InstanceData *I : Instances)
    InstanceData::destroy(I);
}

static_assert(sizeof(RecordStorage<8>) >= 4 * sizeof(void *) + 16,
              "VMRuntimeLimits fits its storage");

/// The backtrace frames of \p CP's PCs that lie in functions of \p S's
/// instances, with names from their modules' name sections. A PC in code
/// LLVM inlined stands for several wasm frames: the inlined callees,
/// innermost first, then the function whose code it is (JIT/CodeMap.h).
/// The code offset is the wasm instruction's, from the code map (the
/// trapping instruction, or the call for outer frames, whose PCs are
/// return addresses minus one); the body's start when the map has none.
static std::vector<TrapFrame> symbolize(const CatchPoint &CP, Store::Impl &S) {
  std::vector<TrapFrame> Out;
  for (unsigned N = 0; N < CP.NumFrames; ++N) {
    CodeRange R;
    // Deeper inlining than this keeps only its innermost frames.
    WasmFrame Frames[64];
    unsigned NumFrames =
        CodeMap::global().lookupFrames(CP.Frames[N], R, Frames, 64);
    if (NumFrames == 0)
      continue;
    const InstanceData *Owner = nullptr;
    for (InstanceData *I : S.Instances) {
      const Module &M = I->mod();
      const auto &Fns = I->compiled().Code->Functions;
      if (R.FuncIndex >= M.NumImportedFuncs &&
          R.FuncIndex - M.NumImportedFuncs < Fns.size() &&
          reinterpret_cast<uintptr_t>(Fns[R.FuncIndex - M.NumImportedFuncs]) ==
              R.Start) {
        Owner = I;
        break;
      }
    }
    for (unsigned K = 0; K < NumFrames; ++K) {
      TrapFrame F{Frames[K].FuncIndex, "", 0};
      if (Owner) {
        const Module &M = Owner->mod();
        if (const std::string *Name = M.Names.functionName(F.FuncIndex))
          F.FuncName = *Name;
        if (F.FuncIndex >= M.NumImportedFuncs &&
            F.FuncIndex - M.NumImportedFuncs < M.Bodies.size()) {
          const FunctionBody &Body = M.Bodies[F.FuncIndex - M.NumImportedFuncs];
          uint32_t At = Frames[K].WasmOffset;
          bool InBody = At >= Body.CodeStart && At < Body.CodeEnd;
          F.CodeOffset = InBody ? At : Body.CodeStart;
        }
      }
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

llvm::Error orca::trapFromCatchPoint(CatchPoint &CP) {
  if (CP.Code == TrapCode::HostError && CP.HostErr) {
    // The host's own error becomes the trap's message and its Cause; a
    // trap the host raised keeps its message. The frames are those below
    // the host call (raiseTrap walked them from hostFunctionEntry).
    std::unique_ptr<TrapError> T = hostErrorTrap(std::move(CP.HostErr));
    if (CP.S)
      T->Backtrace = symbolize(CP, *CP.S);
    return llvm::Error(std::move(T));
  }
  auto T = std::make_unique<TrapError>(CP.Code, trapMessage(CP.Code));
  if (CP.HasFault)
    T->FaultAddress = CP.FaultAddress;
  if (CP.S)
    T->Backtrace = symbolize(CP, *CP.S);
  return llvm::Error(std::move(T));
}

llvm::Error Store::Impl::enterWasm(const void *Tramp, const void *Fn,
                                   void *CalleeVMCtx, void *CallerVMCtx,
                                   ValRaw *Slots) {
  const VMOffsets &L = hostLayout();
  if (EntryDepth == 0) {
    auto SP = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    storeAt<uintptr_t>(Limits.get(), L.runtimeLimitsStackLimit(),
                       wasmStackLimit(SP, E.config().MaxWasmStack));
  }
  ++EntryDepth;
  CatchPoint CP;
  CP.S = this;
  bool Returned = callWithCatch(
      CP, reinterpret_cast<HostToWasmFn>(const_cast<void *>(Tramp)), Fn,
      CalleeVMCtx, CallerVMCtx, Slots);
  --EntryDepth;
  if (Returned)
    return llvm::Error::success();
  return trapFromCatchPoint(CP);
}

Store::Store(Engine &E) : I(std::make_unique<Impl>(E, *this)) {}
Store::~Store() = default;

Engine &Store::engine() { return I->E; }

llvm::Expected<Instance *>
Store::instantiate(const std::shared_ptr<CompiledModule> &M,
                   llvm::ArrayRef<Extern> Imports) {
  return orca::instantiate(*I, M, Imports);
}

Extern Store::createHostFunction(const FuncType &T, HostCallback CB) {
  uint32_t Sig = I->engine().Sigs.intern(T);
  I->HostFuncs.push_back(
      std::make_unique<HostFunc>(*this, T, Sig, std::move(CB)));
  return Extern{ExternKind::Func, I->HostFuncs.back()->anyfunc()};
}

Extern Store::createRawHostFunction(const FuncType &T, RawHostCallback CB) {
  uint32_t Sig = I->engine().Sigs.intern(T);
  I->HostFuncs.push_back(
      std::make_unique<HostFunc>(*this, T, Sig, std::move(CB)));
  return Extern{ExternKind::Func, I->HostFuncs.back()->anyfunc()};
}

llvm::Error Store::makeCallable(Extern Func) {
  AnyfuncRef AF{Func.Ptr};
  if (Func.Kind != ExternKind::Func || !Func.Ptr || AF.funcPtr())
    return llvm::Error::success();
  // Only host functions lack an entry point (instances build anyfuncs with
  // one). The engine's trampoline lives as long as the engine, which
  // outlives this store.
  auto Tramp = I->engine().wasmToHostTrampoline(AF.typeIndex());
  if (!Tramp)
    return Tramp.takeError();
  AF.setFuncPtr(*Tramp);
  return llvm::Error::success();
}

void Store::setGrowthLimits(uint64_t MaxMemoryPages,
                            uint64_t MaxTableElements) {
  I->MaxMemoryPages = MaxMemoryPages;
  I->MaxTableElements = MaxTableElements;
}

llvm::Error Store::setFuel(uint64_t Fuel) {
  if (!I->engine().Config.ConsumeFuel)
    return makeError(ErrorKind::Usage,
                     "fuel is not enabled in this engine (ConsumeFuel)");
  // fuel_consumed is minus the fuel left (CodeGen/Interrupts.cpp).
  int64_t Left = int64_t(std::min<uint64_t>(Fuel, INT64_MAX));
  storeAt<int64_t>(I->Limits.get(), hostLayout().runtimeLimitsFuelConsumed(),
                   -Left);
  return llvm::Error::success();
}

llvm::Expected<uint64_t> Store::getFuel() {
  if (!I->engine().Config.ConsumeFuel)
    return makeError(ErrorKind::Usage,
                     "fuel is not enabled in this engine (ConsumeFuel)");
  int64_t Consumed = loadAt<int64_t>(I->Limits.get(),
                                     hostLayout().runtimeLimitsFuelConsumed());
  return Consumed < 0 ? uint64_t(-Consumed) : 0;
}

void Store::setEpochDeadline(uint64_t Ticks) {
  uint64_t Now = I->engine().Epoch.load(std::memory_order_relaxed);
  uint64_t Deadline = Ticks > UINT64_MAX - Now ? UINT64_MAX : Now + Ticks;
  storeAt<uint64_t>(I->Limits.get(), hostLayout().runtimeLimitsEpochDeadline(),
                    Deadline);
}

void Store::setEpochDeadlineCallback(EpochDeadlineCallback CB) {
  I->EpochCallback = std::move(CB);
}

bool Store::Impl::onEpochDeadline() {
  if (!EpochCallback)
    return false;
  std::optional<uint64_t> Ticks = EpochCallback();
  if (!Ticks)
    return false;
  Self.setEpochDeadline(*Ticks);
  return true;
}

llvm::Expected<Extern> Store::createMemory(const MemoryType &T) {
  auto M = MemoryInstance::create(T, nullptr, I->engine().memoryLayout());
  if (!M)
    return M.takeError();
  I->Memories.push_back(std::move(*M));
  return Extern{ExternKind::Memory, I->Memories.back().get()};
}

llvm::Expected<Extern> Store::createTable(const TableType &T, Value Init) {
  if (Init.Type != T.Elem)
    return makeError(ErrorKind::Usage, "table initial value type mismatch");
  auto Tab = TableInstance::create(T, nullptr, Init.asRef());
  if (!Tab)
    return Tab.takeError();
  I->Tables.push_back(std::move(*Tab));
  return Extern{ExternKind::Table, I->Tables.back().get()};
}

Extern Store::createGlobal(const GlobalType &T, Value Init) {
  I->Globals.push_back(std::make_unique<GlobalInstance>(T, nullptr));
  Init.Type = T.Type;
  I->Globals.back()->set(Init);
  return Extern{ExternKind::Global, I->Globals.back().get()};
}

static Value fromSlot(ValType T, const ValRaw &S) {
  uint64_t Lo = S.Lo;
  if (T == ValType::I32 || T == ValType::F32)
    Lo &= 0xffffffffu;
  return Value{T, Lo, T == ValType::V128 ? S.Hi : 0};
}

llvm::Expected<std::vector<Value>> Store::call(Extern Func,
                                               llvm::ArrayRef<Value> Args) {
  if (Func.Kind != ExternKind::Func || !Func.Ptr)
    return makeError(ErrorKind::Usage, "not a function");
  AnyfuncRef AF{Func.Ptr};
  FuncType T = I->engine().Sigs.lookup(AF.typeIndex());
  if (Args.size() != T.Params.size())
    return makeError(ErrorKind::Usage, "wrong number of arguments");
  for (size_t N = 0; N < Args.size(); ++N)
    if (Args[N].Type != T.Params[N])
      return makeError(ErrorKind::Usage, "argument type mismatch");
  if (isHostContext(AF.vmctx()))
    return HostFunc::fromContext(AF.vmctx())->callFromHost(Args);

  InstanceData *Callee = InstanceData::fromVMCtx(AF.vmctx());
  const void *Tramp = Callee->compiled().hostToWasmForSig(AF.typeIndex());
  if (!Tramp)
    return makeError(ErrorKind::Usage, "no trampoline for the function type");
  std::vector<ValRaw> Slots(
      std::max<size_t>({T.Params.size(), T.Results.size(), 1}), ValRaw{0, 0});
  for (size_t N = 0; N < Args.size(); ++N)
    Slots[N] = ValRaw{Args[N].Lo, Args[N].Hi};
  if (llvm::Error E = I->enterWasm(Tramp, AF.funcPtr(), AF.vmctx(), AF.vmctx(),
                                   Slots.data()))
    return E;
  std::vector<Value> Results;
  for (size_t N = 0; N < T.Results.size(); ++N)
    Results.push_back(fromSlot(T.Results[N], Slots[N]));
  return Results;
}

FuncType Store::funcType(Extern Func) {
  return I->engine().Sigs.lookup(AnyfuncRef{Func.Ptr}.typeIndex());
}

GlobalType Store::globalType(Extern G) {
  return static_cast<GlobalInstance *>(G.Ptr)->type();
}

Value Store::getGlobal(Extern G) {
  return static_cast<GlobalInstance *>(G.Ptr)->get();
}

llvm::Error Store::setGlobal(Extern G, Value V) {
  auto *Glob = static_cast<GlobalInstance *>(G.Ptr);
  if (!Glob->type().Mutable)
    return makeError(ErrorKind::Usage, "global is immutable");
  if (V.Type != Glob->type().Type)
    return makeError(ErrorKind::Usage, "global type mismatch");
  Glob->set(V);
  return llvm::Error::success();
}

uint8_t *Store::memoryData(Extern Mem) {
  return static_cast<MemoryInstance *>(Mem.Ptr)->base();
}

uint64_t Store::memorySize(Extern Mem) {
  return static_cast<MemoryInstance *>(Mem.Ptr)->byteSize();
}

MemoryType Store::memoryType(Extern Mem) {
  return static_cast<MemoryInstance *>(Mem.Ptr)->currentType();
}

TableType Store::tableType(Extern T) {
  return static_cast<TableInstance *>(T.Ptr)->currentType();
}
