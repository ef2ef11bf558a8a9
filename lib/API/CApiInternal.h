//===- API/CApiInternal.h - What wasm.h's opaque types are -----*- C++ -*-===//
//
// Owns the definitions of the C API's opaque structs (include/wasm.h) and
// the conversions between C values and the C++ API's. The C API is a thin
// layer over the C++ API (orca/orca.h): a wasm_store_t wraps an
// orca::api::Store, a wasm_func_t an orca::Func handle, and so on.
//
// Handles and identity: every wasm_xxx_t* a user holds is a heap object of
// its own (copies are new objects), deleted with wasm_xxx_delete. Deleting
// one never frees the entity behind it: runtime entities (functions,
// globals, tables, memories, instances) live as long as their store, as in
// the C++ API. References form one hierarchy, so the as_ref/as_extern
// conversions are casts of the same object:
//
//   wasm_ref_t -+- wasm_extern_t -+- wasm_func_t, wasm_global_t,
//               |                 +- wasm_table_t, wasm_memory_t
//               +- wasm_instance_t, wasm_module_t, wasm_trap_t, wasm_foreign_t
//
// Host info belongs to the entity, not the handle: for store entities it is
// kept in the store (keyed by the entity) and finalized when the store is
// deleted; for modules, traps and foreign objects it is shared by all
// copies and finalized with the last one. Replacing host info finalizes the
// old info at once.
//
// externref: wasm holds a raw pointer; for a wasm_ref_t passed in as an
// externref the store keeps one anchor copy per identity (freed with the
// store) and gives wasm the anchor's address, so a reference coming back
// out is a new copy of the anchor, wasm_ref_same as the one passed in.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_API_CAPIINTERNAL_H
#define ORCA_API_CAPIINTERNAL_H

#include "API/Internal.h"

#include "orca.h"
#include "wasm.h"

#include <boost/container/small_vector.hpp>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace orca {
inline namespace api {
namespace capi {
/// Argument and result buffers of dynamic calls: inline for the common
/// few values, so a call does not allocate.
template <typename T> using CallBuffer = boost::container::small_vector<T, 8>;

/// An entity's host info and its finalizer (run on destruction or when the
/// info is replaced).
struct HostInfo {
  void *Info = nullptr;
  void (*Finalizer)(void *) = nullptr;
  HostInfo() = default;
  HostInfo(const HostInfo &) = delete;
  HostInfo &operator=(const HostInfo &) = delete;
  ~HostInfo() { reset(nullptr, nullptr); }
  void reset(void *I, void (*F)(void *)) {
    void *OldI = Info;
    void (*OldF)(void *) = Finalizer;
    Info = I;
    Finalizer = F;
    if (OldF)
      OldF(OldI);
  }
};

enum class RefKind : uint8_t {
  Func,
  Global,
  Table,
  Memory,
  Instance,
  Module,
  Trap,
  Foreign
};

/// v128, which wasm.h has no kind for (Orca's extension, as wasmtime's).
constexpr wasm_valkind_t ValKindV128 = 4;

} // namespace capi
} // namespace api
} // namespace orca

//===----------------------------------------------------------------------===//
// Runtime environment
//===----------------------------------------------------------------------===//

struct wasm_config_t {
  orca::api::Config C;
};

struct wasm_engine_t {
  orca::api::Engine E;
};

struct wasm_store_t {
  explicit wasm_store_t(const orca::api::Engine &E) : E(E), S(E) {}
  /// The host info of the store entity \p Id (created when \p Create).
  orca::api::capi::HostInfo *hostInfo(const void *Id, bool Create);
  /// The anchor wasm holds for the externref \p R (see the file comment).
  wasm_ref_t *anchor(const wasm_ref_t *R);

  orca::api::Engine E;
  orca::api::Store S;
  // Destroyed before S: host info finalizers and anchors go first, then
  // the store's entities with their host functions' environments.
  std::unordered_map<const void *, std::unique_ptr<wasm_ref_t>> Anchors;
  std::unordered_map<const void *, std::unique_ptr<orca::api::capi::HostInfo>>
      Infos;
};

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

struct wasm_valtype_t {
  wasm_valkind_t Kind;
};

