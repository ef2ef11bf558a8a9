//===- Binary/NameSectionReader.cpp - Parse the `name` custom section -----===//
//
// Subsections: 0 = module name, 1 = function names, 2 = local names; others
// are skipped. Each subsection must fill exactly its declared size.
//
//===----------------------------------------------------------------------===//

#include "Binary/NameSectionReader.h"

#include "Binary/BinaryReader.h"

#include <algorithm>

using namespace orca;
using llvm::Error;

namespace {

using NameMap = std::vector<std::pair<uint32_t, std::string>>;

Error readNameMap(BinaryReader &R, NameMap &Map) {
  uint32_t Count;
  if (Error E = R.length(Count))
    return E;
  Map.reserve(Count);
  for (uint32_t N = 0; N < Count; ++N) {
    uint32_t Index;
    std::string Name;
    if (Error E = R.u32(Index))
      return E;
    if (Error E = R.name(Name))
      return E;
    Map.emplace_back(Index, std::move(Name));
  }
  // The spec requires increasing indices; sorting makes lookups work even
  // for producers that get this wrong (std::sort on the whole pair: the
  // order stays deterministic when an index repeats).
  std::sort(Map.begin(), Map.end());
  return Error::success();
}

Error readSubsection(BinaryReader &R, uint8_t Id, NameSection &Names) {
  switch (Id) {
  case 0:
    return R.name(Names.ModuleName);
  case 1:
    return readNameMap(R, Names.FunctionNames);
  case 2: {
    uint32_t Count;
    if (Error E = R.length(Count))
      return E;
    Names.LocalNames.reserve(Count);
    for (uint32_t N = 0; N < Count; ++N) {
      uint32_t FuncIndex;
      if (Error E = R.u32(FuncIndex))
        return E;
      NameMap Locals;
      if (Error E = readNameMap(R, Locals))
        return E;
      Names.LocalNames.emplace_back(FuncIndex, std::move(Locals));
    }
    std::sort(Names.LocalNames.begin(), Names.LocalNames.end());
    return Error::success();
  }
  default:
    return R.skip(R.remaining());
  }
}

Error readAll(BinaryReader &R, NameSection &Names) {
  while (!R.atEnd()) {
    uint8_t Id;
    uint32_t Size;
    if (Error E = R.u8(Id))
      return E;
    if (Error E = R.length(Size))
      return E;
    if (Size > R.remaining())
      return BinaryReader::error("length out of bounds", R.offset());
    BinaryReader Sub(R.bytes(), R.offset(), R.offset() + Size);
    if (Error E = readSubsection(Sub, Id, Names))
      return E;
    if (!Sub.atEnd())
      return BinaryReader::error("section size mismatch", Sub.offset());
    R.seek(Sub.end());
  }
  return Error::success();
}

} // namespace

bool orca::readNameSection(llvm::ArrayRef<uint8_t> Bytes, uint32_t Start,
                           uint32_t End, NameSection &Out) {
  BinaryReader R(Bytes, Start, End);
  NameSection Names;
  if (Error E = readAll(R, Names)) {
    llvm::consumeError(std::move(E));
    return false;
  }
  Out = std::move(Names);
  return true;
}
