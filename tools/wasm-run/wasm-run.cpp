//===- wasm-run.cpp - Run a WebAssembly module from the command line ------===//
//
//   wasm-run [OPTIONS] <MODULE> [ARGS]...
//
// Compiles and instantiates MODULE, then calls `--invoke NAME` with ARGS
// parsed as the export's parameter types and prints each result on its own
// line, or runs the module's `_start`. Options come before the module;
// everything after it belongs to the guest. Errors print one line on stderr
// and exit 1; a trap prints its message and exits 134, as wasmtime does.
//
//===----------------------------------------------------------------------===//

#include "Runtime/Runtime.h"
#include "Runtime/Trap.h"
#include "Support/Error.h"
#include "ValueText.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace orca;

static cl::OptionCategory Cat("wasm-run options");
static cl::opt<std::string> ModulePath(cl::Positional, cl::desc("<module.wasm>"),
                                       cl::Required, cl::cat(Cat));
static cl::list<std::string> GuestArgs(cl::ConsumeAfter,
                                       cl::desc("<guest arguments>..."));
static cl::opt<std::string> Invoke("invoke",
                                   cl::desc("Call this export with ARGS"),
                                   cl::value_desc("name"), cl::cat(Cat));
static cl::opt<unsigned> OptLevel("O", cl::desc("Optimisation level 0-3"),
                                  cl::Prefix, cl::init(2), cl::cat(Cat));

static constexpr int ExitError = 1;
static constexpr int ExitTrap = 134;

static int fail(const Twine &Msg) {
  errs() << "wasm-run: error: " << Msg << '\n';
  return ExitError;
}

/// Reports an error from the runtime; traps exit like wasmtime's.
static int report(Error E) {
  int Code = ExitError;
  handleAllErrors(
      std::move(E),
      [&](const TrapError &T) {
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
        errs() << "wasm-run: error: " << ModulePath << ": "
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

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::ParseCommandLineOptions(argc, argv, "Orca: run a WebAssembly module\n");
  if (OptLevel > 3)
    return fail("-O must be 0, 1, 2 or 3");

  auto Buf = MemoryBuffer::getFile(ModulePath, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return fail(ModulePath + ": " + Buf.getError().message());
  std::vector<uint8_t> Bytes((*Buf)->getBufferStart(), (*Buf)->getBufferEnd());

  EngineConfig Config;
  Config.OptLevel = OptLevel;
  auto E = Engine::create(Config);
  if (!E)
    return report(E.takeError());
  auto M = (*E)->compile(std::move(Bytes));
  if (!M)
    return report(M.takeError());

  // WASI and other host modules arrive with their own issue; until then a
  // module with imports cannot be linked here.
  if (!(*M)->imports().empty()) {
    const Import &Imp = (*M)->imports().front();
    return fail(ModulePath + ": unknown import: " + Imp.ModuleName + "::" +
                Imp.FieldName + " (wasm-run provides no imports yet)");
  }

  Store S(**E);
  auto Inst = S.instantiate(*M, {});
  if (!Inst)
    return report(Inst.takeError());

  std::string Entry = Invoke.empty() ? "_start" : Invoke.getValue();
  std::optional<Extern> Func = (*Inst)->getExport(Entry);
  if (!Func || Func->Kind != ExternKind::Func)
    return fail(ModulePath + ": no exported function named '" + Entry + "'");
  FuncType Type = S.funcType(*Func);
  if (GuestArgs.size() != Type.Params.size())
    return fail("'" + Entry + "' takes " + Twine(Type.Params.size()) +
                " argument(s), " + Twine(GuestArgs.size()) + " given");
  std::vector<Value> Args;
  for (size_t I = 0; I < GuestArgs.size(); ++I) {
    auto V = parseValue(Type.Params[I], GuestArgs[I]);
    if (!V)
      return report(V.takeError());
    Args.push_back(*V);
  }
  auto Results = S.call(*Func, Args);
  if (!Results)
    return report(Results.takeError());
  for (const Value &V : *Results)
    outs() << formatValue(V) << '\n';
  return 0;
}
