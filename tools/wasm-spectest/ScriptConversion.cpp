//===- wasm-spectest/ScriptConversion.cpp - .wast -> JSON -----------------===//
//
// wast2json is run with llvm::sys::ExecuteAndWait, its stderr captured into
// the temporary directory so that a conversion failure can be reported.
//
//===----------------------------------------------------------------------===//

#include "ScriptConversion.h"

#include "ValueParsing.h"

#include "Support/Error.h"
#include "Text/Wat.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

using namespace orca;
using namespace orca::spectest;
using llvm::StringRef;

ProposalInfo spectest::proposalFor(StringRef WastPath) {
  ProposalInfo P;
  // The suites run here (the 2.0 core files and the proposals' folders)
  // predate 3.0's relaxation of global.get in constant expressions
  // (WebAssembly/gc#490) and test the imported-only rule, so it is off for
  // all of them; 3.0 core files want it on.
  Features Base;
  Base.ConstExprDefinedGlobals = false;
  P.Feat = Base;
  // Find ".../proposals/<name>/<file>.wast".
  llvm::SmallVector<StringRef, 16> Parts;
  for (auto It = llvm::sys::path::begin(WastPath),
            E = llvm::sys::path::end(WastPath);
       It != E; ++It)
    Parts.push_back(*It);
  for (size_t I = 0; I + 2 < Parts.size(); ++I) {
    if (Parts[I] != "proposals")
      continue;
    P.Name = Parts[I + 1].str();
    Features F = Base;
    StringRef N = P.Name;
    if (N == "threads") {
      P.Wast2JsonFlags = {"--enable-threads"};
      F.Threads = true;
    } else if (N == "memory64") {
      P.Wast2JsonFlags = {"--enable-memory64"};
      F.Memory64 = true;
    } else if (N == "multi-memory") {
      P.Wast2JsonFlags = {"--enable-multi-memory"};
      F.MultiMemory = true;
    } else if (N == "tail-call") {
      P.Wast2JsonFlags = {"--enable-tail-call"};
      F.TailCall = true;
    } else if (N == "extended-const") {
      P.Wast2JsonFlags = {"--enable-extended-const"};
      F.ExtendedConst = true;
    } else if (N == "exception-handling") {
      // Orca has no exception-handling feature: convertible, not runnable.
      P.Wast2JsonFlags = {"--enable-exceptions", "--enable-tail-call"};
      P.Feat.reset();
      return P;
    } else {
      P.Feat.reset();
      return P;
    }
    P.Feat = F;
    return P;
  }
  return P;
}

ConvertedScript::ConvertedScript(ConvertedScript &&O)
    : Dir(std::move(O.Dir)), Script(std::move(O.Script)) {
  O.Dir.clear();
}

ConvertedScript::~ConvertedScript() {
  if (!Dir.empty())
    (void)llvm::sys::fs::remove_directories(Dir, /*IgnoreErrors=*/true);
}

static llvm::Error usage(const llvm::Twine &Msg) {
  return makeError(ErrorKind::Usage, Msg.str());
}

llvm::Expected<ConvertedScript>
ConvertedScript::convert(StringRef Wast2Json, StringRef WastPath,
                         llvm::ArrayRef<std::string> Flags) {
  ConvertedScript CS;
  llvm::SmallString<128> Dir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("orca-spectest", Dir))
    return usage("cannot create a temporary directory: " + EC.message());
  CS.Dir = Dir.str().str();

  llvm::SmallString<128> Json(Dir), Log(Dir);
  llvm::sys::path::append(Json, llvm::sys::path::stem(WastPath) + ".json");
  llvm::sys::path::append(Log, "wast2json.log");

  std::vector<StringRef> Args = {Wast2Json, WastPath};
  for (const std::string &F : Flags)
    Args.push_back(F);
  Args.push_back("-o");
  Args.push_back(Json);
  std::optional<StringRef> Redirects[] = {StringRef(""), Log.str(), Log.str()};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(Wast2Json, Args, /*Env=*/std::nullopt,
                                     Redirects, /*SecondsToWait=*/300,
                                     /*MemoryLimit=*/0, &ErrMsg);
  if (RC != 0) {
    std::string Output;
    if (auto B = llvm::MemoryBuffer::getFile(Log))
      // The first line holds the error; the rest quotes the source.
      Output = (*B)->getBuffer().split('\n').first.rtrim().str();
    return usage("wast2json failed (" +
                 (ErrMsg.empty() ? "exit " + std::to_string(RC) : ErrMsg) +
                 ")" + (Output.empty() ? "" : ": " + Output));
  }

  auto Buf = llvm::MemoryBuffer::getFile(Json);
  if (!Buf)
    return usage("cannot read " + Json + ": " + Buf.getError().message());
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return usage("bad JSON from wast2json: " + llvm::toString(V.takeError()));
  if (!V->getAsObject())
    return usage("wast2json output is not a JSON object");
  CS.Script = std::move(*V);
  return CS;
}

static std::string stripDollar(StringRef Name) {
  Name.consume_front("$");
  return Name.str();
}

