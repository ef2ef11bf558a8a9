//===- unittests/Runtime/TrapsTest.cpp - Signal traps, backtraces ---------===//
//
// What this file owns: tests of guard-page traps and their fault-address
// mapping, the code map, chaining of host faults to the handler installed
// before Orca's, trap storms (leaks), traps on several threads, re-entry,
// stack exhaustion and backtraces; each in both bounds-check modes.
//
//===----------------------------------------------------------------------===//

#include "JIT/CodeMap.h"
#include "Runtime/CompiledModuleImpl.h"
#include "RuntimeTestUtil.h"

#include <atomic>
#include <cmath>
#include <csetjmp>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <pthread.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace orca;
using namespace orca::test;

//===----------------------------------------------------------------------===//
// A SIGSEGV handler installed before Orca's (by a static initialiser, so
// before any Engine exists). It escapes by siglongjmp when a test armed it;
// otherwise it restores the default action so the fault kills the process.
//===----------------------------------------------------------------------===//

static sigjmp_buf HostFaultJmp;
static volatile sig_atomic_t HostFaultArmed = 0;
static volatile sig_atomic_t HostFaultsSeen = 0;

static void hostSegvHandler(int Sig, siginfo_t *, void *) {
  HostFaultsSeen = HostFaultsSeen + 1;
  if (HostFaultArmed) {
    HostFaultArmed = 0;
    siglongjmp(HostFaultJmp, 1);
  }
  signal(Sig, SIG_DFL);
}

static const bool HostHandlerInstalled = [] {
  struct sigaction SA;
  std::memset(&SA, 0, sizeof(SA));
  SA.sa_sigaction = &hostSegvHandler;
  SA.sa_flags = SA_SIGINFO;
  sigemptyset(&SA.sa_mask);
  return sigaction(SIGSEGV, &SA, nullptr) == 0;
}();

namespace {

FuncType funcType(std::vector<ValType> P, std::vector<ValType> R) {
  FuncType T;
  T.Params = std::move(P);
  T.Results = std::move(R);
  return T;
}

std::shared_ptr<CompiledModule> trapsModule(bool Explicit) {
  static std::shared_ptr<CompiledModule> Modules[2];
  auto &M = Modules[Explicit];
  if (!M) {
    auto C = engineFor(Explicit).compile(readInput("traps"));
    if (!C) {
      ADD_FAILURE() << llvm::toString(C.takeError());
      return nullptr;
    }
    M = *C;
  }
  return M;
}

struct Trapped {
  bool IsTrap = false;
  TrapCode Code = TrapCode::Unreachable;
  std::string Text;
  std::optional<uint64_t> FaultAddress;
  std::vector<TrapFrame> Frames;
};

Trapped toTrapped(llvm::Error E) {
  Trapped T;
  llvm::handleAllErrors(
      std::move(E),
      [&](const TrapError &X) {
        T.IsTrap = true;
        T.Code = X.code();
        T.Text = X.text();
        T.FaultAddress = X.FaultAddress;
        T.Frames = X.Backtrace;
      },
      [&](const llvm::ErrorInfoBase &X) { T.Text = X.message(); });
  return T;
}

/// One store with the traps module instantiated; the host import re-enters
/// wasm through Reenter.
struct TrapsFixture {
  explicit TrapsFixture(bool Explicit) : S(engineFor(Explicit)) {
    Extern Host = S.createHostFunction(
        funcType({ValType::I32}, {ValType::I32}),
        [this](Caller &C, llvm::ArrayRef<Value> Args,
               llvm::MutableArrayRef<Value> Results) -> llvm::Error {
          return Reenter(C, Args, Results);
        });
    auto IOr = S.instantiate(trapsModule(Explicit), {Host});
    if (!IOr) {
      ADD_FAILURE() << message(IOr.takeError());
      return;
    }
    I = *IOr;
  }
  Trapped trap(const char *Name, std::vector<Value> Args) {
    auto R = S.call(*I->getExport(Name), Args);
    if (R) {
      ADD_FAILURE() << Name << " returned instead of trapping";
      return {};
    }
    return toTrapped(R.takeError());
  }
  Store S;
  Instance *I = nullptr;
  HostCallback Reenter;
};

class TrapsTest : public ::testing::TestWithParam<bool> {
protected:
  bool explicitChecks() const { return GetParam(); }
};

} // namespace

INSTANTIATE_TEST_SUITE_P(BothModes, TrapsTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &P) {
                           return P.param ? "Explicit" : "Guard";
                         });

