//===- Binary/BinaryReader.h - Bounds-checked byte cursor -------*- C++ -*-===//
//
// The only code that touches raw module bytes: a cursor over
// Bytes[Pos, End) that reads fixed-width values, LEB128 integers exactly as
// the spec's binary format allows, lengths, and UTF-8 names. Every read is
// bounds-checked and fails with a Malformed WasmError carrying the absolute
// byte offset; nothing is ever allocated from an unchecked count.
//
// Messages follow the reference interpreter (which the spec tests match by
// prefix): truncation is "unexpected end of section or function", an
// over-long LEB128 is "integer representation too long", and a final LEB128
// byte with bits beyond the type's width is "integer too large".
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_BINARYREADER_H
#define ORCA_BINARY_BINARYREADER_H

#include "Binary/Module.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace orca {

class BinaryReader {
public:
  BinaryReader(llvm::ArrayRef<uint8_t> Bytes, uint32_t Pos, uint32_t End)
      : Bytes(Bytes), Pos(Pos), End(End) {}
  explicit BinaryReader(llvm::ArrayRef<uint8_t> Bytes)
      : BinaryReader(Bytes, 0, uint32_t(Bytes.size())) {}

  uint32_t offset() const { return Pos; }
  uint32_t end() const { return End; }
  bool atEnd() const { return Pos >= End; }
  uint32_t remaining() const { return Pos >= End ? 0 : End - Pos; }
  /// The next byte, if any, without consuming it.
  int peek() const { return Pos < End ? Bytes[Pos] : -1; }
  void seek(uint32_t P) { Pos = P; }
  llvm::ArrayRef<uint8_t> bytes() const { return Bytes; }

  /// The message used when a read runs past End.
  void setEndMessage(const char *Msg) { EndMessage = Msg; }

  llvm::Error u8(uint8_t &V);
  /// Little-endian fixed-width values (magic, version, float bits).
  llvm::Error fixed32(uint32_t &V);
  llvm::Error fixed64(uint64_t &V);
  llvm::Error skip(uint32_t N);

  llvm::Error u32(uint32_t &V) { return readUnsigned(32, V); }
  llvm::Error u64(uint64_t &V) { return readUnsigned(64, V); }
  llvm::Error s32(int32_t &V);
  /// An unsigned LEB128 of at most \p Bits bits (1..64), e.g. limit flags.
  llvm::Error uN(unsigned Bits, uint64_t &V) { return readUnsigned(Bits, V); }
  llvm::Error s33(int64_t &V) { return readSigned(33, V); }
  llvm::Error s64(int64_t &V) { return readSigned(64, V); }

  /// A u32 length or vector count. It must not exceed the bytes left,
  /// counted (as the reference interpreter does) from the start of the
  /// length itself; otherwise "length out of bounds". Every element of
  /// every vector takes at least one byte, so this bounds allocations.
  llvm::Error length(uint32_t &N);
  /// A length-prefixed byte string that must be valid UTF-8.
  llvm::Error name(std::string &S);

  /// A value type byte: "malformed reference type" for unknown bytes below
  /// the number types, as the reference interpreter reports.
  llvm::Error valType(ValType &T);
  /// A reference type byte, else "malformed reference type".
  llvm::Error refType(ValType &T);

  /// Builds an error at \p Offset (Malformed).
  static llvm::Error error(const char *Msg, uint32_t Offset);

private:
  llvm::Error readUnsigned(unsigned Bits, uint32_t &V);
  llvm::Error readUnsigned(unsigned Bits, uint64_t &V);
  llvm::Error readSigned(unsigned Bits, int64_t &V);
  llvm::Error unexpectedEnd() const;

  llvm::ArrayRef<uint8_t> Bytes;
  uint32_t Pos;
  uint32_t End;
  const char *EndMessage = "unexpected end of section or function";
};

/// True if \p S is well-formed UTF-8 (no overlongs, surrogates or code
/// points above U+10FFFF).
bool isValidUTF8(llvm::ArrayRef<uint8_t> S);

} // namespace orca

#endif // ORCA_BINARY_BINARYREADER_H
