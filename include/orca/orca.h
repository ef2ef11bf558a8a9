//===- orca/orca.h - Orca's public C++ embedding API ------------*- C++ -*-===//
//
// Part of Orca's public embedding API. Include this one header.
//
// This file owns the embedding classes: Engine (compiles, owns code,
// thread-safe and shareable), Module (a compiled module), Store (owns
// instances and host objects; dropping it frees them), Linker, Instance,
// Func and TypedFunc, Memory, Table, Global, Extern, Caller, WasiConfig, and
// the template glue that turns C++ callables into host functions and typed
// calls without boxing values.
//
// Handles (Func, Memory, Table, Global, Instance, Extern) are small values:
// the id of the store that owns the entity plus a pointer to it. Every
// operation takes the Store (or a Caller, which gives its Store) and checks
// the id first: a handle used with another store, or whose store was dropped
// (ids are never reused), yields a Usage error instead of touching freed
// memory. See docs/embedding.md.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_ORCA_H
#define ORCA_ORCA_H

#include "orca/Error.h"
#include "orca/Types.h"
#include "orca/Val.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace orca {
inline namespace api {

class Engine;
class Module;
class Store;
class Caller;
class Func;
class Memory;
class Table;
class Global;
class Extern;
class Instance;
class Linker;
template <typename Sig> class TypedFunc;

/// A dynamic host function: reads Params, writes every Results[i] (preset
/// to zero values of the result types). Returning an Error (or a Trap)
/// traps the calling wasm code; a thrown C++ exception does too (see
/// docs/embedding.md).
using HostFunction = std::function<Result<void>(
    Caller &C, std::span<const Val> Params, std::span<Val> Results)>;

namespace detail {
struct EngineState;
struct ModuleState;
struct StoreState;
struct LinkerState;

/// What typed host functions are compiled to: unpack Slots, call, pack the
/// results back into Slots. False: Out says why (a trap is raised).
using RawHostFn = bool (*)(void *Env, Caller &C, RawSlot *Slots, Trap &Out);

/// A host function not yet bound to a store.
struct HostFuncSpec {
  FuncType Type;
  std::shared_ptr<void> Env; ///< The typed callable (owned).
  RawHostFn Raw = nullptr;   ///< Set for typed host functions...
  HostFunction Dynamic;      ///< ...otherwise this is.
};

/// A base for handles: owning store's id and the runtime entity.
struct Handle {
  uint64_t StoreId = 0;
  void *Ptr = nullptr;
};

/// A wasm function resolved for repeated typed calls.
struct FuncData {
  void *Anyfunc = nullptr;
  const void *Fn = nullptr;
  void *VMCtx = nullptr;
  const void *Tramp = nullptr; ///< Null for host functions.
};

Error wrongStoreError();
/// Calls \p D with arguments in \p Slots (results come back there). The
/// caller has checked the store id.
std::optional<Error> callRaw(Store &S, const FuncData &D, RawSlot *Slots);
/// Checks that \p F has type \p Want and resolves it for typed calls.
Result<FuncData> prepareTyped(Store &S, const Func &F, const FuncType &Want);
/// Creates \p Spec in \p S.
Func createHostFunc(Store &S, std::shared_ptr<HostFuncSpec> Spec);
/// The trap a host function's failure becomes.
Trap trapFromError(const Error &E);

/// How a typed call's or host function's results map to slots: void, one
/// value, or a std::tuple of values.
template <typename R> struct ResultTraits {
  static void types(std::vector<ValType> &Out) {
    Out.push_back(WasmTraits<R>::Type);
  }
  static constexpr size_t Count = 1;
  static R load(const RawSlot *S) { return WasmTraits<R>::load(S[0]); }
  static void store(RawSlot *S, const R &V) { WasmTraits<R>::store(S[0], V); }
};
template <> struct ResultTraits<void> {
  static void types(std::vector<ValType> &) {}
  static constexpr size_t Count = 0;
};
template <typename... T> struct ResultTraits<std::tuple<T...>> {
  static void types(std::vector<ValType> &Out) {
    (Out.push_back(WasmTraits<T>::Type), ...);
  }
  static constexpr size_t Count = sizeof...(T);
  static std::tuple<T...> load(const RawSlot *S) {
    return loadImpl(S, std::index_sequence_for<T...>());
  }
  static void store(RawSlot *S, const std::tuple<T...> &V) {
    storeImpl(S, V, std::index_sequence_for<T...>());
  }

private:
  template <size_t... I>
  static std::tuple<T...> loadImpl(const RawSlot *S,
                                   std::index_sequence<I...>) {
    return std::tuple<T...>(WasmTraits<T>::load(S[I])...);
  }
  template <size_t... I>
  static void storeImpl(RawSlot *S, const std::tuple<T...> &V,
                        std::index_sequence<I...>) {
    (WasmTraits<T>::store(S[I], std::get<I>(V)), ...);
  }
};

template <typename R> struct IsResult : std::false_type { using Inner = R; };
template <typename R> struct IsResult<Result<R>> : std::true_type {
  using Inner = R;
};

/// The signature of a callable: return type and parameter types.
template <typename T> struct FnSig : FnSig<decltype(&T::operator())> {};
template <typename R, typename... A> struct FnSig<R(A...)> {
  using Ret = R;
  using Args = std::tuple<A...>;
};
template <typename R, typename... A>
struct FnSig<R (*)(A...)> : FnSig<R(A...)> {};
template <typename R, typename... A>
struct FnSig<R (*)(A...) noexcept> : FnSig<R(A...)> {};
template <typename C, typename R, typename... A>
struct FnSig<R (C::*)(A...)> : FnSig<R(A...)> {};
template <typename C, typename R, typename... A>
struct FnSig<R (C::*)(A...) const> : FnSig<R(A...)> {};
template <typename C, typename R, typename... A>
struct FnSig<R (C::*)(A...) noexcept> : FnSig<R(A...)> {};
template <typename C, typename R, typename... A>
struct FnSig<R (C::*)(A...) const noexcept> : FnSig<R(A...)> {};

template <typename F, typename Ret, bool WithCaller, typename ArgsTuple>
struct HostGlue;

template <typename F, typename Ret, bool WithCaller, typename... A>
struct HostGlue<F, Ret, WithCaller, std::tuple<A...>> {
  using Inner = typename IsResult<Ret>::Inner;

  static void type(FuncType &T) {
    std::vector<ValType> Params, Results;
    (Params.push_back(WasmTraits<std::decay_t<A>>::Type), ...);
    ResultTraits<Inner>::types(Results);
    T = FuncType(std::move(Params), std::move(Results));
  }

  template <size_t... I>
  static Ret callWith(F &Fn, Caller &C, RawSlot *Slots,
                      std::index_sequence<I...>) {
    if constexpr (WithCaller)
      return Fn(C, WasmTraits<std::decay_t<A>>::load(Slots[I])...);
    else
      return Fn(WasmTraits<std::decay_t<A>>::load(Slots[I])...);
  }

  static bool run(F &Fn, Caller &C, RawSlot *Slots, Trap &Out) {
    if constexpr (std::is_void_v<Ret>) {
      callWith(Fn, C, Slots, std::index_sequence_for<A...>());
      return true;
    } else if constexpr (IsResult<Ret>::value) {
      Ret R = callWith(Fn, C, Slots, std::index_sequence_for<A...>());
      if (!R) {
        Out = trapFromError(R.error());
        return false;
      }
      if constexpr (!std::is_void_v<Inner>)
        ResultTraits<Inner>::store(Slots, R.value());
      return true;
    } else {
      ResultTraits<Ret>::store(
          Slots, callWith(Fn, C, Slots, std::index_sequence_for<A...>()));
      return true;
    }
  }

  /// The RawHostFn: runs the callable, turning a C++ exception into a trap
  /// right here, so no exception ever unwinds into the runtime or JIT code.
  static bool invoke(void *Env, Caller &C, RawSlot *Slots, Trap &Out) {
    F &Fn = *static_cast<F *>(Env);
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    try {
      return run(Fn, C, Slots, Out);
    } catch (const std::exception &E) {
      Out = Trap(std::string("host function threw an exception: ") + E.what());
    } catch (...) {
      Out = Trap("host function threw an exception");
    }
    return false;
#else
    return run(Fn, C, Slots, Out);
#endif
  }
};

template <typename A> struct IsCallerRef : std::false_type {};
template <> struct IsCallerRef<Caller &> : std::true_type {};

template <typename T> struct TupleTail { using Type = std::tuple<>; };
template <typename H, typename... T> struct TupleTail<std::tuple<H, T...>> {
  using Type = std::tuple<T...>;
};

/// Builds the HostFuncSpec of a typed C++ callable.
template <typename F> std::shared_ptr<HostFuncSpec> makeTypedSpec(F &&Fn) {
  using FT = std::decay_t<F>;
  using Sig = FnSig<std::conditional_t<std::is_function_v<FT>, FT *, FT>>;
  using Ret = typename Sig::Ret;
  using Args = typename Sig::Args;
  constexpr bool WithCaller = [] {
    if constexpr (std::tuple_size_v<Args> == 0)
      return false;
    else
      return IsCallerRef<std::tuple_element_t<0, Args>>::value;
  }();
  auto Spec = std::make_shared<HostFuncSpec>();
  using Params =
      std::conditional_t<WithCaller, typename TupleTail<Args>::Type, Args>;
  using Glue = HostGlue<FT, Ret, WithCaller, Params>;
  Glue::type(Spec->Type);
  Spec->Raw = &Glue::invoke;
  Spec->Env = std::shared_ptr<void>(new FT(std::forward<F>(Fn)), [](void *P) {
    delete static_cast<FT *>(P);
  });
  return Spec;
}

struct Access;
template <typename Sig> struct TypedMaker;
} // namespace detail

/// Compiles modules and owns their code. Cheap to copy (copies share one
/// engine); thread-safe: any number of threads may compile with it and run
/// their own stores on it.
class Engine {
public:
  /// Creates an engine (and its JIT) for \p C.
  static Result<Engine> create(const Config &C = Config());
  const Config &config() const;

  /// Advances the epoch by one tick (Config::EpochInterruption): wasm of
  /// every store whose deadline it reaches traps at its next function
  /// entry or loop header. Safe from any thread and from a signal handler
  /// (one lock-free atomic add); typically called by a timer thread.
  void incrementEpoch() const;

private:
  friend struct detail::Access;
  std::shared_ptr<detail::EngineState> State;
};

/// A compiled module. Cheap to copy; immutable, so any number of threads
/// may instantiate it, each in its own Store.
class Module {
public:
  /// Decodes, validates and compiles \p Bytes. Errors: Malformed, Invalid.
  static Result<Module> compile(const Engine &E,
                                std::span<const uint8_t> Bytes);
  /// compile() of a file's contents; Io error when it cannot be read.
  static Result<Module> fromFile(const Engine &E, const std::string &Path);
  /// Decodes and validates without compiling (fast).
  static Result<void> validate(const Engine &E, std::span<const uint8_t> Bytes);

  /// The compiled module as bytes (the .cwasm format of `wasm-compile -o`):
  /// native code plus the module, for deserialize() in a later process.
  Result<std::vector<uint8_t>> serialize() const;
  /// Loads bytes from serialize() without compiling anything. Loading
  /// native code is a trust decision: the bytes are checked against
  /// corruption (Malformed error), not against malice, so only load bytes
  /// you produced. Bytes from another Orca or LLVM version, another target
  /// or CPU, or an engine of other settings (bounds checks, features) are
  /// refused with a Usage error that says what differs.
  static Result<Module> deserialize(const Engine &E,
                                    std::span<const uint8_t> Bytes);
  /// deserialize() of a file's contents; Io error when it cannot be read.
  static Result<Module> deserializeFile(const Engine &E,
                                        const std::string &Path);

  /// Imports, in the order Instance::create takes them.
  const std::vector<ImportType> &imports() const;
  const std::vector<ExportType> &exports() const;

private:
  friend struct detail::Access;
  std::shared_ptr<detail::ModuleState> State;
};

/// Limits a store enforces on what wasm and the host create in it (as
/// wasmtime's StoreLimits). Set them before instantiating: sizes reached
/// before setLimits stay. See docs/embedding.md.
struct StoreLimits {
  /// Maximum pages of any one memory of the store. A memory whose minimum
  /// exceeds it is not created (Memory::create, instantiation: Resource
  /// error); growth beyond it fails: Memory::grow from the host with a
  /// Resource error, wasm's memory.grow by returning -1.
  uint64_t MaxMemoryPages = UINT64_MAX;
  /// Maximum elements of any one table of the store, likewise: creation
  /// and instantiation fail (Resource), Table::grow fails (Resource) and
  /// wasm's table.grow returns -1.
  uint64_t MaxTableElements = UINT64_MAX;
  /// Maximum instances in the store (instantiation fails with Resource).
  uint64_t MaxInstances = UINT64_MAX;
  /// Maximum memories and tables created in the store, by instantiation
  /// (each memory and table a module defines; imported ones are not new)
  /// or by Memory::create / Table::create: beyond it, those fail with
  /// Resource. Wasmtime's StoreLimitsBuilder::memories and tables.
  uint64_t MaxMemories = UINT64_MAX;
  uint64_t MaxTables = UINT64_MAX;
};

/// WASI preview1 settings for a store (Store::setWasi).
struct WasiConfig {
  /// argv, including argv[0].
  std::vector<std::string> Args;
  /// "NAME=VALUE" strings; nothing of the host's environment is inherited.
  std::vector<std::string> Env;
  struct Preopen {
    std::string HostPath;
    std::string GuestPath;
  };
  std::vector<Preopen> Preopens;
  /// Host descriptors behind the guest's 0, 1 and 2 (duplicated).
  int Stdin = 0, Stdout = 1, Stderr = 2;
};

/// Owns instances, host functions, memories, tables and globals, plus
/// optional host data and WASI state. Dropping it frees all of them; handles
/// into it then report "wrong store" errors. A store must be used by one
/// thread at a time. Movable (handles follow it: they hold its id).
class Store {
public:
  explicit Store(const Engine &E);
  ~Store();
  Store(Store &&O) noexcept;
  Store &operator=(Store &&O) noexcept;
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;

  const Engine &engine() const;
  /// A process-unique id, never reused; 0 for a moved-from store.
  uint64_t id() const { return Id; }

  void setLimits(const StoreLimits &L);
  const StoreLimits &limits() const;

  /// Sets the fuel left (Config::ConsumeFuel; a store starts with none, so
  /// wasm traps at once until it is given some). When it runs out wasm
  /// traps with TrapCode::OutOfFuel; setFuel again and the store can be
  /// used as before. Fuel is checked at function entries and loop headers,
  /// so a call may overrun it by the operators of one loop-free stretch of
  /// code. Usage error without Config::ConsumeFuel.
  Result<void> setFuel(uint64_t Fuel);
  /// The fuel left (0 once it has run out).
  Result<uint64_t> getFuel() const;

  /// Interrupts wasm once the engine's epoch has advanced \p Ticks from
  /// now (Config::EpochInterruption; a store has no deadline until this is
  /// called). Wasm traps with TrapCode::Interrupt at its next function
  /// entry or loop header, unless the callback extends the deadline. A
  /// store blocked in a host function is interrupted when that returns.
  void setEpochDeadline(uint64_t Ticks);
  /// Called on the thread running wasm when the deadline is reached: return
  /// a number of ticks to extend the deadline by (from the current epoch)
  /// and continue, or nullopt to trap with TrapCode::Interrupt (what
  /// happens without a callback). It should only decide about the
  /// deadline: memory and globals may lack the stores wasm made since its
  /// last call, and it must not call into wasm.
  void setEpochDeadlineCallback(
      std::function<std::optional<uint64_t>(Store &)> Callback);

  /// Attaches embedder data, reachable from host functions through
  /// Caller::store().data<T>().
  void setData(std::shared_ptr<void> D);
  /// The attached data as a T (the caller knows the type it attached).
  template <typename T> T *data() const { return static_cast<T *>(rawData()); }
  void *rawData() const;

  /// Gives the store a WASI context (argv, env, preopens, stdio) for
  /// Linker::defineWasi. Fails (Usage) when a preopen cannot be opened.
  Result<void> setWasi(const WasiConfig &C);
  /// The code a WASI guest passed to proc_exit, once it has.
  std::optional<int32_t> wasiExitCode() const;

private:
  friend struct detail::Access;
  std::unique_ptr<detail::StoreState> State;
  uint64_t Id = 0;
};

/// A function of a store: exported by an instance or defined by the host.
class Func : private detail::Handle {
public:
  /// An empty handle (every operation fails with a Usage error).
  Func() = default;

  /// Host functions made by wrap() and create() can be called from wasm at
  /// once, also through a funcref no module imported (argument, result,
  /// table element or global): the engine compiles a wasm-to-host
  /// trampoline per function type on first use and keeps it.
  ///
  /// A host function from a typed C++ callable (lambda, function pointer,
  /// functor): parameters among int32_t, uint32_t, int64_t, uint64_t,
  /// float, double, V128, optionally preceded by Caller&; returning void, one
  /// such value, a std::tuple of them, or a Result<> of any of those. Values
  /// are passed without boxing. A returned Error, or a thrown exception,
  /// traps the calling wasm code.
  template <typename F> static Func wrap(Store &S, F &&Fn) {
    return detail::createHostFunc(S,
                                  detail::makeTypedSpec(std::forward<F>(Fn)));
  }
  /// A host function of the run-time type \p T taking and returning Vals.
  static Func create(Store &S, const FuncType &T, HostFunction Fn);

  /// The function's type (empty for a handle of another store).
  FuncType type(const Store &S) const;

  /// Calls with boxed values, checking the argument count and types
  /// (Usage error). A trap is an Error of kind Trap.
  Result<std::vector<Val>> call(Store &S, std::span<const Val> Args) const;
  Result<std::vector<Val>> call(Store &S,
                                std::initializer_list<Val> Args) const {
    return call(S, std::span<const Val>(Args.begin(), Args.size()));
  }
  /// As call(), writing into \p Results (size must match the result count).
  Result<void> call(Store &S, std::span<const Val> Args,
                    std::span<Val> Results) const;

  /// A typed view, e.g. typed<int32_t(int32_t, int32_t)>(store) or
  /// typed<std::tuple<int32_t, int64_t>(double)>(store). Fails (Usage) when
  /// the signature does not match the function's type.
  template <typename Sig> Result<TypedFunc<Sig>> typed(Store &S) const;

  bool operator==(const Func &O) const {
    return StoreId == O.StoreId && Ptr == O.Ptr;
  }

private:
  friend struct detail::Access;
  template <typename Sig> friend class TypedFunc;
};

/// A typed view of a Func. Calls go straight through the function's
/// host-to-wasm trampoline with values in raw slots: no boxing, no type
/// checks per call (the type was checked once by Func::typed).
template <typename R, typename... A> class TypedFunc<R(A...)> {
public:
  /// Calls the function. Results: void, a value, or a std::tuple.
  Result<R> call(Store &S, A... Args) const {
    constexpr size_t N = sizeof...(A) > detail::ResultTraits<R>::Count
                             ? sizeof...(A)
                             : detail::ResultTraits<R>::Count;
    detail::RawSlot Slots[N > 0 ? N : 1];
    if (S.id() != F.StoreId)
      return detail::wrongStoreError();
    [[maybe_unused]] size_t I = 0;
    (detail::WasmTraits<A>::store(Slots[I++], Args), ...);
    if (std::optional<Error> E = detail::callRaw(S, D, Slots))
      return std::move(*E);
    if constexpr (std::is_void_v<R>)
      return Result<void>();
    else
      return detail::ResultTraits<R>::load(Slots);
  }
  /// The underlying function.
  const Func &func() const { return F; }

private:
  template <typename> friend struct detail::TypedMaker;
  TypedFunc(Func F, detail::FuncData D) : F(F), D(D) {}
  Func F;
  detail::FuncData D;
};

namespace detail {
template <typename R, typename... A> struct TypedMaker<R(A...)> {
  static Result<TypedFunc<R(A...)>> get(const Func &F, Store &S) {
    std::vector<ValType> Params{WasmTraits<A>::Type...}, Results;
    ResultTraits<R>::types(Results);
    Result<FuncData> D =
        prepareTyped(S, F, FuncType(std::move(Params), std::move(Results)));
    if (!D)
      return std::move(D.error());
    return TypedFunc<R(A...)>(F, *D);
  }
};
} // namespace detail

template <typename Sig> Result<TypedFunc<Sig>> Func::typed(Store &S) const {
  return detail::TypedMaker<Sig>::get(*this, S);
}

/// A linear memory of a store.
class Memory : private detail::Handle {
public:
  Memory() = default;
  /// A host memory of type \p T (Resource error beyond the store limits).
  static Result<Memory> create(Store &S, const MemoryType &T);

  /// The bytes; valid until the memory grows or the store dies. Empty for a
  /// handle of another store.
  std::span<uint8_t> data(Store &S) const;
  /// Current size in bytes and in 64 KiB pages.
  uint64_t dataSize(const Store &S) const;
  uint64_t size(const Store &S) const;
  /// The type with the current size as its minimum.
  MemoryType type(const Store &S) const;
  /// Grows by \p DeltaPages; returns the old size in pages. Fails
  /// (Resource) beyond the maximum or the store limits.
  Result<uint64_t> grow(Store &S, uint64_t DeltaPages) const;
  /// Bounds-checked copies (Usage error when out of bounds).
  Result<void> read(Store &S, uint64_t Offset, std::span<uint8_t> Out) const;
  Result<void> write(Store &S, uint64_t Offset,
                     std::span<const uint8_t> In) const;

private:
  friend struct detail::Access;
};

/// A table of references of a store.
class Table : private detail::Handle {
public:
  Table() = default;
  /// A host table of type \p T with every element \p Init.
  static Result<Table> create(Store &S, const TableType &T, const Val &Init);
  uint32_t size(const Store &S) const;
  TableType type(const Store &S) const;
  /// Element \p Index (Usage error when out of bounds).
  Result<Val> get(Store &S, uint32_t Index) const;
  Result<void> set(Store &S, uint32_t Index, const Val &V) const;
  /// Grows by \p Delta elements set to \p Init; returns the old size.
  Result<uint32_t> grow(Store &S, uint32_t Delta, const Val &Init) const;

private:
  friend struct detail::Access;
};

/// A global variable of a store.
class Global : private detail::Handle {
public:
  Global() = default;
  static Result<Global> create(Store &S, const GlobalType &T, const Val &Init);
  GlobalType type(const Store &S) const;
  Result<Val> get(Store &S) const;
  /// Fails (Usage) for an immutable global or a value of the wrong type.
  Result<void> set(Store &S, const Val &V) const;

private:
  friend struct detail::Access;
};

/// A function, table, memory or global: what imports take and exports give.
class Extern {
public:
  Extern(const Func &F);
  Extern(const Table &T);
  Extern(const Memory &M);
  Extern(const Global &G);

  ExternKind kind() const { return Kind; }
  std::optional<Func> func() const;
  std::optional<Table> table() const;
  std::optional<Memory> memory() const;
  std::optional<Global> global() const;

private:
  friend struct detail::Access;
  Extern() = default;
  ExternKind Kind = ExternKind::Func;
  detail::Handle H;
};

/// An instance of a module, owned by a store.
class Instance : private detail::Handle {
public:
  Instance() = default;
  /// Instantiates \p M with \p Imports in the module's import order
  /// (Module::imports()). Errors: Unlinkable (missing import, wrong count,
  /// kind or type), Uninstantiable, Resource, Trap (the start function).
  static Result<Instance> create(Store &S, const Module &M,
                                 std::span<const Extern> Imports = {});

  /// An export by name, or nullopt.
  std::optional<Extern> getExport(Store &S, std::string_view Name) const;
  std::optional<Func> getFunc(Store &S, std::string_view Name) const;
  std::optional<Memory> getMemory(Store &S, std::string_view Name) const;
  std::optional<Table> getTable(Store &S, std::string_view Name) const;
  std::optional<Global> getGlobal(Store &S, std::string_view Name) const;
  /// A typed view of an exported function (Usage error when it is missing
  /// or has another type).
  template <typename Sig>
  Result<TypedFunc<Sig>> getTypedFunc(Store &S, std::string_view Name) const {
    std::optional<Func> F = getFunc(S, Name);
    if (!F)
      return Error(ErrorKind::Usage,
                   "no exported function named '" + std::string(Name) + "'");
    return F->typed<Sig>(S);
  }
  /// Every export, in the module's order.
  std::vector<std::pair<std::string, Extern>> exports(Store &S) const;

private:
  friend struct detail::Access;
};

/// Given to host functions: the store and, when wasm called, the calling
/// instance (whose exports, typically "memory", the host may use).
class Caller {
public:
  /// The store the call runs in: use it to call back into wasm.
  Store &store();
  /// An export of the calling instance, or nullopt (also when the host
  /// called the function directly).
  std::optional<Extern> getExport(std::string_view Name);
  /// The calling instance's exported memory named "memory".
  std::optional<Memory> memory() {
    std::optional<Extern> E = getExport("memory");
    return E ? E->memory() : std::nullopt;
  }

private:
  friend struct detail::Access;
  Caller(detail::StoreState *S, void *Inst) : S(S), Inst(Inst) {}
  detail::StoreState *S;
  void *Inst;
};

/// Resolves imports by (module, name). Host functions defined with
/// funcWrap/funcNew are store-independent (created in each store on first
/// use); entities given to define()/defineInstance() belong to one store.
/// After it is set up, a Linker may be shared by threads instantiating in
/// their own stores (instantiate() is const).
class Linker {
public:
  explicit Linker(const Engine &E);
  ~Linker();
  Linker(Linker &&) noexcept;
  Linker &operator=(Linker &&) noexcept;

  /// Whether a later definition of the same (module, name) replaces an
  /// earlier one; when false (the default) it is a Usage error.
  void allowShadowing(bool Allow);

  /// Defines (module, name) as an entity of store \p S.
  Result<void> define(Store &S, std::string_view Module, std::string_view Name,
                      const Extern &E);
  /// Defines a typed host function (see Func::wrap).
  template <typename F>
  Result<void> funcWrap(std::string_view Module, std::string_view Name,
                        F &&Fn) {
    return defineSpec(Module, Name, detail::makeTypedSpec(std::forward<F>(Fn)));
  }
  /// Defines a dynamic host function of type \p T.
  Result<void> funcNew(std::string_view Module, std::string_view Name,
                       const FuncType &T, HostFunction Fn);
  /// Defines every export of \p I under module name \p Module.
  Result<void> defineInstance(Store &S, std::string_view Module,
                              const Instance &I);
  /// Resolves wasi_snapshot_preview1 imports from the instantiating store's
  /// WASI context (Store::setWasi); explicit definitions take precedence.
  Result<void> defineWasi();

  /// Instantiates \p M in \p S with imports resolved from this linker.
  /// Unlinkable errors name the import ("unknown import: env::f").
  Result<Instance> instantiate(Store &S, const Module &M) const;
  /// The definition of (module, name) in \p S, if any.
  std::optional<Extern> get(Store &S, std::string_view Module,
                            std::string_view Name) const;

private:
  Result<void> defineSpec(std::string_view Module, std::string_view Name,
                          std::shared_ptr<detail::HostFuncSpec> Spec);
  std::unique_ptr<detail::LinkerState> State;
};

namespace detail {
struct Access {
  template <typename H> static H make(uint64_t StoreId, void *Ptr) {
    H R;
    R.StoreId = StoreId;
    R.Ptr = Ptr;
    return R;
  }
  template <typename H> static const Handle &handle(const H &X) { return X; }
  static const Handle &handle(const Extern &X) { return X.H; }
  static Extern makeExtern(ExternKind K, uint64_t StoreId, void *Ptr) {
    Extern E;
    E.Kind = K;
    E.H.StoreId = StoreId;
    E.H.Ptr = Ptr;
    return E;
  }
  static StoreState *state(const Store &S) { return S.State.get(); }
  static EngineState *state(const Engine &E) { return E.State.get(); }
  static ModuleState *state(const Module &M) { return M.State.get(); }
  static Caller makeCaller(StoreState *S, void *Inst) {
    return Caller(S, Inst);
  }
  static StoreState *state(const Caller &C) { return C.S; }
  static void *instance(const Caller &C) { return C.Inst; }
};
} // namespace detail

inline Val Val::funcref(const Func &F) {
  const detail::Handle &H = detail::Access::handle(F);
  return fromRaw(ValType::FuncRef, uint64_t(reinterpret_cast<uintptr_t>(H.Ptr)),
                 H.StoreId);
}

inline std::optional<Func> Val::funcref() const {
  if (Type != ValType::FuncRef || Lo == 0)
    return std::nullopt;
  return detail::Access::make<Func>(Hi,
                                    reinterpret_cast<void *>(uintptr_t(Lo)));
}

} // namespace api
} // namespace orca

#endif // ORCA_ORCA_H
