//===- CodeGen/DebugLocations.cpp - Wasm offsets as debug lines -----------===//
//
// What this file owns: the compile unit, subprograms and locations that
// record wasm byte offsets as line numbers (see DebugLocations.h).
//
//===----------------------------------------------------------------------===//

#include "CodeGen/DebugLocations.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

#include <string>

using namespace llvm;

namespace orca {

DebugLocations::DebugLocations(Module &LM) : Ctx(LM.getContext()), DIB(LM) {
  // Without the version flag the IR verifier would strip the metadata.
  if (!LM.getModuleFlag("Debug Info Version"))
    LM.addModuleFlag(Module::Warning, "Debug Info Version",
                     DEBUG_METADATA_VERSION);
  // DWARF 4: no .debug_line_str / .debug_str_offsets to relocate.
  if (!LM.getModuleFlag("Dwarf Version"))
    LM.addModuleFlag(Module::Max, "Dwarf Version", 4);
  File = DIB.createFile("wasm", "");
  DIB.createCompileUnit(dwarf::DW_LANG_C, File, "orca", /*isOptimized=*/true,
                        /*Flags=*/"", /*RV=*/0, /*SplitName=*/"",
                        DICompileUnit::LineTablesOnly);
  FnType = DIB.createSubroutineType(DIB.getOrCreateTypeArray({}));
}

DISubprogram *DebugLocations::beginFunction(Function &F, uint32_t FuncIndex,
                                            uint32_t BodyOffset) {
  DISubprogram *SP = DIB.createFunction(
      File, "wasm_func_" + std::to_string(FuncIndex), F.getName(), File,
      BodyOffset, FnType, BodyOffset, DINode::FlagZero,
      DISubprogram::SPFlagDefinition | DISubprogram::SPFlagOptimized);
  // Nothing is ever retained in a subprogram: resolve it now so that
  // verifyFunction accepts the function before the module is finalised.
  DIB.finalizeSubprogram(SP);
  F.setSubprogram(SP);
  return SP;
}

DILocation *DebugLocations::at(DISubprogram *SP, uint32_t Offset) {
  return DILocation::get(SP->getContext(), Offset, /*Column=*/0, SP);
}

void DebugLocations::finalize() { DIB.finalize(); }

} // namespace orca
