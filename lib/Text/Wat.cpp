//===- Text/Wat.cpp - WebAssembly text modules to binary ------------------===//

#include "Text/Wat.h"

#include "Text/ModuleParser.h"

using namespace orca;

llvm::Expected<std::vector<uint8_t>> orca::parseWat(llvm::StringRef Text,
                                                    llvm::StringRef FileName,
                                                    const WatOptions &Opts) {
  SourceFile Src{Text, FileName.str()};
  auto Toks = lex(Src);
  if (!Toks)
    return Toks.takeError();
  ModuleParser P(Src, *Toks, 0, Opts);
  llvm::Expected<std::vector<uint8_t>> Bytes =
      P.atField("module") ? P.parseModule() : P.parseFields();
  if (!Bytes)
    return Bytes.takeError();
  if (!P.at(TokKind::Eof))
    return P.unexpected("the end of the module");
  return Bytes;
}

bool orca::isWasmBinary(llvm::ArrayRef<uint8_t> Bytes) {
  return Bytes.size() >= 4 && Bytes[0] == 0 && Bytes[1] == 'a' &&
         Bytes[2] == 's' && Bytes[3] == 'm';
}
