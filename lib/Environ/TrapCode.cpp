//===- Environ/TrapCode.cpp - Why wasm code trapped -----------------------===//

#include "Environ/TrapCode.h"

const char *orca::trapMessage(TrapCode C) {
  switch (C) {
  case TrapCode::Unreachable:
    return "unreachable";
  case TrapCode::IntegerDivideByZero:
    return "integer divide by zero";
  case TrapCode::IntegerOverflow:
    return "integer overflow";
  case TrapCode::InvalidConversionToInteger:
    return "invalid conversion to integer";
  case TrapCode::MemoryOutOfBounds:
    return "out of bounds memory access";
  case TrapCode::TableOutOfBounds:
    return "out of bounds table access";
  case TrapCode::UndefinedElement:
    return "undefined element";
  case TrapCode::IndirectCallToNull:
    return "uninitialized element";
  case TrapCode::BadSignature:
    return "indirect call type mismatch";
  case TrapCode::StackOverflow:
    return "call stack exhausted";
  case TrapCode::HostError:
    return "host function error";
  case TrapCode::OutOfFuel:
    // wasmtime's wording.
    return "all fuel consumed by WebAssembly";
  case TrapCode::Interrupt:
    return "interrupt";
  case TrapCode::NumTrapCodes:
    break;
  }
  return "unknown trap";
}
