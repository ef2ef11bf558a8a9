//===- Runtime/CompiledModuleImpl.h - A compiled module ---------*- C++ -*-===//
//
// A decoded module with its layout, native code and engine-wide signature
// ids; shared by all its instances.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_COMPILEDMODULEIMPL_H
#define ORCA_RUNTIME_COMPILEDMODULEIMPL_H

#include "Environ/VMOffsets.h"
#include "JIT/CodeLoader.h"
#include "Runtime/Runtime.h"

namespace orca {

struct CompiledModule::Impl {
  Engine *E = nullptr;
  std::unique_ptr<Module> M;
  VMOffsets Offsets;
  std::unique_ptr<CompiledCode> Code;
  /// Engine-wide signature id of each type index; the vmctx signature_ids
  /// field points at this array.
  std::vector<uint32_t> SigIds;
  /// computeAnyfuncSlots(*M).
  std::vector<uint32_t> AnyfuncSlots;

  Impl(Engine &E, std::unique_ptr<Module> M, const VMOffsets &Offsets,
       std::unique_ptr<CompiledCode> Code)
      : E(&E), M(std::move(M)), Offsets(Offsets), Code(std::move(Code)) {}

  /// A host-to-wasm trampoline for signature \p SigId, if one of this
  /// module's types has it.
  const void *hostToWasmForSig(uint32_t SigId) const {
    for (size_t T = 0; T < SigIds.size(); ++T)
      if (SigIds[T] == SigId && T < Code->HostToWasm.size())
        return Code->HostToWasm[T];
    return nullptr;
  }
};

} // namespace orca

#endif // ORCA_RUNTIME_COMPILEDMODULEIMPL_H
