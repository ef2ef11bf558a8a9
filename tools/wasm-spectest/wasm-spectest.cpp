//===- wasm-spectest/wasm-spectest.cpp - The spec-test runner -------------===//
//
// Owns the command line, the choice of files (skips, proposals), the
// per-thread engines, the optional per-file child processes (--isolate) and
// the summary. Each .wast file is parsed by lib/Text (or, with
// --use-wast2json, converted by wast2json; a .json file is taken as
// converted already) and run in a fresh Store; its report is printed in one
// piece, so -j N output stays readable.
//
// Output: "<file>: P passed, F failed" per file, followed by its failure
// lines; then, if any failure is a missing feature, "unsupported: F1 N1,
// F2 N2, ..." (failures by feature); and finally "N passed, N failed" over
// all files.
//
//===----------------------------------------------------------------------===//

#include "ScriptConversion.h"
#include "ScriptRunner.h"

#include "Runtime/Runtime.h"
#include "Support/Error.h"
#include "Text/Script.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

using namespace orca;
using namespace orca::spectest;
using llvm::StringRef;

static llvm::cl::OptionCategory Cat("wasm-spectest options");

static llvm::cl::list<std::string> InputFiles(llvm::cl::Positional,
                                              llvm::cl::desc("FILE.wast..."),
                                              llvm::cl::cat(Cat));
static llvm::cl::opt<bool>
    Verbose("v", llvm::cl::desc("Verbose: let spectest.print* print"),
            llvm::cl::cat(Cat));
static llvm::cl::opt<bool> UseWast2Json(
    "use-wast2json",
    llvm::cl::desc("Convert .wast files with wabt's wast2json instead of "
                   "parsing them (for comparison)"),
    llvm::cl::cat(Cat));
static llvm::cl::opt<std::string> Wast2JsonPath(
    "wast2json",
    llvm::cl::desc("Path of wast2json (implies --use-wast2json; default: "
                   "from PATH)"),
    llvm::cl::value_desc("path"), llvm::cl::cat(Cat));
static llvm::cl::opt<std::string> SpecVersion(
    "spec-version",
    llvm::cl::desc("The suite's WebAssembly version: 3.0 (default: core "
                   "files get every feature Orca has, and 3.0's text rules) "
                   "or 2.0 (exactly 2.0's features and text rules)"),
    llvm::cl::value_desc("2.0|3.0"), llvm::cl::init("3.0"), llvm::cl::cat(Cat));
static llvm::cl::list<std::string>
    SkipFiles("skip-file", llvm::cl::desc("Skip files with this name"),
              llvm::cl::value_desc("name"), llvm::cl::cat(Cat));
static llvm::cl::opt<std::string>
    SkipFrom("skip-from",
             llvm::cl::desc("Skip the file names listed, one per line"),
             llvm::cl::value_desc("file"), llvm::cl::cat(Cat));
static llvm::cl::list<std::string> Proposals(
    "proposal",
    llvm::cl::desc("Run files of proposals/<name>/ (skipped by default)"),
    llvm::cl::value_desc("name"), llvm::cl::cat(Cat));
static llvm::cl::opt<unsigned>
    Jobs("j", llvm::cl::desc("Files to run in parallel (default 1)"),
         llvm::cl::init(1), llvm::cl::cat(Cat));
static llvm::cl::opt<bool> Isolate(
    "isolate",
    llvm::cl::desc("Run each file in a child process, so that a crash of "
                   "the runtime fails that file only"),
    llvm::cl::cat(Cat));
static llvm::cl::opt<unsigned> MaxFailureLines(
    "max-failure-lines",
    llvm::cl::desc("Print at most this many failure lines per file "
                   "(0: all)"),
    llvm::cl::init(0), llvm::cl::cat(Cat));
static llvm::cl::opt<unsigned> Timeout(
    "timeout",
    llvm::cl::desc("With --isolate: kill a file's child after this many "
                   "seconds (0: no limit)"),
    llvm::cl::init(0), llvm::cl::cat(Cat));
static llvm::cl::opt<std::string> BoundsChecks(
    "bounds-checks",
    llvm::cl::desc("Memory bounds checks: explicit, or guard (guard pages "
                   "and signals; the default on 64-bit hosts)"),
    llvm::cl::value_desc("explicit|guard"), llvm::cl::cat(Cat));
