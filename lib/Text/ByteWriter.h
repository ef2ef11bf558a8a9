//===- Text/ByteWriter.h - Appending binary-format encodings ----*- C++ -*-===//
//
// Owns the primitive encodings the text parser writes: bytes, LEB128
// (always the shortest form), little-endian floats and length-prefixed
// names and vectors. Sections and function bodies are each built in their
// own ByteWriter and then appended with their size in front.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_BYTEWRITER_H
#define ORCA_TEXT_BYTEWRITER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace orca {

class ByteWriter {
public:
  std::vector<uint8_t> Bytes;

  size_t size() const { return Bytes.size(); }
  bool empty() const { return Bytes.empty(); }
  void clear() { Bytes.clear(); }

  void byte(uint8_t B) { Bytes.push_back(B); }
  void u32(uint64_t V) {
    do {
      uint8_t B = V & 0x7f;
      V >>= 7;
      Bytes.push_back(V ? B | 0x80 : B);
    } while (V);
  }
  void s64(int64_t V) {
    while (true) {
      uint8_t B = V & 0x7f;
      V >>= 7;
      bool Done = (V == 0 && !(B & 0x40)) || (V == -1 && (B & 0x40));
      Bytes.push_back(Done ? B : B | 0x80);
      if (Done)
        return;
    }
  }
  void fixed32(uint32_t V) {
    for (int I = 0; I < 4; ++I)
      Bytes.push_back(uint8_t(V >> (8 * I)));
  }
  void fixed64(uint64_t V) {
    for (int I = 0; I < 8; ++I)
      Bytes.push_back(uint8_t(V >> (8 * I)));
  }
  void raw(llvm::ArrayRef<uint8_t> B) {
    Bytes.insert(Bytes.end(), B.begin(), B.end());
  }
  void raw(llvm::StringRef S) { Bytes.insert(Bytes.end(), S.begin(), S.end()); }
  void append(const ByteWriter &W) { raw(W.Bytes); }
  /// A name or byte string: its length, then its bytes.
  void name(llvm::StringRef S) {
    u32(S.size());
    raw(S);
  }
  /// \p W's size, then its bytes (a section's or a body's contents).
  void sized(const ByteWriter &W) {
    u32(W.size());
    append(W);
  }
};

} // namespace orca

#endif // ORCA_TEXT_BYTEWRITER_H
