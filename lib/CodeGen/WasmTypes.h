//===- CodeGen/WasmTypes.h - Wasm types as LLVM types -----------*- C++ -*-===//
//
// The one mapping from wasm value and function types to LLVM types, shared
// by function bodies and trampolines so both agree on the calling convention
// documented in ModuleTranslator.h.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_WASMTYPES_H
#define ORCA_CODEGEN_WASMTYPES_H

#include "Binary/Module.h"

#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/IRBuilder.h"

namespace orca {

/// i32, i64, float, double, <2 x i64> or ptr.
llvm::Type *lowerValType(llvm::LLVMContext &Ctx, ValType T);

/// void, the single result type, or a literal struct of the results.
llvm::Type *lowerResults(llvm::LLVMContext &Ctx,
                         llvm::ArrayRef<ValType> Results);

/// Ret(ptr callee_vmctx, ptr caller_vmctx, params...).
llvm::FunctionType *lowerFuncType(llvm::LLVMContext &Ctx, const FuncType &T);

/// The value a function returns for \p Values (null for none).
llvm::Value *packResults(llvm::IRBuilder<> &B, llvm::Type *RetTy,
                         llvm::ArrayRef<llvm::Value *> Values);

/// The inverse of packResults: the individual results of a call.
void unpackResults(llvm::IRBuilder<> &B, llvm::Value *Ret, size_t NumResults,
                   llvm::SmallVectorImpl<llvm::Value *> &Out);

/// Attributes every function Orca emits carries.
void addWasmFunctionAttrs(llvm::Function &F);

} // namespace orca

#endif // ORCA_CODEGEN_WASMTYPES_H
