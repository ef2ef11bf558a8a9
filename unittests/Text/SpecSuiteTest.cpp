//===- unittests/Text/SpecSuiteTest.cpp - The parser on the spec suites ---===//
//
// Every .wast of the 2.0 suite (ORCA_WASM_TESTSUITE, default
// ../shared/wasm-testsuite) is parsed as a script; each text module it
// expects to parse is compared with wabt's encoding of the same module
// (wast2json's .wasm files, matched by line), both decoded by Binary's
// decoder and printed canonically, and each `assert_malformed (module
// quote ...)` must be rejected. Files wabt cannot convert are checked by
// validating what we encode instead. The 3.0 suite (ORCA_WASM_SPEC_CORE)
// is parsed too and reported (files fully parsed, missing syntax) without
// failing the test.
//
//===----------------------------------------------------------------------===//

#include "Binary/Decoder.h"
#include "Binary/Validator.h"
#include "Text/Script.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cstdlib>
#include <map>

using namespace orca;

namespace {

std::string envOr(const char *Var, const char *Default) {
  const char *V = std::getenv(Var);
  return V && *V ? V : Default;
}

std::vector<std::string> wastFiles(const std::string &Dir, bool Recursive) {
  std::vector<std::string> Files;
  std::error_code EC;
  if (Recursive) {
    for (llvm::sys::fs::recursive_directory_iterator I(Dir, EC), E;
         I != E && !EC; I.increment(EC))
      if (llvm::StringRef(I->path()).ends_with(".wast"))
        Files.push_back(I->path());
  } else {
    for (llvm::sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
         I.increment(EC))
      if (llvm::StringRef(I->path()).ends_with(".wast"))
        Files.push_back(I->path());
  }
  std::sort(Files.begin(), Files.end());
  return Files;
}

void dumpExpr(llvm::raw_ostream &OS, const ConstExpr &E) {
  OS << "expr(" << int(E.K) << "," << int(E.Type) << "," << E.Bits << ","
     << E.BitsHi;
  for (const ConstExpr &Op : E.Ops) {
    OS << " ";
    dumpExpr(OS, Op);
  }
  OS << ")";
}

void dumpLimits(llvm::raw_ostream &OS, const Limits &L) {
  OS << L.Min << "-" << (L.Max ? std::to_string(*L.Max) : "none")
     << (L.Shared ? " shared" : "") << (L.Is64 ? " i64" : "");
}

/// A canonical print of what a module means, independent of encoding
/// choices (LEB widths, element segment forms, custom sections).
std::string dumpModule(const Module &M) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const FuncType &T : M.Types) {
    OS << "type (";
    for (ValType V : T.Params)
      OS << valTypeName(V) << " ";
    OS << ") -> (";
    for (ValType V : T.Results)
      OS << valTypeName(V) << " ";
    OS << ")\n";
  }
  for (const Import &I : M.Imports)
    OS << "import " << I.ModuleName << "." << I.FieldName << " "
       << externKindName(I.Kind) << " " << I.Index << "\n";
  for (const Function &F : M.Funcs)
    OS << "func type " << F.TypeIndex << (F.Imported ? " imported" : "")
       << "\n";
  for (const Table &T : M.Tables) {
    OS << "table " << valTypeName(T.Type.Elem) << " ";
    dumpLimits(OS, T.Type.Lim);
    OS << "\n";
  }
  for (const Memory &Mem : M.Memories) {
    OS << "memory ";
    dumpLimits(OS, Mem.Type.Lim);
    OS << "\n";
  }
  for (const Global &G : M.Globals) {
    OS << "global " << valTypeName(G.Type.Type) << " " << G.Type.Mutable << " ";
    if (!G.Imported)
      dumpExpr(OS, G.Init);
    OS << "\n";
  }
  for (const Export &E : M.Exports)
    OS << "export " << E.Name << " " << externKindName(E.Kind) << " " << E.Index
       << "\n";
  if (M.Start)
    OS << "start " << *M.Start << "\n";
  for (const ElemSegment &E : M.Elems) {
    OS << "elem " << int(E.Mode) << " table " << E.TableIndex << " "
       << valTypeName(E.Type) << " ";
    if (E.Mode == SegmentMode::Active)
      dumpExpr(OS, E.OffsetExpr);
    for (const ConstExpr &I : E.Items) {
      OS << " ";
      dumpExpr(OS, I);
    }
    OS << "\n";
  }
  for (const DataSegment &D : M.Datas) {
    OS << "data " << int(D.Mode) << " mem " << D.MemoryIndex << " ";
    if (D.Mode == SegmentMode::Active)
      dumpExpr(OS, D.OffsetExpr);
    OS << " ";
    OS.write_escaped(llvm::StringRef(
        reinterpret_cast<const char *>(M.Bytes.data()) + D.DataStart,
        D.DataSize));
    OS << "\n";
  }
  for (const FunctionBody &B : M.Bodies) {
    OS << "body locals";
    // Runs of one type may be split differently; print them merged.
    std::vector<std::pair<uint64_t, ValType>> Runs;
    for (const auto &R : B.Locals) {
      if (!R.Count)
        continue;
      if (!Runs.empty() && Runs.back().second == R.Type)
        Runs.back().first += R.Count;
      else
        Runs.emplace_back(R.Count, R.Type);
    }
    for (auto &[N, T] : Runs)
      OS << " " << N << "x" << valTypeName(T);
    OS << " code";
    for (uint32_t I = B.CodeStart; I < B.CodeEnd; ++I)
      OS << " " << llvm::format_hex_no_prefix(M.Bytes[I], 2);
    OS << "\n";
  }
  return S;
}

