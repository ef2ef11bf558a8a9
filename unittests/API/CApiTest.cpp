//===- unittests/API/CApiTest.cpp - wasm.h ownership and vectors ----------===//
//
// The ownership rules of the C API (include/wasm.h): vectors own their
// elements, copies are deep and independent, functions taking `own`
// arguments take them over, handles are released without touching the
// entities they refer to. Linked against libOrca as a user would; run under
// ASan or valgrind, every test must be leak- and double-free-free.
//
//===----------------------------------------------------------------------===//

#include "orca.h"
#include "wasm.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace {

// (module (func (export "answer") (result i32) (i32.const 42)))
const char AnswerWasm[] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
                           0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03,
                           0x02, 0x01, 0x00, 0x07, 0x0a, 0x01, 0x06, 0x61,
                           0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a,
                           0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b};

struct CApi : ::testing::Test {
  void SetUp() override {
    Engine = wasm_engine_new();
    ASSERT_NE(Engine, nullptr);
    Store = wasm_store_new(Engine);
  }
  void TearDown() override {
    wasm_store_delete(Store);
    wasm_engine_delete(Engine);
  }
  wasm_module_t *answerModule() {
    wasm_byte_vec_t B;
    wasm_byte_vec_new(&B, sizeof(AnswerWasm), AnswerWasm);
    wasm_module_t *M = wasm_module_new(Store, &B);
    wasm_byte_vec_delete(&B);
    return M;
  }
  wasm_engine_t *Engine = nullptr;
  wasm_store_t *Store = nullptr;
};

TEST(CApiVec, EmptyUninitializedNewCopyDelete) {
  wasm_byte_vec_t E;
  wasm_byte_vec_new_empty(&E);
  EXPECT_EQ(E.size, 0u);
  EXPECT_EQ(E.data, nullptr);
  wasm_byte_vec_delete(&E);

  wasm_name_t N;
  wasm_name_new_from_string(&N, "hello");
  ASSERT_EQ(N.size, 5u);
  wasm_name_t C;
  wasm_name_copy(&C, &N);
  wasm_name_delete(&N);
  EXPECT_EQ(std::string(C.data, C.size), "hello");
  wasm_name_delete(&C);
  EXPECT_EQ(C.data, nullptr);
  wasm_name_delete(&C); // deleting an emptied vector again is harmless

  // Pointer vectors start zeroed: deleting a partly filled one is fine.
  wasm_valtype_vec_t V;
  wasm_valtype_vec_new_uninitialized(&V, 3);
  V.data[1] = wasm_valtype_new(WASM_F64);
  wasm_valtype_vec_delete(&V);
}

TEST(CApiVec, OwnedElementsAreTakenAndCopiedDeeply) {
  wasm_valtype_t *Ts[2] = {wasm_valtype_new_i32(), wasm_valtype_new_f32()};
  wasm_valtype_vec_t V;
  wasm_valtype_vec_new(&V, 2, Ts); // takes the two valtypes
  wasm_valtype_vec_t C;
  wasm_valtype_vec_copy(&C, &V);
  EXPECT_NE(C.data[0], V.data[0]);
  wasm_valtype_vec_delete(&V);
  EXPECT_EQ(wasm_valtype_kind(C.data[1]), WASM_F32);
  wasm_valtype_vec_delete(&C);
}

TEST(CApiTypes, FunctypeTakesItsVectors) {
  wasm_functype_t *F =
      wasm_functype_new_2_1(wasm_valtype_new_i64(), wasm_valtype_new_f64(),
                            wasm_valtype_new_externref());
  wasm_functype_t *C = wasm_functype_copy(F);
  wasm_functype_delete(F);
  ASSERT_EQ(wasm_functype_params(C)->size, 2u);
  EXPECT_EQ(wasm_valtype_kind(wasm_functype_results(C)->data[0]),
            WASM_EXTERNREF);
  // as_externtype is a view of the same object, not a new one.
  wasm_externtype_t *X = wasm_functype_as_externtype(C);
  EXPECT_EQ(wasm_externtype_kind(X), WASM_EXTERN_FUNC);
  EXPECT_EQ(wasm_externtype_as_functype(X), C);
  EXPECT_EQ(wasm_externtype_as_memorytype(X), nullptr);
  wasm_externtype_t *XC = wasm_externtype_copy(X);
  wasm_externtype_delete(X); // deletes C
  EXPECT_EQ(wasm_functype_params(wasm_externtype_as_functype(XC))->size, 2u);
  wasm_externtype_delete(XC);

  wasm_name_t M, N;
  wasm_name_new_from_string(&M, "env");
  wasm_name_new_from_string(&N, "mem");
  wasm_limits_t L = {1, wasm_limits_max_default};
  wasm_importtype_t *I = wasm_importtype_new(
      &M, &N, wasm_memorytype_as_externtype(wasm_memorytype_new(&L)));
  wasm_importtype_t *IC = wasm_importtype_copy(I);
  wasm_importtype_delete(I);
  EXPECT_EQ(wasm_importtype_name(IC)->size, 3u);
  EXPECT_EQ(wasm_memorytype_limits(
                wasm_externtype_as_memorytype_const(wasm_importtype_type(IC)))
                ->max,
            wasm_limits_max_default);
  wasm_importtype_delete(IC);
}

