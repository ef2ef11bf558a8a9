//===- unittests/Runtime/VMContextTest.cpp - vmctx contents ---------------===//
//
// The vmctx an instance fills in must agree with VMOffsets field for field:
// JIT code reads nothing else.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

#include "Runtime/Instance.h"

using namespace orca;
using namespace orca::test;

namespace {

template <typename T> T at(void *Base, uint32_t Off) {
  return loadAt<T>(Base, Off);
}

TEST(VMContextTest, HeaderFieldsMatchVMOffsets) {
  auto CM = compileInput("basic");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  auto Inst = S.instantiate(CM, {});
  ASSERT_TRUE(bool(Inst)) << message(Inst.takeError());
  auto &I = *static_cast<InstanceData *>(*Inst);
  void *V = I.vmctx();
  const VMOffsets &O = CM->impl().Offsets;

  EXPECT_EQ(InstanceData::fromVMCtx(V), &I);
  EXPECT_EQ(at<uint32_t>(V, O.magic()), VMOffsets::Magic);
  EXPECT_EQ(at<void *>(V, O.store()), &S);
  EXPECT_EQ(at<void *>(V, O.runtimeLimits()), S.impl().Limits.get());
  EXPECT_EQ(at<const void *>(V, O.signatureIds()), CM->impl().SigIds.data());
  auto **Builtins = at<void **>(V, O.builtinFunctions());
  EXPECT_EQ(Builtins, sharedEngine().impl().Builtins.data());
  for (size_t K = 0; K < NumBuiltins; ++K)
    EXPECT_NE(Builtins[K], nullptr) << "builtin " << K;

  // Outside wasm the stack limit is unset and the epoch deadline is far.
  void *Limits = at<void *>(V, O.runtimeLimits());
  EXPECT_EQ(at<uint64_t>(Limits, O.runtimeLimitsEpochDeadline()), UINT64_MAX);
}

TEST(VMContextTest, MemoryAndGlobalDefinitions) {
  auto CM = compileInput("basic");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  auto Inst = S.instantiate(CM, {});
  ASSERT_TRUE(bool(Inst)) << message(Inst.takeError());
  auto &I = *static_cast<InstanceData *>(*Inst);
  void *V = I.vmctx();
  const VMOffsets &O = CM->impl().Offsets;

  Extern Mem = *(*Inst)->getExport("memory");
  void *Def = at<void *>(V, O.definedMemoryPointer(0));
  EXPECT_EQ(Def, addrAt(V, O.ownedMemory(0)));
  EXPECT_EQ(at<uint8_t *>(Def, O.memoryDefinitionBase()), S.memoryData(Mem));
  EXPECT_EQ(at<uintptr_t>(Def, O.memoryDefinitionCurrentLength()), 65536u);
  EXPECT_EQ(std::memcmp(S.memoryData(Mem) + 16, "hello", 5), 0);

  EXPECT_EQ(at<uint32_t>(V, O.definedGlobal(0)), 42u);
  EXPECT_EQ(at<uint64_t>(V, O.definedGlobal(1)), uint64_t(-7));
  Extern G = *(*Inst)->getExport("g");
  ASSERT_FALSE(bool(S.setGlobal(G, Value::i32(5))));
  EXPECT_EQ(at<uint32_t>(V, O.definedGlobal(0)), 5u);
  auto R = S.call(*(*Inst)->getExport("get_g"), {});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 5u);
  // Immutable globals cannot be set from the host.
  EXPECT_EQ(errorKind(S.setGlobal(*(*Inst)->getExport("gi64"), Value::i64(1))),
            ErrorKind::Usage);
}