static llvm::cl::opt<unsigned>
    OptLevel("O", llvm::cl::desc("Optimisation level 0-3 (default 2)"),
             llvm::cl::Prefix, llvm::cl::init(2), llvm::cl::cat(Cat));
// Internal: the child side of --isolate.
static llvm::cl::opt<bool> ChildMode("child-mode", llvm::cl::Hidden,
                                     llvm::cl::cat(Cat));

/// The trailer a child prints so the parent can add up its counts.
static constexpr StringRef CountsTag = "#orca-spectest-counts ";
/// A child's failures of one missing feature: "<tag><feature> <N>".
static constexpr StringRef UnsupportedTag = "#orca-spectest-unsupported ";

namespace {

struct FileOutcome {
  unsigned Passed = 0;
  unsigned Failed = 0;
  std::map<std::string, unsigned> Unsupported; // failures by feature
  std::string Text; // everything to print for this file
};

/// Engines of one worker thread, one per feature set (keyed by proposal).
/// Engines are not assumed to be thread-safe, so threads never share one.
struct WorkerEngines {
  std::map<std::string, std::unique_ptr<Engine>> ByProposal;
};

struct Driver {
  std::string Wast2Json;
  std::string SelfPath;
  std::set<std::string> Skip;
  RunnerOptions Opts;
  bool Spec30 = true;

  FileOutcome processFile(const std::string &Path, WorkerEngines &W);
  FileOutcome runInProcess(const std::string &Path, const std::string &Shown,
                           const ProposalInfo &P, WorkerEngines &W);
  FileOutcome runInChild(const std::string &Path, const std::string &Shown);
};

} // namespace

/// How a file is named in the output: "proposals/<name>/x.wast" for
/// proposal files, the path below "core/" for the 3.0 suite's files
/// ("gc/array.wast"), else the base name.
static std::string displayName(StringRef Path) {
  size_t Pos = Path.rfind("proposals/");
  if (Pos != StringRef::npos && (Pos == 0 || Path[Pos - 1] == '/'))
    return Path.substr(Pos).str();
  Pos = Path.rfind("/core/");
  if (Pos != StringRef::npos)
    return Path.substr(Pos + 6).str();
  return llvm::sys::path::filename(Path).str();
}

static std::string trimFailureLines(const std::string &Log) {
  if (!MaxFailureLines)
    return Log;
  size_t Pos = 0;
  unsigned Lines = 0;
  while (Pos < Log.size() && Lines < MaxFailureLines) {
    size_t NL = Log.find('\n', Pos);
    Pos = NL == std::string::npos ? Log.size() : NL + 1;
    ++Lines;
  }
  if (Pos >= Log.size())
    return Log;
  unsigned Rest = 0;
  for (size_t I = Pos; I < Log.size(); ++I)
    Rest += Log[I] == '\n';
  return Log.substr(0, Pos) + "  ... " + std::to_string(Rest) +
         " more failure lines\n";
}

