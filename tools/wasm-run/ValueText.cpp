//===- ValueText.cpp - wasm values from and to command-line text ----------===//

#include "ValueText.h"
#include "Support/Error.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace orca;

static llvm::Error badValue(ValType T, const std::string &Text) {
  return makeError(ErrorKind::Usage, "invalid " + std::string(valTypeName(T)) +
                                         " argument '" + Text + "'");
}

/// Accepts [-]digits fitting either the signed or the unsigned range of
/// \p Bits, returning the two's-complement bits.
static bool parseInteger(const std::string &Text, unsigned Bits,
                         uint64_t &Out) {
  if (Text.empty())
    return false;
  bool Neg = Text[0] == '-';
  const char *Begin = Text.data() + (Neg || Text[0] == '+');
  const char *End = Text.data() + Text.size();
  if (Begin == End)
    return false;
  uint64_t Mag;
  auto [Ptr, Ec] = std::from_chars(Begin, End, Mag, 10);
  if (Ec != std::errc() || Ptr != End)
    return false;
  uint64_t Max = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
  uint64_t MinMag = uint64_t(1) << (Bits - 1); // |INT_MIN|
  if (Neg) {
    if (Mag > MinMag)
      return false;
    Out = (0 - Mag) & Max;
  } else {
    if (Mag > Max)
      return false;
    Out = Mag;
  }
  return true;
}

static bool parseFloat(const std::string &Text, double &Out) {
  std::string L = llvm::StringRef(Text).lower();
  bool Neg = !L.empty() && L[0] == '-';
  std::string Body = L.substr(Neg || (!L.empty() && L[0] == '+'));
  if (Body == "nan") {
    Out = Neg ? -std::numeric_limits<double>::quiet_NaN()
              : std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (Body == "inf" || Body == "infinity") {
    Out = Neg ? -INFINITY : INFINITY;
    return true;
  }
  if (Body.empty() || !(llvm::isDigit(Body[0]) || Body[0] == '.'))
    return false;
  errno = 0;
  char *End = nullptr;
  Out = std::strtod(Text.c_str(), &End);
  return End == Text.c_str() + Text.size();
}

llvm::Expected<Value> orca::parseValue(ValType T, const std::string &Text) {
  uint64_t Bits;
  double D;
  switch (T) {
  case ValType::I32:
    if (!parseInteger(Text, 32, Bits))
      return badValue(T, Text);
    return Value::i32(uint32_t(Bits));
  case ValType::I64:
    if (!parseInteger(Text, 64, Bits))
      return badValue(T, Text);
    return Value::i64(Bits);
  case ValType::F32:
    if (!parseFloat(Text, D))
      return badValue(T, Text);
    // Parse f32 directly from the text where possible to avoid double
    // rounding through f64.
    if (std::isfinite(D)) {
      float F = std::strtof(Text.c_str(), nullptr);
      return Value::f32(F);
    }
    return Value::f32(float(D));
  case ValType::F64:
    if (!parseFloat(Text, D))
      return badValue(T, Text);
    return Value::f64(D);
  default:
    return makeError(ErrorKind::Usage, std::string("cannot pass a ") +
                                           valTypeName(T) +
                                           " argument from the command line");
  }
}

template <typename F>
static std::string formatFloat(F Val, uint64_t Bits, unsigned MantBits) {
  if (std::isnan(Val)) {
    uint64_t Payload = Bits & ((uint64_t(1) << MantBits) - 1);
    std::string S = std::signbit(Val) ? "-nan" : "nan";
    if (Payload != uint64_t(1) << (MantBits - 1))
      S += ":0x" + llvm::utohexstr(Payload, /*LowerCase=*/true);
    return S;
  }
  if (std::isinf(Val))
    return std::signbit(Val) ? "-inf" : "inf";
  char Buf[64];
  auto [Ptr, Ec] = std::to_chars(Buf, Buf + sizeof(Buf), Val);
  return std::string(Buf, Ptr);
}

std::string orca::formatValue(const Value &V) {
  switch (V.Type) {
  case ValType::I32:
    return std::to_string(int32_t(V.asI32()));
  case ValType::I64:
    return std::to_string(int64_t(V.asI64()));
  case ValType::F32:
    return formatFloat(V.asF32(), V.Lo & 0xffffffff, 23);
  case ValType::F64:
    return formatFloat(V.asF64(), V.Lo, 52);
  case ValType::V128: {
    // One 128-bit little-endian number: byte 15 (the top of the last lane)
    // first, byte 0 (the bottom of lane 0) last; always 32 digits.
    // (utohexstr's Width pads but still prepends a '0' to a zero value.)
    char Buf[35];
    std::snprintf(Buf, sizeof(Buf), "0x%016llx%016llx",
                  static_cast<unsigned long long>(V.Hi),
                  static_cast<unsigned long long>(V.Lo));
    return Buf;
  }
  case ValType::FuncRef:
  case ValType::ExternRef:
    return V.isNullRef() ? "null" : std::string(valTypeName(V.Type));
  }
  return "?";
}
