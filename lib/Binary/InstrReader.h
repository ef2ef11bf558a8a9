//===- Binary/InstrReader.h - Decode a function body's instructions -*- C++
//-*-===//
//
// Reads the instruction stream of one function body (or a constant
// expression), one Instr at a time. It checks the encoding only (opcodes,
// LEB128 immediates, reserved bytes); typing is the validator's job. The
// reader never allocates in proportion to untrusted counts beyond the bytes
// that are actually present.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_INSTRREADER_H
#define ORCA_BINARY_INSTRREADER_H

#include "Binary/Features.h"
#include "Binary/Instr.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

namespace orca {

class InstrReader {
public:
  /// Reads Bytes[Start, End). Offsets in Instrs and errors are absolute
  /// indices into Bytes.
  InstrReader(llvm::ArrayRef<uint8_t> Bytes, uint32_t Start, uint32_t End,
              const Features &F)
      : Bytes(Bytes), Pos(Start), End(End), Feat(F) {}

  /// Reads a function body's code: Module::Bytes over Body.CodeStart..CodeEnd.
  InstrReader(const Module &M, const FunctionBody &Body, const Features &F)
      : InstrReader(M.Bytes, Body.CodeStart, Body.CodeEnd, F) {}

  bool atEnd() const { return Pos >= End; }
  uint32_t offset() const { return Pos; }

  /// Decodes the next instruction into \p I. Fails with a Malformed error
  /// ("unexpected end", "illegal opcode", "integer too large", ...).
  llvm::Error read(Instr &I);

private:
  llvm::ArrayRef<uint8_t> Bytes;
  uint32_t Pos;
  uint32_t End;
  Features Feat; // by value: callers often pass a temporary
  llvm::SmallVector<uint32_t, 16> TargetStorage;
};

} // namespace orca

#endif // ORCA_BINARY_INSTRREADER_H