FileOutcome Driver::runInProcess(const std::string &Path,
                                 const std::string &Shown,
                                 const ProposalInfo &P, WorkerEngines &W) {
  FileOutcome O;
  auto FailFile = [&](const std::string &Why) {
    O.Failed = 1;
    O.Text =
        Shown + ": 0 passed, 1 failed\n" + Shown + ":0: file: " + Why + "\n";
    return O;
  };

  WatOptions WOpts;
  // 2.0 still expects 32-bit limits above 2^32-1 to be malformed.
  WOpts.WideLimits = Spec30;
  std::optional<Script> S;
  if (StringRef(Path).ends_with(".json")) {
    // wast2json output already, its .wasm files beside it (for hand-written
    // scripts and tests of the runner itself).
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf)
      return FailFile("cannot read: " + Buf.getError().message());
    auto Parsed = llvm::json::parse((*Buf)->getBuffer());
    if (!Parsed)
      return FailFile("bad JSON: " + llvm::toString(Parsed.takeError()));
    if (!Parsed->getAsObject())
      return FailFile("bad JSON: not an object");
    std::string Dir = llvm::sys::path::parent_path(Path).str();
    auto SJ = scriptFromJson(*Parsed->getAsObject(), Dir.empty() ? "." : Dir,
                             Shown, WOpts);
    if (!SJ)
      return FailFile(takeErrorReport(SJ.takeError()).Message);
    S.emplace(std::move(*SJ));
  } else if (!Wast2Json.empty()) {
    auto CS = ConvertedScript::convert(Wast2Json, Path, P.Wast2JsonFlags);
    if (!CS)
      return FailFile(takeErrorReport(CS.takeError()).Message);
    auto SJ = scriptFromJson(CS->script(), CS->dir(), Shown, WOpts);
    if (!SJ)
      return FailFile(takeErrorReport(SJ.takeError()).Message);
    S.emplace(std::move(*SJ));
  } else {
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!Buf)
      return FailFile("cannot read: " + Buf.getError().message());
    auto SW = parseWast((*Buf)->getBuffer(), Shown, WOpts);
    if (!SW)
      return FailFile("script does not parse: " +
                      takeErrorReport(SW.takeError()).Message);
    S.emplace(std::move(*SW));
  }

  std::unique_ptr<Engine> &E = W.ByProposal[P.Name];
  if (!E) {
    EngineConfig Config;
    Config.Feat = *P.Feat;
    if (Spec30 && P.Name.empty()) {
      // WebAssembly 3.0's core: every feature Orca has (threads are not
      // part of 3.0).
      Config.Feat.Memory64 = true;
      Config.Feat.MultiMemory = true;
      Config.Feat.TailCall = true;
      Config.Feat.ExtendedConst = true;
      Config.Feat.ConstExprDefinedGlobals = true;
    }
    Config.OptLevel = OptLevel;
    if (!BoundsChecks.empty())
      Config.ExplicitBoundsChecks = BoundsChecks == "explicit";
    auto NewE = Engine::create(Config);
    if (!NewE)
      return FailFile("cannot create an engine: " +
                      takeErrorReport(NewE.takeError()).Message);
    E = std::move(*NewE);
  }

  FileResult R = runScript(*E, Opts, Shown, Path, *S);
  O.Passed = R.Passed;
  O.Failed = R.Failed;
  O.Unsupported = std::move(R.Unsupported);
  llvm::raw_string_ostream OS(O.Text);
  OS << Shown << ": " << R.Passed << " passed, " << R.Failed << " failed";
  unsigned Unsup = 0;
  for (auto &[F, N] : O.Unsupported)
    Unsup += N;
  if (Unsup)
    OS << " (" << Unsup << " unsupported)";
  OS << "\n" << trimFailureLines(R.Log);
  return O;
}

