//===- wasm-spectest/ScriptRunner.cpp - Runs one converted script ---------===//
//
// Executes the commands of one wast2json script in order. Every command that
// is an assertion (all but `register`, which only counts when it fails)
// ends as exactly one pass or one fail; no error path aborts the script.
// A module that fails to load leaves "no current module" (or a dead name)
// behind, so the assertions that depend on it fail with that reason instead
// of running against a stale instance.
//
//===----------------------------------------------------------------------===//

#include "ScriptRunner.h"

#include "SpectestHost.h"
#include "ValueParsing.h"

#include "Runtime/Trap.h"
#include "Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>

using namespace orca;
using namespace orca::spectest;
using llvm::StringRef;

namespace {

/// An llvm::Error flattened into what the assertions look at.
struct Failure {
  enum KindT : uint8_t { Wasm, Trap, Other };
  KindT Kind = Other;
  ErrorKind WasmKind = ErrorKind::Usage; // Kind == Wasm
  TrapCode Code = TrapCode::HostError;   // Kind == Trap
  std::string Message;

  std::string describe() const {
    switch (Kind) {
    case Wasm:
      return std::string(errorKindName(WasmKind)) + " \"" + Message + "\"";
    case Trap:
      return "trap \"" + Message + "\"";
    case Other:
      break;
    }
    return "error \"" + Message + "\"";
  }
};

Failure classify(llvm::Error E) {
  Failure F;
  llvm::handleAllErrors(
      std::move(E),
      [&](const TrapError &T) {
        F.Kind = Failure::Trap;
        F.Code = T.code();
        F.Message = T.text();
      },
      [&](const WasmError &W) {
        F.Kind = Failure::Wasm;
        F.WasmKind = W.kind();
        F.Message = W.text();
      },
      [&](const llvm::ErrorInfoBase &Other) {
        F.Kind = Failure::Other;
        F.Message = Other.message();
      });
  return F;
}

/// \p Name in double quotes, non-printable bytes escaped (the names.wast
/// exports include control characters).
std::string quoted(StringRef Name) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << '"';
  llvm::printEscapedString(Name, OS);
  OS << '"';
  return S;
}

/// The result of performing an action (invoke or get).
struct ActionOutcome {
  std::vector<Value> Results;
  std::optional<Failure> Fail; // set when the action did not complete
};

/// Lenient trap-text match: ours contains the expected text, or the
/// expected text starts with ours (scripts sometimes say more, e.g.
/// "uninitialized element 2").
bool trapTextMatches(StringRef Ours, StringRef Expected) {
  if (Expected.empty())
    return true;
  if (Ours.contains(Expected))
    return true;
  return !Ours.empty() && Expected.starts_with(Ours);
}

class Runner {
public:
  Runner(Engine &E, const RunnerOptions &Opts, const std::string &DisplayName,
         const std::string &JsonDir)
      : Opts(Opts), DisplayName(DisplayName), JsonDir(JsonDir),
        TheStore(std::make_unique<Store>(E)) {}

  FileResult run(const llvm::json::Object &Script);

private:
  // Command handlers. Each one records exactly one pass or fail, except
  // register, which records only failures.
  void runModule(const llvm::json::Object &C);
  void runRegister(const llvm::json::Object &C);
  void runAction(const llvm::json::Object &C);
  void runAssertReturn(const llvm::json::Object &C);
  void runAssertTrap(const llvm::json::Object &C, bool Exhaustion);
  void runAssertModule(const llvm::json::Object &C, StringRef Type);

  void pass() { ++Result.Passed; }
  /// Records a failure: "<file>:<line>: <type>: <what> expected <e> got <g>".
  void fail(const std::string &What, const std::string &Expected,
            const std::string &Got) {
    ++Result.Failed;
    llvm::raw_string_ostream OS(Result.Log);
    OS << DisplayName << ":" << Line << ": " << CmdType << ": " << What;
    if (!Expected.empty() || !Got.empty())
      OS << " expected " << Expected << " got " << Got;
    OS << "\n";
  }
  void skipText() {
    ++Result.Skipped;
    ++Result.SkippedText;
  }

  /// The instance an action or register names (or the current one).
  Instance *findInstance(std::optional<StringRef> Name, std::string &Why);
  ActionOutcome perform(const llvm::json::Object &Action, std::string &Desc);
  std::string describeAction(const llvm::json::Object &Action,
                             llvm::ArrayRef<Value> Args);

  llvm::Expected<std::shared_ptr<CompiledModule>>
  compileFile(StringRef FileName);
  llvm::Expected<Instance *>
  instantiate(const std::shared_ptr<CompiledModule> &M);

  const RunnerOptions &Opts;
  std::string DisplayName;
  std::string JsonDir;
  FileResult Result;