std::optional<std::vector<uint8_t>> readFile(const std::string &Path) {
  auto B = llvm::MemoryBuffer::getFile(Path);
  if (!B)
    return std::nullopt;
  llvm::StringRef S = (*B)->getBuffer();
  return std::vector<uint8_t>(S.begin(), S.end());
}

/// wast2json's modules of one script: line -> .wasm/.wat files, in order.
struct Reference {
  bool Converted = false;
  std::string Dir;
  std::map<uint32_t, std::vector<std::string>> Files;
};

Reference convert(const std::string &Wast2Json, const std::string &Wast) {
  Reference R;
  if (Wast2Json.empty())
    return R;
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("orca-text-ref", Dir))
    return R;
  R.Dir = Dir.str().str();
  std::string Json = R.Dir + "/s.json", Log = R.Dir + "/log";
  llvm::StringRef Args[] = {Wast2Json, Wast, "-o", Json};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Log), llvm::StringRef(Log)};
  if (llvm::sys::ExecuteAndWait(Wast2Json, Args, std::nullopt, Redirects,
                                300) != 0)
    return R;
  auto B = llvm::MemoryBuffer::getFile(Json);
  if (!B)
    return R;
  auto V = llvm::json::parse((*B)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    return R;
  }
  const llvm::json::Array *Cmds = V->getAsObject()->getArray("commands");
  if (!Cmds)
    return R;
  for (const llvm::json::Value &C : *Cmds) {
    const llvm::json::Object *O = C.getAsObject();
    auto Line = O->getInteger("line");
    auto File = O->getString("filename");
    if (Line && File)
      R.Files[uint32_t(*Line)].push_back(R.Dir + "/" + File->str());
  }
  R.Converted = true;
  return R;
}

struct FileResult {
  unsigned Equal = 0, Different = 0, Rejected = 0, Accepted = 0,
           ParseFailed = 0, Validated = 0, Unchecked = 0;
  std::vector<std::string> Failures;
  unsigned failures() const { return Different + Accepted + ParseFailed; }
};

bool isQuoteMalformed(const Command &C) {
  return C.K == CommandKind::AssertMalformed &&
         C.Module.K == ScriptModule::Quote;
}

bool hasModule(const Command &C) {
  switch (C.K) {
  case CommandKind::Module:
  case CommandKind::AssertInvalid:
  case CommandKind::AssertMalformed:
  case CommandKind::AssertUnlinkable:
  case CommandKind::AssertUninstantiable:
    return true;
  case CommandKind::AssertTrap:
    return C.OnModule;
  default:
    return false;
  }
}