struct wasm_externtype_t {
  explicit wasm_externtype_t(wasm_externkind_t Kind) : Kind(Kind) {}
  virtual ~wasm_externtype_t() = default;
  virtual wasm_externtype_t *clone() const = 0;
  wasm_externkind_t Kind;
};

struct wasm_functype_t : wasm_externtype_t {
  wasm_functype_t() : wasm_externtype_t(WASM_EXTERN_FUNC) {}
  ~wasm_functype_t() override;
  wasm_externtype_t *clone() const override;
  wasm_valtype_vec_t Params = {0, nullptr};
  wasm_valtype_vec_t Results = {0, nullptr};
};

struct wasm_globaltype_t : wasm_externtype_t {
  wasm_globaltype_t() : wasm_externtype_t(WASM_EXTERN_GLOBAL) {}
  ~wasm_globaltype_t() override { delete Content; }
  wasm_externtype_t *clone() const override;
  wasm_valtype_t *Content = nullptr;
  wasm_mutability_t Mut = WASM_CONST;
};

struct wasm_tabletype_t : wasm_externtype_t {
  wasm_tabletype_t() : wasm_externtype_t(WASM_EXTERN_TABLE) {}
  ~wasm_tabletype_t() override { delete Elem; }
  wasm_externtype_t *clone() const override;
  wasm_valtype_t *Elem = nullptr;
  wasm_limits_t Lim = {0, wasm_limits_max_default};
};

struct wasm_memorytype_t : wasm_externtype_t {
  wasm_memorytype_t() : wasm_externtype_t(WASM_EXTERN_MEMORY) {}
  wasm_externtype_t *clone() const override;
  wasm_limits_t Lim = {0, wasm_limits_max_default};
};

struct wasm_importtype_t {
  ~wasm_importtype_t();
  wasm_name_t Module = {0, nullptr};
  wasm_name_t Name = {0, nullptr};
  wasm_externtype_t *Type = nullptr;
};

struct wasm_exporttype_t {
  ~wasm_exporttype_t();
  wasm_name_t Name = {0, nullptr};
  wasm_externtype_t *Type = nullptr;
};

//===----------------------------------------------------------------------===//
// References
//===----------------------------------------------------------------------===//

struct wasm_ref_t {
  explicit wasm_ref_t(orca::api::capi::RefKind Kind) : Kind(Kind) {}
  virtual ~wasm_ref_t() = default;
  virtual wasm_ref_t *clone() const = 0;
  /// What wasm_ref_same compares: the entity behind the handle.
  virtual const void *identity() const = 0;
  /// The entity's host info (null when there is none and !Create).
  virtual orca::api::capi::HostInfo *hostInfo(bool Create) const = 0;
  orca::api::capi::RefKind Kind;
};

/// A reference whose host info travels with its copies (modules, traps,
/// foreign objects); the HostInfo's address is its identity unless the
/// subclass has a better one.
struct OwnedInfoRef : wasm_ref_t {
  using wasm_ref_t::wasm_ref_t;
  orca::api::capi::HostInfo *hostInfo(bool) const override {
    return Info.get();
  }
  std::shared_ptr<orca::api::capi::HostInfo> Info =
      std::make_shared<orca::api::capi::HostInfo>();
};

struct wasm_foreign_t : OwnedInfoRef {
  wasm_foreign_t() : OwnedInfoRef(orca::api::capi::RefKind::Foreign) {}
  wasm_ref_t *clone() const override { return new wasm_foreign_t(*this); }
  const void *identity() const override { return Info.get(); }
};

struct wasm_frame_t {
  uint32_t FuncIndex = 0;
  size_t FuncOffset = 0;
  size_t ModuleOffset = 0;
};

struct wasm_trap_t : OwnedInfoRef {
  wasm_trap_t() : OwnedInfoRef(orca::api::capi::RefKind::Trap) {}
  wasm_ref_t *clone() const override { return new wasm_trap_t(*this); }
  const void *identity() const override { return Info.get(); }
  std::string Message; ///< Without the terminating NUL.
  std::vector<wasm_frame_t> Frames;
};

struct wasm_module_t : OwnedInfoRef {
  explicit wasm_module_t(orca::api::Module M)
      : OwnedInfoRef(orca::api::capi::RefKind::Module), M(std::move(M)) {}
  wasm_ref_t *clone() const override { return new wasm_module_t(*this); }
  const void *identity() const override {
    return orca::api::detail::Access::state(M);
  }
  orca::api::Module M;
};

