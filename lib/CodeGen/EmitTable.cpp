//===- CodeGen/EmitTable.cpp - Tables and references to LLVM IR -----------===//
//
// table.size reads current_elements inline; every other table operation,
// and ref.func, goes through a builtin, which also does the bounds checks
// and traps.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/FunctionTranslator.h"

using namespace llvm;

namespace orca {

Value *FunctionTranslator::tableDefinition(uint32_t Table) {
  const VMOffsets &O = Env.Offsets;
  if (Table < M.NumImportedTables)
    return VM->loadInvariantPtr(VM->vmctx(), O.importedTableFrom(Table));
  return VM->addr(VM->vmctx(), O.definedTable(Table - M.NumImportedTables));
}

Value *FunctionTranslator::tableSize(Value *Def) {
  return VM->loadU32(Def, Env.Offsets.tableDefinitionCurrentElements());
}

void FunctionTranslator::emitTableGet(uint32_t Table) {
  Value *Index = pop();
  Builtin K = M.Tables[Table].Type.Elem == ValType::FuncRef
                  ? Builtin::TableGetLazyInit
                  : Builtin::TableGet;
  push(VM->callBuiltin(K, {B.getInt32(Table), Index}));
}

void FunctionTranslator::emitTableSet(uint32_t Table) {
  Value *Val = pop();
  Value *Index = pop();
  VM->callBuiltin(Builtin::TableSet, {B.getInt32(Table), Index, Val});
}

void FunctionTranslator::emitTableSize(uint32_t Table) {
  push(tableSize(tableDefinition(Table)));
}

void FunctionTranslator::emitTableGrow(uint32_t Table) {
  Value *Delta = pop();
  Value *Init = pop();
  push(VM->callBuiltin(Builtin::TableGrow, {B.getInt32(Table), Delta, Init}));
}

void FunctionTranslator::emitTableFill(uint32_t Table) {
  Value *Len = pop();
  Value *Val = pop();
  Value *Dst = pop();
  VM->callBuiltin(Builtin::TableFill, {B.getInt32(Table), Dst, Val, Len});
}

void FunctionTranslator::emitTableCopy(uint32_t Dst, uint32_t Src) {
  Value *Len = pop();
  Value *S = pop();
  Value *D = pop();
  VM->callBuiltin(Builtin::TableCopy,
                  {B.getInt32(Dst), B.getInt32(Src), D, S, Len});
}

void FunctionTranslator::emitTableInit(uint32_t Elem, uint32_t Table) {
  Value *Len = pop();
  Value *S = pop();
  Value *D = pop();
  VM->callBuiltin(Builtin::TableInit,
                  {B.getInt32(Table), B.getInt32(Elem), D, S, Len});
}

void FunctionTranslator::emitElemDrop(uint32_t Elem) {
  VM->callBuiltin(Builtin::ElemDrop, {B.getInt32(Elem)});
}

void FunctionTranslator::emitRefFunc(uint32_t Func) {
  push(VM->callBuiltin(Builtin::RefFunc, {B.getInt32(Func)}));
}

void FunctionTranslator::emitRefIsNull() {
  Value *IsNull = B.CreateICmpEQ(pop(), ConstantPointerNull::get(B.getPtrTy()));
  push(B.CreateZExt(IsNull, B.getInt32Ty()));
}

} // namespace orca