FileOutcome Driver::runInChild(const std::string &Path,
                               const std::string &Shown) {
  FileOutcome O;
  llvm::SmallString<128> OutFile;
  int FD;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "orca-spectest-child", "txt", FD, OutFile)) {
    O.Failed = 1;
    O.Text = Shown + ": 0 passed, 1 failed\n" + Shown +
             ":0: file: cannot create a temporary file: " + EC.message() + "\n";
    return O;
  }
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);

  std::vector<std::string> ArgStore = {SelfPath, "--child-mode",
                                       "--spec-version=" + SpecVersion};
  if (!Wast2Json.empty())
    ArgStore.push_back("--wast2json=" + Wast2Json);
  if (Opts.Verbose)
    ArgStore.push_back("-v");
  if (MaxFailureLines)
    ArgStore.push_back("--max-failure-lines=" +
                       std::to_string(MaxFailureLines));
  for (const std::string &P : Proposals)
    ArgStore.push_back("--proposal=" + P);
  if (!BoundsChecks.empty())
    ArgStore.push_back("--bounds-checks=" + BoundsChecks);
  ArgStore.push_back("-O" + std::to_string(OptLevel));
  ArgStore.push_back(Path);
  std::vector<StringRef> Args(ArgStore.begin(), ArgStore.end());
  // stderr stays the parent's (print output with -v, runtime diagnostics).
  std::optional<StringRef> Redirects[] = {StringRef(""), OutFile.str(),
                                          std::nullopt};
  std::string ErrMsg;
  bool Crashed = false;
  int RC = llvm::sys::ExecuteAndWait(SelfPath, Args, std::nullopt, Redirects,
                                     /*SecondsToWait=*/Timeout,
                                     /*MemoryLimit=*/0, &ErrMsg, &Crashed);

  std::string Output;
  if (auto B = llvm::MemoryBuffer::getFile(OutFile))
    Output = (*B)->getBuffer().str();
  (void)llvm::sys::fs::remove(OutFile);

  // Split the child's output into its report and its bookkeeping lines:
  // "#total N", "#at LINE PASSED FAILED" (progress) and the counts trailer.
  std::string Report;
  std::optional<std::pair<unsigned, unsigned>> Counts;
  unsigned Total = 0, AtLine = 0, AtPassed = 0, AtFailed = 0;
  llvm::SmallVector<StringRef, 64> Lines;
  StringRef(Output).split(Lines, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::map<std::string, unsigned> Unsupported;
  for (StringRef L : Lines) {
    if (L.consume_front(UnsupportedTag)) {
      auto [F, N] = L.trim().rsplit(' ');
      unsigned NN;
      if (!N.getAsInteger(10, NN))
        Unsupported[F.str()] += NN;
    } else if (L.consume_front(CountsTag)) {
      auto [P, F] = L.trim().split(' ');
      unsigned PN, FN;
      if (!P.getAsInteger(10, PN) && !F.getAsInteger(10, FN))
        Counts = {PN, FN};
    } else if (L.consume_front("#total ")) {
      (void)L.trim().getAsInteger(10, Total);
    } else if (L.consume_front("#at ")) {
      llvm::SmallVector<StringRef, 3> F;
      L.split(F, ' ');
      if (F.size() == 3) {
        (void)F[0].getAsInteger(10, AtLine);
        (void)F[1].getAsInteger(10, AtPassed);
        (void)F[2].getAsInteger(10, AtFailed);
      }
    } else {
      Report += L.str() + "\n";
    }
  }
  if (Counts && !Crashed && RC >= 0) {
    O.Passed = Counts->first;
    O.Failed = Counts->second;
    O.Unsupported = std::move(Unsupported);
    O.Text = std::move(Report);
    return O;
  }
  // The child died (or timed out) at command AtLine: what passed before it
  // counts, that command and every one not run count as failed.
  O.Passed = AtPassed;
  O.Failed = std::max(Total, AtPassed + AtFailed + 1) - AtPassed;
  O.Text = Report + Shown + ": " + std::to_string(O.Passed) + " passed, " +
           std::to_string(O.Failed) + " failed\n" + Shown + ":" +
           std::to_string(AtLine) + ": crash: the runner child died here (" +
           (ErrMsg.empty() ? "exit " + std::to_string(RC)
                           : StringRef(ErrMsg).rtrim(": ").str()) +
           "); this command and the " +
           std::to_string(O.Failed - AtFailed - 1) +
           " after it count as failed\n";
  return O;
}

