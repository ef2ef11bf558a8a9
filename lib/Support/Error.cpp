//===- Support/Error.cpp - Errors of every Orca layer ---------------------===//

#include "Support/Error.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace orca;

char WasmError::ID = 0;

const char *orca::errorKindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::Malformed:
    return "malformed module";
  case ErrorKind::Invalid:
    return "invalid module";
  case ErrorKind::Unlinkable:
    return "unlinkable module";
  case ErrorKind::Uninstantiable:
    return "uninstantiable module";
  case ErrorKind::Resource:
    return "resource limit";
  case ErrorKind::Usage:
    return "usage";
  }
  return "error";
}

void WasmError::log(llvm::raw_ostream &OS) const {
  OS << Message;
  if (Offset != NoOffset)
    OS << " (at byte 0x" << llvm::format("%llx", (unsigned long long)Offset)
       << ")";
}

std::error_code WasmError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

ErrorReport orca::takeErrorReport(llvm::Error E) {
  ErrorReport R{ErrorKind::Usage, {}};
  llvm::raw_string_ostream OS(R.Message);
  llvm::handleAllErrors(
      std::move(E),
      [&](const WasmError &W) {
        R.Kind = W.kind();
        W.log(OS);
      },
      [&](const llvm::ErrorInfoBase &Other) { Other.log(OS); });
  return R;
}
