//===- CodeGen/EmitControl.cpp - Structured control flow to LLVM IR -------===//
//
// block/loop/if/else/end, branches and return. Every frame's merge block
// (and a loop's header) carries one phi per value a branch carries to it;
// each branch adds its edge's values. Merge blocks are created detached and
// only inserted into the function once something branches to them, so dead
// joins vanish instead of leaving unreachable blocks behind.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"
#include "CodeGen/WasmTypes.h"

#include "llvm/IR/CFG.h"

using namespace llvm;

namespace orca {

void FunctionTranslator::blockSignature(const BlockType &BT,
                                        std::vector<ValType> &Params,
                                        std::vector<ValType> &Results) {
  switch (BT.K) {
  case BlockType::Empty:
    return;
  case BlockType::Value:
    Results.push_back(BT.Type);
    return;
  case BlockType::TypeIndex:
    Params = M.Types[BT.Index].Params;
    Results = M.Types[BT.Index].Results;
    return;
  }
}

SmallVector<PHINode *, 4>
FunctionTranslator::makePhis(BasicBlock *BB, ArrayRef<ValType> Types) {
  IRBuilder<> PB(BB);
  SmallVector<PHINode *, 4> Phis;
  for (ValType T : Types)
    Phis.push_back(PB.CreatePHI(lower(T), 2));
  return Phis;
}

void FunctionTranslator::emitBlock(const Instr &I) {
  Frame Fr;
  Fr.Kind = FrameKind::Block;
  blockSignature(I.Block, Fr.Params, Fr.Results);
  Fr.Height = Stack.size() - Fr.Params.size();
  Fr.Merge = BasicBlock::Create(Ctx, "block.end");
  Fr.MergePhis = makePhis(Fr.Merge, Fr.Results);
  Frames.push_back(std::move(Fr));
}

void FunctionTranslator::emitLoop(const Instr &I) {
  Frame Fr;
  Fr.Kind = FrameKind::Loop;
  blockSignature(I.Block, Fr.Params, Fr.Results);
  Fr.Header = newBlock("loop");
  Fr.HeaderPhis = makePhis(Fr.Header, Fr.Params);
  SmallVector<Value *, 8> Args = popN(Fr.Params.size());
  for (size_t J = 0; J < Args.size(); ++J)
    Fr.HeaderPhis[J]->addIncoming(Args[J], B.GetInsertBlock());
  B.CreateBr(Fr.Header);
  B.SetInsertPoint(Fr.Header);
  // Every iteration pays for its first block and may be interrupted here.
  beginFuelBlock();
  emitInterruptChecks();
  Fr.Height = Stack.size();
  for (PHINode *P : Fr.HeaderPhis)
    push(P);
  Fr.Merge = BasicBlock::Create(Ctx, "loop.end");
  Fr.MergePhis = makePhis(Fr.Merge, Fr.Results);
  Frames.push_back(std::move(Fr));
}

void FunctionTranslator::emitIf(const Instr &I) {
  Value *Cond = popCond();
  Frame Fr;
  Fr.Kind = FrameKind::If;
  blockSignature(I.Block, Fr.Params, Fr.Results);
  Fr.Height = Stack.size() - Fr.Params.size();
  Fr.ElseParams.assign(Stack.end() - Fr.Params.size(), Stack.end());
  BasicBlock *Then = newBlock("if.then");
  Fr.Else = newBlock("if.else");
  B.CreateCondBr(Cond, Then, Fr.Else);
  B.SetInsertPoint(Then);
  beginFuelBlock();
  Fr.Merge = BasicBlock::Create(Ctx, "if.end");
  Fr.MergePhis = makePhis(Fr.Merge, Fr.Results);
  Frames.push_back(std::move(Fr));
}

static void addEdge(ArrayRef<PHINode *> Phis, ArrayRef<Value *> Stack,
                    BasicBlock *From) {
  size_t N = Phis.size();
  assert(Stack.size() >= N && "branch operands missing in a valid module");
  for (size_t J = 0; J < N; ++J)
    Phis[J]->addIncoming(Stack[Stack.size() - N + J], From);
}

BasicBlock *FunctionTranslator::addBranchEdge(uint32_t Depth) {
  assert(Depth < Frames.size() && "branch depth out of range");
  Frame &T = Frames[Frames.size() - 1 - Depth];
  // A branch to a loop restarts it with its params; to anything else it
  // leaves with the results.
  if (T.Kind == FrameKind::Loop) {
    addEdge(T.HeaderPhis, Stack, B.GetInsertBlock());
    return T.Header;
  }
  addEdge(T.MergePhis, Stack, B.GetInsertBlock());
  return T.Merge;
}

BasicBlock *FunctionTranslator::addFallthroughEdge() {
  Frame &T = Frames.back();
  addEdge(T.MergePhis, Stack, B.GetInsertBlock());
  return T.Merge;
}

void FunctionTranslator::emitElse() {
  Frame &Fr = Frames.back();
  assert(Fr.Kind == FrameKind::If && "else outside if in a valid module");
  if (Reachable)
    B.CreateBr(addFallthroughEdge());
  Stack.resize(Fr.Height);
  Stack.insert(Stack.end(), Fr.ElseParams.begin(), Fr.ElseParams.end());
  B.SetInsertPoint(Fr.Else);
  beginFuelBlock();
  Fr.SeenElse = true;
  Reachable = true;
  DeadDepth = 0;
}

void FunctionTranslator::emitEnd() {
  Frame &Fr = Frames.back();
  if (Reachable)
    B.CreateBr(addFallthroughEdge());
  if (Fr.Kind == FrameKind::If && !Fr.SeenElse) {
    // A missing else passes the params through; validation made them the
    // results.
    B.SetInsertPoint(Fr.Else);
    for (size_t J = 0; J < Fr.MergePhis.size(); ++J)
      Fr.MergePhis[J]->addIncoming(Fr.ElseParams[J], Fr.Else);
    B.CreateBr(Fr.Merge);
  }
  if (Fr.Kind == FrameKind::Function) {
    finishFunction();
    Frames.pop_back();
    Stack.clear();
    return;
  }

  BasicBlock *Merge = Fr.Merge;
  SmallVector<PHINode *, 4> Phis = std::move(Fr.MergePhis);
  Stack.resize(Fr.Height);
  Frames.pop_back();
  if (pred_empty(Merge)) {
    for (PHINode *P : Phis)
      P->eraseFromParent();
    delete Merge;
    setUnreachable();
    return;
  }
  Merge->insertInto(F);
  B.SetInsertPoint(Merge);
  beginFuelBlock();
  for (PHINode *P : Phis)
    push(P);
  Reachable = true;
}

void FunctionTranslator::finishFunction() {
  Frame &Fn = Frames.front();
  BasicBlock *Ret = Fn.Merge;
  if (pred_empty(Ret)) {
    for (PHINode *P : Fn.MergePhis)
      P->eraseFromParent();
    delete Ret;
    return;
  }
  Ret->insertInto(F);
  B.SetInsertPoint(Ret);
  SmallVector<Value *, 8> Results(Fn.MergePhis.begin(), Fn.MergePhis.end());
  if (Value *V = packResults(B, F->getReturnType(), Results))
    B.CreateRet(V);
  else
    B.CreateRetVoid();
}

void FunctionTranslator::emitBr(uint32_t Depth) {
  B.CreateBr(addBranchEdge(Depth));
  setUnreachable();
}

void FunctionTranslator::emitBrIf(uint32_t Depth) {
  Value *Cond = popCond();
  BasicBlock *Target = addBranchEdge(Depth);
  BasicBlock *Cont = newBlock("br_if.cont");
  B.CreateCondBr(Cond, Target, Cont);
  B.SetInsertPoint(Cont);
  beginFuelBlock();
}

void FunctionTranslator::emitBrTable(const Instr &I) {
  Value *Index = pop();
  // Each case is its own CFG edge, so each adds its own phi entries.
  BasicBlock *Default = addBranchEdge(I.Targets.back());
  SwitchInst *SI = B.CreateSwitch(Index, Default, I.Targets.size() - 1);
  for (size_t J = 0; J + 1 < I.Targets.size(); ++J)
    SI->addCase(B.getInt32(uint32_t(J)), addBranchEdge(I.Targets[J]));
  setUnreachable();
}

void FunctionTranslator::emitReturn() { emitBr(uint32_t(Frames.size() - 1)); }

} // namespace orca
