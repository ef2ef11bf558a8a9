//===- wasm-spectest/ScriptConversion.cpp - .wast -> JSON -----------------===//
//
// wast2json is run with llvm::sys::ExecuteAndWait, its stderr captured into
// the temporary directory so that a conversion failure can be reported.
//
//===----------------------------------------------------------------------===//

#include "ScriptConversion.h"

#include "Support/Error.h"

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
  P.Feat = Features();
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
    Features F;
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
