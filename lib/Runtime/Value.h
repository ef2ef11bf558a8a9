//===- Runtime/Value.h - A wasm value as the host sees it -------*- C++ -*-===//

#ifndef ORCA_RUNTIME_VALUE_H
#define ORCA_RUNTIME_VALUE_H

#include "Binary/Module.h"

#include <cstdint>
#include <cstring>

namespace orca {

/// A typed wasm value. Integers and float bit patterns live in the low bits
/// of Lo; a v128 is Lo (low 64 bits) and Hi; a reference is a pointer in Lo
/// (funcref: the anyfunc record, externref: the host's pointer; 0 is null).
struct Value {
  ValType Type = ValType::I32;
  uint64_t Lo = 0;
  uint64_t Hi = 0;

  static Value i32(uint32_t V) { return {ValType::I32, V, 0}; }
  static Value i64(uint64_t V) { return {ValType::I64, V, 0}; }
  static Value f32Bits(uint32_t V) { return {ValType::F32, V, 0}; }
  static Value f64Bits(uint64_t V) { return {ValType::F64, V, 0}; }
  static Value f32(float F) {
    uint32_t Bits;
    std::memcpy(&Bits, &F, 4);
    return f32Bits(Bits);
  }
  static Value f64(double D) {
    uint64_t Bits;
    std::memcpy(&Bits, &D, 8);
    return f64Bits(Bits);
  }
  static Value v128(uint64_t Lo, uint64_t Hi) {
    return {ValType::V128, Lo, Hi};
  }
  static Value ref(ValType T, const void *P) {
    return {T, uint64_t(reinterpret_cast<uintptr_t>(P)), 0};
  }
  static Value zero(ValType T) { return {T, 0, 0}; }

  uint32_t asI32() const { return uint32_t(Lo); }
  uint64_t asI64() const { return Lo; }
  float asF32() const {
    float F;
    uint32_t Bits = uint32_t(Lo);
    std::memcpy(&F, &Bits, 4);
    return F;
  }
  double asF64() const {
    double D;
    std::memcpy(&D, &Lo, 8);
    return D;
  }
  void *asRef() const { return reinterpret_cast<void *>(uintptr_t(Lo)); }
  bool isNullRef() const { return Lo == 0; }
};

/// One 16-byte slot of the host<->wasm value arrays the trampolines use.
struct alignas(16) ValRaw {
  uint64_t Lo;
  uint64_t Hi;
};
static_assert(sizeof(ValRaw) == 16, "VMOffsets::SizeOfValRaw");

} // namespace orca

#endif // ORCA_RUNTIME_VALUE_H
