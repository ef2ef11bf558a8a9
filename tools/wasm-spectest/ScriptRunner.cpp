//===- wasm-spectest/ScriptRunner.cpp - Runs one script -------------------===//
//
// Executes the commands of one script in order. Every command that is an
// assertion (all but `register`, which only counts when it fails) ends as
// exactly one pass or one fail; no error path aborts the script. A module
// that fails to load leaves "no current module" (or a dead name) behind, so
// the assertions that depend on it fail with that reason instead of running
// against a stale instance; when it failed for a missing feature, they fail
// as "unsupported: <feature>" too.
//
//===----------------------------------------------------------------------===//

#include "ScriptRunner.h"

#include "SpectestHost.h"
#include "Unsupported.h"
#include "ValueParsing.h"

#include "Runtime/Trap.h"
#include "Support/Error.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
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
  uint64_t Offset = WasmError::NoOffset; // Kind == Wasm
  std::string Message;
  /// The missing feature this failure is about, or "".
  std::string Feature;

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
        F.Offset = W.offset();
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

/// A module name's state: its instance, or why there is none.
struct Slot {
  Instance *I = nullptr;
  std::string Why;     ///< when !I
  std::string Feature; ///< when !I: the missing feature it failed on
};

class Runner {
public:
  Runner(Engine &E, const RunnerOptions &Opts, const std::string &DisplayName,
         const std::string &Path)
      : Opts(Opts), DisplayName(DisplayName), Path(Path),
        TheStore(std::make_unique<Store>(E)) {}

  FileResult run(const Script &S);

private:
  // Command handlers. Each one records exactly one pass or fail, except
  // register, which records only failures.
  void runModule(const Command &C);
  void runInstance(const Command &C);
  void runRegister(const Command &C);
  void runAction(const Command &C);
  void runAssertReturn(const Command &C);
  void runAssertTrap(const Command &C, bool Exhaustion);
  void runAssertModule(const Command &C);

  void pass() { ++Result.Passed; }
  /// Records a failure: "<file>:<line>: <type>: [unsupported: <feature>: ]
  /// <what> expected <e> got <g>".
  void fail(const std::string &What, const std::string &Expected,
            const std::string &Got, const std::string &Feature = "") {
    ++Result.Failed;
    llvm::raw_string_ostream OS(Result.Log);
    OS << DisplayName << ":" << Line << ": " << CmdType << ": ";
    if (!Feature.empty()) {
      ++Result.Unsupported[Feature];
      OS << "unsupported: " << Feature << ": ";
    }
    OS << What;
    if (!Expected.empty() || !Got.empty())
      OS << " expected " << Expected << " got " << Got;
    OS << "\n";
  }

  /// Decodes, validates and compiles \p M; a failure names its missing
  /// feature when it is one.
  llvm::Expected<std::shared_ptr<CompiledModule>>
  compile(const ScriptModule &M, Failure &F, bool ExpectValid);
  /// Instantiates with imports from `spectest` and registered modules.
  std::optional<Instance *>
  instantiate(const std::shared_ptr<CompiledModule> &M, Failure &F);

  /// The instance an action or register names (or the current one).
  Instance *findInstance(const std::string &Id, Failure &F);
  ActionOutcome perform(const ScriptAction &A, std::string &Desc);
  static std::string moduleWhat(const ScriptModule &M) {
    return M.Id.empty() ? "module" : "module $" + M.Id;
  }

  const RunnerOptions &Opts;
  std::string DisplayName;
  std::string Path;
  FileResult Result;

  // Declared before the Store so that externref pointers outlive it.
  ExternRefPool Pool;
  std::unique_ptr<Store> TheStore;
  std::optional<SpectestHost> Host;
  std::string HostError;

  Slot Current{nullptr, "no current module", ""};
  /// "$name" -> instance (or why not).
  llvm::StringMap<Slot> Named;
  /// Registered module names -> instance (or why not).
  llvm::StringMap<Slot> Registered;
  /// Compiled modules by name, for `(module instance $i $m)`.
  llvm::StringMap<std::shared_ptr<CompiledModule>> Definitions;
  llvm::StringMap<std::string> DefinitionFeature;
  std::shared_ptr<CompiledModule> LastDefinition;

  // The command being run, for failure lines.
  uint32_t Line = 0;
  std::string CmdType;
};

} // namespace

