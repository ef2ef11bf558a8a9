//===- orca/Error.h - Errors, traps and Result<T> ---------------*- C++ -*-===//
//
// Part of Orca's public embedding API.
//
// This file owns the public error model: every fallible API call returns a
// Result<T>, which holds either a T or an Error. An Error has a kind (which
// stage failed) and a message; when the kind is ErrorKind::Trap it also
// carries a Trap (trap code, message, fault address, wasm backtrace and, for
// a WASI proc_exit, the exit code). The library never throws.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_ERROR_H
#define ORCA_ERROR_H

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace orca {
/// The public API lives in an inline namespace so that its classes never
/// share mangled names with the runtime's internal classes of the same name
/// (orca::Engine, orca::Store, ...). Users simply write orca::Engine.
inline namespace api {

/// Which stage of the pipeline an Error comes from.
enum class ErrorKind : uint8_t {
  Malformed,      ///< The bytes are not a wasm module (decoding failed).
  Invalid,        ///< Decoded, but fails validation.
  Unlinkable,     ///< An import is missing or has an incompatible type.
  Uninstantiable, ///< Instantiation failed (segment out of bounds, ...).
  Resource,       ///< A limit was hit (memory, table size, store limits).
  Usage,          ///< Bad arguments from the embedder (wrong argument
                  ///< count or type, object of another store, ...).
  Io,             ///< A file could not be read.
  Trap,           ///< Wasm code trapped; Error::trap() says how.
};

/// A short name for \p K, e.g. "unlinkable".
const char *errorKindName(ErrorKind K);

/// Why wasm code trapped.
enum class TrapCode : uint8_t {
  Unreachable,
  IntegerDivideByZero,
  IntegerOverflow,
  InvalidConversionToInteger,
  MemoryOutOfBounds,
  TableOutOfBounds,
  UndefinedElement,
  IndirectCallToNull,
  BadSignature,
  StackOverflow,
  /// A host function failed: it returned an error or trap, or threw a C++
  /// exception. message() is the host's message.
  HostError,
  /// A WASI guest called proc_exit; exitCode() holds the code.
  Exit,
  /// The store's fuel ran out ("all fuel consumed by WebAssembly"; see
  /// Config::ConsumeFuel and Store::setFuel). The store can be refuelled
  /// and used again.
  OutOfFuel,
  /// The engine's epoch passed the store's deadline ("interrupt"; see
  /// Config::EpochInterruption and Store::setEpochDeadline).
  Interrupt,
};

/// One wasm frame of a trap's backtrace, innermost first.
struct FrameInfo {
  uint32_t FuncIndex = 0;
  std::string FuncName; ///< From the name section, or empty.
  uint32_t CodeOffset = 0;
};

/// A wasm trap as a value.
class Trap {
public:
  Trap(TrapCode Code, std::string Message)
      : Code(Code), Message(std::move(Message)) {}
  /// A trap a host function raises with its own message (HostError).
  explicit Trap(std::string Message)
      : Trap(TrapCode::HostError, std::move(Message)) {}

  TrapCode code() const { return Code; }
  /// The spec's wording ("integer divide by zero", "unreachable") or the
  /// host function's message.
  const std::string &message() const { return Message; }
  /// For out-of-bounds memory accesses, when known: the faulting address.
  std::optional<uint64_t> faultAddress() const { return FaultAddress; }
  /// Wasm frames at the trap, innermost first; empty when the runtime
  /// could not reconstruct them.
  const std::vector<FrameInfo> &backtrace() const { return Backtrace; }
  /// For TrapCode::Exit: the code the guest passed to proc_exit.
  std::optional<int32_t> exitCode() const { return ExitCode; }

  std::optional<uint64_t> FaultAddress;
  std::vector<FrameInfo> Backtrace;
  std::optional<int32_t> ExitCode;

private:
  TrapCode Code;
  std::string Message;
};

/// An error of any API call: a kind, a message and, for traps, the Trap.
class Error {
public:
  static constexpr uint64_t NoOffset = ~uint64_t(0);

  Error(ErrorKind Kind, std::string Message, uint64_t Offset = NoOffset)
      : Kind(Kind), Message(std::move(Message)), Offset(Offset) {}
  /// An error of kind Trap carrying \p T.
  Error(Trap T)
      : Kind(ErrorKind::Trap), Message(T.message()), Offset(NoOffset),
        TrapInfo(std::make_shared<Trap>(std::move(T))) {}

  ErrorKind kind() const { return Kind; }
  /// The message without location, e.g. "type mismatch".
  const std::string &message() const { return Message; }
  /// For Malformed/Invalid modules: the byte offset in the module.
  std::optional<uint64_t> offset() const {
    return Offset == NoOffset ? std::nullopt : std::optional(Offset);
  }
  bool isTrap() const { return TrapInfo != nullptr; }
  /// The trap when kind() == ErrorKind::Trap, otherwise null.
  const Trap *trap() const { return TrapInfo.get(); }
  /// "<kind>: <message>" plus " (at byte 0x..)" when there is an offset.
  std::string toString() const;

private:
  ErrorKind Kind;
  std::string Message;
  uint64_t Offset;
  std::shared_ptr<Trap> TrapInfo;
};

namespace detail {
[[noreturn]] inline void badResultAccess(const Error &E) {
  std::fprintf(stderr, "orca: value() of a failed Result: %s\n",
               E.toString().c_str());
  std::abort();
}
} // namespace detail

/// Either a T or an Error. Check it (ok() / operator bool) before value():
/// value() of a failed Result prints the error and aborts (the library
/// never throws).
template <typename T> class [[nodiscard]] Result {
public:
  Result(T V) : S(std::in_place_index<0>, std::move(V)) {}
  Result(Error E) : S(std::in_place_index<1>, std::move(E)) {}
  Result(Trap Tr) : S(std::in_place_index<1>, Error(std::move(Tr))) {}

  bool ok() const { return S.index() == 0; }
  explicit operator bool() const { return ok(); }

  T &value() & {
    if (!ok())
      detail::badResultAccess(error());
    return std::get<0>(S);
  }
  const T &value() const & {
    if (!ok())
      detail::badResultAccess(error());
    return std::get<0>(S);
  }
  T &&value() && {
    if (!ok())
      detail::badResultAccess(error());
    return std::move(std::get<0>(S));
  }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T &&operator*() && { return std::move(*this).value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }
  /// The value, or \p Default when this failed.
  T valueOr(T Default) const & { return ok() ? std::get<0>(S) : Default; }

  /// The error; only valid when !ok().
  const Error &error() const { return std::get<1>(S); }
  Error &error() { return std::get<1>(S); }

private:
  std::variant<T, Error> S;
};

/// Success or an Error.
template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Error E) : E(std::move(E)) {}
  Result(Trap T) : E(Error(std::move(T))) {}

  bool ok() const { return !E.has_value(); }
  explicit operator bool() const { return ok(); }
  /// Aborts when this failed (for symmetry with Result<T>).
  void value() const {
    if (!ok())
      detail::badResultAccess(*E);
  }
  const Error &error() const { return *E; }
  Error &error() { return *E; }

private:
  std::optional<Error> E;
};

} // namespace api
} // namespace orca

#endif // ORCA_ERROR_H
