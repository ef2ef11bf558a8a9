//===- wasm-spectest/ValueParsing.cpp - Spec-test JSON values -------------===//
//
// JSON <-> Value for the spec-test runner. wast2json writes integers as
// unsigned decimal strings and floats as their bit patterns in decimal, so
// parsing never goes through floating point and results compare bit-exactly.
//
//===----------------------------------------------------------------------===//

#include "ValueParsing.h"

#include "Support/Error.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace orca;
using namespace orca::spectest;
using llvm::StringRef;

const void *ExternRefPool::pointerFor(uint64_t N) {
  auto It = ByNumber.find(N);
  if (It != ByNumber.end())
    return It->second.get();
  auto Slot = std::make_unique<uint64_t>(N);
  const void *P = Slot.get();
  ByNumber.emplace(N, std::move(Slot));
  ByPointer.emplace(P, N);
  return P;
}

std::optional<uint64_t> ExternRefPool::numberOf(const void *P) const {
  auto It = ByPointer.find(P);
  if (It == ByPointer.end())
    return std::nullopt;
  return It->second;
}

static llvm::Error usage(const llvm::Twine &Msg) {
  return makeError(ErrorKind::Usage, Msg.str());
}

std::optional<ValType> spectest::parseValType(StringRef Name) {
  if (Name == "i32")
    return ValType::I32;
  if (Name == "i64")
    return ValType::I64;
  if (Name == "f32")
    return ValType::F32;
  if (Name == "f64")
    return ValType::F64;
  if (Name == "v128")
    return ValType::V128;
  if (Name == "funcref")
    return ValType::FuncRef;
  if (Name == "externref")
    return ValType::ExternRef;
  return std::nullopt;
}

/// Lane width in bits of a v128 lane type name, 0 if unknown.
static unsigned laneBits(StringRef LaneType) {
  if (LaneType == "i8")
    return 8;
  if (LaneType == "i16")
    return 16;
  if (LaneType == "i32" || LaneType == "f32")
    return 32;
  if (LaneType == "i64" || LaneType == "f64")
    return 64;
  return 0;
}

/// Parses a decimal integer string of at most \p Bits bits. wast2json writes
/// unsigned values; a leading '-' is accepted and wrapped, to be lenient.
static llvm::Expected<uint64_t> parseBits(StringRef S, unsigned Bits) {
  uint64_t U = 0;
  if (S.starts_with("-")) {
    int64_t I = 0;
    if (S.getAsInteger(10, I))
      return usage("bad integer '" + S + "'");
    U = uint64_t(I);
  } else if (S.getAsInteger(10, U)) {
    return usage("bad integer '" + S + "'");
  }
  if (Bits < 64) {
    uint64_t Mask = (uint64_t(1) << Bits) - 1;
    // Accept sign-extended negatives of the lane width; reject the rest.
    if ((U & ~Mask) != 0 && (U | Mask) != ~uint64_t(0))
      return usage("integer '" + S + "' does not fit in " + llvm::Twine(Bits) +
                   " bits");
    U &= Mask;
  }
  return U;
}

/// Parses a lane/scalar expectation: a number or a NaN pattern (floats).
static llvm::Expected<ExpectedLane> parseLane(StringRef S, unsigned Bits,
                                              bool IsFloat) {
  ExpectedLane L;
  if (IsFloat && S == "nan:canonical") {
    L.Kind = ExpectedLane::CanonicalNaN;
    return L;
  }
  if (IsFloat && S == "nan:arithmetic") {
    L.Kind = ExpectedLane::ArithmeticNaN;
    return L;
  }
  auto B = parseBits(S, Bits);
  if (!B)
    return B.takeError();
  L.Bits = *B;
  return L;
}

/// Packs lanes into a v128 (lane 0 in the lowest bits, as wasm stores it).
static Value packV128(llvm::ArrayRef<uint64_t> Lanes, unsigned Bits) {
  uint64_t Words[2] = {0, 0};
  for (size_t I = 0; I < Lanes.size(); ++I) {
    unsigned Pos = unsigned(I) * Bits;
    uint64_t Mask = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
    Words[Pos / 64] |= (Lanes[I] & Mask) << (Pos % 64);
  }
  return Value::v128(Words[0], Words[1]);
}

static uint64_t extractLane(const Value &V, unsigned Index, unsigned Bits) {
  unsigned Pos = Index * Bits;
  uint64_t Word = Pos < 64 ? V.Lo : V.Hi;
  uint64_t Mask = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
  return (Word >> (Pos % 64)) & Mask;
}