FileResult Runner::run(const Script &S) {
  auto H = SpectestHost::create(*TheStore, Opts.Verbose);
  if (H)
    Host.emplace(std::move(*H));
  else
    HostError = classify(H.takeError()).Message;

  if (Opts.Progress) {
    unsigned Total = 0;
    for (const Command &C : S.Commands)
      Total += C.K != CommandKind::Register;
    *Opts.Progress << "#total " << Total << "\n";
  }
  for (const Command &C : S.Commands) {
    if (Opts.Progress)
      *Opts.Progress << "#at " << C.Line << " " << Result.Passed << " "
                     << Result.Failed << "\n";
    Line = C.Line;
    CmdType = commandKindName(C.K);
    switch (C.K) {
    case CommandKind::Module:
      runModule(C);
      break;
    case CommandKind::Instance:
      runInstance(C);
      break;
    case CommandKind::Register:
      runRegister(C);
      break;
    case CommandKind::Action:
      runAction(C);
      break;
    case CommandKind::AssertReturn:
      runAssertReturn(C);
      break;
    case CommandKind::AssertTrap:
      runAssertTrap(C, /*Exhaustion=*/false);
      break;
    case CommandKind::AssertExhaustion:
      runAssertTrap(C, /*Exhaustion=*/true);
      break;
    case CommandKind::AssertException:
      fail("invoke " + quoted(C.Action.Name), "an exception", "not run",
           "exceptions");
      break;
    case CommandKind::AssertInvalid:
    case CommandKind::AssertMalformed:
    case CommandKind::AssertUnlinkable:
    case CommandKind::AssertUninstantiable:
      runAssertModule(C);
      break;
    case CommandKind::Input:
    case CommandKind::Output:
      fail("script input/output commands are not supported", "", "");
      break;
    }
  }
  return std::move(Result);
}

llvm::Expected<std::shared_ptr<CompiledModule>>
Runner::compile(const ScriptModule &M, Failure &F, bool ExpectValid) {
  if (M.Error) {
    F.Kind = Failure::Wasm;
    F.WasmKind = ErrorKind::Malformed;
    F.Message = *M.Error;
    F.Feature = unsupportedInText(*M.Error);
    return makeError(ErrorKind::Malformed, *M.Error);
  }
  auto CM = TheStore->engine().compile(M.Bytes);
  if (!CM) {
    F = classify(CM.takeError());
    if (ExpectValid && F.Kind == Failure::Wasm)
      F.Feature = unsupportedInBinary(F.Message, M.Bytes, F.Offset, Path);
    return makeError(F.WasmKind, F.Message);
  }
  return CM;
}

std::optional<Instance *>
Runner::instantiate(const std::shared_ptr<CompiledModule> &M, Failure &F) {
  std::vector<Extern> Imports;
  for (const Import &Imp : M->imports()) {
    std::optional<Extern> E;
    if (Imp.ModuleName == "spectest" && !Registered.count("spectest")) {
      if (!Host) {
        F = classify(
            makeError(ErrorKind::Unlinkable,
                      "spectest host module unavailable: " + HostError));
        return std::nullopt;
      }
      E = Host->lookup(Imp.FieldName);
    } else {
      auto It = Registered.find(Imp.ModuleName);
      if (It != Registered.end() && It->second.I)
        E = It->second.I->getExport(Imp.FieldName);
      else if (It != Registered.end())
        F.Feature = It->second.Feature;
    }
    if (!E || !*E) {
      std::string Feature = F.Feature;
      F = classify(makeError(ErrorKind::Unlinkable,
                             "unknown import " + quoted(Imp.ModuleName) + "." +
                                 quoted(Imp.FieldName)));
      F.Feature = Feature;
      return std::nullopt;
    }
    Imports.push_back(*E);
  }
  auto I = TheStore->instantiate(M, Imports);
  if (!I) {
    F = classify(I.takeError());
    return std::nullopt;
  }
  return *I;
}

void Runner::runModule(const Command &C) {
  const ScriptModule &M = C.Module;
  std::string What = moduleWhat(M);
  Failure F;
  auto CM = compile(M, F, /*ExpectValid=*/true);
  if (M.IsDefinition) {
    if (!CM) {
      llvm::consumeError(CM.takeError());
      DefinitionFeature[M.Id] = F.Feature;
      Definitions[M.Id] = nullptr;
      LastDefinition = nullptr;
      fail(What, "success", F.describe(), F.Feature);
      return;
    }
    Definitions[M.Id] = *CM;
    DefinitionFeature[M.Id] = "";
    LastDefinition = *CM;
    pass();
    return;
  }
  // Until this module loads, nothing may run against the previous one.
  auto Dead = [&](const Failure &F) {
    Slot S{nullptr, What + " failed to load", F.Feature};
    Current = S;
    if (!M.Id.empty())
      Named[M.Id] = S;
    fail(What, "success", F.describe(), F.Feature);
  };
  if (!CM) {
    llvm::consumeError(CM.takeError());
    return Dead(F);
  }
  if (!M.Id.empty())
    Definitions[M.Id] = *CM;
  auto I = instantiate(*CM, F);
  if (!I)
    return Dead(F);
  Current = Slot{*I, "", ""};
  if (!M.Id.empty())
    Named[M.Id] = Current;
  pass();
}

