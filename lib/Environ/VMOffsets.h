//===- Environ/VMOffsets.h - The one description of the vmctx layout -*- C++
//-*-===//
//
// Every byte offset JIT code uses to reach instance state, and every offset
// the runtime uses to fill it in, comes from this class. Nothing else in
// Orca may hard-code a vmctx offset. The layout, for pointer size P:
//
//   header      magic (u32, padded to P), runtime_limits*, callee*,
//               epoch_ptr*, externref_activations_table*, store*,
//               builtin_functions* (array of P), signature_ids* (array of u32)
//   imports     functions {body*, vmctx*}, tables {from*, vmctx*},
//               memories {from*, vmctx*, index (u32, padded)}, globals {from*}
//   defined     tables {base*, current_elements (u32, padded)},
//               memories: pointers to their VMMemoryDefinition,
//               owned memories' VMMemoryDefinition {base*, current_length (P)}
//   globals     16-byte aligned, 16 bytes each (room for a v128)
//   anyfuncs    {func_ptr*, type_index (u32, padded), vmctx*} for every
//               escaping function, in function-index order
//
// Records reached through pointers (runtime limits, memory definitions,
// anyfuncs, host-function contexts) have their field offsets here too.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_ENVIRON_VMOFFSETS_H
#define ORCA_ENVIRON_VMOFFSETS_H

#include <cstdint>
#include <string>
#include <vector>

namespace orca {

struct Module;

/// The counts a layout depends on.
struct VMOffsetsCounts {
  uint32_t ImportedFuncs = 0;
  uint32_t ImportedTables = 0;
  uint32_t ImportedMemories = 0;
  uint32_t ImportedGlobals = 0;
  uint32_t DefinedTables = 0;
  uint32_t DefinedMemories = 0;
  uint32_t OwnedMemories = 0; ///< defined and not shared: all of them in 2.0
  uint32_t DefinedGlobals = 0;
  uint32_t EscapedFuncs = 0;
};

class VMOffsets {
public:
  /// The magic value at offset 0 of every instance vmctx ("core").
  static constexpr uint32_t Magic = 0x65726f63;
  /// The magic of a host function's context ("host").
  static constexpr uint32_t HostMagic = 0x74736f68;

  VMOffsets(uint8_t PointerSize, const VMOffsetsCounts &Counts);
  /// The layout of \p M's instances; escaped functions are those with
  /// Function::Escapes set.
  static VMOffsets forModule(const Module &M, uint8_t PointerSize);

  uint8_t pointerSize() const { return PtrSize; }
  const VMOffsetsCounts &counts() const { return Counts; }

  // Header fields.
  uint32_t magic() const { return 0; }
  uint32_t runtimeLimits() const { return PtrSize; }
  uint32_t callee() const { return 2 * PtrSize; }
  uint32_t epochPtr() const { return 3 * PtrSize; }
  uint32_t externrefActivationsTable() const { return 4 * PtrSize; }
  uint32_t store() const { return 5 * PtrSize; }
  uint32_t builtinFunctions() const { return 6 * PtrSize; }
  uint32_t signatureIds() const { return 7 * PtrSize; }

  // Array starts (each array's first element).
  uint32_t importedFunctionsBegin() const { return ImportedFunctionsBegin; }
  uint32_t importedTablesBegin() const { return ImportedTablesBegin; }
  uint32_t importedMemoriesBegin() const { return ImportedMemoriesBegin; }
  uint32_t importedGlobalsBegin() const { return ImportedGlobalsBegin; }
  uint32_t definedTablesBegin() const { return DefinedTablesBegin; }
  uint32_t definedMemoriesBegin() const { return DefinedMemoriesBegin; }
  uint32_t ownedMemoriesBegin() const { return OwnedMemoriesBegin; }
  uint32_t definedGlobalsBegin() const { return DefinedGlobalsBegin; }
  uint32_t anyfuncsBegin() const { return AnyfuncsBegin; }
  /// Total size of the vmctx in bytes.
  uint32_t size() const { return Size; }

  // Record sizes.
  uint32_t sizeOfImportedFunction() const { return 2 * PtrSize; }
  uint32_t sizeOfImportedTable() const { return 2 * PtrSize; }
  uint32_t sizeOfImportedMemory() const { return 3 * PtrSize; }
  uint32_t sizeOfImportedGlobal() const { return PtrSize; }
  uint32_t sizeOfTableDefinition() const { return 2 * PtrSize; }
  uint32_t sizeOfMemoryPointer() const { return PtrSize; }
  uint32_t sizeOfMemoryDefinition() const { return 2 * PtrSize; }
  uint32_t sizeOfGlobal() const { return 16; }
  uint32_t sizeOfAnyfunc() const { return 3 * PtrSize; }