/// Reads the module file \p File of \p Dir into \p M: a .wasm as it is, a
/// text module through the parser (its error kept, as the .wast parser
/// does).
static llvm::Error readModule(StringRef Dir, StringRef File, bool IsText,
                              const WatOptions &Opts, ScriptModule &M) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, File);
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return usage("cannot read " + Path + ": " + Buf.getError().message());
  StringRef Data = (*Buf)->getBuffer();
  if (!IsText) {
    M.K = ScriptModule::Binary;
    M.Bytes.assign(Data.begin(), Data.end());
    return llvm::Error::success();
  }
  M.K = ScriptModule::Quote;
  M.Source = Data.str();
  auto Bytes = parseWat(Data, File, Opts);
  if (!Bytes)
    M.Error = llvm::toString(Bytes.takeError());
  else
    M.Bytes = std::move(*Bytes);
  return llvm::Error::success();
}

static llvm::Error readAction(const llvm::json::Object *A, ScriptAction &Out) {
  if (!A)
    return usage("no action");
  StringRef Type = A->getString("type").value_or("");
  if (Type != "invoke" && Type != "get")
    return usage("unknown action type \"" + Type + "\"");
  Out.K = Type == "invoke" ? ScriptAction::Invoke : ScriptAction::Get;
  Out.ModuleId = stripDollar(A->getString("module").value_or(""));
  std::optional<StringRef> Field = A->getString("field");
  if (!Field)
    return usage("action without a field");
  Out.Name = Field->str();
  if (const llvm::json::Array *Args = A->getArray("args"))
    for (const llvm::json::Value &V : *Args) {
      auto SV = parseJsonValue(V);
      if (!SV)
        return usage("bad arguments: " + llvm::toString(SV.takeError()));
      Out.Args.push_back(std::move(*SV));
    }
  return llvm::Error::success();
}

llvm::Expected<Script> spectest::scriptFromJson(const llvm::json::Object &Json,
                                                StringRef Dir,
                                                StringRef FileName,
                                                const WatOptions &Opts) {
  Script S;
  S.FileName = FileName.str();
  const llvm::json::Array *Commands = Json.getArray("commands");
  if (!Commands)
    return usage("no \"commands\" array in the JSON script");
  for (const llvm::json::Value &CV : *Commands) {
    const llvm::json::Object *J = CV.getAsObject();
    if (!J)
      return usage("command is not a JSON object");
    Command C;
    C.Line = uint32_t(J->getInteger("line").value_or(0));
    StringRef Type = J->getString("type").value_or("");
    auto Where = [&](const llvm::Twine &Msg) {
      return usage(FileName + ":" + llvm::Twine(C.Line) + ": " + Msg);
    };
    C.Text = J->getString("text").value_or("").str();
    bool HasModule = false;
    if (Type == "module") {
      C.K = CommandKind::Module;
      HasModule = true;
    } else if (Type == "register") {
      C.K = CommandKind::Register;
      C.Text = J->getString("as").value_or("").str();
      C.ModuleId = stripDollar(J->getString("name").value_or(""));
    } else if (Type == "action" || Type == "assert_return" ||
               Type == "assert_trap" || Type == "assert_exhaustion" ||
               Type == "assert_exception") {
      C.K = Type == "action"              ? CommandKind::Action
            : Type == "assert_return"     ? CommandKind::AssertReturn
            : Type == "assert_trap"       ? CommandKind::AssertTrap
            : Type == "assert_exhaustion" ? CommandKind::AssertExhaustion
                                          : CommandKind::AssertException;
      if (llvm::Error E = readAction(J->getObject("action"), C.Action))
        return Where(llvm::toString(std::move(E)));
    } else if (Type == "assert_invalid" || Type == "assert_malformed" ||
               Type == "assert_unlinkable" || Type == "assert_uninstantiable") {
      C.K = Type == "assert_invalid"      ? CommandKind::AssertInvalid
            : Type == "assert_malformed"  ? CommandKind::AssertMalformed
            : Type == "assert_unlinkable" ? CommandKind::AssertUnlinkable
                                          : CommandKind::AssertUninstantiable;
      HasModule = true;
    } else {
      return Where("unknown command type \"" + Type + "\"");
    }
    if (HasModule) {
      std::optional<StringRef> File = J->getString("filename");
      if (!File)
        return Where("no filename");
      C.Module.Id = stripDollar(J->getString("name").value_or(""));
      C.Module.Line = C.Line;
      if (llvm::Error E =
              readModule(Dir, *File, J->getString("module_type") == "text",
                         Opts, C.Module))
        return Where(llvm::toString(std::move(E)));
    }
    if (C.K == CommandKind::AssertReturn) {
      // wast2json 1.0.32 writes a top-level "either" array (the script's
      // only result); later versions an "expected" element
      // {"type": "either", "values": [...]} per position.
      if (const llvm::json::Array *EA = J->getArray("expected"))
        for (const llvm::json::Value &EV : *EA) {
          auto P = parseJsonPattern(EV);
          if (!P)
            return Where("bad expected value: " +
                         llvm::toString(P.takeError()));
          C.Results.push_back(std::move(*P));
        }
      if (const llvm::json::Array *Either = J->getArray("either")) {
        ResultPattern P;
        P.K = ResultPattern::Either;
        for (const llvm::json::Value &EV : *Either) {
          auto Alt = parseJsonPattern(EV);
          if (!Alt)
            return Where("bad expected value: " +
                         llvm::toString(Alt.takeError()));
          P.Sub.push_back(std::move(*Alt));
        }
        C.Results.push_back(std::move(P));
      }
    }
    S.Commands.push_back(std::move(C));
  }
  return S;
}