TEST_P(TrapsTest, EveryTrapKindHasTheSpecWording) {
  TrapsFixture F(explicitChecks());
  ASSERT_TRUE(F.I);
  struct Case {
    const char *Name;
    std::vector<Value> Args;
    TrapCode Code;
    const char *Text;
  } Cases[] = {
      {"unreachable", {}, TrapCode::Unreachable, "unreachable"},
      {"div",
       {Value::i32(1), Value::i32(0)},
       TrapCode::IntegerDivideByZero,
       "integer divide by zero"},
      {"div",
       {Value::i32(0x80000000u), Value::i32(-1)},
       TrapCode::IntegerOverflow,
       "integer overflow"},
      {"trunc",
       {Value::f32(NAN)},
       TrapCode::InvalidConversionToInteger,
       "invalid conversion to integer"},
      {"load",
       {Value::i32(65536)},
       TrapCode::MemoryOutOfBounds,
       "out of bounds memory access"},
      {"call_null", {}, TrapCode::IndirectCallToNull, nullptr},
      {"call_oob", {}, TrapCode::UndefinedElement, nullptr},
      {"call_sig", {}, TrapCode::BadSignature, nullptr},
      {"recurse",
       {Value::i32(0)},
       TrapCode::StackOverflow,
       "call stack exhausted"},
  };
  for (const Case &C : Cases) {
    Trapped T = F.trap(C.Name, C.Args);
    EXPECT_TRUE(T.IsTrap) << C.Name << ": " << T.Text;
    EXPECT_EQ(T.Code, C.Code) << C.Name;
    EXPECT_EQ(T.Text, trapMessage(C.Code)) << C.Name;
    if (C.Text) {
      EXPECT_EQ(T.Text, C.Text) << C.Name;
    }
  }
}

