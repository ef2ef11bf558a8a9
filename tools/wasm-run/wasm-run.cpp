//===- wasm-run.cpp - Run a WebAssembly module as a WASI program ----------===//
//
//   wasm-run [OPTIONS] [--] <MODULE> [ARGS]...
//
// Compiles and instantiates MODULE with WASI preview1 linked in, then runs
// its `_start` with ARGS as the guest's argv[1..] (argv[0] is MODULE as
// given), or calls `--invoke NAME` with ARGS parsed as the export's
// parameter types and prints each result on its own line.
//
// Compiled code is cached (as `wasmtime run` does): in --cache-dir, by
// default $XDG_CACHE_HOME/orca or ~/.cache/orca; --disable-cache or
// -C cache=n turns it off. MODULE may be a precompiled module (wasm-compile
// -o), which runs only with --allow-precompiled: loading native code is a
// trust decision.
//
// Options come before the module; everything after it belongs to the
// guest. Nothing but the guest's output (and --invoke's results) goes to
// stdout. Exit status: the guest's proc_exit code, 0 when it returns, 1 on
// an error of ours (one line on stderr), 134 on a trap (message on stderr),
// as wasmtime does.
//
//===----------------------------------------------------------------------===//

#include "JIT/Artifact.h"
#include "JIT/CodeCache.h"
#include "Runtime/Runtime.h"
#include "Runtime/Trap.h"
#include "Support/Error.h"
#include "Text/Wat.h"
#include "ValueText.h"
#include "WASI/WasiContext.h"
#include "WASI/WasiLink.h"
#include "WASI/WasiPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <thread>

#ifndef ORCA_VERSION
#define ORCA_VERSION "0.1.0"
#endif

extern char **environ;

using namespace llvm;
using namespace orca;
using namespace orca::wasi;

static constexpr int ExitError = 1;
static constexpr int ExitTrap = 134;

static const char *const Usage =
    R"(OVERVIEW: Orca: run a WebAssembly module (WASI preview1)

USAGE: wasm-run [OPTIONS] [--] <MODULE> [ARGS]...

Runs MODULE's _start with ARGS as its arguments (argv[0] is MODULE), or
calls an export with --invoke. Options must come before MODULE.

OPTIONS:
  --invoke NAME        Call export NAME with ARGS parsed as its parameter
                       types and print each result on its own line
  --dir HOST[::GUEST]  Preopen host directory HOST, seen by the guest as
                       GUEST (default: HOST as written); repeatable
  --env NAME=VALUE     Give the guest this environment variable; repeatable
  --inherit-env        Also give the guest the host's environment (--env
                       entries override it)
  -O0 .. -O3           Optimisation level (default 2)
  --max-wasm-stack SIZE
                       Native stack wasm may use per call from the host
                       (default 512KiB); deeper recursion traps
  --target-cpu NAME    Compile for this CPU (LLVM name; default: the host's)
  --target-features F  CPU features to add or remove, e.g. +avx2,-avx512f
  --compile-threads N  Compile with N threads (default: one per hardware
                       thread; 1 compiles the module as a whole)
  --profile=perfmap    Name JIT code for perf in /tmp/perf-PID.map
  --bounds-checks=MODE guard (guard pages and signals; the default on
                       64-bit hosts) or explicit (a check per access)
  --fuel N, -W fuel=N  Give the guest N units of fuel (one per wasm
                       operator); running out traps. With ORCA_TIMINGS=1
                       the fuel consumed is printed
  --timeout DURATION, -W timeout=DURATION
                       Interrupt the guest (a trap) after DURATION: a number
                       with a unit ns, us, ms, s, m or h (no unit: seconds)
  --max-memory SIZE    Limit each linear memory to SIZE bytes (suffixes
                       K, M, G: binary); growing past it fails
  --cache-dir DIR      Compiled-code cache directory (default:
                       $XDG_CACHE_HOME/orca, else ~/.cache/orca)
  --disable-cache, -C cache=n
                       Do not use the compiled-code cache
  --cache-max-size SIZE
                       Evict least recently used cache entries beyond SIZE
                       (default 512MiB)
  --allow-precompiled  Allow MODULE to be a precompiled module (native code
                       from wasm-compile -o): only for files you trust
  --help               Print this help
  --version            Print the version

EXIT STATUS: the guest's proc_exit code; 0 when _start returns; 1 on an
error; 134 on a trap.
)";