TEST_F(CApi, ModuleTypesAndInstanceExports) {
  wasm_module_t *M = answerModule();
  ASSERT_NE(M, nullptr);
  wasm_exporttype_vec_t Exps;
  wasm_module_exports(M, &Exps);
  ASSERT_EQ(Exps.size, 1u);
  const wasm_name_t *Name = wasm_exporttype_name(Exps.data[0]);
  EXPECT_EQ(std::string(Name->data, Name->size), "answer");
  wasm_exporttype_vec_delete(&Exps);

  wasm_instance_t *I = wasm_instance_new(Store, M, nullptr, nullptr);
  ASSERT_NE(I, nullptr);
  wasm_module_delete(M); // the instance keeps what it needs
  wasm_extern_vec_t X;
  wasm_instance_exports(I, &X);
  wasm_extern_vec_t X2;
  wasm_extern_vec_copy(&X2, &X);
  EXPECT_NE(X.data[0], X2.data[0]);
  EXPECT_TRUE(wasm_extern_same(X.data[0], X2.data[0]));
  wasm_extern_vec_delete(&X);
  // The copy still works after the original handles are gone.
  wasm_val_t R[1] = {WASM_INIT_VAL};
  wasm_val_vec_t Args = WASM_EMPTY_VEC, Res = WASM_ARRAY_VEC(R);
  EXPECT_EQ(wasm_func_call(wasm_extern_as_func(X2.data[0]), &Args, &Res),
            nullptr);
  EXPECT_EQ(R[0].of.i32, 42);
  wasm_extern_vec_delete(&X2);
  wasm_instance_delete(I);
}

TEST_F(CApi, ValuesOwnTheirReferences) {
  wasm_foreign_t *F = wasm_foreign_new(Store);
  wasm_val_t V = WASM_REF_VAL(wasm_foreign_as_ref(F));
  wasm_val_t C;
  wasm_val_copy(&C, &V);
  EXPECT_NE(C.of.ref, V.of.ref);
  EXPECT_TRUE(wasm_ref_same(C.of.ref, V.of.ref));
  wasm_val_delete(&V); // deletes F
  wasm_val_vec_t Vec;
  wasm_val_vec_new(&Vec, 1, &C); // takes C's reference
  wasm_val_vec_t Vec2;
  wasm_val_vec_copy(&Vec2, &Vec);
  wasm_val_vec_delete(&Vec);
  EXPECT_NE(Vec2.data[0].of.ref, nullptr);
  wasm_val_vec_delete(&Vec2);
}

TEST_F(CApi, HostInfoFinalizersRunOnce) {
  static int Finalized;
  Finalized = 0;
  auto Fin = [](void *P) { Finalized += int(reinterpret_cast<intptr_t>(P)); };
  wasm_memorytype_t *MT = nullptr;
  {
    wasm_limits_t L = {1, 2};
    MT = wasm_memorytype_new(&L);
  }
  wasm_memory_t *Mem = wasm_memory_new(Store, MT);
  wasm_memorytype_delete(MT);
  ASSERT_NE(Mem, nullptr);
  wasm_memory_set_host_info_with_finalizer(Mem, reinterpret_cast<void *>(1),
                                           Fin);
  wasm_memory_t *Copy = wasm_memory_copy(Mem);
  EXPECT_EQ(wasm_memory_get_host_info(Copy), reinterpret_cast<void *>(1));
  wasm_memory_delete(Mem);
  wasm_memory_delete(Copy);
  EXPECT_EQ(Finalized, 0); // the memory lives as long as the store
  wasm_store_delete(Store);
  Store = wasm_store_new(Engine);
  EXPECT_EQ(Finalized, 1);
}