  // Declared before the Store so that externref pointers outlive it.
  ExternRefPool Pool;
  std::unique_ptr<Store> TheStore;
  std::optional<SpectestHost> Host;
  std::string HostError;

  Instance *Current = nullptr;
  /// "$name" -> instance; nullptr when the named module failed to load.
  llvm::StringMap<Instance *> Named;
  /// Registered module names -> instance.
  llvm::StringMap<Instance *> Registered;

  // The command being run, for failure lines.
  int64_t Line = 0;
  std::string CmdType;
};

} // namespace

FileResult Runner::run(const llvm::json::Object &Script) {
  auto H = SpectestHost::create(*TheStore, Opts.Verbose);
  if (H)
    Host.emplace(std::move(*H));
  else
    HostError = classify(H.takeError()).Message;

  const llvm::json::Array *Commands = Script.getArray("commands");
  if (!Commands) {
    CmdType = "script";
    fail("no \"commands\" array in the converted script", "", "");
    return std::move(Result);
  }
  if (Opts.Progress) {
    unsigned Total = 0;
    for (const llvm::json::Value &CV : *Commands) {
      const llvm::json::Object *C = CV.getAsObject();
      // As run() counts: no register, no skipped text modules.
      Total += !C || (C->getString("type") != "register" &&
                      C->getString("module_type") != "text");
    }
    *Opts.Progress << "#total " << Total << "\n";
  }
  for (const llvm::json::Value &CV : *Commands) {
    const llvm::json::Object *C = CV.getAsObject();
    if (Opts.Progress)
      *Opts.Progress << "#at " << (C ? C->getInteger("line").value_or(0) : 0)
                     << " " << Result.Passed << " " << Result.Failed << "\n";
    Line = 0;
    CmdType = "command";
    if (!C) {
      fail("command is not a JSON object", "", "");
      continue;
    }
    Line = C->getInteger("line").value_or(0);
    CmdType = C->getString("type").value_or("<no type>").str();
    StringRef Type = CmdType;
    if (Type == "module")
      runModule(*C);
    else if (Type == "register")
      runRegister(*C);
    else if (Type == "action")
      runAction(*C);
    else if (Type == "assert_return")
      runAssertReturn(*C);
    else if (Type == "assert_trap")
      runAssertTrap(*C, /*Exhaustion=*/false);
    else if (Type == "assert_exhaustion")
      runAssertTrap(*C, /*Exhaustion=*/true);
    else if (Type == "assert_invalid" || Type == "assert_malformed" ||
             Type == "assert_unlinkable" || Type == "assert_uninstantiable")
      runAssertModule(*C, Type);
    else
      fail("unknown command type", "", "");
  }
  return std::move(Result);
}

llvm::Expected<std::shared_ptr<CompiledModule>>
Runner::compileFile(StringRef FileName) {
  llvm::SmallString<256> Path(JsonDir);
  llvm::sys::path::append(Path, FileName);
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return makeError(ErrorKind::Usage, "cannot read " + Path.str().str() +
                                           ": " + Buf.getError().message());
  StringRef Data = (*Buf)->getBuffer();
  std::vector<uint8_t> Bytes(Data.begin(), Data.end());
  return TheStore->engine().compile(std::move(Bytes));
}

llvm::Expected<Instance *>
Runner::instantiate(const std::shared_ptr<CompiledModule> &M) {
  std::vector<Extern> Imports;
  for (const Import &Imp : M->imports()) {
    std::optional<Extern> E;
    if (Imp.ModuleName == "spectest" && !Registered.count("spectest")) {
      if (!Host)
        return makeError(ErrorKind::Unlinkable,
                         "spectest host module unavailable: " + HostError);
      E = Host->lookup(Imp.FieldName);
    } else {
      auto It = Registered.find(Imp.ModuleName);
      if (It != Registered.end() && It->second)
        E = It->second->getExport(Imp.FieldName);
    }
    if (!E || !*E)
      return makeError(ErrorKind::Unlinkable, "unknown import " +
                                                  quoted(Imp.ModuleName) + "." +
                                                  quoted(Imp.FieldName));
    Imports.push_back(*E);
  }
  return TheStore->instantiate(M, Imports);
}

void Runner::runModule(const llvm::json::Object &C) {
  std::optional<StringRef> Name = C.getString("name");
  // Until this module loads, nothing may run against the previous one.
  Current = nullptr;
  if (Name)
    Named[*Name] = nullptr;

  std::optional<StringRef> File = C.getString("filename");
  std::string What = "module";
  if (Name)
    What += " " + Name->str();
  if (File)
    What += " (" + File->str() + ")";
  if (C.getString("module_type").value_or("binary") == "text") {
    // A text module the runner cannot load: its dependents fail.
    skipText();
    return;
  }
  if (!File) {
    fail(What + ": no filename", "", "");
    return;
  }
  auto M = compileFile(*File);
  if (!M) {
    fail(What, "success", classify(M.takeError()).describe());
    return;
  }
  auto I = instantiate(*M);
  if (!I) {
    fail(What, "success", classify(I.takeError()).describe());
    return;
  }
  Current = *I;
  if (Name)
    Named[*Name] = *I;
  pass();
}

