//===- API/Serialize.cpp - Modules as bytes: serialize, deserialize -------===//
//
// Owns Module::serialize, Module::deserialize and Module::deserializeFile:
// the public face of precompiled modules (Runtime's Engine::deserialize and
// CompiledModule::serialize; the format is JIT/Artifact.h).
//
//===----------------------------------------------------------------------===//

#include "API/Internal.h"

#include "llvm/Support/MemoryBuffer.h"

namespace orca {
inline namespace api {

using namespace detail;

Result<std::vector<uint8_t>> Module::serialize() const {
  if (!State)
    return Error(ErrorKind::Usage, "empty module");
  return State->CM->serialize();
}

Result<Module> Module::deserialize(const Engine &E,
                                   std::span<const uint8_t> Bytes) {
  EngineState *ES = Access::state(E);
  if (!ES)
    return Error(ErrorKind::Usage, "empty engine");
  auto CM = ES->RT->deserialize(llvm::MemoryBuffer::getMemBufferCopy(
      llvm::StringRef(reinterpret_cast<const char *>(Bytes.data()),
                      Bytes.size()),
      "<precompiled module>"));
  if (!CM)
    return fromRT(CM.takeError(), nullptr);
  Module M;
  M.State = makeModuleState(E, std::move(*CM));
  return M;
}

Result<Module> Module::deserializeFile(const Engine &E,
                                       const std::string &Path) {
  EngineState *ES = Access::state(E);
  if (!ES)
    return Error(ErrorKind::Usage, "empty engine");
  // Read, not mapped: a file truncated under a mapping would crash us.
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false,
                                         /*IsVolatile=*/true);
  if (!Buf)
    return Error(ErrorKind::Io,
                 "cannot open '" + Path + "': " + Buf.getError().message());
  auto CM = ES->RT->deserialize(std::move(*Buf));
  if (!CM)
    return fromRT(CM.takeError(), nullptr);
  Module M;
  M.State = makeModuleState(E, std::move(*CM));
  return M;
}

} // namespace api
} // namespace orca
