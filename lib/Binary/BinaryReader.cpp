//===- Binary/BinaryReader.cpp - Bounds-checked byte cursor ---------------===//
//
// LEB128 decoding follows the spec's definition literally: an N-bit integer
// takes at most ceil(N/7) bytes, and the payload bits of that last byte
// beyond N must be zero (unsigned) or a copy of the sign bit (signed).
//
//===----------------------------------------------------------------------===//

#include "Binary/BinaryReader.h"

#include "Support/Error.h"

using namespace orca;
using llvm::Error;

Error BinaryReader::error(const char *Msg, uint32_t Offset) {
  return malformed(Msg, Offset);
}

Error BinaryReader::unexpectedEnd() const { return malformed(EndMessage, End); }

Error BinaryReader::u8(uint8_t &V) {
  if (Pos >= End)
    return unexpectedEnd();
  V = Bytes[Pos++];
  return Error::success();
}

Error BinaryReader::skip(uint32_t N) {
  if (N > remaining())
    return unexpectedEnd();
  Pos += N;
  return Error::success();
}

Error BinaryReader::fixed32(uint32_t &V) {
  if (remaining() < 4)
    return unexpectedEnd();
  V = 0;
  for (unsigned I = 0; I < 4; ++I)
    V |= uint32_t(Bytes[Pos + I]) << (8 * I);
  Pos += 4;
  return Error::success();
}

Error BinaryReader::fixed64(uint64_t &V) {
  if (remaining() < 8)
    return unexpectedEnd();
  V = 0;
  for (unsigned I = 0; I < 8; ++I)
    V |= uint64_t(Bytes[Pos + I]) << (8 * I);
  Pos += 8;
  return Error::success();
}

Error BinaryReader::readUnsigned(unsigned Bits, uint64_t &V) {
  V = 0;
  // N counts the payload bits still allowed, as in the spec's grammar.
  for (int N = int(Bits), Shift = 0;; N -= 7, Shift += 7) {
    if (N <= 0)
      return error("integer representation too long", Pos);
    uint8_t B = 0;
    if (Error E = u8(B))
      return E;
    if (N < 7 && (B & 0x7f) >= (1u << N))
      return error("integer too large", Pos - 1);
    V |= uint64_t(B & 0x7f) << Shift;
    if (!(B & 0x80))
      return Error::success();
  }
}

Error BinaryReader::readUnsigned(unsigned Bits, uint32_t &V) {
  uint64_t Wide;
  if (Error E = readUnsigned(Bits, Wide))
    return E;
  V = uint32_t(Wide);
  return Error::success();
}

Error BinaryReader::readSigned(unsigned Bits, int64_t &V) {
  uint64_t U = 0;
  for (int N = int(Bits), Shift = 0;; N -= 7, Shift += 7) {
    if (N <= 0)
      return error("integer representation too long", Pos);
    uint8_t B = 0;
    if (Error E = u8(B))
      return E;
    if (N < 7) {
      // The unused bits and the sign bit must all be equal.
      uint8_t Mask = uint8_t((~0u << (N - 1)) & 0x7f);
      if ((B & Mask) != 0 && (B & Mask) != Mask)
        return error("integer too large", Pos - 1);
    }
    U |= uint64_t(B & 0x7f) << Shift;
    if (!(B & 0x80)) {
      if (Shift + 7 < 64 && (B & 0x40))
        U |= ~uint64_t(0) << (Shift + 7);
      V = int64_t(U);
      return Error::success();
    }
  }
}

Error BinaryReader::s32(int32_t &V) {
  int64_t Wide;
  if (Error E = readSigned(32, Wide))
    return E;
  V = int32_t(Wide);
  return Error::success();
}

Error BinaryReader::length(uint32_t &N) {
  uint32_t Start = Pos;
  if (Error E = u32(N))
    return E;
  if (uint64_t(N) > uint64_t(End) - Start)
    return error("length out of bounds", Start);
  return Error::success();
}

Error BinaryReader::name(std::string &S) {
  uint32_t N;
  if (Error E = length(N))
    return E;
  uint32_t Start = Pos;
  if (Error E = skip(N))
    return E;
  llvm::ArrayRef<uint8_t> Raw = Bytes.slice(Start, N);
  if (!isValidUTF8(Raw))
    return error("malformed UTF-8 encoding", Start);
  S.assign(Raw.begin(), Raw.end());
  return Error::success();
}

bool orca::isValidUTF8(llvm::ArrayRef<uint8_t> S) {
  size_t I = 0, N = S.size();
  while (I < N) {
    uint8_t B = S[I];
    if (B < 0x80) {
      ++I;
      continue;
    }
    unsigned Len;
    uint32_t CP;
    if ((B & 0xe0) == 0xc0) {
      Len = 2;
      CP = B & 0x1f;
    } else if ((B & 0xf0) == 0xe0) {
      Len = 3;
      CP = B & 0x0f;
    } else if ((B & 0xf8) == 0xf0) {
      Len = 4;
      CP = B & 0x07;
    } else {
      return false;
    }
    if (N - I < Len)
      return false;
    for (unsigned K = 1; K < Len; ++K) {
      if ((S[I + K] & 0xc0) != 0x80)
        return false;
      CP = (CP << 6) | (S[I + K] & 0x3f);
    }
    static const uint32_t MinForLen[] = {0, 0, 0x80, 0x800, 0x10000};
    if (CP < MinForLen[Len] || CP > 0x10ffff || (CP >= 0xd800 && CP <= 0xdfff))
      return false;
    I += Len;
  }
  return true;
}

Error BinaryReader::refType(ValType &T) {
  uint32_t Start = Pos;
  uint8_t B = 0;
  if (Error E = u8(B))
    return E;
  if (B != uint8_t(ValType::FuncRef) && B != uint8_t(ValType::ExternRef))
    return error("malformed reference type", Start);
  T = ValType(B);
  return Error::success();
}

Error BinaryReader::valType(ValType &T) {
  uint32_t Start = Pos;
  uint8_t B = 0;
  if (Error E = u8(B))
    return E;
  switch (B) {
  case uint8_t(ValType::I32):
  case uint8_t(ValType::I64):
  case uint8_t(ValType::F32):
  case uint8_t(ValType::F64):
  case uint8_t(ValType::V128):
  case uint8_t(ValType::FuncRef):
  case uint8_t(ValType::ExternRef):
    T = ValType(B);
    return Error::success();
  default:
    break;
  }
  // Types are encoded as one-byte s7 values; a continuation bit makes the
  // encoding too long for that.
  if (B & 0x80)
    return error("integer representation too long", Start + 1);
  return error("malformed reference type", Start);
}