Instance *Runner::findInstance(std::optional<StringRef> Name,
                               std::string &Why) {
  if (!Name) {
    if (!Current)
      Why = "no current module (the last module failed to load)";
    return Current;
  }
  auto It = Named.find(*Name);
  if (It == Named.end()) {
    Why = "unknown module " + Name->str();
    return nullptr;
  }
  if (!It->second)
    Why = "module " + Name->str() + " failed to load";
  return It->second;
}

void Runner::runRegister(const llvm::json::Object &C) {
  std::optional<StringRef> As = C.getString("as");
  std::string Why;
  Instance *I = findInstance(C.getString("name"), Why);
  if (!As) {
    fail("register without \"as\"", "", "");
    return;
  }
  // Register even a failed module (as null), so that importers fail with
  // "unknown import" rather than resolving to an older registration.
  Registered[*As] = I;
  if (!I)
    fail("register \"" + As->str() + "\": " + Why, "", "");
}

std::string Runner::describeAction(const llvm::json::Object &Action,
                                   llvm::ArrayRef<Value> Args) {
  std::string S = Action.getString("type").value_or("<no type>").str();
  S += " ";
  if (std::optional<StringRef> M = Action.getString("module"))
    S += M->str() + ".";
  S += quoted(Action.getString("field").value_or(""));
  if (S.starts_with("invoke"))
    S += formatValues(Args, Pool);
  return S;
}

ActionOutcome Runner::perform(const llvm::json::Object &Action,
                              std::string &Desc) {
  ActionOutcome Out;
  auto Err = [&](std::string Msg) {
    Failure F;
    F.Message = std::move(Msg);
    Out.Fail = std::move(F);
    return std::move(Out);
  };

  auto Args = parseArguments(Action.getArray("args"), Pool);
  if (!Args) {
    Desc = describeAction(Action, {});
    return Err("bad arguments: " + classify(Args.takeError()).Message);
  }
  Desc = describeAction(Action, *Args);

  std::string Why;
  Instance *I = findInstance(Action.getString("module"), Why);
  if (!I)
    return Err(Why);
  std::optional<StringRef> Field = Action.getString("field");
  if (!Field)
    return Err("action without a field");
  std::optional<Extern> E = I->getExport(std::string_view(*Field));
  if (!E || !*E)
    return Err("no export " + quoted(*Field));

  StringRef Type = Action.getString("type").value_or("");
  if (Type == "invoke") {
    if (E->Kind != ExternKind::Func)
      return Err("export " + quoted(*Field) + " is not a function");
    auto R = TheStore->call(*E, *Args);
    if (!R) {
      Out.Fail = classify(R.takeError());
      return Out;
    }
    Out.Results = std::move(*R);
    return Out;
  }
  if (Type == "get") {
    if (E->Kind != ExternKind::Global)
      return Err("export " + quoted(*Field) + " is not a global");
    Out.Results.push_back(TheStore->getGlobal(*E));
    return Out;
  }
  return Err("unknown action type \"" + Type.str() + "\"");
}

void Runner::runAction(const llvm::json::Object &C) {
  const llvm::json::Object *Action = C.getObject("action");
  if (!Action) {
    fail("no action", "", "");
    return;
  }
  std::string Desc;
  ActionOutcome O = perform(*Action, Desc);
  if (O.Fail) {
    fail(Desc, "success", O.Fail->describe());
    return;
  }
  pass();
}