namespace {
struct Options {
  std::string ModulePath;
  std::vector<std::string> GuestArgs;
  std::string Invoke;
  unsigned OptLevel = 2;
  unsigned CompileThreads = 0;
  std::string TargetCPU, TargetFeatures;
  bool PerfMap = false;
  std::optional<bool> ExplicitBoundsChecks;
  std::optional<uint64_t> MaxMemoryBytes;
  std::optional<uint64_t> MaxWasmStack;
  std::vector<Preopen> Dirs;
  std::vector<std::string> Env;
  bool InheritEnv = false;
  bool Cache = true;
  std::string CacheDir; ///< empty: the default directory
  std::optional<uint64_t> CacheMaxBytes;
  bool AllowPrecompiled = false;
  std::optional<uint64_t> Fuel;
  std::optional<std::chrono::nanoseconds> Timeout;
};
} // namespace

static std::string ModuleForErrors;

// ORCA_TIMINGS=1 in the environment: at exit, one line on stderr with the
// wall and process-CPU time of compile (engine setup, decode, validate,
// translate, optimise, JIT-link), instantiate (WASI linking included) and
// run (_start or --invoke), in ms. Used by bench/run.py to separate compile
// time from execution time.
namespace timings {
struct Point {
  double WallMs = 0, CpuMs = 0;
  bool Set = false;
};
static Point Start, Compiled, Instantiated, RunEnd;
/// Where the code came from, as " name=value" fields (cacheFields()).
static std::string Source;
/// With --fuel: the fuel the guest consumed (set when it stops).
static std::optional<uint64_t> FuelConsumed;
static double msOf(clockid_t Clk) {
  timespec T;
  clock_gettime(Clk, &T);
  return double(T.tv_sec) * 1e3 + double(T.tv_nsec) / 1e6;
}
static void mark(Point &P) {
  P.WallMs = msOf(CLOCK_MONOTONIC);
  P.CpuMs = msOf(CLOCK_PROCESS_CPUTIME_ID);
  P.Set = true;
}
static void print() {
  if (!Compiled.Set)
    return;
  std::fprintf(stderr, "orca-timings: compile_ms=%.3f compile_cpu_ms=%.3f%s",
               Compiled.WallMs - Start.WallMs, Compiled.CpuMs - Start.CpuMs,
               Source.c_str());
  if (Instantiated.Set) {
    if (!RunEnd.Set)
      mark(RunEnd);
    std::fprintf(stderr,
                 " instantiate_ms=%.3f instantiate_cpu_ms=%.3f run_ms=%.3f"
                 " run_cpu_ms=%.3f",
                 Instantiated.WallMs - Compiled.WallMs,
                 Instantiated.CpuMs - Compiled.CpuMs,
                 RunEnd.WallMs - Instantiated.WallMs,
                 RunEnd.CpuMs - Instantiated.CpuMs);
  }
  if (FuelConsumed)
    std::fprintf(stderr, " fuel_consumed=%llu",
                 (unsigned long long)*FuelConsumed);
  std::fprintf(stderr, "\n");
}
} // namespace timings

static int fail(const Twine &Msg) {
  errs() << "wasm-run: error: " << Msg << '\n';
  return ExitError;
}

/// A byte count with an optional K/M/G suffix (KiB/MiB/GiB too; all binary).
static std::optional<uint64_t> parseByteSize(StringRef S) {
  uint64_t Shift = 0;
  if (!S.consume_back_insensitive("ib"))
    S.consume_back_insensitive("b");
  if (S.consume_back_insensitive("k"))
    Shift = 10;
  else if (S.consume_back_insensitive("m"))
    Shift = 20;
  else if (S.consume_back_insensitive("g"))
    Shift = 30;
  uint64_t N;
  if (S.empty() || S.getAsInteger(10, N) || N > (~uint64_t(0) >> Shift))
    return std::nullopt;
  return N << Shift;
}

