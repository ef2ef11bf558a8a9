//===- orca/Types.h - Wasm types and the engine configuration ---*- C++ -*-===//
//
// Part of Orca's public embedding API.
//
// This file owns the public descriptions of wasm types (value, function,
// table, memory, global and extern types; the import and export lists of a
// module) and orca::Config, the engine configuration.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TYPES_H
#define ORCA_TYPES_H

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace orca {
inline namespace api {

/// The type of a wasm value.
enum class ValType : uint8_t { I32, I64, F32, F64, V128, FuncRef, ExternRef };

/// "i32", "i64", "f32", "f64", "v128", "funcref" or "externref".
const char *valTypeName(ValType T);

/// A function's parameter and result types.
class FuncType {
public:
  FuncType() = default;
  FuncType(std::vector<ValType> Params, std::vector<ValType> Results)
      : Params(std::move(Params)), Results(std::move(Results)) {}
  FuncType(std::initializer_list<ValType> Params,
           std::initializer_list<ValType> Results)
      : Params(Params), Results(Results) {}

  const std::vector<ValType> &params() const { return Params; }
  const std::vector<ValType> &results() const { return Results; }
  bool operator==(const FuncType &O) const = default;
  /// "(i32 i32) -> (i64)".
  std::string toString() const;

private:
  std::vector<ValType> Params;
  std::vector<ValType> Results;
};

/// Minimum and optional maximum size of a table (elements) or memory
/// (64 KiB pages).
struct Limits {
  uint64_t Min = 0;
  std::optional<uint64_t> Max;
  bool operator==(const Limits &O) const = default;
};

struct MemoryType {
  Limits Lim;
  /// A shared memory (threads proposal; needs a maximum). Imports match
  /// only memories that are shared exactly when they are.
  bool Shared = false;
  bool operator==(const MemoryType &O) const = default;
};

struct TableType {
  ValType Elem = ValType::FuncRef;
  Limits Lim;
  bool operator==(const TableType &O) const = default;
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
  bool operator==(const GlobalType &O) const = default;
};

enum class ExternKind : uint8_t { Func, Table, Memory, Global };

/// "func", "table", "memory" or "global".
const char *externKindName(ExternKind K);

/// The type of an import or export: its kind and the member for that kind.
struct ExternType {
  ExternKind Kind = ExternKind::Func;
  FuncType Func;
  TableType Table;
  MemoryType Memory;
  GlobalType Global;
  /// "func (i32) -> ()", "memory 1..2", ...
  std::string toString() const;
};

/// One import of a module, in the module's import order.
struct ImportType {
  std::string Module;
  std::string Name;
  ExternType Type;
};

/// One export of a module.
struct ExportType {
  std::string Name;
  ExternType Type;
};

/// Which WebAssembly proposals the engine accepts. The defaults are
/// WebAssembly 2.0 plus extended constant expressions (3.0).
struct Features {
  bool SignExtension = true;
  bool SaturatingFloatToInt = true;
  bool MultiValue = true;
  bool BulkMemory = true;
  bool ReferenceTypes = true;
  bool SIMD = true;
  bool TailCall = false;
  bool ExtendedConst = true;
  bool MultiMemory = false;
  /// Threads, as far as Orca implements it: shared memories are decoded,
  /// validated and matched when linking; the atomic instructions are not
  /// implemented, so a module using them fails to decode.
  bool Threads = false;
};

/// How memory accesses are bounds-checked.
enum class BoundsChecks : uint8_t {
  /// A compare and branch before every access (portable; the default).
  Explicit,
  /// Reserve the 32-bit address space plus a guard region per memory and
  /// let the hardware catch out-of-bounds accesses.
  GuardPages,
};

/// Engine configuration. Plain data; set the fields you care about.
struct Config {
  /// LLVM optimisation level, 0 to 3.
  unsigned OptLevel = 2;
  /// Threads that compile one module in parallel; 0: one per hardware
  /// thread.
  unsigned CompileThreads = 0;
  BoundsChecks Bounds = BoundsChecks::Explicit;
  /// Maximum native stack wasm may use per call from the host, in bytes;
  /// deeper recursion traps with TrapCode::StackOverflow.
  uint64_t MaxWasmStack = 512 * 1024;
  /// Instrument code to consume fuel (Store::setFuel): each wasm operator
  /// costs one unit (as wasmtime's default), bulk memory and table
  /// operations also their size; running out traps with
  /// TrapCode::OutOfFuel. The same module and inputs consume the same fuel
  /// at every optimisation level and on every target. Costs run time (see
  /// docs/performance.md).
  bool ConsumeFuel = false;
  /// Instrument code to check the engine's epoch (Engine::incrementEpoch)
  /// against the store's deadline (Store::setEpochDeadline) at every
  /// function entry and loop header; reaching it traps with
  /// TrapCode::Interrupt. Cheaper than fuel, but not deterministic.
  bool EpochInterruption = false;
  Features Feat;
  /// Compiled-code cache directory; empty (the default): no cache. With
  /// one, Module::compile loads a module compiled before under the same
  /// configuration instead of compiling it again, and stores what it
  /// compiles. Entries are checked (checksum, key) before use; a bad one is
  /// recompiled and replaced. Safe to share between processes.
  std::string CacheDir;
  /// Size limit of the cache directory: least recently used entries are
  /// evicted beyond it.
  uint64_t CacheMaxBytes = uint64_t(512) << 20;
};

} // namespace api
} // namespace orca

#endif // ORCA_TYPES_H
