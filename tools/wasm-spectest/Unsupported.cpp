//===- wasm-spectest/Unsupported.cpp - Naming missing features ------------===//

#include "Unsupported.h"

#include "llvm/ADT/StringSwitch.h"

using namespace orca;
using namespace orca::spectest;
using llvm::StringRef;

static std::string featureOfInstr(StringRef Name) {
  if (Name.starts_with("struct.") || Name.starts_with("array.") ||
      Name.starts_with("i31.") || Name.starts_with("ref.i31") ||
      Name.starts_with("ref.test") || Name.starts_with("ref.cast") ||
      Name.starts_with("br_on_cast") || Name == "any.convert_extern" ||
      Name == "extern.convert_any" || Name == "ref.eq")
    return "gc";
  if (Name == "call_ref" || Name == "return_call_ref" ||
      Name == "ref.as_non_null" || Name == "br_on_null" ||
      Name == "br_on_non_null")
    return "function-references";
  if (Name == "try_table" || Name == "throw" || Name == "throw_ref" ||
      Name == "try" || Name == "catch" || Name == "catch_all" ||
      Name == "delegate" || Name == "rethrow")
    return "exceptions";
  if (Name.contains("relaxed"))
    return "relaxed-simd";
  if (Name.starts_with("return_call"))
    return "tail-call";
  return "";
}

std::string spectest::unsupportedInText(StringRef Message) {
  if (Message.contains("custom page sizes"))
    return "custom-page-sizes";
  if (!Message.contains("not encoded yet"))
    return "";
  // "... unsupported instruction 'NAME': not encoded yet (WebAssembly 3.0)"
  size_t Q = Message.rfind("instruction '");
  if (Q != StringRef::npos) {
    StringRef Name = Message.drop_front(Q + 13).split('\'').first;
    if (std::string F = featureOfInstr(Name); !F.empty())
      return F;
  }
  return "3.0 syntax";
}

/// A feature the byte at \p Offset starts, as an opcode or a type.
static std::string featureOfByte(llvm::ArrayRef<uint8_t> Bytes,
                                 uint64_t Offset) {
  if (Offset >= Bytes.size())
    return "";
  uint8_t B = Bytes[Offset];
  switch (B) {
  case 0xfb: // GC instructions
  case 0xd3: // ref.eq
  case 0x4e: // rec
  case 0x4f: // sub final
  case 0x50: // sub
  case 0x5f: // struct
  case 0x5e: // array
  case 0x6e: // any
  case 0x6d: // eq
  case 0x6c: // i31
  case 0x6b: // struct
  case 0x6a: // array
  case 0x71: // none
  case 0x72: // noextern
  case 0x73: // nofunc
    return "gc";
  case 0x1f: // try_table
  case 0x08: // throw
  case 0x0a: // throw_ref
  case 0x69: // exnref
  case 0x74: // noexn
    return "exceptions";
  case 0x12: // return_call
  case 0x13: // return_call_indirect
    return "tail-call";
  case 0x14: // call_ref
  case 0x15: // return_call_ref
  case 0xd4: // ref.as_non_null
  case 0xd5: // br_on_null
  case 0xd6: // br_on_non_null
  case 0x63: // (ref null ht)
  case 0x64: // (ref ht)
    return "function-references";
  case 0xfd: { // SIMD: relaxed-simd is 0x100..0x113
    uint64_t Sub = 0;
    unsigned Shift = 0;
    for (uint64_t I = Offset + 1; I < Bytes.size() && Shift < 35; ++I) {
      Sub |= uint64_t(Bytes[I] & 0x7f) << Shift;
      Shift += 7;
      if (!(Bytes[I] & 0x80))
        break;
    }
    if (Sub >= 0x100 && Sub <= 0x113)
      return "relaxed-simd";
    return "";
  }
  default:
    return "";
  }
}

std::string spectest::unsupportedInBinary(StringRef Message,
                                          llvm::ArrayRef<uint8_t> Bytes,
                                          uint64_t Offset, StringRef FilePath) {
  bool Family =
      Message.contains("illegal opcode") || Message.contains("unsupported") ||
      Message.contains("not supported") || Message.contains("not enabled") ||
      Message.contains("malformed value type") ||
      Message.contains("malformed reference type") ||
      Message.contains("malformed section id") ||
      Message.contains("malformed function type") ||
      Message.contains("malformed import kind") ||
      Message.contains("malformed export kind") ||
      Message.contains("limits flags") ||
      Message.contains("integer representation too long");
  if (!Family)
    return "";
  if (Message.contains("section id") && Offset < Bytes.size() &&
      Bytes[Offset] == 13)
    return "exceptions"; // the tag section
  if (Message.contains("memory64"))
    return "memory64";
  if (Message.contains("limits flags"))
    return "table64"; // 3.0's memory64 has 64-bit tables too
  if (Message.contains("import kind") || Message.contains("export kind"))
    return Offset < Bytes.size() && Bytes[Offset] == 4 ? "exceptions" : "";
  if (std::string F = featureOfByte(Bytes, Offset); !F.empty())
    return F;
  // The byte says nothing: the script's folder may.
  for (const char *Folder : {"gc", "exceptions", "relaxed-simd"})
    if (FilePath.contains("/" + std::string(Folder) + "/"))
      return Folder;
  return "";
}
