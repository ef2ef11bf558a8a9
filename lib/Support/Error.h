//===- Support/Error.h - Errors of every Orca layer -------------*- C++ -*-===//
//
// One error type for the whole library: an llvm::ErrorInfo carrying the
// class of failure the spec distinguishes (malformed vs invalid module,
// unlinkable, uninstantiable, ...) plus the byte offset where it applies.
// Messages follow the spec tests' wording ("unexpected end", "type
// mismatch", ...) so that tools and tests can match them.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_SUPPORT_ERROR_H
#define ORCA_SUPPORT_ERROR_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace orca {

enum class ErrorKind : uint8_t {
  Malformed,      ///< The bytes are not a module (decoding failed).
  Invalid,        ///< Decoded, but fails validation.
  Unlinkable,     ///< Imports missing or of incompatible type.
  Uninstantiable, ///< Instantiation trapped (segment out of bounds, start).
  Resource,       ///< A limit was hit (memory reservation, table size...).
  Usage,          ///< Bad arguments from an embedder or a tool's user.
};

const char *errorKindName(ErrorKind K);

class WasmError : public llvm::ErrorInfo<WasmError> {
public:
  static char ID;
  static constexpr uint64_t NoOffset = ~uint64_t(0);

  WasmError(ErrorKind Kind, std::string Message, uint64_t Offset = NoOffset)
      : Kind(Kind), Message(std::move(Message)), Offset(Offset) {}

  ErrorKind kind() const { return Kind; }
  /// The message without the offset.
  const std::string &text() const { return Message; }
  uint64_t offset() const { return Offset; }

  /// "<message>" or "<message> (at byte 0x1f)".
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  ErrorKind Kind;
  std::string Message;
  uint64_t Offset;
};

inline llvm::Error makeError(ErrorKind K, std::string Msg,
                             uint64_t Offset = WasmError::NoOffset) {
  return llvm::make_error<WasmError>(K, std::move(Msg), Offset);
}
inline llvm::Error malformed(std::string Msg, uint64_t Offset) {
  return makeError(ErrorKind::Malformed, std::move(Msg), Offset);
}
inline llvm::Error invalid(std::string Msg, uint64_t Offset) {
  return makeError(ErrorKind::Invalid, std::move(Msg), Offset);
}

/// Consumes \p E and returns its kind (Usage for errors not made by this
/// library) and its full message.
struct ErrorReport {
  ErrorKind Kind;
  std::string Message;
};
ErrorReport takeErrorReport(llvm::Error E);

} // namespace orca

#endif // ORCA_SUPPORT_ERROR_H