void checkFile(const std::string &Path, const std::string &Wast2Json,
               FileResult &R) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Buf)) << Path;
  // The 2.0 suite still expects 32-bit limits above 2^32-1 to be malformed.
  WatOptions Opts;
  Opts.WideLimits = false;
  auto S = parseWast((*Buf)->getBuffer(), Path, Opts);
  if (!S) {
    R.ParseFailed++;
    R.Failures.push_back("script: " + llvm::toString(S.takeError()));
    return;
  }
  Reference Ref = convert(Wast2Json, Path);
  std::map<uint32_t, size_t> Used; // line -> reference files consumed
  for (const Command &C : S->Commands) {
    if (!hasModule(C))
      continue;
    // wast2json gives assertions the line of their module.
    std::string RefFile;
    for (uint32_t L : {C.Module.Line, C.Line}) {
      auto It = Ref.Files.find(L);
      if (It != Ref.Files.end() && Used[L] < It->second.size()) {
        RefFile = It->second[Used[L]++];
        break;
      }
    }
    std::string Where = Path + ":" + std::to_string(C.Line) + ": ";
    if (C.Module.K == ScriptModule::Binary)
      continue;
    if (isQuoteMalformed(C)) {
      if (C.Module.Error) {
        R.Rejected++;
      } else {
        R.Accepted++;
        R.Failures.push_back(Where + "accepted malformed text (expected \"" +
                             C.Text + "\")");
      }
      continue;
    }
    if (C.Module.Error) {
      R.ParseFailed++;
      R.Failures.push_back(Where + *C.Module.Error);
      continue;
    }
    if (C.K == CommandKind::AssertMalformed) {
      R.Unchecked++; // text malformed only in binary terms
      continue;
    }
    if (!Ref.Converted || RefFile.empty() ||
        !llvm::StringRef(RefFile).ends_with(".wasm")) {
      if (C.K == CommandKind::Module || C.K == CommandKind::AssertTrap ||
          C.K == CommandKind::AssertUninstantiable ||
          C.K == CommandKind::AssertUnlinkable) {
        auto M = decodeAndValidate(C.Module.Bytes);
        if (M) {
          R.Validated++;
        } else {
          R.Different++;
          R.Failures.push_back(Where +
                               "no reference, and ours does not "
                               "validate: " +
                               llvm::toString(M.takeError()));
        }
      } else if (C.K == CommandKind::AssertInvalid) {
        auto M = decodeAndValidate(C.Module.Bytes);
        if (!M) {
          llvm::consumeError(M.takeError());
          R.Validated++;
        } else {
          R.Different++;
          R.Failures.push_back(Where +
                               "no reference, and ours validates "
                               "(expected \"" +
                               C.Text + "\")");
        }
      } else {
        R.Unchecked++;
        if (std::getenv("ORCA_TEXT_VERBOSE"))
          std::printf("unchecked %s%s (ref '%s')\n", Where.c_str(),
                      commandKindName(C.K), RefFile.c_str());
      }
      continue;
    }
    auto RefBytes = readFile(RefFile);
    if (!RefBytes) {
      R.Unchecked++;
      continue;
    }
    auto Ours = decodeModule(C.Module.Bytes);
    auto Theirs = decodeModule(*RefBytes);
    std::string A = Ours ? dumpModule(**Ours)
                         : "error: " + llvm::toString(Ours.takeError());
    std::string B = Theirs ? dumpModule(**Theirs)
                           : "error: " + llvm::toString(Theirs.takeError());
    // `select (result)` is 0x1c 0x00 for the spec (invalid: "invalid
    // result arity"), plain select for wabt: ours failing with the
    // expected message is as good as equal.
    if (A == B || (C.K == CommandKind::AssertInvalid &&
                   llvm::StringRef(A).starts_with("error: ") &&
                   llvm::StringRef(A).contains(C.Text))) {
      R.Equal++;
    } else {
      R.Different++;
      // The first differing line.
      llvm::SmallVector<llvm::StringRef> LA, LB;
      llvm::StringRef(A).split(LA, '\n');
      llvm::StringRef(B).split(LB, '\n');
      size_t I = 0;
      while (I < LA.size() && I < LB.size() && LA[I] == LB[I])
        ++I;
      R.Failures.push_back(
          Where + "differs from wabt: ours '" +
          (I < LA.size() ? LA[I].take_front(200).str() : "") + "' vs wabt '" +
          (I < LB.size() ? LB[I].take_front(200).str() : "") + "'");
    }
  }
  if (!Ref.Dir.empty())
    llvm::sys::fs::remove_directories(Ref.Dir);
}

TEST(SpecSuite, Core20MatchesWabt) {
  std::string Dir = envOr("ORCA_WASM_TESTSUITE", ORCA_WASM_TESTSUITE_DEFAULT);
  if (!llvm::sys::fs::is_directory(Dir))
    GTEST_SKIP() << "*** 2.0 suite not found at " << Dir
                 << " (set ORCA_WASM_TESTSUITE): NOT RUN ***";
  std::string Wast2Json = envOr("ORCA_WAST2JSON", ORCA_WAST2JSON_DEFAULT);
  if (Wast2Json.empty())
    std::printf("*** wast2json not found: modules are validated, not "
                "compared ***\n");
  const char *Only = std::getenv("ORCA_TEXT_ONLY");
  FileResult Total;
  unsigned Files = 0, CleanFiles = 0;
  std::vector<std::string> AllFailures;
  for (const std::string &F : wastFiles(Dir, false)) {
    if (Only && !llvm::StringRef(F).contains(Only))
      continue;
    FileResult R;
    checkFile(F, Wast2Json, R);
    ++Files;
    if (!R.failures())
      ++CleanFiles;
    std::printf("%-36s %4u equal %4u validated %4u rejected-malformed "
                "%4u failed\n",
                llvm::sys::path::filename(F).str().c_str(), R.Equal,
                R.Validated, R.Rejected, R.failures());
    Total.Equal += R.Equal;
    Total.Different += R.Different;
    Total.Rejected += R.Rejected;
    Total.Accepted += R.Accepted;
    Total.ParseFailed += R.ParseFailed;
    Total.Validated += R.Validated;
    Total.Unchecked += R.Unchecked;
    AllFailures.insert(AllFailures.end(), R.Failures.begin(), R.Failures.end());
  }
  std::printf("2.0 suite: %u files, %u without failures; modules: %u equal "
              "to wabt, %u validated (no wabt reference), %u malformed "
              "rejected, %u differ, %u malformed accepted, %u failed to "
              "parse, %u unchecked\n",
              Files, CleanFiles, Total.Equal, Total.Validated, Total.Rejected,
              Total.Different, Total.Accepted, Total.ParseFailed,
              Total.Unchecked);
  for (size_t I = 0; I < AllFailures.size() && I < 200; ++I)
    std::printf("  FAIL %s\n", AllFailures[I].c_str());
  EXPECT_EQ(Total.failures(), 0u);
}

