# lit configuration for Orca's regression tests.
#
# Each test is a small .wat (or .test) file whose RUN lines build it with
# wat2wasm and feed it to an Orca tool; CHECK lines pin IR shapes, output
# and exit statuses.
import os
import lit.formats

config.name = "Orca"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".wat", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.orca_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.orca_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", ""),
     os.environ.get("PATH", "")])

config.substitutions.append(("%wat2wasm", config.wat2wasm))
config.substitutions.append(("%testsuite", config.wasm_testsuite))
config.substitutions.append(("%examples", os.path.join(config.orca_obj_root, "examples")))
