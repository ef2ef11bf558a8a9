//===- wasm-spectest/ValueParsing.cpp - Script values and results ---------===//
//
// Values and patterns carry bit patterns, never host floats, so results
// compare bit-exactly. wast2json writes integers as unsigned decimal strings
// and floats as their bit patterns in decimal; parseJson* read those into
// the same ScriptValue/ResultPattern the .wast parser makes.
//
//===----------------------------------------------------------------------===//

#include "ValueParsing.h"

#include "Support/Error.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
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

namespace {
/// What a `ref.null` heap type is, as far as Orca's value types go.
enum class HeapClass { Func, Extern, Any, Gc, Exn, Typed };
} // namespace

static HeapClass heapClass(StringRef H) {
  if (H.empty())
    return HeapClass::Any;
  if (H.starts_with("$") || (!H.empty() && H[0] >= '0' && H[0] <= '9'))
    return HeapClass::Typed;
  return llvm::StringSwitch<HeapClass>(H)
      .Cases("func", "nofunc", "funcref", HeapClass::Func)
      .Cases("extern", "noextern", "externref", HeapClass::Extern)
      .Cases("exn", "noexn", "exnref", HeapClass::Exn)
      .Default(HeapClass::Gc);
}

std::string spectest::unsupportedFeatureOf(const ScriptValue &V) {
  switch (V.K) {
  case ScriptValue::RefNull:
    switch (heapClass(V.HeapType)) {
    case HeapClass::Gc:
      return "gc";
    case HeapClass::Exn:
      return "exceptions";
    case HeapClass::Typed:
      return "function-references";
    default:
      return "";
    }
  case ScriptValue::RefHost:
    return "gc";
  default:
    return "";
  }
}

std::string spectest::unsupportedFeatureOf(const ResultPattern &P) {
  switch (P.K) {
  case ResultPattern::Exact:
    return unsupportedFeatureOf(P.V);
  case ResultPattern::AnyRefEq:
  case ResultPattern::AnyRefI31:
  case ResultPattern::AnyRefStruct:
  case ResultPattern::AnyRefArray:
  case ResultPattern::AnyRef:
    return "gc";
  case ResultPattern::Either:
    for (const ResultPattern &S : P.Sub)
      if (std::string F = unsupportedFeatureOf(S); !F.empty())
        return F;
    return "";
  default:
    return "";
  }
}

llvm::Expected<Value> spectest::toValue(const ScriptValue &V,
                                        ExternRefPool &Pool) {
  if (std::string F = unsupportedFeatureOf(V); !F.empty())
    return usage("unsupported: " + F + " (a reference argument of that type)");
  switch (V.K) {
  case ScriptValue::I32:
    return Value::i32(uint32_t(V.Bits));
  case ScriptValue::I64:
    return Value::i64(V.Bits);
  case ScriptValue::F32:
    return Value::f32Bits(uint32_t(V.Bits));
  case ScriptValue::F64:
    return Value::f64Bits(V.Bits);
  case ScriptValue::V128:
    return Value::v128(V.Bits, V.BitsHi);
  case ScriptValue::RefNull:
    return Value::ref(heapClass(V.HeapType) == HeapClass::Extern
                          ? ValType::ExternRef
                          : ValType::FuncRef,
                      nullptr);
  case ScriptValue::RefExtern:
    return Value::ref(ValType::ExternRef, Pool.pointerFor(V.Bits));
  case ScriptValue::RefHost:
  case ScriptValue::RefFunc:
    break;
  }
  return usage("non-null funcref arguments are not supported");
}

/// Lane width in bits of a shape ("i8x16") or lane type ("i8"), 0 if
/// unknown.
static unsigned laneBits(StringRef Shape) {
  StringRef Lane = Shape.split('x').first;
  return llvm::StringSwitch<unsigned>(Lane)
      .Case("i8", 8)
      .Case("i16", 16)
      .Cases("i32", "f32", 32)
      .Cases("i64", "f64", 64)
      .Default(0);
}

static uint64_t extractLane(uint64_t Lo, uint64_t Hi, unsigned Index,
                            unsigned Bits) {
  unsigned Pos = Index * Bits;
  uint64_t Word = Pos < 64 ? Lo : Hi;
  uint64_t Mask = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
  return (Word >> (Pos % 64)) & Mask;
}