llvm::Expected<Value> spectest::parseArgument(const llvm::json::Value &J,
                                              ExternRefPool &Pool) {
  const llvm::json::Object *O = J.getAsObject();
  if (!O)
    return usage("argument is not an object");
  std::optional<StringRef> TypeName = O->getString("type");
  if (!TypeName)
    return usage("argument without a type");
  std::optional<ValType> T = parseValType(*TypeName);
  if (!T)
    return usage("unsupported argument type '" + *TypeName + "'");

  if (*T == ValType::V128) {
    std::optional<StringRef> LaneType = O->getString("lane_type");
    const llvm::json::Array *Lanes = O->getArray("value");
    unsigned Bits = LaneType ? laneBits(*LaneType) : 0;
    if (!Bits || !Lanes || Lanes->size() != 128 / Bits)
      return usage("malformed v128 argument");
    std::vector<uint64_t> LaneBits;
    for (const llvm::json::Value &LJ : *Lanes) {
      std::optional<StringRef> S = LJ.getAsString();
      if (!S)
        return usage("v128 lane is not a string");
      auto B = parseBits(*S, Bits);
      if (!B)
        return B.takeError();
      LaneBits.push_back(*B);
    }
    return packV128(LaneBits, Bits);
  }

  std::optional<StringRef> S = O->getString("value");
  if (!S)
    return usage("argument without a value");
  switch (*T) {
  case ValType::I32:
  case ValType::F32: {
    auto B = parseBits(*S, 32);
    if (!B)
      return B.takeError();
    return *T == ValType::I32 ? Value::i32(uint32_t(*B))
                              : Value::f32Bits(uint32_t(*B));
  }
  case ValType::I64:
  case ValType::F64: {
    auto B = parseBits(*S, 64);
    if (!B)
      return B.takeError();
    return *T == ValType::I64 ? Value::i64(*B) : Value::f64Bits(*B);
  }
  case ValType::FuncRef:
    if (*S == "null")
      return Value::ref(ValType::FuncRef, nullptr);
    return usage("non-null funcref arguments are not supported");
  case ValType::ExternRef: {
    if (*S == "null")
      return Value::ref(ValType::ExternRef, nullptr);
    auto B = parseBits(*S, 64);
    if (!B)
      return B.takeError();
    return Value::ref(ValType::ExternRef, Pool.pointerFor(*B));
  }
  case ValType::V128:
    break;
  }
  return usage("unsupported argument");
}

llvm::Expected<std::vector<Value>>
spectest::parseArguments(const llvm::json::Array *A, ExternRefPool &Pool) {
  std::vector<Value> Out;
  if (!A)
    return Out;
  for (const llvm::json::Value &J : *A) {
    auto V = parseArgument(J, Pool);
    if (!V)
      return V.takeError();
    Out.push_back(*V);
  }
  return Out;
}

llvm::Expected<ExpectedValue>
spectest::parseExpected(const llvm::json::Value &J) {
  const llvm::json::Object *O = J.getAsObject();
  if (!O)
    return usage("expected value is not an object");
  std::optional<StringRef> TypeName = O->getString("type");
  if (!TypeName)
    return usage("expected value without a type");
  std::optional<ValType> T = parseValType(*TypeName);
  if (!T)
    return usage("unsupported expected type '" + *TypeName + "'");
  ExpectedValue E;
  E.Type = *T;

  if (*T == ValType::V128) {
    std::optional<StringRef> LaneType = O->getString("lane_type");
    const llvm::json::Array *Lanes = O->getArray("value");
    unsigned Bits = LaneType ? laneBits(*LaneType) : 0;
    if (!Bits || !Lanes || Lanes->size() != 128 / Bits)
      return usage("malformed expected v128");
    E.LaneType = LaneType->str();
    bool IsFloat = LaneType->starts_with("f");
    for (const llvm::json::Value &LJ : *Lanes) {
      std::optional<StringRef> S = LJ.getAsString();
      if (!S)
        return usage("v128 lane is not a string");
      auto L = parseLane(*S, Bits, IsFloat);
      if (!L)
        return L.takeError();
      E.Lanes.push_back(*L);
    }
    return E;
  }

  std::optional<StringRef> S = O->getString("value");
  if (isRefType(*T)) {
    // `(ref.func)` / `(ref.extern)` without a value mean "any non-null".
    if (!S) {
      E.RefKind = ExpectedValue::RefAnyNonNull;
    } else if (*S == "null") {
      E.RefKind = ExpectedValue::RefNull;
    } else if (*T == ValType::FuncRef) {
      E.RefKind = ExpectedValue::RefAnyNonNull;
    } else {
      auto B = parseBits(*S, 64);
      if (!B)
        return B.takeError();
      E.RefKind = ExpectedValue::RefExtern;
      E.RefNumber = *B;
    }
    return E;
  }
  if (!S)
    return usage("expected value without a value");
  bool Is32 = *T == ValType::I32 || *T == ValType::F32;
  bool IsFloat = *T == ValType::F32 || *T == ValType::F64;
  auto L = parseLane(*S, Is32 ? 32 : 64, IsFloat);
  if (!L)
    return L.takeError();
  E.Lanes.push_back(*L);
  return E;
}

