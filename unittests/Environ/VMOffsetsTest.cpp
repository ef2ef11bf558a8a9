//===- VMOffsetsTest.cpp - Pin the vmctx layout ---------------------------===//
//
// The vmctx layout is a contract between codegen and the runtime; these
// tests pin its offsets so that any change is deliberate.
//
//===----------------------------------------------------------------------===//

#include "Environ/VMOffsets.h"
#include "Binary/Module.h"

#include "gtest/gtest.h"

using namespace orca;

namespace {

TEST(VMOffsetsTest, EmptyModuleIsHeaderOnly) {
  VMOffsets O(8, VMOffsetsCounts{});
  EXPECT_EQ(O.magic(), 0u);
  EXPECT_EQ(O.runtimeLimits(), 8u);
  EXPECT_EQ(O.callee(), 16u);
  EXPECT_EQ(O.epochPtr(), 24u);
  EXPECT_EQ(O.externrefActivationsTable(), 32u);
  EXPECT_EQ(O.store(), 40u);
  EXPECT_EQ(O.builtinFunctions(), 48u);
  EXPECT_EQ(O.signatureIds(), 56u);
  EXPECT_EQ(O.importedFunctionsBegin(), 64u);
  EXPECT_EQ(O.anyfuncsBegin(), 64u);
  EXPECT_EQ(O.size(), 64u);
}

TEST(VMOffsetsTest, EveryKindOfImportAndDefinition) {
  VMOffsetsCounts C;
  C.ImportedFuncs = 2;    // 2 * 16 = 32
  C.ImportedTables = 1;   // 16
  C.ImportedMemories = 1; // 24
  C.ImportedGlobals = 3;  // 3 * 8 = 24
  C.DefinedTables = 2;    // 32
  C.DefinedMemories = 1;  // 8
  C.OwnedMemories = 1;    // 16
  C.DefinedGlobals = 2;   // aligned to 16, 2 * 16
  C.EscapedFuncs = 3;     // 3 * 24
  VMOffsets O(8, C);
  EXPECT_EQ(O.importedFunctionsBegin(), 64u);
  EXPECT_EQ(O.importedFunctionBody(1), 80u);
  EXPECT_EQ(O.importedFunctionVMCtx(1), 88u);
  EXPECT_EQ(O.importedTablesBegin(), 96u);
  EXPECT_EQ(O.importedTableVMCtx(0), 104u);
  EXPECT_EQ(O.importedMemoriesBegin(), 112u);
  EXPECT_EQ(O.importedMemoryIndex(0), 128u);
  EXPECT_EQ(O.importedGlobalsBegin(), 136u);
  EXPECT_EQ(O.importedGlobalFrom(2), 152u);
  EXPECT_EQ(O.definedTablesBegin(), 160u);
  EXPECT_EQ(O.definedTableCurrentElements(1), 184u);
  EXPECT_EQ(O.definedMemoriesBegin(), 192u);
  EXPECT_EQ(O.ownedMemoriesBegin(), 200u);
  // 216 rounds up to the 16-byte boundary for globals.
  EXPECT_EQ(O.definedGlobalsBegin(), 224u);
  EXPECT_EQ(O.definedGlobal(1), 240u);
  EXPECT_EQ(O.anyfuncsBegin(), 256u);
  EXPECT_EQ(O.anyfunc(2), 304u);
  EXPECT_EQ(O.size(), 328u);
  EXPECT_EQ(O.definedGlobalsBegin() % 16, 0u);
}

TEST(VMOffsetsTest, RecordFields) {
  VMOffsets O(8, VMOffsetsCounts{});
  EXPECT_EQ(O.memoryDefinitionBase(), 0u);
  EXPECT_EQ(O.memoryDefinitionCurrentLength(), 8u);
  EXPECT_EQ(O.anyfuncFuncPtr(), 0u);
  EXPECT_EQ(O.anyfuncTypeIndex(), 8u);
  EXPECT_EQ(O.anyfuncVMCtx(), 16u);
  EXPECT_EQ(O.sizeOfAnyfunc(), 24u);
  EXPECT_EQ(O.runtimeLimitsStackLimit(), 0u);
  EXPECT_EQ(O.runtimeLimitsFuelConsumed(), 8u);
  EXPECT_EQ(O.runtimeLimitsEpochDeadline(), 16u);
  EXPECT_EQ(O.runtimeLimitsLastWasmExitFp(), 24u);
  EXPECT_EQ(O.runtimeLimitsLastWasmExitPc(), 32u);
  EXPECT_EQ(O.runtimeLimitsLastWasmEntrySp(), 40u);
  EXPECT_EQ(O.sizeOfRuntimeLimits(), 48u);
  EXPECT_EQ(O.hostContextCallback(), 8u);
}

TEST(VMOffsetsTest, PointerSizeFourHalvesPointerFields) {
  VMOffsetsCounts C;
  C.ImportedFuncs = 1;
  C.DefinedGlobals = 1;
  VMOffsets O(4, C);
  EXPECT_EQ(O.signatureIds(), 28u);
  EXPECT_EQ(O.importedFunctionsBegin(), 32u);
  EXPECT_EQ(O.importedFunctionVMCtx(0), 36u);
  EXPECT_EQ(O.definedGlobalsBegin(), 48u);
}

TEST(VMOffsetsTest, ForModuleCountsImportsDefinitionsAndEscapes) {
  Module M;
  M.Types.push_back(FuncType{});
  M.Funcs = {{0, true, true}, {0, false, false}, {0, false, true}};
  M.NumImportedFuncs = 1;
  M.Memories = {{MemoryType{}, true}, {MemoryType{}, false}};
  M.NumImportedMemories = 1;
  M.Globals.resize(3);
  M.Globals[0].Imported = true;
  M.NumImportedGlobals = 1;
  VMOffsets O = VMOffsets::forModule(M, 8);
  EXPECT_EQ(O.counts().ImportedFuncs, 1u);
  EXPECT_EQ(O.counts().ImportedMemories, 1u);
  EXPECT_EQ(O.counts().DefinedMemories, 1u);
  EXPECT_EQ(O.counts().OwnedMemories, 1u);
  EXPECT_EQ(O.counts().DefinedGlobals, 2u);
  EXPECT_EQ(O.counts().EscapedFuncs, 2u);
  std::vector<uint32_t> Slots = computeAnyfuncSlots(M);
  ASSERT_EQ(Slots.size(), 3u);
  EXPECT_EQ(Slots[0], 0u);
  EXPECT_EQ(Slots[1], NoAnyfunc);
  EXPECT_EQ(Slots[2], 1u);
}

TEST(VMOffsetsTest, DescribeListsEveryFieldInOrder) {
  VMOffsetsCounts C;
  C.ImportedFuncs = 1;
  VMOffsets O(8, C);
  EXPECT_EQ(O.describe(), "0 4 magic\n"
                          "8 8 runtime_limits\n"
                          "16 8 callee\n"
                          "24 8 epoch_ptr\n"
                          "32 8 externref_activations_table\n"
                          "40 8 store\n"
                          "48 8 builtin_functions\n"
                          "56 8 signature_ids\n"
                          "64 16 imported_functions\n"
                          "80 0 imported_tables\n"
                          "80 0 imported_memories\n"
                          "80 0 imported_globals\n"
                          "80 0 defined_tables\n"
                          "80 0 defined_memories\n"
                          "80 0 owned_memories\n"
                          "80 0 defined_globals\n"
                          "80 0 anyfuncs\n");
}

} // namespace