/// A duration as wasmtime takes it: a number and a unit (ns, us, ms, s, m,
/// h); a bare number is seconds.
static std::optional<std::chrono::nanoseconds> parseDuration(StringRef S) {
  using namespace std::chrono;
  StringRef Num = S.take_while([](char C) { return isDigit(C); });
  StringRef Unit = S.drop_front(Num.size()).trim();
  uint64_t N;
  if (Num.empty() || Num.getAsInteger(10, N))
    return std::nullopt;
  uint64_t Scale;
  if (Unit == "ns")
    Scale = 1;
  else if (Unit == "us")
    Scale = 1000;
  else if (Unit == "ms")
    Scale = 1000'000;
  else if (Unit.empty() || Unit == "s")
    Scale = 1000'000'000;
  else if (Unit == "m")
    Scale = 60'000'000'000;
  else if (Unit == "h")
    Scale = 3600'000'000'000;
  else
    return std::nullopt;
  if (N > uint64_t(INT64_MAX) / Scale)
    return std::nullopt;
  return nanoseconds(int64_t(N * Scale));
}

/// --fuel and --timeout values (also from -W); an error message, or empty.
static std::string setFuel(Options &O, StringRef V) {
  uint64_t N;
  if (V.empty() || V.getAsInteger(10, N))
    return "--fuel takes a number of units, not '" + V.str() + "'";
  O.Fuel = N;
  return "";
}
static std::string setTimeout(Options &O, StringRef V) {
  O.Timeout = parseDuration(V);
  if (!O.Timeout)
    return "--timeout takes a duration such as 1s, 500ms or 2m, not '" +
           V.str() + "'";
  return "";
}