/// Checks one float or integer lane of width \p Bits.
static bool laneMatches(const ExpectedLane &L, uint64_t Bits, unsigned Width) {
  switch (L.Kind) {
  case ExpectedLane::Exact:
    return L.Bits == Bits;
  case ExpectedLane::CanonicalNaN:
    // Only the sign may vary; the payload is exactly the quiet bit.
    if (Width == 32)
      return (Bits & 0x7fffffffu) == 0x7fc00000u;
    return (Bits & 0x7fffffffffffffffull) == 0x7ff8000000000000ull;
  case ExpectedLane::ArithmeticNaN:
    // Any NaN with the quiet bit set (the exponent is all ones).
    if (Width == 32)
      return (Bits & 0x7fc00000u) == 0x7fc00000u;
    return (Bits & 0x7ff8000000000000ull) == 0x7ff8000000000000ull;
  }
  return false;
}

bool spectest::matches(const ExpectedValue &E, const Value &Actual,
                       const ExternRefPool &Pool) {
  if (E.Type != Actual.Type)
    return false;
  switch (E.Type) {
  case ValType::I32:
  case ValType::F32:
    return E.Lanes.size() == 1 &&
           laneMatches(E.Lanes[0], Actual.Lo & 0xffffffffu, 32);
  case ValType::I64:
  case ValType::F64:
    return E.Lanes.size() == 1 && laneMatches(E.Lanes[0], Actual.Lo, 64);
  case ValType::V128: {
    unsigned Bits = laneBits(E.LaneType);
    if (!Bits || E.Lanes.size() != 128 / Bits)
      return false;
    for (unsigned I = 0; I < E.Lanes.size(); ++I)
      if (!laneMatches(E.Lanes[I], extractLane(Actual, I, Bits), Bits))
        return false;
    return true;
  }
  case ValType::FuncRef:
  case ValType::ExternRef:
    switch (E.RefKind) {
    case ExpectedValue::RefNull:
      return Actual.isNullRef();
    case ExpectedValue::RefAnyNonNull:
      return !Actual.isNullRef();
    case ExpectedValue::RefExtern: {
      if (Actual.isNullRef())
        return false;
      std::optional<uint64_t> N = Pool.numberOf(Actual.asRef());
      return N && *N == E.RefNumber;
    }
    }
    return false;
  }
  return false;
}

static void printFloat(llvm::raw_ostream &OS, uint64_t Bits, unsigned Width) {
  if (Width == 32) {
    uint32_t B = uint32_t(Bits);
    float F;
    std::memcpy(&F, &B, 4);
    OS << llvm::format("%.9g", double(F)) << " (0x"
       << llvm::format_hex_no_prefix(B, 8) << ")";
  } else {
    double D;
    std::memcpy(&D, &Bits, 8);
    OS << llvm::format("%.17g", D) << " (0x"
       << llvm::format_hex_no_prefix(Bits, 16) << ")";
  }
}

static void printLane(llvm::raw_ostream &OS, const ExpectedLane &L,
                      unsigned Width, bool IsFloat) {
  if (L.Kind == ExpectedLane::CanonicalNaN) {
    OS << "nan:canonical";
    return;
  }
  if (L.Kind == ExpectedLane::ArithmeticNaN) {
    OS << "nan:arithmetic";
    return;
  }
  if (IsFloat)
    printFloat(OS, L.Bits, Width);
  else
    OS << L.Bits;
}

