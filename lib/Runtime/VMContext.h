//===- Runtime/VMContext.h - Raw vmctx access -------------------*- C++ -*-===//
//
// The runtime reads and writes the vmctx and the records it points to
// (anyfuncs, table and memory definitions, runtime limits, host contexts)
// only through the offsets of Environ/VMOffsets.h, using the helpers here.
// Field offsets of pointed-to records depend only on the pointer size, so
// they come from hostLayout(), a layout with no entities.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_RUNTIME_VMCONTEXT_H
#define ORCA_RUNTIME_VMCONTEXT_H

#include "Environ/VMOffsets.h"

#include <cstdint>
#include <cstring>

namespace orca {

/// The layout of the host, used for record field offsets.
const VMOffsets &hostLayout();

/// Reads a value of type T at byte offset \p Off of \p Base.
template <typename T> inline T loadAt(const void *Base, uint32_t Off) {
  T V;
  std::memcpy(&V, static_cast<const uint8_t *>(Base) + Off, sizeof(T));
  return V;
}
template <typename T> inline void storeAt(void *Base, uint32_t Off, T V) {
  std::memcpy(static_cast<uint8_t *>(Base) + Off, &V, sizeof(T));
}
inline void *addrAt(void *Base, uint32_t Off) {
  return static_cast<uint8_t *>(Base) + Off;
}

/// An anyfunc record {func_ptr, type_index, vmctx}: what funcref values,
/// funcref table slots (tagged) and function Externs point to.
struct AnyfuncRef {
  void *P;
  const void *funcPtr() const {
    return loadAt<const void *>(P, hostLayout().anyfuncFuncPtr());
  }
  uint32_t typeIndex() const {
    return loadAt<uint32_t>(P, hostLayout().anyfuncTypeIndex());
  }
  void *vmctx() const { return loadAt<void *>(P, hostLayout().anyfuncVMCtx()); }
  void set(const void *Fn, uint32_t TypeIndex, void *VMCtx) const {
    storeAt(P, hostLayout().anyfuncFuncPtr(), Fn);
    storeAt(P, hostLayout().anyfuncTypeIndex(), TypeIndex);
    storeAt(P, hostLayout().anyfuncVMCtx(), VMCtx);
  }
  void setFuncPtr(const void *Fn) const {
    storeAt(P, hostLayout().anyfuncFuncPtr(), Fn);
  }
};

/// Whether \p Ctx (an anyfunc's or an import's vmctx) is a host function's
/// context rather than an instance's vmctx; both start with a u32 magic.
inline bool isHostContext(const void *Ctx) {
  return loadAt<uint32_t>(Ctx, 0) == VMOffsets::HostMagic;
}

/// Pointer-sized buffer big enough for any record, kept 16-byte aligned.
template <unsigned Words> struct alignas(16) RecordStorage {
  uintptr_t W[Words] = {};
  void *get() { return W; }
};

} // namespace orca

#endif // ORCA_RUNTIME_VMCONTEXT_H