/// The error's kind of missing syntax: the instruction or message, without
/// its position.
std::string missingSyntax(llvm::StringRef Msg) {
  // "file:line:col: message" (a quoted module adds another position).
  size_t P;
  while ((P = Msg.find(": ")) != llvm::StringRef::npos &&
         Msg.take_front(P).contains(':'))
    Msg = Msg.drop_front(P + 2);
  if (Msg.starts_with("quoted module: "))
    Msg = Msg.drop_front(15);
  size_t Q = Msg.find('\'');
  if (Q != llvm::StringRef::npos) {
    size_t Q2 = Msg.find('\'', Q + 1);
    if (Q2 != llvm::StringRef::npos)
      return Msg.take_front(Q2 + 1).str();
  }
  return Msg.take_front(80).str();
}

TEST(SpecSuite, Core30Report) {
  std::string Dir = envOr("ORCA_WASM_SPEC_CORE", ORCA_WASM_SPEC_CORE_DEFAULT);
  if (!llvm::sys::fs::is_directory(Dir))
    GTEST_SKIP() << "*** 3.0 suite not found at " << Dir
                 << " (set ORCA_WASM_SPEC_CORE): NOT RUN ***";
  unsigned Files = 0, Full = 0, ScriptErrors = 0, Modules = 0, Encoded = 0,
           Rejected = 0, Accepted = 0;
  std::map<std::string, unsigned> Missing;
  std::vector<std::string> AcceptedList, ScriptErrorList;
  for (const std::string &F : wastFiles(Dir, true)) {
    ++Files;
    auto Buf = llvm::MemoryBuffer::getFile(F);
    ASSERT_TRUE(bool(Buf));
    auto S = parseWast((*Buf)->getBuffer(), F);
    if (!S) {
      ++ScriptErrors;
      std::string Msg = llvm::toString(S.takeError());
      ScriptErrorList.push_back(Msg);
      ++Missing["(script) " + missingSyntax(Msg)];
      continue;
    }
    bool AllOk = true;
    for (const Command &C : S->Commands) {
      if (!hasModule(C) || C.Module.K == ScriptModule::Binary)
        continue;
      if (isQuoteMalformed(C)) {
        if (C.Module.Error) {
          ++Rejected;
        } else {
          ++Accepted;
          AcceptedList.push_back(F + ":" + std::to_string(C.Line) + " (\"" +
                                 C.Text + "\")");
        }
        continue;
      }
      ++Modules;
      if (C.Module.Error) {
        AllOk = false;
        ++Missing[missingSyntax(*C.Module.Error)];
        if (std::getenv("ORCA_TEXT_VERBOSE"))
          std::printf("  module error: %s\n", C.Module.Error->c_str());
      } else {
        ++Encoded;
      }
    }
    Full += AllOk;
  }
  std::printf("3.0 suite: %u files, %u parse fully (every text module "
              "encoded), %u script errors; text modules: %u of %u encoded; "
              "assert_malformed quote: %u rejected, %u accepted\n",
              Files, Full, ScriptErrors, Encoded, Modules, Rejected, Accepted);
  std::vector<std::pair<unsigned, std::string>> Sorted;
  for (auto &[K, N] : Missing)
    Sorted.emplace_back(N, K);
  std::sort(Sorted.rbegin(), Sorted.rend());
  std::printf("3.0 syntax not encoded yet (modules affected):\n");
  for (auto &[N, K] : Sorted)
    std::printf("  %5u  %s\n", N, K.c_str());
  for (const std::string &E : ScriptErrorList)
    std::printf("  script error: %s\n", E.c_str());
  for (size_t I = 0; I < AcceptedList.size() && I < 100; ++I)
    std::printf("  malformed accepted: %s\n", AcceptedList[I].c_str());
}

} // namespace
