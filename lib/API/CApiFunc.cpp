//===- API/CApiFunc.cpp - Function instances ------------------------------===//
//
// Owns wasm_func_t: host functions from C callbacks (wasm_func_new, with an
// environment and its finalizer: wasm_func_new_with_env) and calls
// (wasm_func_call). Both directions box through orca::Val with the
// argument and result buffers inline (CallBuffer), so a call of a few
// values allocates nothing for them.
//
// Callback ownership, as wasm.h has it: the callee borrows the arguments
// (the caller releases them afterwards) and writes owned results into the
// preallocated result vector, which the caller takes over and releases.
//
//===----------------------------------------------------------------------===//

#include "API/CApiInternal.h"

using namespace orca::api;
using namespace orca::api::capi;

namespace {
/// A callback and its environment (finalized with the function, that is
/// with its store).
struct Callback {
  wasm_func_callback_t Plain = nullptr;
  wasm_func_callback_with_env_t WithEnv = nullptr;
  std::shared_ptr<void> Env;
};
} // namespace

static void releaseAll(CallBuffer<wasm_val_t> &Vals) {
  for (wasm_val_t &V : Vals)
    wasm_val_delete(&V);
}

static wasm_func_t *newHostFunc(wasm_store_t *S, const wasm_functype_t *T,
                                Callback Cb) {
  FuncType FT;
  if (!S || !T || !fromC(*T, FT))
    return nullptr;
  HostFunction Fn = [S, Cb = std::move(Cb),
                     FT](Caller &, std::span<const Val> Params,
                         std::span<Val> Results) -> Result<void> {
    CallBuffer<wasm_val_t> Args, Res(Results.size());
    for (const Val &P : Params)
      Args.push_back(toC(*S, P));
    for (size_t I = 0; I < Results.size(); ++I) {
      Res[I].kind = toC(FT.results()[I]);
      Res[I].of.i64 = 0;
    }
    wasm_val_vec_t ArgVec{Args.size(), Args.data()};
    wasm_val_vec_t ResVec{Res.size(), Res.data()};
    wasm_trap_t *Tr = Cb.WithEnv ? Cb.WithEnv(Cb.Env.get(), &ArgVec, &ResVec)
                                 : Cb.Plain(&ArgVec, &ResVec);
    releaseAll(Args);
    if (Tr) {
      std::string Msg = std::move(Tr->Message);
      wasm_trap_delete(Tr);
      releaseAll(Res);
      return Trap(std::move(Msg));
    }
    std::string Why;
    for (size_t I = 0; I < Results.size(); ++I)
      if (!fromC(*S, Res[I], FT.results()[I], Results[I], Why)) {
        releaseAll(Res);
        return Trap("host function result " + std::to_string(I) + ": " + Why);
      }
    releaseAll(Res);
    return {};
  };
  Func F = Func::create(S->S, FT, std::move(Fn));
  return new wasm_func_t(S, F);
}

extern "C" {

wasm_func_t *wasm_func_new(wasm_store_t *S, const wasm_functype_t *T,
                           wasm_func_callback_t Cb) {
  Callback C;
  C.Plain = Cb;
  return Cb ? newHostFunc(S, T, std::move(C)) : nullptr;
}

wasm_func_t *wasm_func_new_with_env(wasm_store_t *S, const wasm_functype_t *T,
                                    wasm_func_callback_with_env_t Cb, void *Env,
                                    void (*Finalizer)(void *)) {
  Callback C;
  C.WithEnv = Cb;
  C.Env = std::shared_ptr<void>(Env, [Finalizer](void *P) {
    if (Finalizer)
      Finalizer(P);
  });
  return Cb ? newHostFunc(S, T, std::move(C)) : nullptr;
}

wasm_functype_t *wasm_func_type(const wasm_func_t *F) {
  return toC(F->get().type(F->S->S));
}

size_t wasm_func_param_arity(const wasm_func_t *F) {
  return F->get().type(F->S->S).params().size();
}

size_t wasm_func_result_arity(const wasm_func_t *F) {
  return F->get().type(F->S->S).results().size();
}

wasm_trap_t *wasm_func_call(const wasm_func_t *F, const wasm_val_vec_t *Args,
                            wasm_val_vec_t *Results) {
  wasm_store_t &S = *F->S;
  Func Fn = F->get();
  FuncType T = Fn.type(S.S);
  size_t NArgs = Args ? Args->size : 0;
  size_t NRes = Results ? Results->size : 0;
  if (NArgs != T.params().size())
    return makeTrap("wrong number of arguments: the function takes " +
                    std::to_string(T.params().size()) + ", got " +
                    std::to_string(NArgs));
  if (NRes < T.results().size())
    return makeTrap("wrong number of results: the function returns " +
                    std::to_string(T.results().size()) + ", got room for " +
                    std::to_string(NRes));
  CallBuffer<Val> A(NArgs), R(T.results().size());
  std::string Why;
  for (size_t I = 0; I < NArgs; ++I)
    if (!fromC(S, Args->data[I], T.params()[I], A[I], Why))
      return makeTrap("argument " + std::to_string(I) + ": " + Why);
  Result<void> Ok = Fn.call(S.S, std::span<const Val>(A.data(), A.size()),
                            std::span<Val>(R.data(), R.size()));
  if (!Ok)
    return makeTrap(Ok.error());
  for (size_t I = 0; I < R.size(); ++I)
    Results->data[I] = toC(S, R[I]);
  return nullptr;
}

} // extern "C"
