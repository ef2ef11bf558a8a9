//===- CodeGen/CodeGenOptions.h - Choices that shape emitted IR -*- C++ -*-===//

#ifndef ORCA_CODEGEN_CODEGENOPTIONS_H
#define ORCA_CODEGEN_CODEGENOPTIONS_H

#include "Binary/Features.h"

namespace orca {

struct CodeGenOptions {
  Features Feat;
  /// Emit an explicit bounds check before each memory access. When false,
  /// the runtime's guard regions catch out-of-bounds accesses instead.
  bool ExplicitBoundsChecks = true;
  /// Guard mode only: bytes from a memory's base that the runtime keeps
  /// reserved (accessible pages, then inaccessible ones), so that any
  /// base + zext(index) + offset + size <= base + HeapReservedBytes either
  /// hits committed memory or faults. An access whose offset + size could
  /// reach past it (2^32 - 1 + offset + size > HeapReservedBytes) keeps an
  /// explicit check. Default: 4 GiB reservation + 2 GiB guard.
  uint64_t HeapReservedBytes = (uint64_t(4) << 30) + (uint64_t(2) << 30);
  /// Record each instruction's wasm byte offset as its debug line
  /// (CodeGen/DebugLocations.h), for trap backtraces. Every trap site then
  /// gets a trap block of its own. The JIT turns this on; printed IR and
  /// assembly leave it off.
  bool WasmOffsets = false;
  /// Charge every wasm operator against the store's fuel and trap when it
  /// runs out (CodeGen/Interrupts.cpp).
  bool ConsumeFuel = false;
  /// Check the engine's epoch against the store's deadline at function
  /// entries and loop headers (CodeGen/Interrupts.cpp).
  bool EpochInterruption = false;
};

} // namespace orca

#endif // ORCA_CODEGEN_CODEGENOPTIONS_H