  // Element addresses.
  uint32_t importedFunction(uint32_t I) const {
    return ImportedFunctionsBegin + I * sizeOfImportedFunction();
  }
  uint32_t importedFunctionBody(uint32_t I) const {
    return importedFunction(I);
  }
  uint32_t importedFunctionVMCtx(uint32_t I) const {
    return importedFunction(I) + PtrSize;
  }
  uint32_t importedTable(uint32_t I) const {
    return ImportedTablesBegin + I * sizeOfImportedTable();
  }
  uint32_t importedTableFrom(uint32_t I) const { return importedTable(I); }
  uint32_t importedTableVMCtx(uint32_t I) const {
    return importedTable(I) + PtrSize;
  }
  uint32_t importedMemory(uint32_t I) const {
    return ImportedMemoriesBegin + I * sizeOfImportedMemory();
  }
  uint32_t importedMemoryFrom(uint32_t I) const { return importedMemory(I); }
  uint32_t importedMemoryVMCtx(uint32_t I) const {
    return importedMemory(I) + PtrSize;
  }
  uint32_t importedMemoryIndex(uint32_t I) const {
    return importedMemory(I) + 2 * PtrSize;
  }
  uint32_t importedGlobal(uint32_t I) const {
    return ImportedGlobalsBegin + I * sizeOfImportedGlobal();
  }
  uint32_t importedGlobalFrom(uint32_t I) const { return importedGlobal(I); }
  uint32_t definedTable(uint32_t I) const {
    return DefinedTablesBegin + I * sizeOfTableDefinition();
  }
  uint32_t definedTableBase(uint32_t I) const {
    return definedTable(I) + tableDefinitionBase();
  }
  uint32_t definedTableCurrentElements(uint32_t I) const {
    return definedTable(I) + tableDefinitionCurrentElements();
  }
  uint32_t definedMemoryPointer(uint32_t I) const {
    return DefinedMemoriesBegin + I * sizeOfMemoryPointer();
  }
  uint32_t ownedMemory(uint32_t I) const {
    return OwnedMemoriesBegin + I * sizeOfMemoryDefinition();
  }
  uint32_t definedGlobal(uint32_t I) const {
    return DefinedGlobalsBegin + I * sizeOfGlobal();
  }
  uint32_t anyfunc(uint32_t EscapedIndex) const {
    return AnyfuncsBegin + EscapedIndex * sizeOfAnyfunc();
  }

  // Fields of records reached through pointers.
  uint32_t tableDefinitionBase() const { return 0; }
  uint32_t tableDefinitionCurrentElements() const { return PtrSize; }
  uint32_t memoryDefinitionBase() const { return 0; }
  uint32_t memoryDefinitionCurrentLength() const { return PtrSize; }
  uint32_t anyfuncFuncPtr() const { return 0; }
  uint32_t anyfuncTypeIndex() const { return PtrSize; }
  uint32_t anyfuncVMCtx() const { return 2 * PtrSize; }

  uint32_t runtimeLimitsStackLimit() const { return 0; }
  uint32_t runtimeLimitsFuelConsumed() const { return PtrSize; }
  uint32_t runtimeLimitsEpochDeadline() const { return PtrSize + 8; }
  uint32_t runtimeLimitsLastWasmExitFp() const { return PtrSize + 16; }
  uint32_t runtimeLimitsLastWasmExitPc() const { return 2 * PtrSize + 16; }
  uint32_t runtimeLimitsLastWasmEntrySp() const { return 3 * PtrSize + 16; }
  uint32_t sizeOfRuntimeLimits() const { return 4 * PtrSize + 16; }

  /// A host function's context, passed as the callee vmctx to its
  /// wasm-to-host trampoline: {magic (u32, padded), callback*, data*}.
  /// The callback is `void(ctx*, caller_vmctx*, ValRaw *values, u32 count)`.
  uint32_t hostContextMagic() const { return 0; }
  uint32_t hostContextCallback() const { return PtrSize; }
  uint32_t hostContextData() const { return 2 * PtrSize; }
  uint32_t sizeOfHostContext() const { return 3 * PtrSize; }

  /// Size of one argument/result slot in host<->wasm value arrays (ValRaw).
  static constexpr uint32_t SizeOfValRaw = 16;

  /// One `<offset> <size> <name>` line per field or array, in layout order,
  /// for `wasm-compile --print-vmoffsets`.
  std::string describe() const;

private:
  uint8_t PtrSize;
  VMOffsetsCounts Counts;
  uint32_t ImportedFunctionsBegin, ImportedTablesBegin, ImportedMemoriesBegin,
      ImportedGlobalsBegin, DefinedTablesBegin, DefinedMemoriesBegin,
      OwnedMemoriesBegin, DefinedGlobalsBegin, AnyfuncsBegin, Size;
};

/// For each function index, its slot in the anyfunc array, or NoAnyfunc when
/// the function does not escape.
std::vector<uint32_t> computeAnyfuncSlots(const Module &M);
constexpr uint32_t NoAnyfunc = ~0u;

/// Funcref table slots hold 0 for "not yet initialised" (resolve through the
/// TableGetLazyInit builtin); otherwise the anyfunc pointer with this bit
/// set, so an initialised null slot is exactly FuncRefInitBit.
constexpr uintptr_t FuncRefInitBit = 1;

} // namespace orca

#endif // ORCA_ENVIRON_VMOFFSETS_H
