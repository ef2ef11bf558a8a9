//===- Runtime/Trap.h - A wasm trap as an error value -----------*- C++ -*-===//

#ifndef ORCA_RUNTIME_TRAP_H
#define ORCA_RUNTIME_TRAP_H

#include "Environ/TrapCode.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace orca {

struct TrapFrame {
  uint32_t FuncIndex;
  std::string FuncName; ///< from the name section, or empty
  uint32_t CodeOffset;  ///< wasm byte offset, when known
};

class TrapError : public llvm::ErrorInfo<TrapError> {
public:
  static char ID;
  TrapError(TrapCode Code, std::string Message)
      : Code(Code), Message(std::move(Message)) {}

  TrapCode code() const { return Code; }
  /// trapMessage(code()), or the host's message for HostError.
  const std::string &text() const { return Message; }
  /// Memory faults: the wasm address that faulted.
  std::optional<uint64_t> FaultAddress;
  std::vector<TrapFrame> Backtrace;
  /// For HostError: the error the host function returned, kept whole so
  /// that an embedder can recognise its own errors (WASI's exit request is
  /// one). Null when the host raised a plain trap message.
  std::unique_ptr<llvm::ErrorInfoBase> Cause;
  template <typename ErrT> const ErrT *causeAs() const {
    return Cause && Cause->isA<ErrT>() ? static_cast<const ErrT *>(Cause.get())
                                       : nullptr;
  }

  void log(llvm::raw_ostream &OS) const override { OS << Message; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  TrapCode Code;
  std::string Message;
};

} // namespace orca

#endif // ORCA_RUNTIME_TRAP_H
