//===- CodeGen/FunctionTranslator.h - One function to IR -----*- C++ -*-===//
//
// Lowers the body of one defined function. It owns the operand stack, the
// control stack (blocks, loops, ifs and the function itself, each with the
// phis of its merge point) and the skipping of dead code; the instruction
// families are implemented in the Emit*.cpp files, pure value instructions
// by NumericEmitter. The module-level facts it needs (the LLVM functions of
// all defined functions, the options) come from ModuleEnv.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_FUNCTIONTRANSLATOR_H
#define ORCA_CODEGEN_FUNCTIONTRANSLATOR_H

#include "Binary/Instr.h"
#include "Binary/Module.h"
#include "CodeGen/CodeGenOptions.h"
#include "CodeGen/NumericEmitter.h"
#include "CodeGen/VMContextAccess.h"
#include "Environ/VMOffsets.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <vector>

namespace orca {

class DebugLocations;

/// What every function translation of one module shares.
struct ModuleEnv {
  const Module &M;
  const VMOffsets &Offsets;
  const CodeGenOptions &Opts;
  llvm::Module &LM;
  /// The LLVM function of each defined function (index minus imports).
  std::vector<llvm::Function *> Funcs;
  /// Debug locations carrying wasm offsets, or null (Opts.WasmOffsets).
  DebugLocations *Debug = nullptr;
};

class FunctionTranslator final : public TrapSink {
public:
  FunctionTranslator(ModuleEnv &Env, uint32_t FuncIndex);

  /// Fills in the body of Env.Funcs[FuncIndex - imports].
  llvm::Error translate();

  void trapIf(llvm::Value *Cond, TrapCode Code) override;

private:
  enum class FrameKind { Function, Block, Loop, If };
  struct Frame {
    FrameKind Kind;
    std::vector<ValType> Params, Results;
    /// Operand stack height below the frame's params.
    size_t Height;
    /// Where `br` to this frame goes: the loop header or the merge block.
    llvm::BasicBlock *Header = nullptr;
    llvm::BasicBlock *Merge = nullptr;
    /// Phis of the loop header (params) and merge block (results).
    llvm::SmallVector<llvm::PHINode *, 4> HeaderPhis, MergePhis;
    /// If only: the else block, and the params to restart it with.
    llvm::BasicBlock *Else = nullptr;
    llvm::SmallVector<llvm::Value *, 4> ElseParams;
    bool SeenElse = false;
  };

  // FunctionTranslator.cpp: the driver, stack and traps.
  void emitPrologue();
  llvm::Error translateInstr(const Instr &I);
  /// translateInstr's dispatch, for reachable code.
  llvm::Error translateReachable(const Instr &I);
  llvm::Error emitNumeric(const Instr &I);
  void push(llvm::Value *V) { Stack.push_back(V); }
  llvm::Value *pop();
  /// Pops \p N values, in stack order (the deepest first).
  llvm::SmallVector<llvm::Value *, 8> popN(size_t N);
  /// Pops a wasm i32 condition and returns it as i1.
  llvm::Value *popCond();
  llvm::BasicBlock *newBlock(const llvm::Twine &Name);
  /// Marks the rest of the current block dead.
  void setUnreachable();
  void emitTrap(TrapCode Code);
  llvm::Type *lower(ValType T);

  // Interrupts.cpp: fuel and epoch instrumentation (no code unless the
  // options ask for it).
  /// Starts the charge of the wasm basic block beginning here.
  void beginFuelBlock();
  /// Ends the open charge (removing it when it costs nothing).
  void endFuelBlock();
  /// Adds \p I's cost to the open charge (and its size-dependent part, if
  /// any); before \p I is translated.
  void chargeFuel(const Instr &I);
  /// The part of \p I's cost known only after it ran (growth).
  void chargeFuelAfter(const Instr &I);
  void addFuel(llvm::Value *Units);
  /// The checks at function entry and loop headers: fuel left, epoch
  /// deadline.
  void emitInterruptChecks();
  llvm::LoadInst *loadLimit(uint32_t Offset);
  llvm::StoreInst *storeLimit(llvm::Value *V, uint32_t Offset);

  // EmitControl.cpp.
  void blockSignature(const BlockType &BT, std::vector<ValType> &Params,
                      std::vector<ValType> &Results);
  void emitBlock(const Instr &I);
  void emitLoop(const Instr &I);
  void emitIf(const Instr &I);
  void emitElse();
  void emitEnd();
  void emitBr(uint32_t Depth);
  void emitBrIf(uint32_t Depth);
  void emitBrTable(const Instr &I);
  void emitReturn();
  /// Adds the top-of-stack values as incoming values of a branch to the
  /// frame at \p Depth, from the current block; returns the target.
  llvm::BasicBlock *addBranchEdge(uint32_t Depth);
  /// As addBranchEdge, for falling off the end (or then-arm) of the
  /// innermost frame, which always goes to its merge block.
  llvm::BasicBlock *addFallthroughEdge();
  llvm::SmallVector<llvm::PHINode *, 4> makePhis(llvm::BasicBlock *BB,
                                                 llvm::ArrayRef<ValType> Types);
  /// Closes the function frame: returns its results.
  void finishFunction();

