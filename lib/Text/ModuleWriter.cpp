//===- Text/ModuleWriter.cpp - Sections to a binary module ----------------===//
//
// Puts the sections a ModuleParser filled in the binary format's order,
// adds the data count section when bulk-memory instructions need it, and
// writes the `name` section (module, function, local, type, table, memory,
// global, elem, data and tag names) last.
//
//===----------------------------------------------------------------------===//

#include "Text/ModuleParser.h"

using namespace orca;

namespace {

void section(ByteWriter &W, uint8_t Id, const SectionBuf &S,
             bool EvenIfEmpty = false) {
  if (!S.Count && !EvenIfEmpty)
    return;
  ByteWriter Body;
  Body.u32(S.Count);
  Body.append(S.W);
  W.byte(Id);
  W.sized(Body);
}

void nameMap(ByteWriter &W, uint8_t Sub, const IndexSpace &S) {
  if (S.Names.empty())
    return;
  ByteWriter M;
  M.u32(S.Names.size());
  for (auto &[I, N] : S.Names) {
    M.u32(I);
    M.name(N);
  }
  W.byte(Sub);
  W.sized(M);
}

} // namespace

std::vector<uint8_t> orca::writeModule(const ModuleSections &S,
                                       bool NameSection) {
  ByteWriter W;
  W.raw(llvm::StringRef("\0asm\1\0\0\0", 8));
  section(W, 1, S.Types);
  section(W, 2, S.Imports);
  section(W, 3, S.Funcs);
  section(W, 4, S.Tables);
  section(W, 5, S.Memories);
  section(W, 13, S.Tags);
  section(W, 6, S.Globals);
  section(W, 7, S.Exports);
  if (S.Start) {
    ByteWriter B;
    B.u32(*S.Start);
    W.byte(8);
    W.sized(B);
  }
  section(W, 9, S.Elems);
  if (S.NeedsDataCount) {
    ByteWriter B;
    B.u32(S.Datas.Count);
    W.byte(12);
    W.sized(B);
  }
  section(W, 10, S.Code);
  section(W, 11, S.Datas);
  if (!NameSection || !S.Spaces)
    return std::move(W.Bytes);
  ByteWriter N;
  N.name("name");
  if (S.HasModuleName) {
    ByteWriter M;
    M.name(S.ModuleName);
    N.byte(0);
    N.sized(M);
  }
  nameMap(N, 1, S.Spaces[unsigned(Space::Func)]);
  if (!S.LocalNames.empty()) {
    ByteWriter L;
    L.u32(S.LocalNames.size());
    for (auto &[F, Locals] : S.LocalNames) {
      L.u32(F);
      L.u32(Locals.size());
      for (auto &[I, Name] : Locals) {
        L.u32(I);
        L.name(Name);
      }
    }
    N.byte(2);
    N.sized(L);
  }
  nameMap(N, 4, S.Spaces[unsigned(Space::Type)]);
  nameMap(N, 5, S.Spaces[unsigned(Space::Table)]);
  nameMap(N, 6, S.Spaces[unsigned(Space::Memory)]);
  nameMap(N, 7, S.Spaces[unsigned(Space::Global)]);
  nameMap(N, 8, S.Spaces[unsigned(Space::Elem)]);
  nameMap(N, 9, S.Spaces[unsigned(Space::Data)]);
  nameMap(N, 11, S.Spaces[unsigned(Space::Tag)]);
  if (N.size() > 5) { // more than the section name
    W.byte(0);
    W.sized(N);
  }
  return std::move(W.Bytes);
}
