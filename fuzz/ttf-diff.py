#!/usr/bin/env python3
"""fuzz/ttf-diff.py - differential runs of generated modules across levels.

Binaryen's `wasm-opt -ttf` turns random bytes into a valid module (its
imports removed with --remove-imports, so the module stands alone). Every
export that takes no parameters (Binaryen's `*_invoker`s, `hashMemory`) is
invoked with `wasm-run --invoke` at each optimisation level and in both
bounds-check modes, each in a fresh process; any difference in output or
exit status (a trap that one configuration loses) is reported with the
seed that reproduces it.

Usage: fuzz/ttf-diff.py [--wasm-run PATH] [--seeds N] [--first K] [--keep DIR]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CONFIGS = [("-O0", "guard"), ("-O1", "guard"), ("-O2", "guard"), ("-O3", "guard"),
           ("-O0", "explicit"), ("-O2", "explicit")]


def exports_without_params(wat):
    funcs = {}
    for m in re.finditer(r"^\s*\(func (?:\$\S+ )?\(;(\d+);\)(.*)$", wat, re.M):
        funcs[m.group(1)] = "(param" not in m.group(2)
    out = []
    for m in re.finditer(r'^\s*\(export "([^"]+)" \(func (\d+)\)\)', wat, re.M):
        if funcs.get(m.group(2)):
            out.append(m.group(1))
    return out


def run(wasm_run, level, mode, fn, path):
    try:
        p = subprocess.run([wasm_run, level, "--bounds-checks=" + mode, "--invoke", fn, path],
                           capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return ("timeout", "")
    err = p.stderr.splitlines()[0] if p.stderr else ""
    if "trap" in err:  # the trap kind, not the offsets and addresses
        err = re.sub(r"\s+at .*$", "", err)
    return (p.returncode, p.stdout + err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wasm-run", default=os.path.join(ROOT, "build", "bin", "wasm-run"))
    ap.add_argument("--seeds", type=int, default=50)
    ap.add_argument("--first", type=int, default=1, help="first seed")
    ap.add_argument("--keep", default="", help="copy differing modules here")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ttf-diff-")
    bad = []
    for seed in range(a.first, a.first + a.seeds):
        rnd = random.Random(seed)
        data = os.path.join(tmp, "seed.dat")
        with open(data, "wb") as f:
            f.write(bytes(rnd.getrandbits(8) for _ in range(4096)))
        wasm = os.path.join(tmp, f"s{seed}.wasm")
        if subprocess.run(["wasm-opt", "-ttf", data, "--remove-imports", "-o", wasm],
                          capture_output=True).returncode:
            continue
        wat = subprocess.run(["wasm2wat", wasm], capture_output=True, text=True).stdout
        differs = []
        for fn in exports_without_params(wat):
            results = {c: run(a.wasm_run, c[0], c[1], fn, wasm) for c in CONFIGS}
            if len(set(results.values())) > 1:
                differs.append((fn, results))
        if differs:
            bad.append(seed)
            print(f"seed {seed}: {len(differs)} export(s) differ")
            for fn, res in differs[:3]:
                for c, r in res.items():
                    print(f"  {fn} {c[0]} {c[1]}: {r[0]} {r[1][:120]!r}")
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                subprocess.run(["cp", wasm, a.keep])
    print(f"{a.seeds} seeds, {len(bad)} with differences: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