  // EmitVariable.cpp.
  void emitLocalGet(uint32_t Index);
  void emitLocalSet(uint32_t Index, bool Tee);
  llvm::Value *globalAddr(uint32_t Index);
  void emitGlobalGet(uint32_t Index);
  void emitGlobalSet(uint32_t Index);
  void emitSelect();
  void emitConst(const Instr &I);

  // EmitMemory.cpp.
  /// The memory's VMMemoryDefinition.
  llvm::Value *memoryDefinition(uint32_t Mem);
  /// The host address of Size bytes at wasm address Addr + Offset,
  /// bounds-checked unless guard regions do the job.
  llvm::Value *heapAddress(uint32_t Mem, llvm::Value *Addr, uint64_t Offset,
                           unsigned Size);
  /// The host address of \p Len bytes at \p Addr (both i64), always
  /// bounds-checked: bulk operations have dynamic lengths.
  llvm::Value *bulkAddress(uint32_t Mem, llvm::Value *Addr, llvm::Value *Len);
  llvm::Value *heapLoad(llvm::Type *T, llvm::Value *Ptr);
  void heapStore(llvm::Value *V, llvm::Value *Ptr);
  /// Emits loads and stores; false if \p I is neither.
  bool emitLoadStore(const Instr &I);
  bool emitSIMDMemory(const Instr &I);
  void emitMemorySize(uint32_t Mem);
  void emitMemoryGrow(uint32_t Mem);
  void emitMemoryCopy(uint32_t Dst, uint32_t Src);
  void emitMemoryFill(uint32_t Mem);
  void emitMemoryInit(uint32_t Data, uint32_t Mem);
  void emitDataDrop(uint32_t Data);

  // EmitCall.cpp.
  void emitCall(uint32_t Func);
  void emitCallIndirect(uint32_t TypeIndex, uint32_t Table);
  /// Pops the arguments of \p T, calls, pushes the results.
  void emitCallWith(const FuncType &T, llvm::FunctionCallee Callee,
                    llvm::Value *CalleeVMCtx);

  // EmitTable.cpp.
  /// The table's {base, current_elements} record.
  llvm::Value *tableDefinition(uint32_t Table);
  /// current_elements as i32.
  llvm::Value *tableSize(llvm::Value *Def);
  void emitTableGet(uint32_t Table);
  void emitTableSet(uint32_t Table);
  void emitTableSize(uint32_t Table);
  void emitTableGrow(uint32_t Table);
  void emitTableFill(uint32_t Table);
  void emitTableCopy(uint32_t Dst, uint32_t Src);
  void emitTableInit(uint32_t Elem, uint32_t Table);
  void emitElemDrop(uint32_t Elem);
  void emitRefFunc(uint32_t Func);
  void emitRefIsNull();

  ModuleEnv &Env;
  const Module &M;
  uint32_t FuncIndex;
  const FuncType &FnType;
  llvm::LLVMContext &Ctx;
  llvm::Function *F;
  llvm::IRBuilder<> B;
  std::optional<VMContextAccess> VM;
  NumericEmitter Numeric;

  std::vector<llvm::AllocaInst *> Locals;
  std::vector<ValType> LocalTypes;
  std::vector<llvm::Value *> Stack;
  std::vector<Frame> Frames;
  /// False after br/return/unreachable until the enclosing end or else.
  bool Reachable = true;
  /// Blocks opened inside dead code, whose ends must be skipped.
  unsigned DeadDepth = 0;
  /// One trap block per trap code, made on first use (without
  /// Env.Debug: with it, each trap site has its own so that its location
  /// names the trapping instruction).
  llvm::BasicBlock *TrapBlocks[unsigned(TrapCode::NumTrapCodes)] = {};
  /// This function's debug scope when Env.Debug is set.
  llvm::DISubprogram *Scope = nullptr;
  /// The store's runtime limits and, with epoch interruption, the
  /// engine's epoch counter (both loaded in the prologue).
  llvm::Value *RuntimeLimits = nullptr;
  llvm::Value *EpochPtr = nullptr;
  struct {
    /// The add of the open block's charge (its constant is the cost so far).
    llvm::BinaryOperator *Charge = nullptr;
    uint64_t Cost = 0;
    /// memory.grow/table.grow: the delta, paid for after the operation.
    llvm::Value *GrowDelta = nullptr;
  } Fuel;
};

} // namespace orca

#endif // ORCA_CODEGEN_FUNCTIONTRANSLATOR_H