/// Parses argv. Returns -1 to go on, else the exit status.
static int parseArgs(int argc, char **argv, Options &O) {
  int I = 1;
  // Takes an option's value from "--opt=V" or the next argument.
  auto Value = [&](StringRef Arg, StringRef Name, std::string &Out) -> bool {
    if (Arg.consume_front(Name)) {
      if (Arg.consume_front("=")) {
        Out = Arg.str();
        return true;
      }
      if (Arg.empty() && I + 1 < argc) {
        Out = argv[++I];
        return true;
      }
    }
    return false;
  };
  for (; I < argc; ++I) {
    StringRef A = argv[I];
    std::string V;
    if (A == "--") {
      ++I;
      break;
    }
    if (!A.starts_with("-") || A == "-")
      break;
    if (A == "--help" || A == "-help" || A == "-h") {
      outs() << Usage;
      return 0;
    }
    if (A == "--version") {
      outs() << "wasm-run (Orca) " << ORCA_VERSION << '\n';
      return 0;
    }
    if (A == "--inherit-env") {
      O.InheritEnv = true;
      continue;
    }
    if (A.size() == 3 && A.starts_with("-O") && A[2] >= '0' && A[2] <= '3') {
      O.OptLevel = unsigned(A[2] - '0');
      continue;
    }
    if (A.starts_with("-O"))
      return fail("-O must be 0, 1, 2 or 3");
    if (A.starts_with("--bounds-checks=")) {
      StringRef Mode = A.drop_front(strlen("--bounds-checks="));
      if (Mode != "explicit" && Mode != "guard")
        return fail("--bounds-checks must be 'explicit' or 'guard'");
      O.ExplicitBoundsChecks = Mode == "explicit";
      continue;
    }
    bool IsInvoke = A == "--invoke" || A.starts_with("--invoke=") ||
                    A == "-invoke" || A.starts_with("-invoke=");
    if (IsInvoke) {
      if (!Value(A.ltrim('-'), "invoke", V) || V.empty())
        return fail("--invoke needs a function name");
      O.Invoke = V;
      continue;
    }
    if (A == "--dir" || A.starts_with("--dir=")) {
      if (!Value(A, "--dir", V) || V.empty())
        return fail("--dir needs a directory: --dir HOST[::GUEST]");
      size_t Sep = V.find("::");
      Preopen P;
      P.HostPath = V.substr(0, Sep);
      P.GuestPath = Sep == std::string::npos ? V : V.substr(Sep + 2);
      if (P.HostPath.empty() || P.GuestPath.empty())
        return fail("--dir '" + V + "': expected HOST[::GUEST]");
      O.Dirs.push_back(P);
      continue;
    }
    if (A == "--env" || A.starts_with("--env=")) {
      if (!Value(A, "--env", V))
        return fail("--env needs NAME=VALUE");
      size_t Eq = V.find('=');
      if (Eq == std::string::npos || Eq == 0)
        return fail("--env '" + V + "': expected NAME=VALUE");
      O.Env.push_back(V);
      continue;
    }
    // Hidden, for the sandbox tests: which path resolver WASI uses.
    if (A.starts_with("--path-resolver=")) {
      StringRef R = A.substr(strlen("--path-resolver="));
      if (R == "walk")
        setResolveMode(ResolveMode::ForceWalk);
      else if (R == "openat2")
        setResolveMode(ResolveMode::ForceOpenat2);
      else if (R == "auto")
        setResolveMode(ResolveMode::Auto);
      else
        return fail("--path-resolver must be auto, walk or openat2");
      continue;
    }
    if (A == "--target-cpu" || A.starts_with("--target-cpu=")) {
      if (!Value(A, "--target-cpu", O.TargetCPU) || O.TargetCPU.empty())
        return fail("--target-cpu needs a CPU name, e.g. x86-64-v2");
      continue;
    }
    if (A == "--target-features" || A.starts_with("--target-features=")) {
      if (!Value(A, "--target-features", O.TargetFeatures))
        return fail("--target-features needs a list, e.g. +avx2,-avx512f");
      continue;
    }
    if (A.starts_with("--profile")) {
      if (!Value(A, "--profile", V) || V != "perfmap")
        return fail("--profile supports only 'perfmap'");
      O.PerfMap = true;
      continue;
    }
    if (A == "--compile-threads" || A.starts_with("--compile-threads=")) {
      unsigned N;
      if (!Value(A, "--compile-threads", V) ||
          StringRef(V).getAsInteger(10, N) || N == 0 || N > 1024)
        return fail("--compile-threads takes a number of threads, 1 to 1024");
      O.CompileThreads = N;
      continue;
    }
    std::string Size;
    if (Value(A, "--max-wasm-stack", Size)) {
      std::optional<uint64_t> Bytes = parseByteSize(Size);
      if (!Bytes || *Bytes == 0)
        return fail("--max-wasm-stack takes a size such as 65536, 64KiB or "
                    "4MiB, not '" +
                    Size + "'");
      O.MaxWasmStack = *Bytes;
      continue;
    }
    if (Value(A, "--max-memory", Size)) {
      std::optional<uint64_t> Bytes = parseByteSize(Size);
      if (!Bytes)
        return fail("--max-memory takes a size such as 65536, 64KiB, 16MiB "
                    "or 1GiB, not '" +
                    Size + "'");
      O.MaxMemoryBytes = *Bytes;
      continue;
    }
    if (Value(A, "--cache-dir", V)) {
      if (V.empty())
        return fail("--cache-dir needs a directory");
      O.CacheDir = V;
      continue;
    }
    if (A == "--disable-cache") {
      O.Cache = false;
      continue;
    }
    if (A.starts_with("-C")) {
      // wasmtime's spelling: -C cache=n, -Ccache=y; a comma-separated list.
      if (A.size() > 2)
        V = A.drop_front(2).str();
      else if (I + 1 < argc)
        V = argv[++I];
      else
        return fail("-C needs an option, e.g. -C cache=n");
      for (StringRef Item : split(V, ',')) {
        auto [Key, Val] = Item.split('=');
        if (Key != "cache")
          return fail("unknown -C option '" + Key + "' (supported: cache)");
        if (Val.empty() || Val == "y" || Val == "yes" || Val == "true")
          O.Cache = true;
        else if (Val == "n" || Val == "no" || Val == "false")
          O.Cache = false;
        else
          return fail("-C cache takes y or n, not '" + Val + "'");
      }
      continue;
    }
    if (A == "--allow-precompiled") {
      O.AllowPrecompiled = true;
      continue;
    }
    if (Value(A, "--cache-max-size", Size)) {
      std::optional<uint64_t> Bytes = parseByteSize(Size);
      if (!Bytes)
        return fail("--cache-max-size takes a size such as 64MiB, not '" +
                    Size + "'");
      O.CacheMaxBytes = *Bytes;
      continue;
    }
    if (Value(A, "--fuel", V)) {
      if (std::string Err = setFuel(O, V); !Err.empty())
        return fail(Err);
      continue;
    }
    if (Value(A, "--timeout", V)) {
      if (std::string Err = setTimeout(O, V); !Err.empty())
        return fail(Err);
      continue;
    }
    if (A.starts_with("-W")) {
      // wasmtime's spelling of wasm options: -W fuel=N,timeout=1s.
      if (A.size() > 2)
        V = A.drop_front(2).str();
      else if (I + 1 < argc)
        V = argv[++I];
      else
        return fail("-W needs an option, e.g. -W timeout=1s");
      for (StringRef Item : split(V, ',')) {
        auto [Key, Val] = Item.split('=');
        std::string Err;
        if (Key == "fuel")
          Err = setFuel(O, Val);
        else if (Key == "timeout")
          Err = setTimeout(O, Val);
        else
          Err = "unknown -W option '" + Key.str() +
                "' (supported: fuel, timeout)";
        if (!Err.empty())
          return fail(Err);
      }
      continue;
    }
    return fail("unknown option '" + A + "' (see --help)");
  }
  if (I >= argc) {
    errs() << "wasm-run: error: no module given\n"
           << "usage: wasm-run [OPTIONS] [--] <MODULE> [ARGS]...\n";
    return ExitError;
  }
  O.ModulePath = argv[I++];
  for (; I < argc; ++I)
    O.GuestArgs.push_back(argv[I]);
  return -1;
}