std::string spectest::formatValue(const Value &V, const ExternRefPool &Pool,
                                  StringRef LaneHint) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  switch (V.Type) {
  case ValType::I32:
    OS << "i32:" << uint32_t(V.Lo);
    if (int32_t(V.Lo) < 0)
      OS << " (" << int32_t(V.Lo) << ")";
    break;
  case ValType::I64:
    OS << "i64:" << V.Lo;
    if (int64_t(V.Lo) < 0)
      OS << " (" << int64_t(V.Lo) << ")";
    break;
  case ValType::F32:
    OS << "f32:";
    printFloat(OS, V.Lo & 0xffffffffu, 32);
    break;
  case ValType::F64:
    OS << "f64:";
    printFloat(OS, V.Lo, 64);
    break;
  case ValType::V128: {
    StringRef Lane = laneBits(LaneHint) ? LaneHint : StringRef("i32");
    unsigned Bits = laneBits(Lane);
    bool IsFloat = Lane.starts_with("f");
    OS << "v128:" << Lane << "x" << (128 / Bits) << "[";
    for (unsigned I = 0; I < 128 / Bits; ++I) {
      if (I)
        OS << " ";
      ExpectedLane L;
      L.Bits = extractLane(V, I, Bits);
      printLane(OS, L, Bits, IsFloat);
    }
    OS << "]";
    break;
  }
  case ValType::FuncRef:
  case ValType::ExternRef:
    OS << valTypeName(V.Type) << ":";
    if (V.isNullRef()) {
      OS << "null";
    } else if (V.Type == ValType::ExternRef && Pool.numberOf(V.asRef())) {
      OS << *Pool.numberOf(V.asRef());
    } else {
      OS << "0x" << llvm::format_hex_no_prefix(V.Lo, 1);
    }
    break;
  }
  return S;
}

std::string spectest::formatExpected(const ExpectedValue &E) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  switch (E.Type) {
  case ValType::I32:
  case ValType::I64:
  case ValType::F32:
  case ValType::F64: {
    bool Is32 = E.Type == ValType::I32 || E.Type == ValType::F32;
    bool IsFloat = E.Type == ValType::F32 || E.Type == ValType::F64;
    OS << valTypeName(E.Type) << ":";
    if (!E.Lanes.empty())
      printLane(OS, E.Lanes[0], Is32 ? 32 : 64, IsFloat);
    if (!IsFloat && !E.Lanes.empty() &&
        E.Lanes[0].Kind == ExpectedLane::Exact) {
      if (Is32 && int32_t(E.Lanes[0].Bits) < 0)
        OS << " (" << int32_t(E.Lanes[0].Bits) << ")";
      if (!Is32 && int64_t(E.Lanes[0].Bits) < 0)
        OS << " (" << int64_t(E.Lanes[0].Bits) << ")";
    }
    break;
  }
  case ValType::V128: {
    unsigned Bits = laneBits(E.LaneType);
    OS << "v128:" << E.LaneType << "x" << (Bits ? 128 / Bits : 0) << "[";
    for (size_t I = 0; I < E.Lanes.size(); ++I) {
      if (I)
        OS << " ";
      printLane(OS, E.Lanes[I], Bits, StringRef(E.LaneType).starts_with("f"));
    }
    OS << "]";
    break;
  }
  case ValType::FuncRef:
  case ValType::ExternRef:
    OS << valTypeName(E.Type) << ":";
    if (E.RefKind == ExpectedValue::RefNull)
      OS << "null";
    else if (E.RefKind == ExpectedValue::RefExtern)
      OS << E.RefNumber;
    else
      OS << "non-null";
    break;
  }
  return S;
}

std::string spectest::formatValues(llvm::ArrayRef<Value> Vs,
                                   const ExternRefPool &Pool,
                                   llvm::ArrayRef<ExpectedValue> Hints) {
  std::string S = "(";
  for (size_t I = 0; I < Vs.size(); ++I) {
    if (I)
      S += ", ";
    StringRef Hint;
    if (I < Hints.size() && Hints[I].Type == ValType::V128)
      Hint = Hints[I].LaneType;
    S += formatValue(Vs[I], Pool, Hint);
  }
  return S + ")";
}

std::string spectest::formatExpectedList(llvm::ArrayRef<ExpectedValue> Es) {
  std::string S = "(";
  for (size_t I = 0; I < Es.size(); ++I) {
    if (I)
      S += ", ";
    S += formatExpected(Es[I]);
  }
  return S + ")";
}

std::string spectest::formatExpectedAlternatives(
    llvm::ArrayRef<std::vector<ExpectedValue>> Es) {
  std::string S = "(";
  for (size_t I = 0; I < Es.size(); ++I) {
    if (I)
      S += ", ";
    if (Es[I].size() == 1) {
      S += formatExpected(Es[I][0]);
      continue;
    }
    S += "either(";
    for (size_t A = 0; A < Es[I].size(); ++A)
      S += (A ? " | " : "") + formatExpected(Es[I][A]);
    S += ")";
  }
  return S + ")";
}
