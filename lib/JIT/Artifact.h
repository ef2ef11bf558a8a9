//===- JIT/Artifact.h - A compiled module as bytes --------------*- C++ -*-===//
//
// What this file owns: CompiledArtifact, everything a compiled module is
// (relocatable objects plus the metadata the loader needs), and its one
// byte format, shared by fresh compiles, the compiled-code cache
// (JIT/CodeCache.h) and precompiled .cwasm files. The compiler
// (JIT/JITCompiler.h) makes artifacts; the loader (JIT/CodeLoader.h) turns
// them into running code; nothing else is needed in between, so the three
// sources of code cannot behave differently.
//
// What is not metadata: the trap sites, the PC-to-wasm-offset maps and the
// function ranges stay inside the objects (symbols and the DWARF line
// table), which the loader's CodeMap plugin reads at link time exactly as
// for fresh code. Function names come from the module's name section, so
// the module's own bytes travel with the code.
//
// Byte format (little-endian; FormatVersion 1):
//   header, HeaderSize bytes:
//     0  8  Magic "\0ORCACW\n"
//     8  4  format version
//     12 4  header size
//     16 8  total size of the file
//     24 32 key (JIT/JITCompiler.h: computeArtifactKey)
//     56 32 checksum: BLAKE3 of bytes [0, 56) and [HeaderSize, total size)
//   body, a sequence of fields; a string is a u64 length then its bytes,
//   a list a u32 count then its items:
//     string  Orca version, LLVM version, target triple, CPU, CPU features
//     string  settings (what the loading engine must match, see below)
//     u32     optimisation level (informational)
//     string  the wasm module's bytes
//     list    of strings: one entry symbol per defined function
//     list    of string pairs: host-to-wasm, wasm-to-host symbol per type
//     list    of objects: u64 size, zero padding to a multiple of 16 from
//             the start of the file, then the object's bytes
//   and nothing after the last object.
//
// Invariants: parseArtifact() trusts nothing. It checks the magic and the
// version first (so that a file of another format version gets a clear
// error), then the size and the checksum, then bounds-checks every length
// and count; any failure is an error, never a crash or an allocation
// larger than the input. Objects are 16-byte aligned in the file (ELF
// readers require alignment) so the loader can read them in place.
//
//===----------------------------------------------------------------------===//

#ifndef ORCA_JIT_ARTIFACT_H
#define ORCA_JIT_ARTIFACT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace orca {

/// Identifies the compiled code of one module under one configuration.
using ArtifactKey = std::array<uint8_t, 32>;

/// The lowercase hex of \p K (64 characters).
std::string toHex(const ArtifactKey &K);

/// What code was compiled for: a loader runs it only on the same.
struct ArtifactTarget {
  std::string Triple;
  std::string CPU;
  std::string Features; ///< LLVM's "+a,-b,..." list, fully resolved
  bool operator==(const ArtifactTarget &O) const = default;
};

struct CompiledArtifact {
  static constexpr uint32_t FormatVersion = 1;
  static constexpr uint32_t HeaderSize = 88;
  static constexpr char Magic[8] = {'\0', 'O', 'R', 'C', 'A', 'C', 'W', '\n'};

  ArtifactKey Key{};
  std::string OrcaVersion;
  std::string LLVMVersion;
  ArtifactTarget Target;
  /// The options that change what the code expects of the runtime (bounds
  /// checks, memory reservation, wasm features...), as canonical text
  /// (JIT/JITCompiler.h: codeSettings). A loading engine must have equal
  /// settings.
  std::string Settings;
  unsigned OptLevel = 0;
  /// Entry symbol of each defined function (index: function index minus
  /// imports), and per type index the two trampolines' symbols.
  std::vector<std::string> FunctionSymbols;
  std::vector<std::string> HostToWasmSymbols;
  std::vector<std::string> WasmToHostSymbols;
  /// Relocatable objects to link together. From a compile they own their
  /// bytes; from parseArtifact they point into Storage.
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> Objects;
  /// Parsed artifacts only: the module's wasm bytes, inside Storage.
  llvm::ArrayRef<uint8_t> ModuleBytes;
  /// Parsed artifacts only: the serialized bytes everything points into.
  std::unique_ptr<llvm::MemoryBuffer> Storage;
};

/// The artifact as bytes, with \p ModuleBytes as the module's wasm bytes.
llvm::SmallVector<char, 0>
serializeArtifact(const CompiledArtifact &A,
                  llvm::ArrayRef<uint8_t> ModuleBytes);

/// Whether \p Bytes starts like an artifact (the magic only; says nothing
/// about the rest).
bool looksLikeArtifact(llvm::ArrayRef<uint8_t> Bytes);

/// Parses and checks serialized bytes; the artifact keeps \p Bytes. Errors
/// (kind Malformed) say what is wrong: not an artifact, another format
/// version, truncated, checksum mismatch, a bad field.
llvm::Expected<CompiledArtifact>
parseArtifact(std::unique_ptr<llvm::MemoryBuffer> Bytes);

/// Whether code in \p A runs in an engine that compiles for \p Target
/// with \p Settings, built from this Orca and this LLVM: success, or an
/// error (kind Usage) saying what differs, e.g. "was compiled for CPU
/// 'x86-64-v2'; this engine compiles for 'znver3'". The optimisation level
/// may differ.
llvm::Error checkCompatible(const CompiledArtifact &A,
                            const ArtifactTarget &Target,
                            llvm::StringRef Settings);

} // namespace orca

#endif // ORCA_JIT_ARTIFACT_H