TEST_P(TrapsTest, FaultAddressesAreWasmAddresses) {
  TrapsFixture F(explicitChecks());
  ASSERT_TRUE(F.I);
  struct Case {
    const char *Name;
    uint32_t Arg;
    uint64_t Addr;
  } Cases[] = {
      {"load", 65536, 65536}, // the first byte past the end
      {"load", 65533, 65533}, // straddles the end
      {"load", 0xffffffff, 0xffffffff},
      {"store8", 65536, 65536},
      {"load_max_offset", 0, 0xffffffff},
      {"load_max_offset", 0xffffffff, 0x1fffffffe},
      {"load_2g", 0xffffffff, 0x17fffffff},
  };
  for (const Case &C : Cases) {
    Trapped T = F.trap(C.Name, {Value::i32(C.Arg)});
    EXPECT_EQ(T.Code, TrapCode::MemoryOutOfBounds) << C.Name << " " << C.Arg;
    // Only guard mode knows the address, and only for accesses without an
    // explicit check (offsets beyond the guard keep one).
    bool Checked = explicitChecks() || std::string(C.Name) == "load_max_offset";
    if (Checked) {
      EXPECT_FALSE(T.FaultAddress) << C.Name;
    } else {
      ASSERT_TRUE(T.FaultAddress) << C.Name << " " << C.Arg;
      // The first faulting byte: at or after the access's start, within it.
      EXPECT_GE(*T.FaultAddress, std::max<uint64_t>(C.Addr, 65536));
      EXPECT_LE(*T.FaultAddress, C.Addr + 3);
    }
  }
  // In bounds after growing: the base never moved.
  auto G = F.S.call(*F.I->getExport("grow"), {Value::i32(1)});
  ASSERT_TRUE(bool(G)) << message(G.takeError());
  auto R = F.S.call(*F.I->getExport("load"), {Value::i32(65536)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  Trapped T = F.trap("load", {Value::i32(2 * 65536)});
  EXPECT_EQ(T.Code, TrapCode::MemoryOutOfBounds);
  if (!explicitChecks()) {
    EXPECT_EQ(T.FaultAddress, std::optional<uint64_t>(2 * 65536));
  }
}

TEST_P(TrapsTest, BacktracesNameTheFunctions) {
  TrapsFixture F(explicitChecks());
  ASSERT_TRUE(F.I);
  Trapped T = F.trap("deep", {Value::i32(70000)});
  EXPECT_EQ(T.Code, TrapCode::MemoryOutOfBounds);
  ASSERT_EQ(T.Frames.size(), 3u);
  EXPECT_EQ(T.Frames[0].FuncName, "inner");
  EXPECT_EQ(T.Frames[1].FuncName, "middle");
  EXPECT_EQ(T.Frames[2].FuncName, "outer");
  EXPECT_EQ(T.Frames[2].FuncIndex, T.Frames[1].FuncIndex + 1);
  EXPECT_EQ(T.Frames[1].FuncIndex, T.Frames[0].FuncIndex + 1);
  EXPECT_GT(T.Frames[0].CodeOffset, 0u);

  Trapped U = F.trap("unreachable", {});
  ASSERT_EQ(U.Frames.size(), 1u);
  Trapped S = F.trap("recurse", {Value::i32(0)});
  ASSERT_GT(S.Frames.size(), 10u);
  EXPECT_EQ(S.Frames[0].FuncName, "recurse");
}

TEST_P(TrapsTest, HostFunctionReenteringWasmThatTraps) {
  TrapsFixture F(explicitChecks());
  ASSERT_TRUE(F.I);
  bool Propagate = false;
  unsigned Inner = 0;
  F.Reenter = [&](Caller &C, llvm::ArrayRef<Value> Args,
                  llvm::MutableArrayRef<Value> Results) -> llvm::Error {
    auto R = C.store().call(*C.getExport("deep"), {Args[0]});
    if (R) {
      Results[0] = (*R)[0];
      return llvm::Error::success();
    }
    Trapped T = toTrapped(R.takeError());
    EXPECT_EQ(T.Code, TrapCode::MemoryOutOfBounds);
    EXPECT_EQ(T.Frames.size(), 3u); // only the inner entry's frames
    ++Inner;
    if (Propagate)
      return makeError(ErrorKind::Usage, "inner: " + T.Text);
    Results[0] = Value::i32(7);
    return llvm::Error::success();
  };
  auto R = F.S.call(*F.I->getExport("via_host"), {Value::i32(70000)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 7u);
  Propagate = true;
  Trapped T = F.trap("via_host", {Value::i32(70000)});
  EXPECT_EQ(T.Code, TrapCode::HostError);
  EXPECT_EQ(T.Text, "inner: out of bounds memory access");
  ASSERT_GE(T.Frames.size(), 1u);
  EXPECT_EQ(Inner, 2u);
  // Still usable.
  auto Ok = F.S.call(*F.I->getExport("load"), {Value::i32(0)});
  EXPECT_TRUE(bool(Ok)) << message(Ok.takeError());
}

static size_t openFds() {
  size_t N = 0;
  if (DIR *D = opendir("/proc/self/fd")) {
    while (readdir(D))
      ++N;
    closedir(D);
  }
  return N;
}

static long residentPages() {
  long Size = 0, Resident = 0;
  if (FILE *F = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(F, "%ld %ld", &Size, &Resident) != 2)
      Resident = 0;
    std::fclose(F);
  }
  return Resident;
}

TEST_P(TrapsTest, HundredThousandTrapsLeakNothing) {
  TrapsFixture F(explicitChecks());
  ASSERT_TRUE(F.I);
  Extern Load = *F.I->getExport("load");
  auto Run = [&](unsigned N) {
    for (unsigned K = 0; K < N; ++K) {
      auto R = F.S.call(Load, {Value::i32(65536 + K % 1000)});
      if (R)
        return false;
      llvm::consumeError(R.takeError());
    }
    return true;
  };
  ASSERT_TRUE(Run(1000));
  size_t Fds = openFds();
  long Rss = residentPages();
  ASSERT_TRUE(Run(100000));
  EXPECT_EQ(openFds(), Fds);
  long PageKB = sysconf(_SC_PAGESIZE) / 1024;
  EXPECT_LT((residentPages() - Rss) * PageKB, 4096) << "KiB grown";
}

TEST_P(TrapsTest, TrapsOnSeveralThreadsAtOnce) {
  bool Explicit = explicitChecks();
  ASSERT_TRUE(trapsModule(Explicit));
  std::atomic<unsigned> Good{0};
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < 4; ++T)
    Threads.emplace_back([&, T] {
      TrapsFixture F(Explicit);
      if (!F.I)
        return;
      for (unsigned K = 0; K < 2000; ++K) {
        const char *Name = K % 3 == 0 ? "load" : K % 3 == 1 ? "deep" : "div";
        std::vector<Value> Args = {Value::i32(65536 + T)};
        if (K % 3 == 2)
          Args.push_back(Value::i32(0));
        Trapped X = F.trap(Name, Args);
        TrapCode Want = K % 3 == 2 ? TrapCode::IntegerDivideByZero
                                   : TrapCode::MemoryOutOfBounds;
        if (X.Code != Want)
          return;
        if (!Explicit && K % 3 == 0 && X.FaultAddress != 65536 + T)
          return;
      }
      if (F.trap("recurse", {Value::i32(0)}).Code != TrapCode::StackOverflow)
        return;
      ++Good;
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Good.load(), 4u);
}

// Deep recursion on a thread with a small stack traps before it reaches the
// thread's guard page, whatever MaxWasmStack says.
TEST_P(TrapsTest, StackExhaustionOnASmallThreadStack) {
  bool Explicit = explicitChecks();
  ASSERT_TRUE(trapsModule(Explicit));
  pthread_attr_t A;
  pthread_attr_init(&A);
  pthread_attr_setstacksize(&A, 256 * 1024);
  struct Arg {
    bool Explicit;
    bool Ok = false;
  } X{Explicit};
  pthread_t Th;
  ASSERT_EQ(pthread_create(
                &Th, &A,
                [](void *P) -> void * {
                  auto *X = static_cast<Arg *>(P);
                  TrapsFixture F(X->Explicit);
                  if (F.I)
                    X->Ok = F.trap("recurse", {Value::i32(0)}).Code ==
                            TrapCode::StackOverflow;
                  return nullptr;
                },
                &X),
            0);
  pthread_join(Th, nullptr);
  pthread_attr_destroy(&A);
  EXPECT_TRUE(X.Ok);
}

TEST(CodeMapTest, LookupAddAndRemove) {
  CodeMap M;
  CodeRange R;
  EXPECT_FALSE(M.lookup(0x1000, R));
  M.add({{0x2000, 0x2100, 7, 1}, {0x1000, 0x1080, 3, 1}});
  M.add({{0x3000, 0x3010, CodeRange::NoFunc, 2}});
  EXPECT_EQ(M.size(), 3u);
  ASSERT_TRUE(M.lookup(0x1000, R));
  EXPECT_EQ(R.FuncIndex, 3u);
  ASSERT_TRUE(M.lookup(0x107f, R));
  EXPECT_EQ(R.FuncIndex, 3u);
  EXPECT_FALSE(M.lookup(0x1080, R));
  EXPECT_FALSE(M.lookup(0xfff, R));
  ASSERT_TRUE(M.lookup(0x20ff, R));
  EXPECT_EQ(R.FuncIndex, 7u);
  ASSERT_TRUE(M.lookup(0x3000, R));
  EXPECT_EQ(R.FuncIndex, CodeRange::NoFunc);
  M.removeOwner(1);
  EXPECT_FALSE(M.lookup(0x1000, R));
  EXPECT_TRUE(M.lookup(0x3000, R));
  M.transferOwner(2, 9);
  ASSERT_TRUE(M.lookup(0x3000, R));
  EXPECT_EQ(R.Owner, 9u);
}

TEST(CodeMapTest, CompiledFunctionsAreMappedUntilFreed) {
  size_t Before = CodeMap::global().size();
  const void *Fn = nullptr;
  {
    auto M = engineFor(false).compile(readInput("traps"));
    ASSERT_TRUE(bool(M)) << message(M.takeError());
    ASSERT_FALSE((*M)->impl().Code->Functions.empty());
    Fn = (*M)->impl().Code->Functions[0];
    CodeRange R;
    ASSERT_TRUE(CodeMap::global().lookup(reinterpret_cast<uintptr_t>(Fn), R));
    EXPECT_EQ(R.Start, reinterpret_cast<uintptr_t>(Fn));
    EXPECT_EQ(R.FuncIndex, (*M)->module().NumImportedFuncs);
    EXPECT_GT(CodeMap::global().size(), Before);
  }
  EXPECT_EQ(CodeMap::global().size(), Before);
}

// A fault in host code while wasm is running, and outside it, reaches the
// handler installed before Orca's.
TEST(TrapChainingTest, HostFaultsReachThePreviousHandler) {
  ASSERT_TRUE(HostHandlerInstalled);
  TrapsFixture F(false);
  ASSERT_TRUE(F.I);
  static volatile int *Null = nullptr;
  // Outside wasm.
  HostFaultsSeen = 0;
  HostFaultArmed = 1;
  if (sigsetjmp(HostFaultJmp, 1) == 0)
    (void)*Null;
  EXPECT_EQ(HostFaultsSeen, 1);
  // In a host function called from wasm.
  F.Reenter = [](Caller &, llvm::ArrayRef<Value>,
                 llvm::MutableArrayRef<Value> Results) -> llvm::Error {
    HostFaultArmed = 1;
    if (sigsetjmp(HostFaultJmp, 1) == 0)
      (void)*Null;
    Results[0] = Value::i32(HostFaultsSeen);
    return llvm::Error::success();
  };
  auto R = F.S.call(*F.I->getExport("via_host"), {Value::i32(0)});
  ASSERT_TRUE(bool(R)) << message(R.takeError());
  EXPECT_EQ((*R)[0].asI32(), 2u);
}

// Unarmed, the previous handler falls back to the default action: the
// process dies by SIGSEGV exactly as without Orca.
TEST(TrapChainingTest, UnhandledHostFaultsStillCrash) {
  TrapsFixture F(false);
  ASSERT_TRUE(F.I);
  pid_t Pid = fork();
  ASSERT_NE(Pid, -1);
  if (Pid == 0) {
    static volatile int *Null = nullptr;
    HostFaultArmed = 0;
    (void)*Null;
    _exit(0);
  }
  int Status = 0;
  ASSERT_EQ(waitpid(Pid, &Status, 0), Pid);
  ASSERT_TRUE(WIFSIGNALED(Status));
  EXPECT_EQ(WTERMSIG(Status), SIGSEGV);
}
