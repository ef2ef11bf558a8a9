//===- Environ/VMOffsets.cpp - The one description of the vmctx layout ----===//

#include "Environ/VMOffsets.h"
#include "Binary/Module.h"

#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace orca;

VMOffsets::VMOffsets(uint8_t PointerSize, const VMOffsetsCounts &C)
    : PtrSize(PointerSize), Counts(C) {
  // Sizes are computed in 64 bits so that hostile counts cannot wrap; the
  // decoder's limits keep every real layout far below 4 GiB.
  uint64_t Off = 8 * uint64_t(PtrSize); // header: 8 pointer-sized fields
  auto Array = [&](uint32_t &Begin, uint64_t N, uint64_t EltSize) {
    Begin = uint32_t(Off);
    Off += N * EltSize;
  };
  Array(ImportedFunctionsBegin, C.ImportedFuncs, sizeOfImportedFunction());
  Array(ImportedTablesBegin, C.ImportedTables, sizeOfImportedTable());
  Array(ImportedMemoriesBegin, C.ImportedMemories, sizeOfImportedMemory());
  Array(ImportedGlobalsBegin, C.ImportedGlobals, sizeOfImportedGlobal());
  Array(DefinedTablesBegin, C.DefinedTables, sizeOfTableDefinition());
  Array(DefinedMemoriesBegin, C.DefinedMemories, sizeOfMemoryPointer());
  Array(OwnedMemoriesBegin, C.OwnedMemories, sizeOfMemoryDefinition());
  Off = llvm::alignTo(Off, 16);
  Array(DefinedGlobalsBegin, C.DefinedGlobals, sizeOfGlobal());
  Array(AnyfuncsBegin, C.EscapedFuncs, sizeOfAnyfunc());
  Size = uint32_t(Off);
}

std::vector<uint32_t> orca::computeAnyfuncSlots(const Module &M) {
  std::vector<uint32_t> Slots(M.Funcs.size(), NoAnyfunc);
  uint32_t Next = 0;
  for (size_t I = 0; I < M.Funcs.size(); ++I)
    if (M.Funcs[I].Escapes)
      Slots[I] = Next++;
  return Slots;
}

VMOffsets VMOffsets::forModule(const Module &M, uint8_t PointerSize) {
  VMOffsetsCounts C;
  C.ImportedFuncs = M.NumImportedFuncs;
  C.ImportedTables = M.NumImportedTables;
  C.ImportedMemories = M.NumImportedMemories;
  C.ImportedGlobals = M.NumImportedGlobals;
  C.DefinedTables = uint32_t(M.Tables.size()) - M.NumImportedTables;
  C.DefinedMemories = uint32_t(M.Memories.size()) - M.NumImportedMemories;
  C.OwnedMemories = C.DefinedMemories;
  C.DefinedGlobals = uint32_t(M.Globals.size()) - M.NumImportedGlobals;
  for (const Function &F : M.Funcs)
    C.EscapedFuncs += F.Escapes;
  return VMOffsets(PointerSize, C);
}

std::string VMOffsets::describe() const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto Line = [&](uint64_t Offset, uint64_t Size, const char *Name) {
    OS << Offset << ' ' << Size << ' ' << Name << '\n';
  };
  Line(magic(), 4, "magic");
  Line(runtimeLimits(), PtrSize, "runtime_limits");
  Line(callee(), PtrSize, "callee");
  Line(epochPtr(), PtrSize, "epoch_ptr");
  Line(externrefActivationsTable(), PtrSize, "externref_activations_table");
  Line(store(), PtrSize, "store");
  Line(builtinFunctions(), PtrSize, "builtin_functions");
  Line(signatureIds(), PtrSize, "signature_ids");
  Line(ImportedFunctionsBegin,
       uint64_t(Counts.ImportedFuncs) * sizeOfImportedFunction(),
       "imported_functions");
  Line(ImportedTablesBegin,
       uint64_t(Counts.ImportedTables) * sizeOfImportedTable(),
       "imported_tables");
  Line(ImportedMemoriesBegin,
       uint64_t(Counts.ImportedMemories) * sizeOfImportedMemory(),
       "imported_memories");
  Line(ImportedGlobalsBegin,
       uint64_t(Counts.ImportedGlobals) * sizeOfImportedGlobal(),
       "imported_globals");
  Line(DefinedTablesBegin,
       uint64_t(Counts.DefinedTables) * sizeOfTableDefinition(),
       "defined_tables");
  Line(DefinedMemoriesBegin,
       uint64_t(Counts.DefinedMemories) * sizeOfMemoryPointer(),
       "defined_memories");
  Line(OwnedMemoriesBegin,
       uint64_t(Counts.OwnedMemories) * sizeOfMemoryDefinition(),
       "owned_memories");
  Line(DefinedGlobalsBegin, uint64_t(Counts.DefinedGlobals) * sizeOfGlobal(),
       "defined_globals");
  Line(AnyfuncsBegin, uint64_t(Counts.EscapedFuncs) * sizeOfAnyfunc(),
       "anyfuncs");
  return Out;
}
