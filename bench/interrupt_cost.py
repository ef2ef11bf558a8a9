#!/usr/bin/env python3
"""bench/interrupt_cost.py - what fuel and epoch instrumentation cost.

    python3 bench/interrupt_cost.py [--reps N] [--wasm-run PATH] KERNEL.wasm...

Runs each module (a WASI program taking no arguments, e.g. the kernels
bench/run.py builds into BUILD/bench-cache/bin/wasm/) under wasm-run
--disable-cache three ways: plain, with --fuel (a budget that is never
reached) and with --timeout (epochs; a timeout that never fires), and
prints per configuration the median compile and run CPU time (ORCA_TIMINGS)
of N runs and the overhead against plain, with geometric means. CPU time,
not wall time, because the machines this runs on are shared.
"""

import argparse
import math
import os
import re
import statistics
import subprocess
import sys

CONFIGS = [("plain", []), ("fuel", ["--fuel", str(1 << 62)]),
           ("epoch", ["--timeout", "1h"])]


def run(tool, opts, wasm):
    env = dict(os.environ, ORCA_TIMINGS="1")
    p = subprocess.run([tool, "--disable-cache"] + opts + [wasm], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, check=True)
    f = dict(re.findall(r"(\w+)=([\d.]+)", p.stderr))
    return float(f["compile_cpu_ms"]), float(f["run_cpu_ms"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--wasm-run", default="build/bin/wasm-run")
    ap.add_argument("modules", nargs="+")
    a = ap.parse_args()
    ratios = {c: {"compile": [], "run": []} for c, _ in CONFIGS[1:]}
    print("%-12s %-6s %12s %12s %9s %9s" %
          ("module", "config", "compile_ms", "run_ms", "compile%", "run%"))
    for wasm in a.modules:
        name = os.path.splitext(os.path.basename(wasm))[0]
        base = None
        # Interleaved repetitions, so that load changes hit every config.
        samples = {c: [] for c, _ in CONFIGS}
        for _ in range(a.reps):
            for c, opts in CONFIGS:
                samples[c].append(run(a.wasm_run, opts, wasm))
        for c, _ in CONFIGS:
            comp = statistics.median(s[0] for s in samples[c])
            rt = statistics.median(s[1] for s in samples[c])
            if base is None:
                base = (comp, rt)
                print("%-12s %-6s %12.1f %12.1f" % (name, c, comp, rt))
                continue
            ratios[c]["compile"].append(comp / base[0])
            ratios[c]["run"].append(rt / base[1])
            print("%-12s %-6s %12.1f %12.1f %+8.1f%% %+8.1f%%" %
                  (name, c, comp, rt, 100 * (comp / base[0] - 1),
                   100 * (rt / base[1] - 1)))
        sys.stdout.flush()
    for c, r in ratios.items():
        g = {k: math.exp(statistics.mean(math.log(x) for x in v))
             for k, v in r.items()}
        print("geomean %-6s compile %+.1f%% run %+.1f%%" %
              (c, 100 * (g["compile"] - 1), 100 * (g["run"] - 1)))


if __name__ == "__main__":
    main()
