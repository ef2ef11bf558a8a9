//===- CodeGen/FunctionTranslator.cpp - One wasm function to LLVM IR ------===//
//
// The translation driver: locals, the prologue, the instruction loop with
// dead-code skipping, dispatch to the instruction families, the operand
// stack and traps.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"
#include "Binary/InstrReader.h"
#include "CodeGen/DebugLocations.h"
#include "CodeGen/WasmTypes.h"
#include "Support/Error.h"

#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"

using namespace llvm;

namespace orca {

FunctionTranslator::FunctionTranslator(ModuleEnv &Env, uint32_t FuncIndex)
    : Env(Env), M(Env.M), FuncIndex(FuncIndex), FnType(M.funcType(FuncIndex)),
      Ctx(Env.LM.getContext()),
      F(Env.Funcs[FuncIndex - Env.M.NumImportedFuncs]), B(Ctx),
      Numeric(B, *this) {}

Type *FunctionTranslator::lower(ValType T) { return lowerValType(Ctx, T); }

BasicBlock *FunctionTranslator::newBlock(const Twine &Name) {
  return BasicBlock::Create(Ctx, Name, F);
}

Value *FunctionTranslator::pop() {
  assert(!Stack.empty() && "operand stack underflow in a valid module");
  Value *V = Stack.back();
  Stack.pop_back();
  return V;
}

SmallVector<Value *, 8> FunctionTranslator::popN(size_t N) {
  assert(Stack.size() >= N && "operand stack underflow in a valid module");
  SmallVector<Value *, 8> Vals(Stack.end() - N, Stack.end());
  Stack.resize(Stack.size() - N);
  return Vals;
}

Value *FunctionTranslator::popCond() {
  return B.CreateICmpNE(pop(), B.getInt32(0));
}

void FunctionTranslator::setUnreachable() {
  Reachable = false;
  DeadDepth = 0;
  Stack.resize(Frames.back().Height);
}

/// Marks a RaiseTrap call. With wasm offsets on, calls from different trap
/// sites must stay apart: nomerge keeps SimplifyCFG and the backend's tail
/// merging from folding them into one call whose return address (and
/// line) would name only one of the sites.
static void markTrapCall(CallInst *C, bool KeepApart) {
  C->setDoesNotReturn();
  if (KeepApart)
    C->addFnAttr(Attribute::NoMerge);
}

void FunctionTranslator::trapIf(Value *Cond, TrapCode Code) {
  // With debug locations each site gets its own block, located at the
  // current wasm instruction; otherwise one block per code is shared.
  BasicBlock *Shared = nullptr;
  BasicBlock *&TrapBB = Env.Debug ? Shared : TrapBlocks[unsigned(Code)];
  if (!TrapBB) {
    TrapBB = BasicBlock::Create(Ctx, "trap", F);
    IRBuilder<>::InsertPointGuard Guard(B);
    B.SetInsertPoint(TrapBB);
    markTrapCall(
        VM->callBuiltin(Builtin::RaiseTrap, {B.getInt32(uint32_t(Code))}),
        Env.Debug != nullptr);
    B.CreateUnreachable();
  }
  BasicBlock *Cont = newBlock("cont");
  MDNode *Unlikely = MDBuilder(Ctx).createBranchWeights(1, 1u << 20);
  B.CreateCondBr(Cond, TrapBB, Cont, Unlikely);
  B.SetInsertPoint(Cont);
}

void FunctionTranslator::emitTrap(TrapCode Code) {
  markTrapCall(
      VM->callBuiltin(Builtin::RaiseTrap, {B.getInt32(uint32_t(Code))}),
      Env.Debug != nullptr);
  B.CreateUnreachable();
  setUnreachable();
}

void FunctionTranslator::emitPrologue() {
  // The runtime sets stack_limit before entering wasm; a frame below it
  // means the native stack is about to run out.
  const VMOffsets &O = Env.Offsets;
  RuntimeLimits = VM->loadInvariantPtr(VM->vmctx(), O.runtimeLimits());
  Value *Limit = VM->loadUIntPtr(RuntimeLimits, O.runtimeLimitsStackLimit());
  Value *Frame = B.CreateIntrinsic(Intrinsic::frameaddress, {B.getPtrTy()},
                                   {B.getInt32(0)});
  Value *SP = B.CreatePtrToInt(Frame, B.getInt64Ty());
  trapIf(B.CreateICmpULT(SP, Limit), TrapCode::StackOverflow);
  // Fuel and epochs (Interrupts.cpp): the entry block's charge, then the
  // checks every function entry makes.
  if (Env.Opts.EpochInterruption)
    EpochPtr = VM->loadInvariantPtr(VM->vmctx(), O.epochPtr(), 8);
  beginFuelBlock();
  emitInterruptChecks();
}

Error FunctionTranslator::translate() {
  const FunctionBody &Body = M.Bodies[FuncIndex - M.NumImportedFuncs];
  BasicBlock *Entry = newBlock("entry");
  B.SetInsertPoint(Entry);
  // The prologue (locals, stack check) is located at the body's first
  // instruction; each instruction's code at that instruction.
  if (Env.Debug) {
    Scope = Env.Debug->beginFunction(*F, FuncIndex, Body.CodeStart);
    B.SetCurrentDebugLocation(DebugLocations::at(Scope, Body.CodeStart));
  }
  VM.emplace(B, Env.Offsets, F->getArg(0));

  // Locals live in allocas that mem2reg turns into SSA values; all of them
  // come first in the entry block, then their initial values.
  for (ValType T : FnType.Params)
    LocalTypes.push_back(T);
  for (const FunctionBody::LocalRun &Run : Body.Locals)
    LocalTypes.insert(LocalTypes.end(), Run.Count, Run.Type);
  for (ValType T : LocalTypes)
    Locals.push_back(B.CreateAlloca(lower(T)));
  for (size_t I = 0; I < Locals.size(); ++I) {
    Value *Init = I < FnType.Params.size()
                      ? static_cast<Value *>(F->getArg(I + 2))
                      : Constant::getNullValue(lower(LocalTypes[I]));
    B.CreateStore(Init, Locals[I]);
  }

  emitPrologue();

  Frame Fn;
  Fn.Kind = FrameKind::Function;
  Fn.Results = FnType.Results;
  Fn.Height = 0;
  Fn.Merge = BasicBlock::Create(Ctx, "return");
  Fn.MergePhis = makePhis(Fn.Merge, Fn.Results);
  Frames.push_back(std::move(Fn));

  InstrReader R(M, Body, Env.Opts.Feat);
  Instr I;
  while (!R.atEnd()) {
    if (Error E = R.read(I))
      return E;
    if (Frames.empty())
      return malformed("section size mismatch", I.Offset);
    if (Scope)
      B.SetCurrentDebugLocation(DebugLocations::at(Scope, I.Offset));
    if (Error E = translateInstr(I))
      return E;
  }
  if (!Frames.empty())
    return malformed("unexpected end", Body.CodeEnd);
  endFuelBlock();
  return Error::success();
}

Error FunctionTranslator::emitNumeric(const Instr &I) {
  const char *Sig = opcodeInfo(I.Op).Sig;
  size_t NumParams = 0;
  while (Sig[NumParams] && Sig[NumParams] != ':')
    ++NumParams;
  if (!Sig[NumParams] || Stack.size() < NumParams)
    return makeError(ErrorKind::Invalid,
                     std::string("cannot translate ") + opcodeName(I.Op),
                     I.Offset);
  SmallVector<Value *, 8> Args = popN(NumParams);
  if (Value *V = Numeric.emit(I, Args))
    push(V);
  return Error::success();
}

Error FunctionTranslator::translateInstr(const Instr &I) {
  if (!Reachable) {
    // Dead code: skip to the end (or else) of the frame that became
    // unreachable, counting the blocks opened meanwhile.
    switch (I.Op) {
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
      ++DeadDepth;
      return Error::success();
    case Opcode::Else:
      if (DeadDepth == 0)
        emitElse();
      return Error::success();
    case Opcode::End:
      if (DeadDepth == 0)
        emitEnd();
      else
        --DeadDepth;
      return Error::success();
    default:
      return Error::success();
    }
  }

  chargeFuel(I);
  if (Error E = translateReachable(I))
    return E;
  chargeFuelAfter(I);
  return Error::success();
}

Error FunctionTranslator::translateReachable(const Instr &I) {
  switch (I.Op) {
  // Control.
  case Opcode::Unreachable:
    emitTrap(TrapCode::Unreachable);
    return Error::success();
  case Opcode::Nop:
    return Error::success();
  case Opcode::Block:
    emitBlock(I);
    return Error::success();
  case Opcode::Loop:
    emitLoop(I);
    return Error::success();
  case Opcode::If:
    emitIf(I);
    return Error::success();
  case Opcode::Else:
    emitElse();
    return Error::success();
  case Opcode::End:
    emitEnd();
    return Error::success();
  case Opcode::Br:
    emitBr(I.A);
    return Error::success();
  case Opcode::BrIf:
    emitBrIf(I.A);
    return Error::success();
  case Opcode::BrTable:
    emitBrTable(I);
    return Error::success();
  case Opcode::Return:
    emitReturn();
    return Error::success();
  case Opcode::Call:
    emitCall(I.A);
    // The callee has seen the fuel charged so far; what follows is charged
    // as a block of its own (Interrupts.cpp).
    beginFuelBlock();
    return Error::success();
  case Opcode::CallIndirect:
    emitCallIndirect(I.A, I.B);
    beginFuelBlock();
    return Error::success();

  // Parametric and variables.
  case Opcode::Drop:
    pop();
    return Error::success();
  case Opcode::Select:
  case Opcode::SelectT:
    emitSelect();
    return Error::success();
  case Opcode::LocalGet:
    emitLocalGet(I.A);
    return Error::success();
  case Opcode::LocalSet:
    emitLocalSet(I.A, /*Tee=*/false);
    return Error::success();
  case Opcode::LocalTee:
    emitLocalSet(I.A, /*Tee=*/true);
    return Error::success();
  case Opcode::GlobalGet:
    emitGlobalGet(I.A);
    return Error::success();
  case Opcode::GlobalSet:
    emitGlobalSet(I.A);
    return Error::success();
  case Opcode::I32Const:
  case Opcode::I64Const:
  case Opcode::F32Const:
  case Opcode::F64Const:
  case Opcode::V128Const:
    emitConst(I);
    return Error::success();

  // References and tables.
  case Opcode::RefNull:
    push(ConstantPointerNull::get(B.getPtrTy()));
    return Error::success();
  case Opcode::RefIsNull:
    emitRefIsNull();
    return Error::success();
  case Opcode::RefFunc:
    emitRefFunc(I.A);
    return Error::success();
  case Opcode::TableGet:
    emitTableGet(I.A);
    return Error::success();
  case Opcode::TableSet:
    emitTableSet(I.A);
    return Error::success();
  case Opcode::TableSize:
    emitTableSize(I.A);
    return Error::success();
  case Opcode::TableGrow:
    emitTableGrow(I.A);
    return Error::success();
  case Opcode::TableFill:
    emitTableFill(I.A);
    return Error::success();
  case Opcode::TableCopy:
    emitTableCopy(I.A, I.B);
    return Error::success();
  case Opcode::TableInit:
    emitTableInit(I.A, I.B);
    return Error::success();
  case Opcode::ElemDrop:
    emitElemDrop(I.A);
    return Error::success();

  // Memory.
  case Opcode::MemorySize:
    emitMemorySize(I.A);
    return Error::success();
  case Opcode::MemoryGrow:
    emitMemoryGrow(I.A);
    return Error::success();
  case Opcode::MemoryCopy:
    emitMemoryCopy(I.A, I.B);
    return Error::success();
  case Opcode::MemoryFill:
    emitMemoryFill(I.A);
    return Error::success();
  case Opcode::MemoryInit:
    emitMemoryInit(I.A, I.B);
    return Error::success();
  case Opcode::DataDrop:
    emitDataDrop(I.A);
    return Error::success();

  default:
    break;
  }

  if (emitLoadStore(I) || emitSIMDMemory(I))
    return Error::success();
  if (NumericEmitter::handles(I.Op))
    return emitNumeric(I);
  return makeError(ErrorKind::Invalid,
                   std::string("cannot translate ") + opcodeName(I.Op),
                   I.Offset);
}

} // namespace orca
