//===- Runtime/Instance.cpp - An instance, ending in its vmctx ------------===//

#include "Runtime/Instance.h"

#include "llvm/ADT/SmallVector.h"

#include <cassert>
#include <cstring>
#include <new>

using namespace orca;

static_assert(sizeof(InstanceData) % 16 == 0,
              "the vmctx must follow the instance at 16-byte alignment");

InstanceData *InstanceData::allocate(Store::Impl &S,
                                     std::shared_ptr<CompiledModule> CM) {
  size_t VMCtxSize = CM->impl().Offsets.size();
  void *Mem =
      ::operator new(sizeof(InstanceData) + VMCtxSize, std::align_val_t(16));
  auto *I = new (Mem) InstanceData(S, std::move(CM));
  std::memset(I->vmctx(), 0, VMCtxSize);
  I->initHeader();
  return I;
}

void InstanceData::destroy(InstanceData *I) {
  I->~InstanceData();
  ::operator delete(static_cast<void *>(I), std::align_val_t(16));
}

void InstanceData::initHeader() {
  const VMOffsets &O = offsets();
  void *V = vmctx();
  Engine::Impl &E = S->engine();
  storeAt<uint32_t>(V, O.magic(), VMOffsets::Magic);
  storeAt<void *>(V, O.runtimeLimits(), S->Limits.get());
  storeAt<void *>(V, O.callee(), nullptr);
  storeAt<void *>(V, O.epochPtr(), &E.Epoch);
  storeAt<void *>(V, O.externrefActivationsTable(), nullptr);
  storeAt<void *>(V, O.store(), &S->Self);
  storeAt<void *>(V, O.builtinFunctions(), E.Builtins.data());
  storeAt<const void *>(V, O.signatureIds(), compiled().SigIds.data());
  const Module &M = mod();
  DroppedElems.assign(M.Elems.size(), false);
  DroppedDatas.assign(M.Datas.size(), false);
}

std::pair<const void *, void *> InstanceData::callTarget(uint32_t FuncIndex) {
  const Module &M = mod();
  if (FuncIndex < M.NumImportedFuncs) {
    const VMOffsets &O = offsets();
    return {loadAt<const void *>(vmctx(), O.importedFunctionBody(FuncIndex)),
            loadAt<void *>(vmctx(), O.importedFunctionVMCtx(FuncIndex))};
  }
  return {compiled().Code->Functions[FuncIndex - M.NumImportedFuncs], vmctx()};
}

void *InstanceData::anyfunc(uint32_t FuncIndex) {
  const CompiledModule::Impl &C = compiled();
  if (FuncIndex >= C.M->Funcs.size())
    return nullptr;
  uint32_t Slot = C.AnyfuncSlots[FuncIndex];
  void *P;
  if (Slot != NoAnyfunc) {
    P = addrAt(vmctx(), C.Offsets.anyfunc(Slot));
  } else {
    P = nullptr;
    for (auto &[Idx, Rec] : ExtraAnyfuncIndex)
      if (Idx == FuncIndex)
        P = Rec;
    if (!P) {
      P = ExtraAnyfuncs.emplace_back().get();
      ExtraAnyfuncIndex.push_back({FuncIndex, P});
    }
  }
  // The vmctx is zeroed at allocation, so a null func_ptr means "not built
  // yet"; every function has a non-null body.
  AnyfuncRef AF{P};
  if (!AF.funcPtr()) {
    auto [Body, Ctx] = callTarget(FuncIndex);
    AF.set(Body, C.SigIds[C.M->Funcs[FuncIndex].TypeIndex], Ctx);
  }
  return P;
}

Value InstanceData::evalConst(const ConstExpr &E) {
  switch (E.K) {
  case ConstExpr::I32Const:
    return Value::i32(uint32_t(E.Bits));
  case ConstExpr::I64Const:
    return Value::i64(E.Bits);
  case ConstExpr::F32Const:
    return Value::f32Bits(uint32_t(E.Bits));
  case ConstExpr::F64Const:
    return Value::f64Bits(E.Bits);
  case ConstExpr::V128Const:
    return Value::v128(E.Bits, E.BitsHi);
  case ConstExpr::RefNull:
    return Value::ref(E.Type, nullptr);
  case ConstExpr::RefFunc:
    return Value::ref(ValType::FuncRef, anyfunc(uint32_t(E.Bits)));
  case ConstExpr::GlobalGet:
    if (E.Bits < Globals.size() && Globals[E.Bits])
      return Globals[E.Bits]->get();
    return Value::zero(E.Type);
  case ConstExpr::Extended:
    return evalExtended(E);
  case ConstExpr::I32Add:
  case ConstExpr::I32Sub:
  case ConstExpr::I32Mul:
  case ConstExpr::I64Add:
  case ConstExpr::I64Sub:
  case ConstExpr::I64Mul:
    break; // only inside Extended
  }
  return Value::zero(E.Type);
}

Value InstanceData::evalExtended(const ConstExpr &E) {
  // The validator typed the sequence: every operator finds two operands of
  // its type, and exactly one value remains. Arithmetic wraps.
  llvm::SmallVector<Value, 8> Stack;
  for (const ConstExpr &Op : E.Ops) {
    if (Op.K < ConstExpr::I32Add || Op.K > ConstExpr::I64Mul) {
      Stack.push_back(evalConst(Op));
      continue;
    }
    Value R = Stack.pop_back_val(), L = Stack.back();
    uint64_t A = L.asI64(), B = R.asI64();
    uint64_t V = Op.K == ConstExpr::I32Add || Op.K == ConstExpr::I64Add ? A + B
                 : Op.K == ConstExpr::I32Sub || Op.K == ConstExpr::I64Sub
                     ? A - B
                     : A * B;
    Stack.back() =
        Op.Type == ValType::I32 ? Value::i32(uint32_t(V)) : Value::i64(V);
  }
  assert(Stack.size() == 1 && "extended constant expression not validated");
  return Stack.back();
}

Extern InstanceData::externOf(ExternKind K, uint32_t Index) {
  Extern X;
  X.Kind = K;
  switch (K) {
  case ExternKind::Func:
    X.Ptr = anyfunc(Index);
    break;
  case ExternKind::Table:
    X.Ptr = Index < Tables.size() ? Tables[Index] : nullptr;
    break;
  case ExternKind::Memory:
    X.Ptr = Index < Memories.size() ? Memories[Index] : nullptr;
    break;
  case ExternKind::Global:
    X.Ptr = Index < Globals.size() ? Globals[Index] : nullptr;
    break;
  }
  return X;
}

std::optional<Extern> Instance::getExport(std::string_view Name) {
  auto *I = static_cast<InstanceData *>(this);
  const Export *E = I->mod().findExport(Name);
  if (!E)
    return std::nullopt;
  Extern X = I->externOf(E->Kind, E->Index);
  if (!X)
    return std::nullopt;
  return X;
}

const CompiledModule &Instance::module() const {
  return *static_cast<const InstanceData *>(this)->compiledModule();
}