struct wasm_shared_module_t {
  orca::api::Module M;
};

/// A reference to an entity of a store.
struct StoreRef : wasm_ref_t {
  StoreRef(orca::api::capi::RefKind Kind, wasm_store_t *S)
      : wasm_ref_t(Kind), S(S) {}
  orca::api::capi::HostInfo *hostInfo(bool Create) const override {
    return S->hostInfo(identity(), Create);
  }
  wasm_store_t *S;
};

struct wasm_extern_t : StoreRef {
  wasm_extern_t(orca::api::capi::RefKind Kind, wasm_store_t *S,
                orca::api::Extern X)
      : StoreRef(Kind, S), X(X) {}
  const void *identity() const override {
    return orca::api::detail::Access::handle(X).Ptr;
  }
  orca::api::Extern X;
};

#define ORCA_CAPI_EXTERN_SUBCLASS(Name, Kind, Type, Getter)                    \
  struct Name : wasm_extern_t {                                                \
    Name(wasm_store_t *S, const orca::api::Type &V)                            \
        : wasm_extern_t(orca::api::capi::RefKind::Kind, S,                     \
                        orca::api::Extern(V)) {}                               \
    wasm_ref_t *clone() const override { return new Name(*this); }             \
    orca::api::Type get() const { return *X.Getter(); }                        \
  };
ORCA_CAPI_EXTERN_SUBCLASS(wasm_func_t, Func, Func, func)
ORCA_CAPI_EXTERN_SUBCLASS(wasm_global_t, Global, Global, global)
ORCA_CAPI_EXTERN_SUBCLASS(wasm_table_t, Table, Table, table)
ORCA_CAPI_EXTERN_SUBCLASS(wasm_memory_t, Memory, Memory, memory)
#undef ORCA_CAPI_EXTERN_SUBCLASS

struct wasm_instance_t : StoreRef {
  wasm_instance_t(wasm_store_t *S, orca::api::Instance I)
      : StoreRef(orca::api::capi::RefKind::Instance, S), I(I) {}
  wasm_ref_t *clone() const override { return new wasm_instance_t(*this); }
  const void *identity() const override {
    return orca::api::detail::Access::handle(I).Ptr;
  }
  orca::api::Instance I;
};

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

namespace orca {
inline namespace api {
namespace capi {

/// A byte vector holding \p S (no terminating NUL unless \p WithNul).
wasm_byte_vec_t makeName(std::string_view S, bool WithNul = false);
inline std::string_view nameView(const wasm_name_t &N) {
  return std::string_view(N.data ? N.data : "", N.size);
}

wasm_valkind_t toC(ValType T);
/// False for a kind Orca has no type for.
bool fromC(wasm_valkind_t K, ValType &Out);

wasm_functype_t *toC(const FuncType &T);
/// False when a type in \p T is unknown.
bool fromC(const wasm_functype_t &T, FuncType &Out);
wasm_externtype_t *toC(const ExternType &T);
Limits fromC(const wasm_limits_t &L);
wasm_limits_t toC(const Limits &L);

/// \p V as an owned C value (references become new handles).
wasm_val_t toC(wasm_store_t &S, const Val &V);
/// The C value \p V as a value of type \p Want; false (with \p Why) when
/// its kind does not fit.
bool fromC(wasm_store_t &S, const wasm_val_t &V, ValType Want, Val &Out,
           std::string &Why);
/// A reference (or null) as a value of the reference type \p Want.
bool refFromC(wasm_store_t &S, const wasm_ref_t *R, ValType Want, Val &Out,
              std::string &Why);
/// The reference in \p V as an owned handle, or null.
wasm_ref_t *refToC(wasm_store_t &S, const Val &V);

/// A new extern handle of the right subclass for \p X.
wasm_extern_t *makeExtern(wasm_store_t *S, const Extern &X);

/// A trap with \p Message (and no frames).
wasm_trap_t *makeTrap(std::string Message);
/// The trap an API error becomes (a wasm trap keeps its frames).
wasm_trap_t *makeTrap(const Error &E);

} // namespace capi
} // namespace api
} // namespace orca

#endif // ORCA_API_CAPIINTERNAL_H