void Runner::runAssertReturn(const llvm::json::Object &C) {
  const llvm::json::Object *Action = C.getObject("action");
  if (!Action) {
    fail("no action", "", "");
    return;
  }
  std::string Desc;
  ActionOutcome O = perform(*Action, Desc);

  // Each result position has one or more acceptable values: `(either ...)`
  // lists alternatives. wast2json 1.0.32 writes a top-level "either" array
  // (the script's only result); later versions write an "expected" element
  // {"type": "either", "values": [...]} per position.
  std::vector<std::vector<ExpectedValue>> Expected;
  auto Parse = [&](const llvm::json::Value &EV,
                   std::vector<ExpectedValue> &Out) {
    auto E = parseExpected(EV);
    if (!E) {
      fail(Desc + ": bad expected value: " + classify(E.takeError()).Message,
           "", "");
      return false;
    }
    Out.push_back(std::move(*E));
    return true;
  };
  if (const llvm::json::Array *EA = C.getArray("expected")) {
    for (const llvm::json::Value &EV : *EA) {
      std::vector<ExpectedValue> &Alts = Expected.emplace_back();
      const llvm::json::Object *EO = EV.getAsObject();
      if (EO && EO->getString("type") == "either") {
        const llvm::json::Array *Vs = EO->getArray("values");
        if (!Vs || Vs->empty()) {
          fail(Desc + ": bad expected value: either without values", "", "");
          return;
        }
        for (const llvm::json::Value &V : *Vs)
          if (!Parse(V, Alts))
            return;
      } else if (!Parse(EV, Alts)) {
        return;
      }
    }
  }
  if (const llvm::json::Array *Either = C.getArray("either")) {
    std::vector<ExpectedValue> &Alts = Expected.emplace_back();
    for (const llvm::json::Value &V : *Either)
      if (!Parse(V, Alts))
        return;
  }
  std::string ExpStr = formatExpectedAlternatives(Expected);
  if (O.Fail) {
    fail(Desc, ExpStr, O.Fail->describe());
    return;
  }
  bool Ok = O.Results.size() == Expected.size();
  for (size_t I = 0; Ok && I < Expected.size(); ++I)
    Ok = llvm::any_of(Expected[I], [&](const ExpectedValue &E) {
      return matches(E, O.Results[I], Pool);
    });
  if (!Ok) {
    std::vector<ExpectedValue> Hints;
    for (const std::vector<ExpectedValue> &Alts : Expected)
      Hints.push_back(Alts.front());
    fail(Desc, ExpStr, formatValues(O.Results, Pool, Hints));
    return;
  }
  pass();
}

void Runner::runAssertTrap(const llvm::json::Object &C, bool Exhaustion) {
  const llvm::json::Object *Action = C.getObject("action");
  if (!Action) {
    fail("no action", "", "");
    return;
  }
  StringRef Text = C.getString("text").value_or("");
  std::string ExpStr = "trap \"" + Text.str() + "\"";
  std::string Desc;
  ActionOutcome O = perform(*Action, Desc);
  if (!O.Fail) {
    fail(Desc, ExpStr, formatValues(O.Results, Pool));
    return;
  }
  const Failure &F = *O.Fail;
  bool Ok = F.Kind == Failure::Trap &&
            (trapTextMatches(F.Message, Text) ||
             (Exhaustion && F.Code == TrapCode::StackOverflow));
  if (!Ok) {
    fail(Desc, ExpStr, F.describe());
    return;
  }
  pass();
}

void Runner::runAssertModule(const llvm::json::Object &C, StringRef Type) {
  std::optional<StringRef> File = C.getString("filename");
  StringRef Text = C.getString("text").value_or("");
  std::string What = "module";
  if (File)
    What += " (" + File->str() + ")";
  if (C.getString("module_type").value_or("binary") == "text") {
    skipText();
    return;
  }
  if (!File) {
    fail(What + ": no filename", "", "");
    return;
  }

  auto M = compileFile(*File);
  if (Type == "assert_invalid" || Type == "assert_malformed") {
    std::string ExpStr =
        std::string(Type == "assert_invalid" ? "invalid" : "malformed") +
        " \"" + Text.str() + "\"";
    if (M) {
      fail(What, ExpStr, "success");
      return;
    }
    Failure F = classify(M.takeError());
    // A module rejected while decoding or while validating both count: the
    // spec's split between the two is not observable to an embedder.
    if (F.Kind == Failure::Wasm && (F.WasmKind == ErrorKind::Invalid ||
                                    F.WasmKind == ErrorKind::Malformed)) {
      pass();
      return;
    }
    fail(What, ExpStr, F.describe());
    return;
  }

  bool Unlinkable = Type == "assert_unlinkable";
  std::string ExpStr =
      std::string(Unlinkable ? "unlinkable" : "uninstantiable") + " \"" +
      Text.str() + "\"";
  if (!M) {
    fail(What, ExpStr, "compile error: " + classify(M.takeError()).describe());
    return;
  }
  auto I = instantiate(*M);
  if (I) {
    fail(What, ExpStr, "success");
    return;
  }
  Failure F = classify(I.takeError());
  bool Ok = Unlinkable
                ? F.Kind == Failure::Wasm && F.WasmKind == ErrorKind::Unlinkable
                : F.Kind == Failure::Trap ||
                      (F.Kind == Failure::Wasm &&
                       F.WasmKind == ErrorKind::Uninstantiable);
  if (!Ok) {
    fail(What, ExpStr, F.describe());
    return;
  }
  pass();
}

FileResult spectest::runScript(Engine &E, const RunnerOptions &Opts,
                               const std::string &DisplayName,
                               const std::string &JsonDir,
                               const llvm::json::Object &Script) {
  Runner R(E, Opts, DisplayName, JsonDir);
  return R.run(Script);
}
