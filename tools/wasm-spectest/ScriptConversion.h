//===- wasm-spectest/ScriptConversion.h - .wast -> JSON ---------*- C++ -*-===//
//
// Owns the wast2json path, kept for comparison with the native parser:
// running wast2json on one .wast file into a fresh temporary directory
// (removed again when the ConvertedScript dies), reading its JSON (or a
// hand-written .json script) into the same Script the .wast parser makes,
// and the per-path choice of proposal flags and Orca features, as the test
// suite's UPSTREAM.md lists.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_TOOLS_WASM_SPECTEST_SCRIPTCONVERSION_H
#define ORCA_TOOLS_WASM_SPECTEST_SCRIPTCONVERSION_H

#include "Binary/Features.h"
#include "Text/Script.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace orca {
namespace spectest {

/// What a file's location says about how to convert and run it.
struct ProposalInfo {
  /// "" for core files, else the folder name under proposals/.
  std::string Name;
  std::vector<std::string> Wast2JsonFlags;
  /// Set when Orca has a feature flag for the proposal.
  std::optional<Features> Feat;
};

/// Classifies \p WastPath by its proposals/<name>/ component, if any.
ProposalInfo proposalFor(llvm::StringRef WastPath);

/// A converted script; deletes its temporary directory on destruction.
class ConvertedScript {
public:
  ConvertedScript() = default;
  ConvertedScript(ConvertedScript &&O);
  ConvertedScript &operator=(ConvertedScript &&) = delete;
  ~ConvertedScript();

  /// Directory holding the JSON and the .wasm files it names.
  const std::string &dir() const { return Dir; }
  const llvm::json::Object &script() const { return *Script.getAsObject(); }

  /// Runs \p Wast2Json on \p WastPath with \p Flags and parses the result.
  static llvm::Expected<ConvertedScript>
  convert(llvm::StringRef Wast2Json, llvm::StringRef WastPath,
          llvm::ArrayRef<std::string> Flags);

private:
  std::string Dir;
  llvm::json::Value Script = nullptr;
};

/// The commands of a wast2json script whose .wasm (and .wat) files are in
/// \p Dir. Text modules (wast2json's "module_type": "text", the
/// assert_malformed ones) are parsed with parseWat under \p Opts.
llvm::Expected<Script> scriptFromJson(const llvm::json::Object &Json,
                                      llvm::StringRef Dir,
                                      llvm::StringRef FileName,
                                      const WatOptions &Opts);

} // namespace spectest
} // namespace orca

#endif // ORCA_TOOLS_WASM_SPECTEST_SCRIPTCONVERSION_H
