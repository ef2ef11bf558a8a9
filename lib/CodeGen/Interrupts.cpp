//===- CodeGen/Interrupts.cpp - Fuel and epoch instrumentation ------------===//
//
// What this file owns: the code that lets an embedder stop wasm, emitted
// only when CodeGenOptions asks for it.
//
// Fuel (ConsumeFuel). The store's counter is the runtime-limits field
// fuel_consumed (VMOffsets::runtimeLimitsFuelConsumed): minus the fuel
// left, counting up; positive means the fuel ran out. Costs follow
// wasmtime's default: one unit per operator, none for nop, drop, block,
// loop, else, end, return and unreachable; bulk operations also pay for
// their size (below). Each wasm basic block pays its whole cost when it
// starts: a load-add-store of the counter whose constant is patched as the
// block's operators are translated. Blocks start at the function entry,
// loop headers, the arms of an if, merge points, after br_if and after
// calls, so a callee (a host function reading the fuel) sees exactly the
// operators up to its call. The counter is checked at the function entry
// and at loop headers, after the block's charge: a call may overrun its
// fuel by at most one loop-free stretch of code.
//
// The counter is plain memory to LLVM with a TBAA type of its own (no wasm
// access, and no other runtime-state access of JIT code, touches it), so
// at -O1 and up the charges of a function fold into registers, a loop's
// into one add per iteration, and it is written back before every call,
// return and trap (every call may read it). The value the host sees after
// a call, and at a trap raised by code (RaiseTrap), is therefore the same
// at every optimisation level and on every target: it is a sum fixed by
// the wasm code. Not after a guard-page fault (a signal): the counter then
// holds what was last written back, which LLVM chooses.
//
// Epochs (EpochInterruption). At the function entry and at loop headers,
// the engine's epoch (read through the vmctx's epoch_ptr with a relaxed
// atomic load, so that it is reloaded every time: another thread advances
// it) is compared with the store's deadline (runtime-limits field
// epoch_deadline); reaching it calls the EpochDeadline builtin, which
// either extends the deadline (the store's callback) and returns, or
// raises TrapCode::Interrupt. The deadline load is volatile and the call
// is declared to touch no program memory, so that a check costs a loop no
// optimisation beyond vectorisation (see the call).
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"

#include "llvm/IR/MDBuilder.h"

using namespace llvm;

