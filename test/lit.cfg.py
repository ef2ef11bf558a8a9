# lit configuration for Orca's regression tests.
#
# Each test is a small .wat (or .test) file whose RUN lines build it with
# wat2wasm and feed it to an Orca tool; CHECK lines pin IR shapes, output
# and exit statuses.
import os
import lit.formats

config.name = "Orca"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".wat", ".test", ".ll"]
config.excludes = ["Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.orca_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.orca_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", ""),
     os.environ.get("PATH", "")])

# wasm-run caches compiled code by default (in $XDG_CACHE_HOME/orca): keep
# every test's cache inside the build tree, never the user's ~/.cache.
# Tests of the cache itself pass --cache-dir %t.cache.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "xdg-cache")

config.substitutions.append(("%wat2wasm", config.wat2wasm))
config.substitutions.append(("%testsuite", config.wasm_testsuite))
config.substitutions.append(("%examples", os.path.join(config.orca_obj_root, "examples")))

# LLVM's convention: `REQUIRES: aarch64-registered-target` and the like.
for target in getattr(config, "llvm_targets", "").split(";"):
    if target:
        config.available_features.add(target.lower() + "-registered-target")

# Cross builds run Orca's own tools through the emulator (qemu-aarch64 -L
# SYSROOT); host tools (wat2wasm, FileCheck) run natively. `emulated` lets a
# test opt out of what the emulator cannot do.
emulator = [a for a in getattr(config, "orca_emulator", "").split(";") if a]
# The architecture Orca's tools run on (and JIT for): the emulated one in
# cross builds (only AArch64 so far), else this machine's.
import platform
config.available_features.add(
    "orca-host-" + ("aarch64" if emulator else platform.machine()))
if emulator:
    import shlex
    config.available_features.add("emulated")
    prefix = " ".join(shlex.quote(a) for a in emulator)
    for tool in ["wasm-run", "wasm-compile", "wasm-spectest", "orca-opt"]:
        config.substitutions.append(
            (r"(?<![\w./%-])" + tool + r"(?![\w./-])",
             prefix + " " + os.path.join(config.orca_tools_dir, tool)))
# WASI test programs (test/wasi/Inputs/*.c built to wasm32-wasi).
config.substitutions.append(("%wasi_inputs", os.path.join(config.orca_obj_root, "test", "wasi", "Inputs")))
