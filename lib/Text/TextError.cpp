//===- Text/TextError.cpp - Positioned errors of the text format ----------===//

#include "Text/TextError.h"

#include "llvm/Support/raw_ostream.h"

using namespace orca;

char TextError::ID = 0;

void TextError::log(llvm::raw_ostream &OS) const {
  OS << File << ':' << Line << ':' << Column << ": " << text();
}

std::pair<uint32_t, uint32_t> SourceFile::lineColumn(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  uint32_t Line = 1;
  size_t LineStart = 0;
  for (size_t I = 0; I < Offset; ++I)
    if (Text[I] == '\n') {
      ++Line;
      LineStart = I + 1;
    }
  return {Line, uint32_t(Offset - LineStart + 1)};
}

llvm::Error SourceFile::error(size_t Offset, const llvm::Twine &Message) const {
  auto [Line, Col] = lineColumn(Offset);
  return llvm::make_error<TextError>(Name, Line, Col, Message.str());
}