FileOutcome Driver::processFile(const std::string &Path, WorkerEngines &W) {
  std::string Shown = displayName(Path);
  StringRef Base = llvm::sys::path::filename(Path);
  if (Skip.count(Base.str()) || Skip.count(Shown) || Skip.count(Path)) {
    FileOutcome O;
    O.Text = Shown + ": skipped (skip list)\n";
    return O;
  }
  ProposalInfo P = proposalFor(Path);
  if (!P.Name.empty()) {
    bool Allowed = false;
    for (const std::string &N : Proposals)
      Allowed |= N == P.Name || N == "all";
    if (!P.Feat || !Allowed) {
      FileOutcome O;
      O.Text = Shown + ": skipped: proposal " + P.Name + " not supported" +
               (P.Feat ? " (enable with --proposal=" + P.Name + ")" : "") +
               "\n";
      return O;
    }
  }
  if (Isolate && !ChildMode)
    return runInChild(Path, Shown);
  return runInProcess(Path, Shown, P, W);
}

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  llvm::cl::HideUnrelatedOptions(Cat);
  llvm::cl::ParseCommandLineOptions(argc, argv,
                                    "Orca WebAssembly spec-test runner\n");

  if (!BoundsChecks.empty() && BoundsChecks != "explicit" &&
      BoundsChecks != "guard") {
    llvm::errs() << "wasm-spectest: --bounds-checks must be explicit or "
                    "guard\n";
    return 2;
  }

  Driver D;
  D.Opts.Verbose = Verbose;
  if (ChildMode) {
    // Progress lines must reach the parent even if this process dies.
    llvm::outs().SetUnbuffered();
    D.Opts.Progress = &llvm::outs();
  }
  D.SelfPath = llvm::sys::fs::getMainExecutable(argv[0], (void *)&main);

  if (SpecVersion != "2.0" && SpecVersion != "3.0") {
    llvm::errs() << "wasm-spectest: --spec-version must be 2.0 or 3.0\n";
    return 2;
  }
  D.Spec30 = SpecVersion == "3.0";

  if (!Wast2JsonPath.empty()) {
    D.Wast2Json = Wast2JsonPath;
  } else if (UseWast2Json) {
    auto P = llvm::sys::findProgramByName("wast2json");
    if (!P) {
      llvm::errs() << "wasm-spectest: wast2json not found on PATH (use "
                      "--wast2json=PATH)\n";
      llvm::outs() << "0 passed, 1 failed\n";
      return 1;
    }
    D.Wast2Json = *P;
  }

  for (const std::string &S : SkipFiles)
    D.Skip.insert(S);
  if (!SkipFrom.empty()) {
    auto B = llvm::MemoryBuffer::getFile(SkipFrom);
    if (!B) {
      llvm::errs() << "wasm-spectest: cannot read " << SkipFrom << ": "
                   << B.getError().message() << "\n";
      llvm::outs() << "0 passed, 1 failed\n";
      return 1;
    }
    llvm::SmallVector<StringRef, 32> Lines;
    (*B)->getBuffer().split(Lines, '\n');
    for (StringRef L : Lines) {
      L = L.trim();
      if (!L.empty() && !L.starts_with("#"))
        D.Skip.insert(L.str());
    }
  }

  std::vector<std::string> Files(InputFiles.begin(), InputFiles.end());
  if (Files.empty()) {
    llvm::errs() << "wasm-spectest: no input files\n";
    return 1;
  }

  unsigned TotalPassed = 0, TotalFailed = 0;
  std::map<std::string, unsigned> Unsupported;
  std::mutex OutMutex;
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    WorkerEngines W;
    for (;;) {
      size_t I = Next++;
      if (I >= Files.size())
        break;
      FileOutcome O = D.processFile(Files[I], W);
      std::lock_guard<std::mutex> Lock(OutMutex);
      TotalPassed += O.Passed;
      TotalFailed += O.Failed;
      for (auto &[F, N] : O.Unsupported)
        Unsupported[F] += N;
      llvm::outs() << O.Text;
      llvm::outs().flush();
    }
  };
  unsigned NumThreads =
      std::max(1u, std::min<unsigned>(Jobs, unsigned(Files.size())));
  if (NumThreads == 1) {
    Worker();
  } else {
    std::vector<std::thread> Threads;
    for (unsigned I = 0; I < NumThreads; ++I)
      Threads.emplace_back(Worker);
    for (std::thread &T : Threads)
      T.join();
  }

  if (ChildMode) {
    for (auto &[F, N] : Unsupported)
      llvm::outs() << UnsupportedTag << F << " " << N << "\n";
    llvm::outs() << CountsTag << TotalPassed << " " << TotalFailed << "\n";
  } else {
    if (!Unsupported.empty()) {
      // Largest first.
      std::vector<std::pair<unsigned, std::string>> Sorted;
      unsigned All = 0;
      for (auto &[F, N] : Unsupported) {
        Sorted.emplace_back(N, F);
        All += N;
      }
      std::sort(Sorted.begin(), Sorted.end(), [](auto &A, auto &B) {
        return A.first != B.first ? A.first > B.first : A.second < B.second;
      });
      llvm::outs() << "unsupported:";
      for (size_t I = 0; I < Sorted.size(); ++I)
        llvm::outs() << (I ? ", " : " ") << Sorted[I].second << " "
                     << Sorted[I].first;
      llvm::outs() << " (" << All << " failures in all)\n";
    }
    llvm::outs() << TotalPassed << " passed, " << TotalFailed << " failed\n";
  }
  llvm::outs().flush();
  return TotalFailed ? 1 : 0;
}
