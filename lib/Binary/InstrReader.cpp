//===- Binary/InstrReader.cpp - Decode a function body's instructions -----===//
//
// Decodes one instruction and its immediates per Opcodes.def's ImmKind.
// Only the encoding is checked here; whether indices exist or types match
// is left to the validator. The one exception is select's type vector,
// whose length is checked after it has been consumed (an Invalid error, so
// the reader stays positioned after the instruction).
//
//===----------------------------------------------------------------------===//

#include "Binary/InstrReader.h"

#include "Binary/BinaryReader.h"
#include "Binary/OpcodeTable.h"
#include "Support/Error.h"

using namespace orca;
using llvm::Error;

namespace {

/// Reads the immediates of one instruction; the opcode has been consumed.
class ImmReader {
public:
  ImmReader(BinaryReader &R, const Features &Feat,
            llvm::SmallVectorImpl<uint32_t> &Targets)
      : R(R), Feat(Feat), Targets(Targets) {}

  Error read(ImmKind K, Instr &I);

private:
  Error blockType(BlockType &BT);
  Error memIndex(uint32_t &Index);
  Error memArg(Instr &I);
  Error bytes16(std::array<uint8_t, 16> &Out);

  BinaryReader &R;
  const Features &Feat;
  llvm::SmallVectorImpl<uint32_t> &Targets;
};

} // namespace

Error ImmReader::blockType(BlockType &BT) {
  int Next = R.peek();
  if (Next == 0x40) {
    R.seek(R.offset() + 1);
    BT.K = BlockType::Empty;
    return Error::success();
  }
  // One-byte negative s33 values are value types; everything else is a
  // type index.
  if (Next >= 0 && (Next & 0xc0) == 0x40) {
    BT.K = BlockType::Value;
    return R.valType(BT.Type);
  }
  int64_t Index;
  if (Error E = R.s33(Index))
    return E;
  BT.K = BlockType::TypeIndex;
  // A negative index names no type; keep it unrepresentable as one so the
  // validator reports "unknown type".
  BT.Index = Index < 0 ? UINT32_MAX : uint32_t(Index);
  return Error::success();
}

Error ImmReader::memIndex(uint32_t &Index) {
  if (Feat.MultiMemory)
    return R.u32(Index);
  uint32_t Start = R.offset();
  uint8_t B;
  if (Error E = R.u8(B))
    return E;
  if (B != 0)
    return BinaryReader::error("zero byte expected", Start);
  Index = 0;
  return Error::success();
}

Error ImmReader::memArg(Instr &I) {
  uint32_t FlagsOffset = R.offset();
  uint32_t Align;
  if (Error E = R.u32(Align))
    return E;
  I.B = 0;
  // With multi-memory, bit 6 of the alignment flags a memory index.
  if (Feat.MultiMemory && (Align & 0x40)) {
    Align &= ~uint32_t(0x40);
    if (Error E = R.u32(I.B))
      return E;
  }
  // Without multi-memory, bits 5 and up are no encoding of an alignment;
  // with it, large exponents are left for the validator to reject.
  if (!Feat.MultiMemory && Align >= 32)
    return BinaryReader::error("malformed memop flags", FlagsOffset);
  I.A = Align;
  if (Feat.Memory64)
    return R.u64(I.Imm);
  uint32_t Offset;
  if (Error E = R.u32(Offset))
    return E;
  I.Imm = Offset;
  return Error::success();
}

Error ImmReader::bytes16(std::array<uint8_t, 16> &Out) {
  uint32_t Start = R.offset();
  if (Error E = R.skip(16))
    return E;
  for (unsigned K = 0; K < 16; ++K)
    Out[K] = R.bytes()[Start + K];
  return Error::success();
}

Error ImmReader::read(ImmKind K, Instr &I) {
  switch (K) {
  case ImmKind::None:
    return Error::success();
  case ImmKind::Block:
    return blockType(I.Block);
  case ImmKind::Label:
  case ImmKind::Func:
  case ImmKind::Local:
  case ImmKind::Global:
  case ImmKind::Table:
  case ImmKind::Data:
  case ImmKind::Elem:
    return R.u32(I.A);
  case ImmKind::BrTable: {
    uint32_t Count;
    if (Error E = R.length(Count))
      return E;
    Targets.clear();
    // length() bounded Count by the bytes left, so this is not hostile.
    Targets.reserve(size_t(Count) + 1);
    for (uint32_t N = 0; N <= Count; ++N) {
      uint32_t Depth;
      if (Error E = R.u32(Depth))
        return E;
      Targets.push_back(Depth);
    }
    I.Targets = Targets;
    return Error::success();
  }
  case ImmKind::CallIndirect:
  case ImmKind::ElemTable:
  case ImmKind::TableTable:
    if (Error E = R.u32(I.A))
      return E;
    return R.u32(I.B);
  case ImmKind::MemArg:
    return memArg(I);
  case ImmKind::MemArgLane:
    if (Error E = memArg(I))
      return E;
    return R.u8(I.Lane);
  case ImmKind::Mem:
    return memIndex(I.A);
  case ImmKind::I32: {
    int32_t V;
    if (Error E = R.s32(V))
      return E;
    I.Imm = uint32_t(V);
    return Error::success();
  }
  case ImmKind::I64: {
    int64_t V;
    if (Error E = R.s64(V))
      return E;
    I.Imm = uint64_t(V);
    return Error::success();
  }
  case ImmKind::F32: {
    uint32_t Bits;
    if (Error E = R.fixed32(Bits))
      return E;
    I.Imm = Bits;
    return Error::success();
  }
  case ImmKind::F64:
    return R.fixed64(I.Imm);
  case ImmKind::SelectT: {
    uint32_t Start = R.offset();
    uint32_t Count;
    if (Error E = R.length(Count))
      return E;
    for (uint32_t N = 0; N < Count; ++N) {
      ValType T;
      if (Error E = R.valType(T))
        return E;
      if (N == 0)
        I.Type = T;
    }
    if (Count != 1)
      return invalid("invalid result arity", Start);
    return Error::success();
  }
  case ImmKind::RefType:
    return R.refType(I.Type);
  case ImmKind::DataMem:
    if (Error E = R.u32(I.A))
      return E;
    return memIndex(I.B);
  case ImmKind::MemMem:
    if (Error E = memIndex(I.A))
      return E;
    return memIndex(I.B);
  case ImmKind::V128:
  case ImmKind::Shuffle:
    return bytes16(I.Bytes);
  case ImmKind::Lane:
    return R.u8(I.Lane);
  }
  return Error::success();
}

Error InstrReader::read(Instr &I) {
  BinaryReader R(Bytes, Pos, End);
  I = Instr();
  I.Offset = Pos;
  uint8_t Byte;
  if (Error E = R.u8(Byte))
    return E;
  uint8_t Prefix = 0;
  uint32_t Code = Byte;
  if (isOpcodePrefix(Byte)) {
    Prefix = Byte;
    if (Error E = R.u32(Code))
      return E;
  }
  std::optional<Opcode> Op = lookupOpcode(Prefix, Code);
  if (!Op || (Prefix == 0xfd && !Feat.SIMD))
    return BinaryReader::error("illegal opcode", I.Offset);
  I.Op = *Op;
  Error E = ImmReader(R, Feat, TargetStorage).read(opcodeInfo(*Op).Imm, I);
  // Invalid (not malformed) errors leave the instruction fully consumed.
  Pos = R.offset();
  return E;
}
