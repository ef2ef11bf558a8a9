//===- Runtime/HostFunction.cpp - A function implemented by the host ------===//
//
// Calls from wasm arrive in hostFunctionEntry(), a plain function whose
// frame holds no C++ objects: all Values, Errors and the Caller live in
// HostFunc::callFromWasm(), which has returned (ending their lifetimes)
// before a failing call raises its trap.
//
//===----------------------------------------------------------------------===//

#include "Runtime/HostFunction.h"
#include "Runtime/Instance.h"
#include "Runtime/Trap.h"
#include "Runtime/TrapHandling.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace orca;

static void hostFunctionEntry(void *Ctx, void *CallerVMCtx, ValRaw *Slots,
                              uint32_t Count) {
  CatchPoint *CP = currentCatchPoint();
  if (HostFunc::fromContext(Ctx)->callFromWasm(CallerVMCtx, Slots, CP->HostErr))
    return;
  raiseTrap(TrapCode::HostError);
}

HostFunc::HostFunc(Store &S, FuncType T, uint32_t SigId, RawHostCallback Raw)
    : HostFunc(S, std::move(T), SigId, HostCallback()) {
  this->Raw = std::move(Raw);
}

HostFunc::HostFunc(Store &S, FuncType T, uint32_t SigId, HostCallback CB)
    : Type(std::move(T)), CB(std::move(CB)), Owner(&S) {
  const VMOffsets &L = hostLayout();
  void *Ctx = Context.get();
  storeAt<uint32_t>(Ctx, L.hostContextMagic(), VMOffsets::HostMagic);
  storeAt<void *>(Ctx, L.hostContextCallback(),
                  reinterpret_cast<void *>(&hostFunctionEntry));
  storeAt<void *>(Ctx, L.hostContextData(), this);
  AnyfuncRef{Anyfunc.get()}.set(nullptr, SigId, Ctx);
}

HostFunc *HostFunc::fromContext(void *Ctx) {
  return loadAt<HostFunc *>(Ctx, hostLayout().hostContextData());
}

static Instance *callerInstance(void *CallerVMCtx) {
  if (!CallerVMCtx || isHostContext(CallerVMCtx))
    return nullptr;
  return InstanceData::fromVMCtx(CallerVMCtx);
}

llvm::Expected<std::vector<Value>>
HostFunc::callFromHost(llvm::ArrayRef<Value> Args) {
  std::vector<Value> Results;
  Caller C(*Owner, nullptr);
  if (Raw) {
    llvm::SmallVector<ValRaw, 8> Slots(
        std::max<size_t>({Args.size(), Type.Results.size(), 1}), ValRaw{0, 0});
    for (size_t I = 0; I < Args.size(); ++I)
      Slots[I] = ValRaw{Args[I].Lo, Args[I].Hi};
    llvm::Error Err = llvm::Error::success();
    if (!Raw(C, Slots.data(), Err))
      return llvm::Error(hostErrorTrap(std::move(Err)));
    llvm::consumeError(std::move(Err));
    for (size_t I = 0; I < Type.Results.size(); ++I) {
      ValType T = Type.Results[I];
      uint64_t Lo = Slots[I].Lo;
      if (T == ValType::I32 || T == ValType::F32)
        Lo &= 0xffffffffu;
      Results.push_back(Value{T, Lo, T == ValType::V128 ? Slots[I].Hi : 0});
    }
    return Results;
  }
  for (ValType T : Type.Results)
    Results.push_back(Value::zero(T));
  if (llvm::Error E = CB(C, Args, Results))
    return llvm::Error(hostErrorTrap(std::move(E)));
  return Results;
}

bool HostFunc::callFromWasm(void *CallerVMCtx, ValRaw *Slots,
                            llvm::Error &ErrorOut) {
  if (Raw) {
    Caller C(*Owner, callerInstance(CallerVMCtx));
    if (Raw(C, Slots, ErrorOut))
      return true;
    // A failure must say why: the catch point raises whatever is here.
    if (!ErrorOut)
      ErrorOut = llvm::make_error<TrapError>(TrapCode::HostError,
                                             "host function failed");
    return false;
  }
  llvm::SmallVector<Value, 8> Args, Results;
  for (size_t I = 0; I < Type.Params.size(); ++I)
    Args.push_back(Value{Type.Params[I], Slots[I].Lo, Slots[I].Hi});
  for (ValType T : Type.Results)
    Results.push_back(Value::zero(T));
  Caller C(*Owner, callerInstance(CallerVMCtx));
  if (llvm::Error E = CB(C, Args, Results)) {
    ErrorOut = std::move(E);
    return false;
  }
  for (size_t I = 0; I < Results.size(); ++I) {
    uint64_t Lo = Results[I].Lo;
    ValType T = Type.Results[I];
    if (T == ValType::I32 || T == ValType::F32)
      Lo &= 0xffffffffu;
    Slots[I] = ValRaw{Lo, T == ValType::V128 ? Results[I].Hi : 0};
  }
  return true;
}

std::unique_ptr<TrapError> orca::hostErrorTrap(llvm::Error E) {
  std::string Msg;
  std::unique_ptr<llvm::ErrorInfoBase> Cause;
  llvm::handleAllErrors(
      std::move(E), [&](const TrapError &T) { Msg = T.text(); },
      [&](std::unique_ptr<llvm::ErrorInfoBase> Other) {
        Msg = Other->message();
        Cause = std::move(Other);
      });
  auto T = std::make_unique<TrapError>(TrapCode::HostError, std::move(Msg));
  T->Cause = std::move(Cause);
  return T;
}

Store &Caller::store() { return *S; }
Instance *Caller::instance() { return I; }
std::optional<Extern> Caller::getExport(std::string_view Name) {
  if (!I)
    return std::nullopt;
  return I->getExport(Name);
}