/// The guest's environment: the host's (with --inherit-env), then --env,
/// a later entry replacing an earlier one of the same name in place.
static std::vector<std::string> guestEnv(const Options &O) {
  std::vector<std::string> Out;
  std::map<std::string, size_t> Index;
  auto Add = [&](const std::string &Entry) {
    std::string Name = Entry.substr(0, Entry.find('='));
    auto It = Index.find(Name);
    if (It != Index.end()) {
      Out[It->second] = Entry;
      return;
    }
    Index[Name] = Out.size();
    Out.push_back(Entry);
  };
  if (O.InheritEnv)
    for (char **E = environ; E && *E; ++E)
      Add(*E);
  for (const std::string &E : O.Env)
    Add(E);
  return Out;
}

/// Reports an error from the runtime. A stop by proc_exit (a HostError
/// trap whose cause is WasiExit) exits quietly with the guest's code; traps
/// exit like wasmtime's.
/// The binary module a file holds: its bytes, or, without the binary magic,
/// the encoding of its text (.wat). Text errors read "file:line:col: ...".
static Expected<std::vector<uint8_t>> moduleBytes(StringRef Data,
                                                  StringRef Name) {
  ArrayRef<uint8_t> B = arrayRefFromStringRef(Data);
  // Empty files and files starting with NUL (a damaged binary) go to the
  // decoder, for its errors.
  if (isWasmBinary(B) || B.empty() || B[0] == 0)
    return std::vector<uint8_t>(B.begin(), B.end());
  return parseWat(Data, Name);
}

static int report(Error E) {
  int Code = ExitError;
  handleAllErrors(
      std::move(E),
      [&](const TrapError &T) {
        if (const WasiExit *X = T.causeAs<WasiExit>()) {
          Code = int(X->code());
          return;
        }
        errs() << "wasm-run: wasm trap: " << T.text() << '\n';
        if (T.FaultAddress)
          errs() << "  at wasm address 0x" << utohexstr(*T.FaultAddress)
                 << '\n';
        for (size_t I = 0; I < T.Backtrace.size(); ++I) {
          const TrapFrame &F = T.Backtrace[I];
          errs() << "  " << I << ": func[" << F.FuncIndex << "]";
          if (!F.FuncName.empty())
            errs() << " " << F.FuncName;
          errs() << " @ 0x" << utohexstr(F.CodeOffset) << '\n';
        }
        Code = ExitTrap;
      },
      [&](const WasmError &W) {
        errs() << "wasm-run: error: " << ModuleForErrors << ": "
               << errorKindName(W.kind()) << ": ";
        W.log(errs());
        errs() << '\n';
      },
      [&](const ErrorInfoBase &Other) {
        errs() << "wasm-run: error: ";
        Other.log(errs());
        errs() << '\n';
      });
  return Code;
}