void Runner::runInstance(const Command &C) {
  std::shared_ptr<CompiledModule> M = LastDefinition;
  std::string Feature;
  if (!C.ModuleId.empty()) {
    auto It = Definitions.find(C.ModuleId);
    M = It == Definitions.end() ? nullptr : It->second;
    Feature = DefinitionFeature.lookup(C.ModuleId);
  }
  std::string What =
      "instance" + (C.Id.empty() ? "" : " $" + C.Id) + " of " +
      (C.ModuleId.empty() ? "the last definition" : "$" + C.ModuleId);
  auto Dead = [&](const std::string &Why, const std::string &Feature) {
    Slot S{nullptr, What + " failed", Feature};
    Current = S;
    if (!C.Id.empty())
      Named[C.Id] = S;
    fail(What, "success", Why, Feature);
  };
  if (!M)
    return Dead("no such module definition (or it failed)", Feature);
  Failure F;
  auto I = instantiate(M, F);
  if (!I)
    return Dead(F.describe(), F.Feature);
  Current = Slot{*I, "", ""};
  if (!C.Id.empty())
    Named[C.Id] = Current;
  pass();
}

Instance *Runner::findInstance(const std::string &Id, Failure &F) {
  const Slot *S = &Current;
  Slot Unknown{nullptr, "unknown module $" + Id, ""};
  if (!Id.empty()) {
    auto It = Named.find(Id);
    S = It == Named.end() ? &Unknown : &It->second;
  }
  if (!S->I) {
    F.Kind = Failure::Other;
    F.Message = S->Why;
    if (Id.empty() && S->Why == "no current module")
      F.Message = "no current module";
    else if (Id.empty())
      F.Message = "no current module (the last module failed to load)";
    F.Feature = S->Feature;
  }
  return S->I;
}

void Runner::runRegister(const Command &C) {
  Failure F;
  Instance *I = findInstance(C.ModuleId, F);
  // Register even a failed module (as null), so that importers fail with
  // "unknown import" rather than resolving to an older registration.
  Registered[C.Text] = Slot{I, F.Message, F.Feature};
  if (!I)
    fail("register \"" + C.Text + "\": " + F.Message, "", "", F.Feature);
}

ActionOutcome Runner::perform(const ScriptAction &A, std::string &Desc) {
  ActionOutcome Out;
  Desc = A.K == ScriptAction::Invoke ? "invoke " : "get ";
  if (!A.ModuleId.empty())
    Desc += "$" + A.ModuleId + ".";
  Desc += quoted(A.Name);

  std::vector<Value> Args;
  for (const ScriptValue &SV : A.Args) {
    auto V = toValue(SV, Pool);
    if (!V) {
      Failure F = classify(V.takeError());
      StringRef Msg = F.Message;
      if (Msg.consume_front("unsupported: "))
        F.Feature = Msg.split(' ').first.str();
      Desc += formatScriptValues(A.Args);
      Out.Fail = std::move(F);
      return Out;
    }
    Args.push_back(*V);
  }
  if (A.K == ScriptAction::Invoke)
    Desc += formatValues(Args, Pool);

  auto Err = [&](std::string Msg) {
    Failure F;
    F.Message = std::move(Msg);
    Out.Fail = std::move(F);
    return std::move(Out);
  };
  Failure F;
  Instance *I = findInstance(A.ModuleId, F);
  if (!I) {
    Out.Fail = std::move(F);
    return Out;
  }
  std::optional<Extern> E = I->getExport(A.Name);
  if (!E || !*E)
    return Err("no export " + quoted(A.Name));

  if (A.K == ScriptAction::Invoke) {
    if (E->Kind != ExternKind::Func)
      return Err("export " + quoted(A.Name) + " is not a function");
    auto R = TheStore->call(*E, Args);
    if (!R) {
      Out.Fail = classify(R.takeError());
      return Out;
    }
    Out.Results = std::move(*R);
    return Out;
  }
  if (E->Kind != ExternKind::Global)
    return Err("export " + quoted(A.Name) + " is not a global");
  Out.Results.push_back(TheStore->getGlobal(*E));
  return Out;
}

void Runner::runAction(const Command &C) {
  std::string Desc;
  ActionOutcome O = perform(C.Action, Desc);
  if (O.Fail) {
    fail(Desc, "success", O.Fail->describe(), O.Fail->Feature);
    return;
  }
  pass();
}

