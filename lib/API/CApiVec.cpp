//===- API/CApiVec.cpp - wasm.h's vectors ---------------------------------===//
//
// Owns every wasm_xxx_vec_t function. An owned vector owns its elements:
// copy deep-copies them (wasm_xxx_copy, wasm_val_copy), delete deletes them.
// new takes over the elements given; new_uninitialized zero-fills, so a
// vector deleted before every element was set deletes nulls only.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

namespace {

/// How a vector's elements are copied and released.
template <typename T> struct ElemOps {
  static T copy(const T &X) { return X; }
  static void release(T &) {}
};
#define ORCA_CAPI_PTR_ELEM(name)                                               \
  wasm_##name##_t *copyElem(const wasm_##name##_t *X) {                        \
    return X ? wasm_##name##_copy(X) : nullptr;                                \
  }                                                                            \
  void releaseElem(wasm_##name##_t *X) { wasm_##name##_delete(X); }

ORCA_CAPI_PTR_ELEM(valtype)
ORCA_CAPI_PTR_ELEM(functype)
ORCA_CAPI_PTR_ELEM(globaltype)
ORCA_CAPI_PTR_ELEM(tabletype)
ORCA_CAPI_PTR_ELEM(memorytype)
ORCA_CAPI_PTR_ELEM(externtype)
ORCA_CAPI_PTR_ELEM(importtype)
ORCA_CAPI_PTR_ELEM(exporttype)
ORCA_CAPI_PTR_ELEM(frame)
ORCA_CAPI_PTR_ELEM(extern)
#undef ORCA_CAPI_PTR_ELEM

template <typename T> struct ElemOps<T *> {
  static T *copy(T *const &X) { return copyElem(X); }
  static void release(T *&X) {
    releaseElem(X);
    X = nullptr;
  }
};

template <typename Vec, typename T> void vecNewEmpty(Vec *Out) {
  Out->size = 0;
  Out->data = nullptr;
}
template <typename Vec, typename T> void vecNewUninit(Vec *Out, size_t N) {
  Out->size = N;
  Out->data = N ? new T[N]() : nullptr;
}
template <typename Vec, typename T>
void vecNew(Vec *Out, size_t N, const T *Data) {
  vecNewUninit<Vec, T>(Out, N);
  for (size_t I = 0; I < N; ++I)
    Out->data[I] = Data[I];
}
template <typename Vec, typename T> void vecCopy(Vec *Out, const Vec *In) {
  vecNewUninit<Vec, T>(Out, In->size);
  for (size_t I = 0; I < In->size; ++I)
    Out->data[I] = ElemOps<T>::copy(In->data[I]);
}
template <typename Vec, typename T> void vecDelete(Vec *V) {
  if (!V)
    return;
  for (size_t I = 0; I < V->size; ++I)
    ElemOps<T>::release(V->data[I]);
  delete[] V->data;
  V->size = 0;
  V->data = nullptr;
}

template <> struct ElemOps<wasm_val_t> {
  static wasm_val_t copy(const wasm_val_t &X) {
    wasm_val_t R;
    wasm_val_copy(&R, &X);
    return R;
  }
  static void release(wasm_val_t &X) { wasm_val_delete(&X); }
};

} // namespace

#define ORCA_CAPI_VEC(name, elem)                                              \
  extern "C" void wasm_##name##_vec_new_empty(wasm_##name##_vec_t *out) {      \
    vecNewEmpty<wasm_##name##_vec_t, elem>(out);                               \
  }                                                                            \
  extern "C" void wasm_##name##_vec_new_uninitialized(                         \
      wasm_##name##_vec_t *out, size_t n) {                                    \
    vecNewUninit<wasm_##name##_vec_t, elem>(out, n);                           \
  }                                                                            \
  extern "C" void wasm_##name##_vec_new(wasm_##name##_vec_t *out, size_t n,    \
                                        elem const data[]) {                   \
    vecNew<wasm_##name##_vec_t, elem>(out, n, data);                           \
  }                                                                            \
  extern "C" void wasm_##name##_vec_copy(wasm_##name##_vec_t *out,             \
                                         const wasm_##name##_vec_t *in) {      \
    vecCopy<wasm_##name##_vec_t, elem>(out, in);                               \
  }                                                                            \
  extern "C" void wasm_##name##_vec_delete(wasm_##name##_vec_t *v) {           \
    vecDelete<wasm_##name##_vec_t, elem>(v);                                   \
  }

ORCA_CAPI_VEC(byte, wasm_byte_t)
ORCA_CAPI_VEC(val, wasm_val_t)
ORCA_CAPI_VEC(valtype, wasm_valtype_t *)
ORCA_CAPI_VEC(functype, wasm_functype_t *)
ORCA_CAPI_VEC(globaltype, wasm_globaltype_t *)
ORCA_CAPI_VEC(tabletype, wasm_tabletype_t *)
ORCA_CAPI_VEC(memorytype, wasm_memorytype_t *)
ORCA_CAPI_VEC(externtype, wasm_externtype_t *)
ORCA_CAPI_VEC(importtype, wasm_importtype_t *)
ORCA_CAPI_VEC(exporttype, wasm_exporttype_t *)
ORCA_CAPI_VEC(frame, wasm_frame_t *)
ORCA_CAPI_VEC(extern, wasm_extern_t *)
