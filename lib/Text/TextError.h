//===- Text/TextError.h - Positioned errors of the text format --*- C++ -*-===//
//
// Owns how a text-format error is reported: a WasmError of kind Malformed
// (so every handler of library errors sees it) that also carries the file
// name, line and column, and prints as `file:line:col: message`. SourceFile
// maps byte offsets of a text to lines and columns, only when an error is
// made, so the lexer never tracks lines.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TEXT_TEXTERROR_H
#define ORCA_TEXT_TEXTERROR_H

#include "Support/Error.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace orca {

class TextError : public llvm::ErrorInfo<TextError, WasmError> {
public:
  static char ID;

  TextError(std::string File, uint32_t Line, uint32_t Column,
            std::string Message)
      : ErrorInfo(ErrorKind::Malformed, std::move(Message)),
        File(std::move(File)), Line(Line), Column(Column) {}

  const std::string &file() const { return File; }
  uint32_t line() const { return Line; }
  uint32_t column() const { return Column; }

  /// "file:line:col: message".
  void log(llvm::raw_ostream &OS) const override;

private:
  std::string File;
  uint32_t Line;
  uint32_t Column;
};

/// A text being parsed and its name for error messages.
struct SourceFile {
  llvm::StringRef Text;
  std::string Name;

  /// 1-based line and column (in bytes) of byte \p Offset.
  std::pair<uint32_t, uint32_t> lineColumn(size_t Offset) const;
  /// A TextError at byte \p Offset.
  llvm::Error error(size_t Offset, const llvm::Twine &Message) const;
};

} // namespace orca

#endif // ORCA_TEXT_TEXTERROR_H
