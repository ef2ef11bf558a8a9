//===- orca/Val.h - A wasm value, boxed and raw -----------------*- C++ -*-===//
//
// Part of Orca's public embedding API.
//
// This file owns orca::Val (a typed wasm value, for dynamic calls and host
// functions whose signature is only known at run time) and the raw 16-byte
// value slot plus the C++ <-> wasm type mapping (detail::WasmTraits) that
// typed calls and typed host functions use to move values without boxing.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_VAL_H
#define ORCA_VAL_H

#include "orca/Types.h"

#include <cstdint>
#include <cstring>

namespace orca {
inline namespace api {

class Func;

/// A 128-bit SIMD value as two little-endian halves.
struct V128 {
  uint64_t Lo = 0;
  uint64_t Hi = 0;
  bool operator==(const V128 &O) const = default;
};

/// A typed wasm value. Numbers are stored by bit pattern, so NaN payloads
/// survive. A funcref remembers which store its function belongs to.
class Val {
public:
  /// The i32 zero.
  Val() = default;
  Val(int32_t V) : Type(ValType::I32), Lo(uint32_t(V)) {}
  Val(int64_t V) : Type(ValType::I64), Lo(uint64_t(V)) {}
  Val(float V) : Type(ValType::F32) {
    uint32_t B;
    std::memcpy(&B, &V, 4);
    Lo = B;
  }
  Val(double V) : Type(ValType::F64) { std::memcpy(&Lo, &V, 8); }
  Val(V128 V) : Type(ValType::V128), Lo(V.Lo), Hi(V.Hi) {}

  static Val i32(int32_t V) { return Val(V); }
  static Val i64(int64_t V) { return Val(V); }
  static Val f32(float V) { return Val(V); }
  static Val f64(double V) { return Val(V); }
  /// An externref holding the host pointer \p P (null: ref.null extern).
  static Val externref(void *P) {
    Val R;
    R.Type = ValType::ExternRef;
    R.Lo = uint64_t(reinterpret_cast<uintptr_t>(P));
    return R;
  }
  /// A funcref to \p F (defined in orca.h).
  static Val funcref(const Func &F);
  /// ref.null of the reference type \p T.
  static Val nullref(ValType T) {
    Val R;
    R.Type = T;
    return R;
  }
  /// The zero value of \p T (null for references).
  static Val zero(ValType T) { return nullref(T); }

  ValType type() const { return Type; }
  int32_t i32() const { return int32_t(uint32_t(Lo)); }
  int64_t i64() const { return int64_t(Lo); }
  float f32() const {
    float F;
    uint32_t B = uint32_t(Lo);
    std::memcpy(&F, &B, 4);
    return F;
  }
  double f64() const {
    double D;
    std::memcpy(&D, &Lo, 8);
    return D;
  }
  V128 v128() const { return {Lo, Hi}; }
  void *externref() const { return reinterpret_cast<void *>(uintptr_t(Lo)); }
  /// The function of a funcref, or nullopt for a null funcref (defined in
  /// orca.h).
  std::optional<Func> funcref() const;
  bool isNull() const { return Lo == 0; }

  /// Bit-level equality (same type and bits).
  bool operator==(const Val &O) const = default;

  /// Raw access for the implementation: the low/high 64 bits (for
  /// funcrefs: the function record and its store's id).
  uint64_t rawLo() const { return Lo; }
  uint64_t rawHi() const { return Hi; }
  static Val fromRaw(ValType T, uint64_t Lo, uint64_t Hi) {
    Val R;
    R.Type = T;
    R.Lo = Lo;
    R.Hi = Hi;
    return R;
  }

private:
  ValType Type = ValType::I32;
  uint64_t Lo = 0;
  uint64_t Hi = 0;
};

namespace detail {

/// One 16-byte value slot, the layout the JIT's trampolines read and write
/// (i32/f32 in the low 32 bits of Lo, v128 in Lo/Hi).
struct alignas(16) RawSlot {
  uint64_t Lo;
  uint64_t Hi;
};

/// The C++ types typed calls and typed host functions accept, and how each
/// maps to a wasm value type and a slot.
template <typename T> struct WasmTraits; // unsupported type: no definition

template <> struct WasmTraits<int32_t> {
  static constexpr ValType Type = ValType::I32;
  static int32_t load(const RawSlot &S) { return int32_t(uint32_t(S.Lo)); }
  static void store(RawSlot &S, int32_t V) { S.Lo = uint32_t(V); }
};
template <> struct WasmTraits<uint32_t> {
  static constexpr ValType Type = ValType::I32;
  static uint32_t load(const RawSlot &S) { return uint32_t(S.Lo); }
  static void store(RawSlot &S, uint32_t V) { S.Lo = V; }
};
template <> struct WasmTraits<int64_t> {
  static constexpr ValType Type = ValType::I64;
  static int64_t load(const RawSlot &S) { return int64_t(S.Lo); }
  static void store(RawSlot &S, int64_t V) { S.Lo = uint64_t(V); }
};
template <> struct WasmTraits<uint64_t> {
  static constexpr ValType Type = ValType::I64;
  static uint64_t load(const RawSlot &S) { return S.Lo; }
  static void store(RawSlot &S, uint64_t V) { S.Lo = V; }
};
template <> struct WasmTraits<float> {
  static constexpr ValType Type = ValType::F32;
  static float load(const RawSlot &S) {
    float F;
    uint32_t B = uint32_t(S.Lo);
    std::memcpy(&F, &B, 4);
    return F;
  }
  static void store(RawSlot &S, float V) {
    uint32_t B;
    std::memcpy(&B, &V, 4);
    S.Lo = B;
  }
};
template <> struct WasmTraits<double> {
  static constexpr ValType Type = ValType::F64;
  static double load(const RawSlot &S) {
    double D;
    std::memcpy(&D, &S.Lo, 8);
    return D;
  }
  static void store(RawSlot &S, double V) { std::memcpy(&S.Lo, &V, 8); }
};
template <> struct WasmTraits<V128> {
  static constexpr ValType Type = ValType::V128;
  static V128 load(const RawSlot &S) { return {S.Lo, S.Hi}; }
  static void store(RawSlot &S, V128 V) {
    S.Lo = V.Lo;
    S.Hi = V.Hi;
  }
};

} // namespace detail
} // namespace api
} // namespace orca

#endif // ORCA_VAL_H
