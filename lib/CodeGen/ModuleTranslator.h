//===- CodeGen/ModuleTranslator.h - A wasm module as one LLVM module -*- C++
//-*-===//
//
// Translates every defined function of a validated module to LLVM IR, plus
// the trampolines the runtime needs to cross between host and wasm.
//
// The wasm calling convention, used for every function and import:
//   Ret f(ptr callee_vmctx, ptr caller_vmctx, <wasm params>...)
// Ret is void, the single result, or a literal struct of the results.
// Value types map to i32, i64, float, double, <2 x i64> (v128) and ptr
// (funcref: pointer to an anyfunc record or null; externref: opaque ptr).
//
// Symbols (see the *Symbol functions):
//   wasm_func_<N>  defined function N (N is the function index)
//   orca_h2w_<T>   host-to-wasm trampoline for type T:
//                    void(ptr fn, ptr callee_vmctx, ptr caller_vmctx,
//                         ptr values)
//                  loads the params from 16-byte slots at `values`, calls
//                  `fn` with the wasm convention, stores the results back
//                  into the slots from the first.
//   orca_w2h_<T>   wasm-to-host trampoline for type T, itself of the wasm
//                  convention for T: stores its params into 16-byte slots
//                  on its stack (max(params, results) of them), calls
//                    void callback(ptr callee_vmctx, ptr caller_vmctx,
//                                  ptr values, i32 count)
//                  where callback is loaded from the callee vmctx (a host
//                  context) at VMOffsets::hostContextCallback(), then loads
//                  the results from the slots.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_CODEGEN_MODULETRANSLATOR_H
#define ORCA_CODEGEN_MODULETRANSLATOR_H

#include "Binary/Module.h"
#include "CodeGen/CodeGenOptions.h"
#include "Environ/VMOffsets.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace orca {

std::string functionSymbol(uint32_t FuncIndex);
std::string hostToWasmSymbol(uint32_t TypeIndex);
std::string wasmToHostSymbol(uint32_t TypeIndex);

/// Which part of a module one LLVM module holds. Parts of one wasm module
/// are compiled independently (in parallel) and linked together: functions
/// outside [Begin, End) are only declared, and calls to them are resolved
/// by the linker.
struct TranslationPart {
  uint32_t Begin = 0; ///< first function index defined (>= imports)
  uint32_t End = ~0u; ///< one past the last (clamped to the module's)
  bool Trampolines = true;
};

/// \p DL and \p TT describe the target the module will be compiled for.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateModule(const Module &M, const VMOffsets &Offsets,
                llvm::LLVMContext &Ctx, const llvm::DataLayout &DL,
                const llvm::Triple &TT, const CodeGenOptions &Opts,
                TranslationPart Part = {});

} // namespace orca

#endif // ORCA_CODEGEN_MODULETRANSLATOR_H