static bool isNan(ResultPattern::Kind K) {
  return K == ResultPattern::CanonicalNan || K == ResultPattern::ArithmeticNan;
}

/// Checks one float or integer lane of width \p Width against \p P (Exact
/// or a NaN class).
static bool laneMatches(const ResultPattern &P, uint64_t Bits, unsigned Width) {
  uint64_t Mask = Width == 64 ? ~uint64_t(0) : (uint64_t(1) << Width) - 1;
  switch (P.K) {
  case ResultPattern::CanonicalNan:
    // Only the sign may vary; the payload is exactly the quiet bit.
    if (Width == 32)
      return (Bits & 0x7fffffffu) == 0x7fc00000u;
    return (Bits & 0x7fffffffffffffffull) == 0x7ff8000000000000ull;
  case ResultPattern::ArithmeticNan:
    // Any NaN with the quiet bit set (the exponent is all ones).
    if (Width == 32)
      return (Bits & 0x7fc00000u) == 0x7fc00000u;
    return (Bits & 0x7ff8000000000000ull) == 0x7ff8000000000000ull;
  default:
    return (P.V.Bits & Mask) == (Bits & Mask);
  }
}

static bool typeMatches(ScriptValue::Kind K, ValType T) {
  switch (K) {
  case ScriptValue::I32:
    return T == ValType::I32;
  case ScriptValue::I64:
    return T == ValType::I64;
  case ScriptValue::F32:
    return T == ValType::F32;
  case ScriptValue::F64:
    return T == ValType::F64;
  case ScriptValue::V128:
    return T == ValType::V128;
  default:
    return isRefType(T);
  }
}