TEST(VMContextTest, ExportedAnyfuncIsBuiltInItsSlotOnRequest) {
  auto CM = compileInput("basic");
  ASSERT_TRUE(CM);
  Store S(sharedEngine());
  auto Inst = S.instantiate(CM, {});
  ASSERT_TRUE(bool(Inst)) << message(Inst.takeError());
  auto &I = *static_cast<InstanceData *>(*Inst);
  void *V = I.vmctx();
  const VMOffsets &O = CM->impl().Offsets;
  const Module &M = CM->module();
  uint32_t AddIndex = M.findExport("add")->Index;
  uint32_t Slot = CM->impl().AnyfuncSlots[AddIndex];
  ASSERT_NE(Slot, NoAnyfunc);
  void *Rec = addrAt(V, O.anyfunc(Slot));
  // Lazy: nothing has asked for it yet.
  EXPECT_EQ(at<const void *>(Rec, O.anyfuncFuncPtr()), nullptr);

  Extern Add = *(*Inst)->getExport("add");
  EXPECT_EQ(Add.Ptr, Rec);
  EXPECT_EQ(at<const void *>(Rec, O.anyfuncFuncPtr()),
            CM->impl().Code->Functions[AddIndex - M.NumImportedFuncs]);
  EXPECT_EQ(at<void *>(Rec, O.anyfuncVMCtx()), V);
  EXPECT_EQ(at<uint32_t>(Rec, O.anyfuncTypeIndex()),
            CM->impl().SigIds[M.Funcs[AddIndex].TypeIndex]);
  // Asking again gives the same record.
  EXPECT_EQ((*(*Inst)->getExport("add")).Ptr, Rec);
  FuncType T = S.funcType(Add);
  EXPECT_EQ(T.Params, (std::vector<ValType>{ValType::I32, ValType::I32}));
  EXPECT_EQ(T.Results, (std::vector<ValType>{ValType::I32}));
}

TEST(VMContextTest, EqualTypesShareSignatureIdsAcrossModules) {
  auto A = compileInput("basic");
  auto B = compileInput("host");
  ASSERT_TRUE(A && B);
  // basic's "add" and host's imported "add" are both [i32 i32] -> [i32].
  const Module &MA = A->module(), &MB = B->module();
  uint32_t TA = MA.Funcs[MA.findExport("add")->Index].TypeIndex;
  uint32_t TB = MB.Funcs[0].TypeIndex;
  EXPECT_EQ(A->impl().SigIds[TA], B->impl().SigIds[TB]);
}

TEST(VMContextTest, ImportedMemoryAndTableRecordTheirOwner) {
  auto Def = compileInput("owner_def");
  auto Use = compileInput("owner_use");
  ASSERT_TRUE(Def && Use);
  Store S(sharedEngine());
  auto A = S.instantiate(Def, {});
  ASSERT_TRUE(bool(A)) << message(A.takeError());
  Extern Mem = *(*A)->getExport("mem"), Tab = *(*A)->getExport("tab");
  auto B = S.instantiate(Use, {Mem, Tab});
  ASSERT_TRUE(bool(B)) << message(B.takeError());
  void *VA = static_cast<InstanceData *>(*A)->vmctx();
  void *VB = static_cast<InstanceData *>(*B)->vmctx();
  const VMOffsets &OA = Def->impl().Offsets, &OB = Use->impl().Offsets;
  // {from, vmctx, index}: the definer's record, vmctx and defined index.
  EXPECT_EQ(at<void *>(VB, OB.importedMemoryFrom(0)),
            at<void *>(VA, OA.definedMemoryPointer(0)));
  EXPECT_EQ(at<void *>(VB, OB.importedMemoryVMCtx(0)), VA);
  EXPECT_EQ(at<uintptr_t>(VB, OB.importedMemoryIndex(0)), 0u);
  EXPECT_EQ(at<void *>(VB, OB.importedTableFrom(0)),
            addrAt(VA, OA.definedTable(0)));
  EXPECT_EQ(at<void *>(VB, OB.importedTableVMCtx(0)), VA);

  // The host's memories and tables have no owner instance.
  MemoryType MT;
  MT.Lim.Min = 1;
  TableType TT;
  TT.Lim.Min = 1;
  auto HostMem = S.createMemory(MT);
  auto HostTab = S.createTable(TT, Value::ref(ValType::FuncRef, nullptr));
  ASSERT_TRUE(HostMem && HostTab);
  auto C = S.instantiate(Use, {*HostMem, *HostTab});
  ASSERT_TRUE(bool(C)) << message(C.takeError());
  void *VC = static_cast<InstanceData *>(*C)->vmctx();
  EXPECT_EQ(at<void *>(VC, OB.importedMemoryVMCtx(0)), nullptr);
  EXPECT_EQ(at<void *>(VC, OB.importedTableVMCtx(0)), nullptr);
}

} // namespace
