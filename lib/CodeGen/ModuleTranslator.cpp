//===- CodeGen/ModuleTranslator.cpp - A wasm module as one LLVM module ----===//
//
// Declares every defined function under its symbol first (so calls can
// refer to functions not yet translated, or translated in another part),
// translates the part's bodies, then adds the trampolines. The caller
// verifies the result (the JIT does, once per module, naming the first
// broken function) so that a translator bug surfaces as an error rather
// than as a crash in the backend.
//
//===----------------------------------------------------------------------===//

#include "CodeGen/ModuleTranslator.h"
#include "CodeGen/DebugLocations.h"
#include "CodeGen/FunctionTranslator.h"
#include "CodeGen/Trampolines.h"
#include "CodeGen/WasmTypes.h"
#include "Support/Error.h"

#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Triple.h"

#include <algorithm>
#include <optional>

using namespace llvm;

namespace orca {

std::string functionSymbol(uint32_t FuncIndex) {
  return "wasm_func_" + std::to_string(FuncIndex);
}

std::string hostToWasmSymbol(uint32_t TypeIndex) {
  return "orca_h2w_" + std::to_string(TypeIndex);
}

std::string wasmToHostSymbol(uint32_t TypeIndex) {
  return "orca_w2h_" + std::to_string(TypeIndex);
}

Expected<std::unique_ptr<llvm::Module>>
translateModule(const Module &M, const VMOffsets &Offsets, LLVMContext &Ctx,
                const DataLayout &DL, const Triple &TT,
                const CodeGenOptions &Opts, TranslationPart Part) {
  auto LM = std::make_unique<llvm::Module>("wasm", Ctx);
  LM->setDataLayout(DL);
  LM->setTargetTriple(TT.str());

  ModuleEnv Env{M, Offsets, Opts, *LM, {}};
  std::optional<DebugLocations> Debug;
  if (Opts.WasmOffsets) {
    Debug.emplace(*LM);
    Env.Debug = &*Debug;
  }
  Env.Funcs.reserve(M.numDefinedFuncs());
  for (uint32_t N = M.NumImportedFuncs; N < M.Funcs.size(); ++N) {
    llvm::Function *F = llvm::Function::Create(
        lowerFuncType(Ctx, M.funcType(N)), GlobalValue::ExternalLinkage,
        functionSymbol(N), *LM);
    addWasmFunctionAttrs(*F);
    F->getArg(0)->setName("vmctx");
    F->getArg(1)->setName("caller_vmctx");
    Env.Funcs.push_back(F);
  }

  uint32_t Begin = std::max(Part.Begin, M.NumImportedFuncs);
  uint32_t End = std::min<uint32_t>(Part.End, M.Funcs.size());
  for (uint32_t N = Begin; N < End; ++N) {
    // Not verified here: the JIT verifies the whole module once, and
    // names the failing function (JIT/JITCompiler.cpp).
    if (Error E = FunctionTranslator(Env, N).translate())
      return E;
  }

  if (Debug)
    Debug->finalize();
  if (Part.Trampolines)
    emitTrampolines(*LM, M, Offsets);
  return LM;
}

} // namespace orca