bool spectest::matches(const ResultPattern &P, const Value &Actual,
                       const ExternRefPool &Pool) {
  switch (P.K) {
  case ResultPattern::Either:
    for (const ResultPattern &S : P.Sub)
      if (matches(S, Actual, Pool))
        return true;
    return false;
  case ResultPattern::CanonicalNan:
  case ResultPattern::ArithmeticNan:
    if (!typeMatches(P.Type, Actual.Type) ||
        (P.Type != ScriptValue::F32 && P.Type != ScriptValue::F64))
      return false;
    return laneMatches(P, Actual.Lo, P.Type == ScriptValue::F32 ? 32 : 64);
  case ResultPattern::Lanes: {
    unsigned Bits = laneBits(P.Shape);
    if (Actual.Type != ValType::V128 || !Bits || P.Sub.size() != 128 / Bits)
      return false;
    for (unsigned I = 0; I < P.Sub.size(); ++I)
      if (!laneMatches(P.Sub[I], extractLane(Actual.Lo, Actual.Hi, I, Bits),
                       Bits))
        return false;
    return true;
  }
  case ResultPattern::AnyRefFunc:
    return Actual.Type == ValType::FuncRef && !Actual.isNullRef();
  case ResultPattern::AnyRefExtern:
    return Actual.Type == ValType::ExternRef && !Actual.isNullRef();
  case ResultPattern::AnyRef:
  case ResultPattern::AnyRefEq:
  case ResultPattern::AnyRefI31:
  case ResultPattern::AnyRefStruct:
  case ResultPattern::AnyRefArray:
    return false; // no GC references in Orca yet
  case ResultPattern::Exact:
    break;
  }
  const ScriptValue &V = P.V;
  if (!typeMatches(V.K, Actual.Type))
    return false;
  switch (V.K) {
  case ScriptValue::I32:
  case ScriptValue::F32:
    return uint32_t(V.Bits) == uint32_t(Actual.Lo);
  case ScriptValue::I64:
  case ScriptValue::F64:
    return V.Bits == Actual.Lo;
  case ScriptValue::V128:
    return V.Bits == Actual.Lo && V.BitsHi == Actual.Hi;
  case ScriptValue::RefNull:
    switch (heapClass(V.HeapType)) {
    case HeapClass::Func:
      return Actual.Type == ValType::FuncRef && Actual.isNullRef();
    case HeapClass::Extern:
      return Actual.Type == ValType::ExternRef && Actual.isNullRef();
    case HeapClass::Any:
    case HeapClass::Typed:
      return Actual.isNullRef();
    default:
      return false;
    }
  case ScriptValue::RefExtern: {
    if (Actual.Type != ValType::ExternRef || Actual.isNullRef())
      return false;
    std::optional<uint64_t> N = Pool.numberOf(Actual.asRef());
    return N && *N == V.Bits;
  }
  case ScriptValue::RefFunc:
    return Actual.Type == ValType::FuncRef && !Actual.isNullRef();
  case ScriptValue::RefHost:
    return false;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// wast2json's JSON
//===----------------------------------------------------------------------===//

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

static std::optional<ScriptValue::Kind> scalarKind(StringRef T) {
  return llvm::StringSwitch<std::optional<ScriptValue::Kind>>(T)
      .Cases("i32", "i8", "i16", ScriptValue::I32)
      .Case("i64", ScriptValue::I64)
      .Case("f32", ScriptValue::F32)
      .Case("f64", ScriptValue::F64)
      .Default(std::nullopt);
}

/// A JSON value, possibly a NaN pattern when \p Pat is given.
static llvm::Expected<ScriptValue> parseJson(const llvm::json::Value &J,
                                             ResultPattern *Pat) {
  const llvm::json::Object *O = J.getAsObject();
  if (!O)
    return usage("value is not an object");
  std::optional<StringRef> TypeName = O->getString("type");
  if (!TypeName)
    return usage("value without a type");
  ScriptValue V;
  std::optional<StringRef> S = O->getString("value");

  if (*TypeName == "v128") {
    std::optional<StringRef> LaneType = O->getString("lane_type");
    const llvm::json::Array *Lanes = O->getArray("value");
    unsigned Bits = LaneType ? laneBits(*LaneType) : 0;
    if (!Bits || !Lanes || Lanes->size() != 128 / Bits)
      return usage("malformed v128 value");
    V.K = ScriptValue::V128;
    bool IsFloat = LaneType->starts_with("f");
    bool AnyNan = false;
    std::vector<ResultPattern> Subs;
    for (size_t I = 0; I < Lanes->size(); ++I) {
      std::optional<StringRef> L = (*Lanes)[I].getAsString();
      if (!L)
        return usage("v128 lane is not a string");
      ResultPattern LP;
      LP.Type = *scalarKind(*LaneType);
      LP.V.K = LP.Type;
      if (Pat && IsFloat && (*L == "nan:canonical" || *L == "nan:arithmetic")) {
        LP.K = *L == "nan:canonical" ? ResultPattern::CanonicalNan
                                     : ResultPattern::ArithmeticNan;
        AnyNan = true;
      } else {
        auto B = parseBits(*L, Bits);
        if (!B)
          return B.takeError();
        LP.V.Bits = *B;
        unsigned Pos = unsigned(I) * Bits;
        (Pos < 64 ? V.Bits : V.BitsHi) |= *B << (Pos % 64);
      }
      Subs.push_back(std::move(LP));
    }
    if (Pat) {
      Pat->Shape = LaneType->str() + "x" + std::to_string(128 / Bits);
      if (AnyNan) {
        Pat->K = ResultPattern::Lanes;
        Pat->Sub = std::move(Subs);
      }
    }
    return V;
  }

  if (*TypeName == "funcref" || *TypeName == "externref" ||
      *TypeName == "anyref" || *TypeName == "exnref") {
    bool Func = *TypeName == "funcref", Extern = *TypeName == "externref";
    if (!S) {
      // `(ref.func)` / `(ref.extern)` without a value mean "any non-null".
      if (!Pat)
        return usage("reference argument without a value");
      Pat->K = Func     ? ResultPattern::AnyRefFunc
               : Extern ? ResultPattern::AnyRefExtern
                        : ResultPattern::AnyRef;
      return V;
    }
    if (*S == "null") {
      V.K = ScriptValue::RefNull;
      V.HeapType = TypeName->drop_back(3).str();
      return V;
    }
    auto B = parseBits(*S, 64);
    if (!B)
      return B.takeError();
    V.Bits = *B;
    V.K = Func     ? ScriptValue::RefFunc
          : Extern ? ScriptValue::RefExtern
                   : ScriptValue::RefHost;
    return V;
  }

  std::optional<ScriptValue::Kind> K = scalarKind(*TypeName);
  if (!K)
    return usage("unsupported value type '" + *TypeName + "'");
  if (!S)
    return usage("value without a value");
  V.K = *K;
  bool IsFloat = *K == ScriptValue::F32 || *K == ScriptValue::F64;
  if (Pat && IsFloat && (*S == "nan:canonical" || *S == "nan:arithmetic")) {
    Pat->K = *S == "nan:canonical" ? ResultPattern::CanonicalNan
                                   : ResultPattern::ArithmeticNan;
    Pat->Type = *K;
    return V;
  }
  auto B =
      parseBits(*S, *K == ScriptValue::I32 || *K == ScriptValue::F32 ? 32 : 64);
  if (!B)
    return B.takeError();
  V.Bits = *B;
  return V;
}

llvm::Expected<ScriptValue>
spectest::parseJsonValue(const llvm::json::Value &J) {
  return parseJson(J, nullptr);
}

llvm::Expected<ResultPattern>
spectest::parseJsonPattern(const llvm::json::Value &J) {
  ResultPattern P;
  const llvm::json::Object *O = J.getAsObject();
  if (O && O->getString("type") == "either") {
    const llvm::json::Array *Vs = O->getArray("values");
    if (!Vs || Vs->empty())
      return usage("either without values");
    P.K = ResultPattern::Either;
    for (const llvm::json::Value &V : *Vs) {
      auto S = parseJsonPattern(V);
      if (!S)
        return S.takeError();
      P.Sub.push_back(std::move(*S));
    }
    return P;
  }
  auto V = parseJson(J, &P);
  if (!V)
    return V.takeError();
  P.V = std::move(*V);
  if (P.K == ResultPattern::Exact)
    P.Type = P.V.K;
  return P;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

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

static void printScalar(llvm::raw_ostream &OS, ValType T, uint64_t Bits) {
  switch (T) {
  case ValType::I32:
    OS << "i32:" << uint32_t(Bits);
    if (int32_t(Bits) < 0)
      OS << " (" << int32_t(Bits) << ")";
    break;
  case ValType::I64:
    OS << "i64:" << Bits;
    if (int64_t(Bits) < 0)
      OS << " (" << int64_t(Bits) << ")";
    break;
  case ValType::F32:
    OS << "f32:";
    printFloat(OS, Bits & 0xffffffffu, 32);
    break;
  default:
    OS << "f64:";
    printFloat(OS, Bits, 64);
    break;
  }
}

/// "v128:i32x4[...]" with each lane printed by \p Lane(I, Bits, IsFloat).
template <typename Fn>
static void printV128(llvm::raw_ostream &OS, StringRef Shape, Fn Lane) {
  StringRef L = laneBits(Shape) ? Shape.split('x').first : StringRef("i32");
  unsigned Bits = laneBits(L);
  OS << "v128:" << L << "x" << (128 / Bits) << "[";
  for (unsigned I = 0; I < 128 / Bits; ++I) {
    if (I)
      OS << " ";
    Lane(I, Bits, L.starts_with("f"));
  }
  OS << "]";
}

std::string spectest::formatValue(const Value &V, const ExternRefPool &Pool,
                                  StringRef LaneHint) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  switch (V.Type) {
  case ValType::I32:
  case ValType::I64:
  case ValType::F32:
  case ValType::F64:
    printScalar(OS, V.Type, V.Lo);
    break;
  case ValType::V128:
    printV128(OS, LaneHint, [&](unsigned I, unsigned Bits, bool IsFloat) {
      uint64_t B = extractLane(V.Lo, V.Hi, I, Bits);
      if (IsFloat)
        printFloat(OS, B, Bits);
      else
        OS << B;
    });
    break;
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

std::string spectest::formatValues(llvm::ArrayRef<Value> Vs,
                                   const ExternRefPool &Pool,
                                   llvm::ArrayRef<ResultPattern> Hints) {
  std::string S = "(";
  for (size_t I = 0; I < Vs.size(); ++I) {
    if (I)
      S += ", ";
    StringRef Hint;
    if (I < Hints.size()) {
      const ResultPattern *H = &Hints[I];
      if (H->K == ResultPattern::Either && !H->Sub.empty())
        H = &H->Sub.front();
      Hint = H->Shape;
    }
    S += formatValue(Vs[I], Pool, Hint);
  }
  return S + ")";
}

static ValType scalarType(ScriptValue::Kind K) {
  switch (K) {
  case ScriptValue::I32:
    return ValType::I32;
  case ScriptValue::I64:
    return ValType::I64;
  case ScriptValue::F32:
    return ValType::F32;
  default:
    return ValType::F64;
  }
}

static std::string formatScriptValue(const ScriptValue &V, StringRef Shape) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  switch (V.K) {
  case ScriptValue::I32:
  case ScriptValue::I64:
  case ScriptValue::F32:
  case ScriptValue::F64:
    printScalar(OS, scalarType(V.K), V.Bits);
    break;
  case ScriptValue::V128:
    printV128(OS, Shape, [&](unsigned I, unsigned Bits, bool IsFloat) {
      uint64_t B = extractLane(V.Bits, V.BitsHi, I, Bits);
      if (IsFloat)
        printFloat(OS, B, Bits);
      else
        OS << B;
    });
    break;
  case ScriptValue::RefNull:
    switch (heapClass(V.HeapType)) {
    case HeapClass::Func:
      OS << "funcref:null";
      break;
    case HeapClass::Extern:
      OS << "externref:null";
      break;
    default:
      OS << "ref.null " << (V.HeapType.empty() ? "_" : V.HeapType);
      break;
    }
    break;
  case ScriptValue::RefExtern:
    OS << "externref:" << V.Bits;
    break;
  case ScriptValue::RefHost:
    OS << "ref.host " << V.Bits;
    break;
  case ScriptValue::RefFunc:
    OS << "funcref:" << (V.HeapType.empty() ? "non-null" : V.HeapType);
    break;
  }
  return S;
}

std::string spectest::formatPattern(const ResultPattern &P) {
  auto Nan = [](const ResultPattern &L) {
    return L.K == ResultPattern::CanonicalNan ? "nan:canonical"
                                              : "nan:arithmetic";
  };
  switch (P.K) {
  case ResultPattern::Exact:
    return formatScriptValue(P.V, P.Shape);
  case ResultPattern::CanonicalNan:
  case ResultPattern::ArithmeticNan:
    return std::string(P.Type == ScriptValue::F32 ? "f32:" : "f64:") + Nan(P);
  case ResultPattern::Lanes: {
    std::string S;
    llvm::raw_string_ostream OS(S);
    printV128(OS, P.Shape, [&](unsigned I, unsigned Bits, bool IsFloat) {
      if (I >= P.Sub.size())
        return;
      const ResultPattern &L = P.Sub[I];
      if (isNan(L.K))
        OS << Nan(L);
      else if (IsFloat)
        printFloat(OS, L.V.Bits, Bits);
      else
        OS << L.V.Bits;
    });
    return S;
  }
  case ResultPattern::AnyRefFunc:
    return "funcref:non-null";
  case ResultPattern::AnyRefExtern:
    return "externref:non-null";
  case ResultPattern::AnyRef:
    return "ref.any";
  case ResultPattern::AnyRefEq:
    return "ref.eq";
  case ResultPattern::AnyRefI31:
    return "ref.i31";
  case ResultPattern::AnyRefStruct:
    return "ref.struct";
  case ResultPattern::AnyRefArray:
    return "ref.array";
  case ResultPattern::Either: {
    std::string S = "either(";
    for (size_t I = 0; I < P.Sub.size(); ++I)
      S += (I ? " | " : "") + formatPattern(P.Sub[I]);
    return S + ")";
  }
  }
  return "?";
}

std::string spectest::formatPatterns(llvm::ArrayRef<ResultPattern> Ps) {
  std::string S = "(";
  for (size_t I = 0; I < Ps.size(); ++I)
    S += (I ? ", " : "") + formatPattern(Ps[I]);
  return S + ")";
}

std::string spectest::formatScriptValues(llvm::ArrayRef<ScriptValue> Vs) {
  std::string S = "(";
  for (size_t I = 0; I < Vs.size(); ++I)
    S += (I ? ", " : "") + formatScriptValue(Vs[I], "");
  return S + ")";
}