namespace orca {

/// wasmtime's default cost of an operator (before any size-dependent part).
static uint64_t fuelCost(Opcode Op) {
  switch (Op) {
  case Opcode::Nop:
  case Opcode::Drop:
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::Unreachable:
  case Opcode::Return:
  case Opcode::Else:
  case Opcode::End:
    return 0;
  default:
    return 1;
  }
}

/// Bulk operations pay one unit per 64 bytes of memory and per table
/// element they touch; memory.grow pays for the bytes it adds.
static constexpr unsigned FuelBytesShift = 6;

/// The TBAA tag of the runtime-limits counters: JIT code reaches them only
/// from here, so no other access aliases them.
static MDNode *limitsTag(LLVMContext &Ctx) {
  MDBuilder MDB(Ctx);
  MDNode *Root = MDB.createTBAARoot("orca");
  MDNode *T = MDB.createTBAAScalarTypeNode("orca-runtime-limits", Root);
  return MDB.createTBAAStructTagNode(T, T, 0);
}

LoadInst *FunctionTranslator::loadLimit(uint32_t Offset) {
  LoadInst *L = B.CreateAlignedLoad(B.getInt64Ty(),
                                    VM->addr(RuntimeLimits, Offset), Align(8));
  L->setMetadata(LLVMContext::MD_tbaa, limitsTag(Ctx));
  return L;
}

StoreInst *FunctionTranslator::storeLimit(Value *V, uint32_t Offset) {
  StoreInst *S =
      B.CreateAlignedStore(V, VM->addr(RuntimeLimits, Offset), Align(8));
  S->setMetadata(LLVMContext::MD_tbaa, limitsTag(Ctx));
  return S;
}

void FunctionTranslator::beginFuelBlock() {
  if (!Env.Opts.ConsumeFuel)
    return;
  endFuelBlock();
  uint32_t Off = Env.Offsets.runtimeLimitsFuelConsumed();
  LoadInst *Old = loadLimit(Off);
  Fuel.Charge = BinaryOperator::CreateAdd(Old, B.getInt64(0), "fuel");
  B.Insert(Fuel.Charge);
  storeLimit(Fuel.Charge, Off);
  Fuel.Cost = 0;
}

void FunctionTranslator::endFuelBlock() {
  BinaryOperator *C = Fuel.Charge;
  Fuel.Charge = nullptr;
  // A block that costs nothing and is not checked needs no code.
  if (!C || Fuel.Cost != 0 || !C->hasOneUse())
    return;
  auto *Store = cast<StoreInst>(C->user_back());
  auto *Old = cast<Instruction>(C->getOperand(0));
  Store->eraseFromParent();
  C->eraseFromParent();
  Old->eraseFromParent();
}

void FunctionTranslator::chargeFuel(const Instr &I) {
  if (!Env.Opts.ConsumeFuel)
    return;
  if (!Fuel.Charge)
    beginFuelBlock();
  if (uint64_t C = fuelCost(I.Op)) {
    Fuel.Cost += C;
    Fuel.Charge->setOperand(1, B.getInt64(Fuel.Cost));
  }
  // The size-dependent part, from the length operand on top of the stack.
  Value *Units = nullptr;
  switch (I.Op) {
  case Opcode::MemoryCopy:
  case Opcode::MemoryFill:
  case Opcode::MemoryInit:
    Units = B.CreateLShr(B.CreateZExtOrTrunc(Stack.back(), B.getInt64Ty()),
                         FuelBytesShift);
    break;
  case Opcode::TableCopy:
  case Opcode::TableFill:
  case Opcode::TableInit:
    Units = B.CreateZExt(Stack.back(), B.getInt64Ty());
    break;
  case Opcode::MemoryGrow:
  case Opcode::TableGrow:
    // Paid after the operation, and only when it succeeds.
    Fuel.GrowDelta = Stack.back();
    return;
  default:
    return;
  }
  addFuel(Units);
}

void FunctionTranslator::chargeFuelAfter(const Instr &I) {
  if (!Env.Opts.ConsumeFuel || !Fuel.GrowDelta)
    return;
  Value *Delta = B.CreateZExtOrTrunc(Fuel.GrowDelta, B.getInt64Ty());
  Fuel.GrowDelta = nullptr;
  if (I.Op == Opcode::MemoryGrow)
    Delta = B.CreateShl(Delta, 16 - FuelBytesShift);
  Value *Result = Stack.back();
  Value *Failed =
      B.CreateICmpEQ(Result, Constant::getAllOnesValue(Result->getType()));
  addFuel(B.CreateSelect(Failed, B.getInt64(0), Delta));
}

void FunctionTranslator::addFuel(Value *Units) {
  uint32_t Off = Env.Offsets.runtimeLimitsFuelConsumed();
  storeLimit(B.CreateAdd(loadLimit(Off), Units), Off);
}

void FunctionTranslator::emitInterruptChecks() {
  if (Env.Opts.ConsumeFuel) {
    // The block starting here has been charged: trap if that used up the
    // fuel.
    if (!Fuel.Charge)
      beginFuelBlock();
    trapIf(B.CreateICmpSGT(Fuel.Charge, B.getInt64(0)), TrapCode::OutOfFuel);
  }
  if (Env.Opts.EpochInterruption) {
    LoadInst *Epoch =
        B.CreateAlignedLoad(B.getInt64Ty(), EpochPtr, Align(8), "epoch");
    Epoch->setAtomic(AtomicOrdering::Monotonic);
    // Volatile: the builtin may move the deadline, and LLVM must not think
    // so (below).
    LoadInst *Deadline = loadLimit(Env.Offsets.runtimeLimitsEpochDeadline());
    Deadline->setVolatile(true);
    BasicBlock *Slow = newBlock("epoch.deadline");
    BasicBlock *Cont = newBlock("epoch.cont");
    MDNode *Unlikely = MDBuilder(Ctx).createBranchWeights(1, 1u << 20);
    B.CreateCondBr(B.CreateICmpUGE(Epoch, Deadline), Slow, Cont, Unlikely);
    B.SetInsertPoint(Slow);
    // Returns when the store's callback extended the deadline. To LLVM it
    // touches no memory of the program: a call that may write anything
    // would keep every loop with a check from keeping memory bases,
    // globals and heap values in registers (jacobi2d ran 3x slower). The
    // price: the callback may see heap and globals behind the code's last
    // call, and after an interrupt the memory may lack stores made since
    // then, as after a guard-page fault (docs/traps.md).
    CallInst *C = VM->callBuiltin(Builtin::EpochDeadline, {});
    C->setMemoryEffects(MemoryEffects::inaccessibleMemOnly());
    C->setDoesNotThrow();
    B.CreateBr(Cont);
    B.SetInsertPoint(Cont);
  }
}

} // namespace orca
