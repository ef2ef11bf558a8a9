//===- Environ/TrapCode.h - Why wasm code trapped ---------------*- C++ -*-===//
//
// The trap codes shared by code generation (which raises them) and the
// runtime (which reports them), with the spec tests' wording.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_ENVIRON_TRAPCODE_H
#define ORCA_ENVIRON_TRAPCODE_H

#include <cstdint>

namespace orca {

enum class TrapCode : uint32_t {
  Unreachable,
  IntegerDivideByZero,
  IntegerOverflow,
  InvalidConversionToInteger,
  MemoryOutOfBounds,
  TableOutOfBounds,
  UndefinedElement,
  IndirectCallToNull,
  BadSignature,
  StackOverflow,
  HostError,
  /// The store's fuel ran out (Config::ConsumeFuel; CodeGen/Interrupts.cpp).
  OutOfFuel,
  /// The engine's epoch reached the store's deadline (epoch interruption).
  Interrupt,
  NumTrapCodes
};

/// The spec's wording, e.g. "integer divide by zero".
const char *trapMessage(TrapCode C);

} // namespace orca

#endif // ORCA_ENVIRON_TRAPCODE_H
