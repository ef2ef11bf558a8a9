//===- Text/Numbers.cpp - Numeric literals of the text format -------------===//
//
// Integers are accumulated with overflow checks; floats are checked against
// the grammar here, stripped of `_`, and rounded by llvm::APFloat (exact
// for any number of digits and any exponent).
//
//===----------------------------------------------------------------------===//

#include "Text/Numbers.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"

using namespace orca;

namespace {

bool isDigit(char C, bool Hex) {
  if (C >= '0' && C <= '9')
    return true;
  return Hex && ((C >= 'a' && C <= 'f') || (C >= 'A' && C <= 'F'));
}

unsigned digitValue(char C) {
  if (C <= '9')
    return C - '0';
  return (C | 0x20) - 'a' + 10;
}

/// Length of the digit run (with single `_` between digits) at the start of
/// \p S, or 0 if it does not start with a digit or has a misplaced `_`.
/// Stops at the first character that is neither. Sets \p Bad on a
/// misplaced `_`.
size_t digitRun(llvm::StringRef S, bool Hex, bool &Bad) {
  size_t I = 0;
  if (S.empty() || !isDigit(S[0], Hex))
    return 0;
  while (I < S.size()) {
    if (isDigit(S[I], Hex)) {
      ++I;
    } else if (S[I] == '_') {
      if (I + 1 >= S.size() || !isDigit(S[I + 1], Hex)) {
        Bad = true;
        return 0;
      }
      ++I;
    } else {
      break;
    }
  }
  return I;
}

/// The value of a whole digit run; Range if above \p Max.
NumStatus natValue(llvm::StringRef S, uint64_t Max, uint64_t &Out) {
  bool Hex = S.starts_with("0x");
  if (Hex)
    S = S.drop_front(2);
  bool Bad = false;
  size_t Len = digitRun(S, Hex, Bad);
  if (Bad || Len == 0 || Len != S.size())
    return NumStatus::Syntax;
  uint64_t V = 0;
  bool Overflow = false;
  for (char C : S) {
    if (C == '_')
      continue;
    if (__builtin_mul_overflow(V, Hex ? 16 : 10, &V) ||
        __builtin_add_overflow(V, digitValue(C), &V))
      Overflow = true;
  }
  if (Overflow || V > Max)
    return NumStatus::Range;
  Out = V;
  return NumStatus::Ok;
}

template <typename T>
NumStatus parseFloatImpl(llvm::StringRef S, const llvm::fltSemantics &Sem,
                         unsigned MantBits, T &Out) {
  bool Neg = false;
  if (!S.empty() && (S[0] == '+' || S[0] == '-')) {
    Neg = S[0] == '-';
    S = S.drop_front();
  }
  const unsigned TotalBits = sizeof(T) * 8;
  const T SignBit = T(1) << (TotalBits - 1);
  const T ExpMask = ((T(1) << (TotalBits - 1 - MantBits)) - 1) << MantBits;
  if (S == "inf") {
    Out = ExpMask | (Neg ? SignBit : 0);
    return NumStatus::Ok;
  }
  if (S == "nan") {
    Out = ExpMask | (T(1) << (MantBits - 1)) | (Neg ? SignBit : 0);
    return NumStatus::Ok;
  }
  if (S.starts_with("nan:")) {
    llvm::StringRef P = S.drop_front(4);
    if (!P.starts_with("0x"))
      return NumStatus::Syntax;
    uint64_t Payload;
    NumStatus St = natValue(P, (uint64_t(1) << MantBits) - 1, Payload);
    if (St != NumStatus::Ok)
      return St;
    if (Payload == 0)
      return NumStatus::Range;
    Out = ExpMask | T(Payload) | (Neg ? SignBit : 0);
    return NumStatus::Ok;
  }
  // Check the grammar and build a plain string for APFloat.
  bool Hex = S.starts_with("0x");
  llvm::StringRef R = Hex ? S.drop_front(2) : S;
  llvm::SmallString<64> Clean;
  if (Neg)
    Clean += '-';
  if (Hex)
    Clean += "0x";
  bool Bad = false;
  size_t Len = digitRun(R, Hex, Bad);
  if (Bad || Len == 0)
    return NumStatus::Syntax;
  for (char C : R.take_front(Len))
    if (C != '_')
      Clean += C;
  R = R.drop_front(Len);
  if (R.starts_with(".")) {
    R = R.drop_front();
    Len = digitRun(R, Hex, Bad);
    if (Bad)
      return NumStatus::Syntax;
    if (Len) {
      Clean += '.';
      for (char C : R.take_front(Len))
        if (C != '_')
          Clean += C;
    }
    R = R.drop_front(Len);
  }
  if (!R.empty() &&
      (Hex ? (R[0] == 'p' || R[0] == 'P') : (R[0] == 'e' || R[0] == 'E'))) {
    R = R.drop_front();
    Clean += Hex ? 'p' : 'e';
    if (!R.empty() && (R[0] == '+' || R[0] == '-')) {
      Clean += R[0];
      R = R.drop_front();
    }
    Len = digitRun(R, false, Bad);
    if (Bad || Len == 0)
      return NumStatus::Syntax;
    // Exponents beyond any float's range: keep them short for APFloat but
    // preserve the over/underflow they mean.
    llvm::SmallString<16> Exp;
    for (char C : R.take_front(Len))
      if (C != '_' && !(Exp.empty() && C == '0'))
        Exp += C;
    if (Exp.empty())
      Exp = "0";
    if (Exp.size() > 9)
      Exp = "999999999";
    Clean += Exp;
    R = R.drop_front(Len);
  } else if (Hex) {
    Clean += "p0";
  }
  if (!R.empty())
    return NumStatus::Syntax;
  llvm::APFloat F(Sem);
  auto St = F.convertFromString(Clean, llvm::APFloat::rmNearestTiesToEven);
  if (!St)
    return llvm::consumeError(St.takeError()), NumStatus::Syntax;
  if (*St & llvm::APFloat::opOverflow)
    return NumStatus::Range;
  Out = T(F.bitcastToAPInt().getZExtValue());
  return NumStatus::Ok;
}

} // namespace

NumStatus orca::parseUnsigned(llvm::StringRef S, uint64_t Max, uint64_t &Out) {
  return natValue(S, Max, Out);
}

NumStatus orca::parseInteger(llvm::StringRef S, unsigned Bits, uint64_t &Out) {
  bool Neg = false, Signed = false;
  if (!S.empty() && (S[0] == '+' || S[0] == '-')) {
    Neg = S[0] == '-';
    Signed = true;
    S = S.drop_front();
  }
  uint64_t Mask = Bits == 64 ? ~uint64_t(0) : (uint64_t(1) << Bits) - 1;
  uint64_t Max = Neg ? uint64_t(1) << (Bits - 1) : Mask;
  (void)Signed;
  uint64_t V;
  NumStatus St = natValue(S, Max, V);
  if (St != NumStatus::Ok)
    return St;
  Out = (Neg ? uint64_t(0) - V : V) & Mask;
  return NumStatus::Ok;
}

NumStatus orca::parseFloat32(llvm::StringRef S, uint32_t &Out) {
  return parseFloatImpl<uint32_t>(S, llvm::APFloat::IEEEsingle(), 23, Out);
}

NumStatus orca::parseFloat64(llvm::StringRef S, uint64_t &Out) {
  return parseFloatImpl<uint64_t>(S, llvm::APFloat::IEEEdouble(), 52, Out);
}