/// The cache settings of the engine: on unless turned off, in the default
/// directory unless one is given. Precompiled modules are not cached.
static void applyCacheOptions(const Options &O, bool Precompiled,
                              EngineConfig &Config) {
  if (!O.Cache || Precompiled)
    return;
  Config.CacheDir =
      O.CacheDir.empty() ? CodeCache::defaultDirectory() : O.CacheDir;
  if (O.CacheMaxBytes)
    Config.CacheMaxBytes = *O.CacheMaxBytes;
}

/// ORCA_TIMINGS fields saying where the code came from (numbers only, as
/// bench/run.py parses every field as one): cache_hit and cache_stored
/// when the cache is on, precompiled=1 for a .cwasm.
static std::string codeSourceFields(const EngineStats &S, bool Precompiled,
                                    const EngineConfig &Config) {
  if (Precompiled)
    return " precompiled=1";
  if (Config.CacheDir.empty())
    return "";
  return " cache_hit=" + std::to_string(S.CacheHits) +
         " cache_miss=" + std::to_string(S.CacheMisses) +
         " cache_rejected=" + std::to_string(S.CacheRejected) +
         " cache_stored=" + std::to_string(S.CacheStores);
}

namespace {
/// --timeout: advances the engine's epoch once, after the timeout, unless
/// destroyed first.
class TimeoutThread {
public:
  TimeoutThread(Engine &E, std::chrono::nanoseconds After)
      : T([this, &E, After] {
          std::unique_lock<std::mutex> L(Lock);
          if (!CV.wait_for(L, After, [this] { return Done; }))
            E.incrementEpoch();
        }) {}
  ~TimeoutThread() {
    {
      std::lock_guard<std::mutex> L(Lock);
      Done = true;
    }
    CV.notify_one();
    T.join();
  }

private:
  std::mutex Lock;
  std::condition_variable CV;
  bool Done = false;
  std::thread T;
};
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  // A guest writing to a closed pipe gets EPIPE from fd_write, as on any
  // host, instead of wasm-run dying of SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  Options O;
  if (int R = parseArgs(argc, argv, O); R >= 0)
    return R;
  ModuleForErrors = O.ModulePath;
  if (const char *T = std::getenv("ORCA_TIMINGS"); T && *T && *T != '0')
    std::atexit(timings::print);

  // Read, not mapped: a file truncated under a mapping would crash us.
  auto Buf = MemoryBuffer::getFile(O.ModulePath, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false,
                                   /*IsVolatile=*/true);
  if (!Buf)
    return fail(O.ModulePath + ": " + Buf.getError().message());
  bool Precompiled =
      looksLikeArtifact(arrayRefFromStringRef((*Buf)->getBuffer()));
  if (Precompiled && !O.AllowPrecompiled)
    return fail(O.ModulePath +
                ": is a precompiled module (native code); running it needs "
                "--allow-precompiled, and only for files you trust");