void Runner::runAssertReturn(const Command &C) {
  std::string Desc;
  ActionOutcome O = perform(C.Action, Desc);
  std::string ExpStr = formatPatterns(C.Results);
  std::string Feature;
  for (const ResultPattern &P : C.Results)
    if (Feature.empty())
      Feature = unsupportedFeatureOf(P);
  if (O.Fail) {
    fail(Desc, ExpStr, O.Fail->describe(),
         O.Fail->Feature.empty() ? Feature : O.Fail->Feature);
    return;
  }
  bool Ok = O.Results.size() == C.Results.size();
  for (size_t I = 0; Ok && I < C.Results.size(); ++I)
    Ok = matches(C.Results[I], O.Results[I], Pool);
  if (!Ok) {
    fail(Desc, ExpStr, formatValues(O.Results, Pool, C.Results), Feature);
    return;
  }
  pass();
}

void Runner::runAssertTrap(const Command &C, bool Exhaustion) {
  std::string ExpStr = "trap \"" + C.Text + "\"";
  if (C.OnModule) {
    // A module whose instantiation traps (its start function, 2.0's
    // out-of-bounds segments).
    std::string What = moduleWhat(C.Module);
    Failure F;
    auto CM = compile(C.Module, F, /*ExpectValid=*/true);
    if (!CM) {
      llvm::consumeError(CM.takeError());
      fail(What, ExpStr, F.describe(), F.Feature);
      return;
    }
    auto I = instantiate(*CM, F);
    if (I) {
      fail(What, ExpStr, "success");
      return;
    }
    // The engine reports a trap during instantiation (2.0's out-of-bounds
    // segments) as an uninstantiable module.
    bool Trapped =
        F.Kind == Failure::Trap ||
        (F.Kind == Failure::Wasm && F.WasmKind == ErrorKind::Uninstantiable);
    if (!Trapped || !trapTextMatches(F.Message, C.Text)) {
      fail(What, ExpStr, F.describe(), F.Feature);
      return;
    }
    pass();
    return;
  }
  std::string Desc;
  ActionOutcome O = perform(C.Action, Desc);
  if (!O.Fail) {
    fail(Desc, ExpStr, formatValues(O.Results, Pool));
    return;
  }
  const Failure &F = *O.Fail;
  bool Ok = F.Kind == Failure::Trap &&
            (trapTextMatches(F.Message, C.Text) ||
             (Exhaustion && F.Code == TrapCode::StackOverflow));
  if (!Ok) {
    fail(Desc, ExpStr, F.describe(), F.Feature);
    return;
  }
  pass();
}

void Runner::runAssertModule(const Command &C) {
  const ScriptModule &M = C.Module;
  std::string What = moduleWhat(M);
  if (M.K == ScriptModule::Quote)
    What = "module quote";
  bool Invalid = C.K == CommandKind::AssertInvalid;
  bool Malformed = C.K == CommandKind::AssertMalformed;
  if (Invalid || Malformed) {
    std::string ExpStr =
        std::string(Invalid ? "invalid" : "malformed") + " \"" + C.Text + "\"";
    Failure F;
    auto CM = compile(M, F, /*ExpectValid=*/false);
    if (CM) {
      fail(What, ExpStr, "success");
      return;
    }
    llvm::consumeError(CM.takeError());
    // Rejected because the parser cannot encode a 3.0 construct yet: the
    // assertion was not really checked.
    if (!F.Feature.empty()) {
      fail(What, ExpStr, F.describe(), F.Feature);
      return;
    }
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

  bool Unlinkable = C.K == CommandKind::AssertUnlinkable;
  std::string ExpStr =
      std::string(Unlinkable ? "unlinkable" : "uninstantiable") + " \"" +
      C.Text + "\"";
  Failure F;
  auto CM = compile(M, F, /*ExpectValid=*/true);
  if (!CM) {
    llvm::consumeError(CM.takeError());
    fail(What, ExpStr, "compile error: " + F.describe(), F.Feature);
    return;
  }
  auto I = instantiate(*CM, F);
  if (I) {
    fail(What, ExpStr, "success");
    return;
  }
  bool Ok = Unlinkable
                ? F.Kind == Failure::Wasm && F.WasmKind == ErrorKind::Unlinkable
                : F.Kind == Failure::Trap ||
                      (F.Kind == Failure::Wasm &&
                       F.WasmKind == ErrorKind::Uninstantiable);
  if (!Ok) {
    fail(What, ExpStr, F.describe(), F.Feature);
    return;
  }
  pass();
}

FileResult spectest::runScript(Engine &E, const RunnerOptions &Opts,
                               const std::string &DisplayName,
                               const std::string &Path, const Script &S) {
  Runner R(E, Opts, DisplayName, Path);
  return R.run(S);
}