TEST_F(CApi, TrapsAndErrorsAreValues) {
  wasm_message_t Msg;
  wasm_name_new_from_string_nt(&Msg, "boom");
  wasm_trap_t *T = wasm_trap_new(Store, &Msg);
  wasm_name_delete(&Msg);
  wasm_trap_t *C = wasm_trap_copy(T);
  wasm_trap_delete(T);
  wasm_message_t Out;
  wasm_trap_message(C, &Out);
  EXPECT_STREQ(Out.data, "boom");
  EXPECT_EQ(Out.size, 5u);
  wasm_byte_vec_delete(&Out);
  EXPECT_EQ(wasm_trap_origin(C), nullptr);
  wasm_trap_delete(C);

  // Malformed bytes: no module, nothing leaked.
  wasm_byte_vec_t Bad;
  wasm_byte_vec_new(&Bad, 4, "\0asm");
  EXPECT_FALSE(wasm_module_validate(Store, &Bad));
  EXPECT_EQ(wasm_module_new(Store, &Bad), nullptr);
  wasm_byte_vec_delete(&Bad);

  // A wrong argument count is a trap, not a crash.
  wasm_module_t *M = answerModule();
  wasm_instance_t *I = wasm_instance_new(Store, M, nullptr, nullptr);
  wasm_extern_vec_t X;
  wasm_instance_exports(I, &X);
  wasm_val_t A[1] = {WASM_I32_VAL(1)};
  wasm_val_vec_t Args = WASM_ARRAY_VEC(A), Res = WASM_EMPTY_VEC;
  wasm_trap_t *Tr = wasm_func_call(wasm_extern_as_func(X.data[0]), &Args, &Res);
  ASSERT_NE(Tr, nullptr);
  wasm_trap_delete(Tr);
  wasm_extern_vec_delete(&X);
  wasm_instance_delete(I);
  wasm_module_delete(M);
}

int64_t nativeMulAdd(int32_t A, double B) { return int64_t(A * B) + 1; }

TEST_F(CApi, NativeFunctionThroughLibffi) {
  wasm_functype_t *T = wasm_functype_new_2_1(
      wasm_valtype_new_i32(), wasm_valtype_new_f64(), wasm_valtype_new_i64());
  wasm_func_t *F = orca_func_new_native(
      Store, T, reinterpret_cast<void (*)(void)>(&nativeMulAdd));
  wasm_functype_delete(T);
  ASSERT_NE(F, nullptr);
  wasm_val_t A[2] = {WASM_I32_VAL(6), WASM_F64_VAL(7.5)};
  wasm_val_t R[1] = {WASM_INIT_VAL};
  wasm_val_vec_t Args = WASM_ARRAY_VEC(A), Res = WASM_ARRAY_VEC(R);
  EXPECT_EQ(wasm_func_call(F, &Args, &Res), nullptr);
  EXPECT_EQ(R[0].kind, WASM_I64);
  EXPECT_EQ(R[0].of.i64, 46);
  wasm_func_delete(F);

  // Reference types have no C ABI type here.
  T = wasm_functype_new_1_0(wasm_valtype_new_externref());
  EXPECT_EQ(orca_func_new_native(
                Store, T, reinterpret_cast<void (*)(void)>(&nativeMulAdd)),
            nullptr);
  wasm_functype_delete(T);
}

TEST(CApiConfig, OrcaSetters) {
  wasm_config_t *C = wasm_config_new();
  EXPECT_FALSE(orca_config_opt_level_set(C, 4));
  EXPECT_TRUE(orca_config_opt_level_set(C, 0));
  orca_config_bounds_checks_set(C, ORCA_BOUNDS_CHECKS_GUARD_PAGES);
  orca_config_cache_dir_set(C, nullptr);
  wasm_engine_t *E = wasm_engine_new_with_config(C); // takes C
  ASSERT_NE(E, nullptr);
  wasm_engine_delete(E);
  EXPECT_STRNE(orca_version(), "");
}

} // namespace