  timings::mark(timings::Start);
  EngineConfig Config;
  Config.OptLevel = O.OptLevel;
  Config.CompileThreads = O.CompileThreads;
  Config.TargetCPU = O.TargetCPU;
  Config.TargetFeatures = O.TargetFeatures;
  Config.PerfMap = O.PerfMap;
  if (O.ExplicitBoundsChecks)
    Config.ExplicitBoundsChecks = *O.ExplicitBoundsChecks;
  if (O.MaxMemoryBytes)
    Config.MaxMemoryBytes = *O.MaxMemoryBytes;
  if (O.MaxWasmStack)
    Config.MaxWasmStack = *O.MaxWasmStack;
  Config.ConsumeFuel = O.Fuel.has_value();
  Config.EpochInterruption = O.Timeout.has_value();
  applyCacheOptions(O, Precompiled, Config);
  auto E = Engine::create(Config);
  if (!E)
    return report(E.takeError());
  std::vector<uint8_t> Bytes;
  if (!Precompiled) {
    auto B = moduleBytes((*Buf)->getBuffer(), O.ModulePath);
    if (!B)
      return fail(toString(B.takeError()));
    Bytes = std::move(*B);
  }
  auto M = Precompiled ? (*E)->deserialize(std::move(*Buf))
                       : (*E)->compile(std::move(Bytes));
  if (!M)
    return report(M.takeError());
  timings::mark(timings::Compiled);
  timings::Source = codeSourceFields((*E)->stats(), Precompiled, Config);

  WasiConfig WC;
  WC.Args.push_back(O.ModulePath);
  if (O.Invoke.empty())
    WC.Args.insert(WC.Args.end(), O.GuestArgs.begin(), O.GuestArgs.end());
  WC.Env = guestEnv(O);
  WC.Preopens = O.Dirs;
  auto Ctx = WasiContext::create(WC);
  if (!Ctx)
    return fail(toString(Ctx.takeError()));

  // The context outlives the store: host functions point at it.
  Store S(**E);
  if (O.Fuel)
    if (Error Err = S.setFuel(*O.Fuel))
      return report(std::move(Err));
  // --timeout: one epoch tick ends the run, wherever the guest is (also in
  // _initialize and the start function). Declared after the engine, so
  // that the timer thread stops before the engine goes.
  std::optional<TimeoutThread> Timer;
  if (O.Timeout) {
    S.setEpochDeadline(1);
    Timer.emplace(**E, *O.Timeout);
  }
  auto NoteFuel = [&] {
    if (O.Fuel)
      if (Expected<uint64_t> Left = S.getFuel())
        timings::FuelConsumed = *O.Fuel - *Left;
  };
  ImportResolver Resolver;
  defineWasi(Resolver, S, **Ctx);
  auto Imports = Resolver.resolve(S, **M);
  if (!Imports)
    return report(Imports.takeError());
  auto Inst = S.instantiate(*M, *Imports);
  if (!Inst) {
    NoteFuel();
    return report(Inst.takeError());
  }
  timings::mark(timings::Instantiated);

  std::string Entry = O.Invoke.empty() ? "_start" : O.Invoke;
  std::optional<Extern> Func = (*Inst)->getExport(Entry);
  if (!Func || Func->Kind != ExternKind::Func)
    return fail(O.ModulePath + ": no exported function named '" + Entry + "'");
  FuncType Type = S.funcType(*Func);
  std::vector<Value> Args;
  if (O.Invoke.empty()) {
    if (!Type.Params.empty() || !Type.Results.empty())
      return fail(O.ModulePath + ": '_start' must take and return nothing");
  } else {
    if (O.GuestArgs.size() != Type.Params.size())
      return fail("'" + Entry + "' takes " + Twine(Type.Params.size()) +
                  " argument(s), " + Twine(O.GuestArgs.size()) + " given");
    for (size_t I = 0; I < O.GuestArgs.size(); ++I) {
      auto V = parseValue(Type.Params[I], O.GuestArgs[I]);
      if (!V)
        return report(V.takeError());
      Args.push_back(*V);
    }
    // A WASI reactor is initialised before any of its exports is called.
    if (std::optional<Extern> Init = (*Inst)->getExport("_initialize");
        Init && Init->Kind == ExternKind::Func && Entry != "_initialize") {
      if (auto R = S.call(*Init, {}); !R) {
        NoteFuel();
        return report(R.takeError());
      }
    }
  }
  auto Results = S.call(*Func, Args);
  timings::mark(timings::RunEnd);
  NoteFuel();
  if (!Results)
    return report(Results.takeError());
  for (const Value &V : *Results)
    outs() << formatValue(V) << '\n';
  outs().flush();
  return 0;
}
