#!/usr/bin/env python3
"""scripts/check-layering.py - the include rules of the house, checked.

The layer order is written once, here (docs/architecture.md explains it):
a file in lib/<L>/ may include headers of L and of the layers before it;
include/ (the public API: orca/, wasm.h, orca.h) includes only itself and
system or standard headers, never lib/ and never LLVM; tools/ include only include/orca/ (and
their own folder, system headers and LLVM's Support); no two files of
lib/ include each other in a circle. unittests/ and utils/ sit over the
internal layers on purpose and are not checked.

KNOWN lists the violations that exist today, each with its way out; the
check fails on any other, and also on a KNOWN entry that no longer occurs
(so the list only shrinks). Prints one line per violation; exit status 1
if there are any.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYERS = ["Support", "Text", "Binary", "Environ", "CodeGen", "Transforms", "JIT",
          "Runtime", "WASI", "API"]

# (including file's folder or path prefix, included layer or header prefix): why.
KNOWN = {
    ("lib/Text", "Binary/"): "the opcode table (Binary/Opcodes.def, Instr.h) is used by "
                             "the text parser; it belongs in a room below Text",
    ("tools/wasm-compile", "JIT/"): "wasm-compile prints IR and objects; needs a public "
                                    "compile-to-IR/object API",
    ("tools/wasm-compile", "Support/"): "as above",
    ("tools/wasm-compile", "Binary/"): "as above",
    ("tools/wasm-compile", "Environ/"): "as above",
    ("tools/wasm-compile", "Runtime/"): "as above",
    ("tools/wasm-compile", "Text/"): "as above (the API's Module::compile takes text too)",
    ("tools/wasm-run", "Text/"): "as below (the API's Module::compile takes text too)",
    ("tools/wasm-spectest", "Text/"): "the runner reads .wast scripts; a public script API "
                                      "would be needed",
    ("tools/wasm-run", "Runtime/"): "wasm-run predates the public API's WASI and "
                                    "cache configuration",
    ("tools/wasm-run", "Support/"): "as above",
    ("tools/wasm-run", "WASI/"): "as above",
    ("tools/wasm-run", "JIT/"): "as above",
    ("tools/wasm-spectest", "Runtime/"): "the spec runner predates the public API",
    ("tools/wasm-spectest", "Support/"): "as above",
    ("tools/wasm-spectest", "Binary/"): "as above",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources(top):
    for d, _, files in os.walk(os.path.join(ROOT, top)):
        for f in files:
            if f.endswith((".h", ".cpp", ".def", ".inc", ".c")):
                yield os.path.relpath(os.path.join(d, f), ROOT)


def includes(path):
    with open(os.path.join(ROOT, path), errors="replace") as f:
        return INCLUDE.findall(f.read())


def known(path, inc, used):
    for (where, what) in KNOWN:
        if path.startswith(where + "/") and inc.startswith(what):
            used.add((where, what))
            return True
    return False


def main():
    bad, used = [], set()
    graph = {}
    for path in sources("lib"):
        layer = path.split("/")[1]
        if layer not in LAYERS:
            bad.append(f"{path}: folder lib/{layer} is not in the layer order")
            continue
        graph[path] = []
        for inc in includes(path):
            top = inc.split("/")[0]
            if top in LAYERS:
                if os.path.exists(os.path.join(ROOT, "lib", inc)):
                    graph[path].append(os.path.join("lib", inc))
                if LAYERS.index(top) > LAYERS.index(layer) and not known(path, inc, used):
                    bad.append(f"{path}: includes {inc}, a layer above {layer}")
    for path in sources("include"):
        for inc in includes(path):
            if not os.path.exists(os.path.join(ROOT, "include", inc)):
                bad.append(f"{path}: the public API includes {inc}")
    for path in sources("tools"):
        here = os.path.dirname(path)
        for inc in includes(path):
            if inc.startswith(("orca/", "llvm/")) or os.path.exists(os.path.join(ROOT, here, inc)):
                continue
            if not known(path, inc, used):
                bad.append(f"{path}: a tool includes {inc} (tools use only include/orca/)")
    # Circles among lib/ files (depth-first search, iterative).
    state = {}
    for start in graph:
        if state.get(start):
            continue
        stack = [(start, iter(graph[start]))]
        state[start] = 1
        trail = [start]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                trail.pop()
                continue
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cyc = trail[trail.index(nxt):] + [nxt]
                bad.append("include circle: " + " -> ".join(cyc))
            elif not state.get(nxt):
                state[nxt] = 1
                trail.append(nxt)
                stack.append((nxt, iter(graph[nxt])))
    for k in KNOWN:
        if k not in used:
            bad.append(f"KNOWN entry {k} no longer occurs: remove it from scripts/check-layering.py")
    for b in bad:
        print("layering: " + b)
    print(f"layering: {len(bad)} violation(s); {len(used)} known ones remain (KNOWN)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
