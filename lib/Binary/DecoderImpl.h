//===- Binary/DecoderImpl.h - The decoder's state (private) -----*- C++ -*-===//
//
// The Decoder class shared by Decoder.cpp (module structure and sections)
// and DecodeCode.cpp (everything made of instructions: constant
// expressions and function bodies). Not for use outside the decoder.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_BINARY_DECODERIMPL_H
#define ORCA_BINARY_DECODERIMPL_H

#include "Binary/BinaryReader.h"
#include "Binary/Features.h"
#include "Binary/InstrReader.h"
#include "Binary/Module.h"

#include "llvm/Support/Error.h"

#include <string>

namespace orca::detail {

/// Decodes one module into M. A single cursor R walks M.Bytes; Invalid
/// findings are deferred (first one wins) and reported only once the whole
/// module has decoded without a Malformed error.
class Decoder {
public:
  Decoder(Module &M, const Features &F) : M(M), Feat(F), R(M.Bytes) {}

  llvm::Error decode();

private:
  llvm::Error header();
  llvm::Error section(uint8_t Id, uint32_t Start, uint32_t Size);
  llvm::Error customSection(uint32_t End);
  llvm::Error typeSection();
  llvm::Error importSection();
  llvm::Error functionSection();
  llvm::Error tableSection();
  llvm::Error memorySection();
  llvm::Error globalSection();
  llvm::Error exportSection();
  llvm::Error startSection();
  llvm::Error elementSection();
  llvm::Error dataCountSection();
  llvm::Error codeSection();
  llvm::Error dataSection();

  llvm::Error limits(Limits &Lim, bool IsMemory);
  llvm::Error tableType(TableType &T);
  llvm::Error globalType(GlobalType &T);
  llvm::Error constExpr(ConstExpr &C);
  /// Fills \p C from one instruction of a constant expression.
  void constInstr(const Instr &I, ConstExpr &C);
  llvm::Error elemSegment(ElemSegment &S);
  llvm::Error dataSegment(DataSegment &D);
  llvm::Error functionBody();
  llvm::Error scanCode(uint32_t Start, uint32_t End);

  /// Reads an instruction, deferring Invalid errors (the reader has then
  /// consumed the instruction) and returning Malformed ones.
  llvm::Error readInstr(InstrReader &IR, Instr &I);
  void deferInvalid(const std::string &Msg, uint64_t Offset);
  void markEscapes(uint32_t FuncIndex) {
    if (FuncIndex < M.Funcs.size())
      M.Funcs[FuncIndex].Escapes = true;
  }

  Module &M;
  const Features &Feat;
  BinaryReader R;
  uint32_t NumDeclaredFuncs = 0;
  bool UsesDataIndex = false;
  bool HasDataSection = false;
  bool HasDeferred = false;
  std::string DeferredMsg;
  uint64_t DeferredOffset = 0;
};

} // namespace orca::detail

#endif // ORCA_BINARY_DECODERIMPL_H
