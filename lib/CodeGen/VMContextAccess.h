//===- CodeGen/VMContextAccess.h - Reach instance state ------*- C++ -*-===//
//
// Typed loads and stores of vmctx fields and of the records it points to, at
// the offsets VMOffsets defines, and calls of runtime builtins through the
// vmctx's builtin-function array. Runtime state and linear memory get
// distinct TBAA tags: wasm stores can never write runtime state, which lets
// LLVM keep e.g. a memory base in a register across heap stores.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_VMCONTEXTACCESS_H
#define ORCA_CODEGEN_VMCONTEXTACCESS_H

#include "Environ/VMOffsets.h"

#include "llvm/IR/IRBuilder.h"

namespace orca {

/// Builtins by their position in Environ/Builtins.def.
enum class Builtin : uint32_t {
#define ORCA_BUILTIN(Name, Ret, Params) Name,
#include "Environ/Builtins.def"
  NumBuiltins
};

class VMContextAccess {
public:
  VMContextAccess(llvm::IRBuilder<> &B, const VMOffsets &Offsets,
                  llvm::Value *VMCtx);

  llvm::Value *vmctx() const { return VMCtx; }
  const VMOffsets &offsets() const { return Offsets; }

  /// Base + Offset bytes.
  llvm::Value *addr(llvm::Value *Base, uint64_t Offset);
  /// Loads/stores runtime state (tagged as such for alias analysis).
  llvm::LoadInst *load(llvm::Type *T, llvm::Value *Base, uint64_t Offset);
  llvm::StoreInst *store(llvm::Value *V, llvm::Value *Base, uint64_t Offset);
  llvm::Value *loadPtr(llvm::Value *Base, uint64_t Offset);
  /// A pointer field the runtime sets before any JIT code of the instance
  /// runs and never changes afterwards, pointing to \p DerefBytes
  /// accessible bytes (0: unknown). LLVM may load it once and hoist it.
  llvm::Value *loadInvariantPtr(llvm::Value *Base, uint64_t Offset,
                                uint64_t DerefBytes = 0);
  llvm::Value *loadU32(llvm::Value *Base, uint64_t Offset);
  /// A pointer-sized unsigned field, zero-extended to i64.
  llvm::Value *loadUIntPtr(llvm::Value *Base, uint64_t Offset);

  /// Marks \p I as an access to linear memory.
  void tagHeap(llvm::Instruction *I);

  /// Calls builtin \p K with this vmctx as its first argument.
  llvm::CallInst *callBuiltin(Builtin K, llvm::ArrayRef<llvm::Value *> Args);
  static llvm::FunctionType *builtinType(llvm::LLVMContext &Ctx, Builtin K);

private:
  llvm::IRBuilder<> &B;
  const VMOffsets &Offsets;
  llvm::Value *VMCtx;
  llvm::MDNode *VMTag, *HeapTag;
};

} // namespace orca

#endif // ORCA_CODEGEN_VMCONTEXTACCESS_H
