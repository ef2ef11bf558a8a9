#!/usr/bin/env python3
"""bench/run.py - Orca's benchmark suite: generated-code speed and compile time.

    python3 bench/run.py [--reps N] [--quick] [--only a,b] [--skip-real]
                         [--no-node] [--no-compile | --compile-only]
                         [--build-dir DIR] [--out-dir DIR]

Builds every workload with clang-19 -O2 three ways - natively
(-march=native), for wasm32-wasi (scalar) and for wasm32-wasi with
-msimd128 - runs each natively, under Orca's wasm-run (ORCA_TIMINGS=1 splits
compile, instantiate and run time) and, when `node` is on PATH, under
Node.js 20 (bench/node-wasi-run.mjs; default tiering and --no-liftoff, always
with --no-concurrent-marking), checks that every run prints native's
checksum, and measures Orca's compile time per module at -O0/-O1/-O2 with
1 compile thread and with all cores (--compile-only: only that).
Writes bench/results.json and bench/RESULTS.md.

Workloads: the C kernels in bench/kernels/ (written for this project), and
real programs from Debian source packages fetched with `apt-get source` at
benchmark time into BUILD/bench-cache (never committed): SQLite's speedtest1,
zlib and bzip2 (drivers in bench/kernels/real/).  `apt-get` uses a private
configuration (a bookworm deb-src entry) under the cache; the system's apt
configuration is not touched.

Times are medians of N runs (--reps, default 3; --quick means 1).  The
primary metric is CPU time (user+sys of the process, or of the run phase as
reported by wasm-run / the node runner), because on a shared, loaded machine
wall time mostly measures waiting for a core; wall times are kept in the JSON.
"""

import argparse
import hashlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KDIR = os.path.join(HERE, "kernels")
RDIR = os.path.join(KDIR, "real")

CLANG = "clang-19"
NATIVE_FLAGS = ["-O2", "-march=native", "-ffp-contract=off", "-std=gnu11"]
# clang-19's generic wasm CPU predates two wasm 2.0 features that clang >= 20
# (and wasi-sdk, Rust, Emscripten) enable by default and every engine ships:
# bulk memory (memcpy/memset of unknown size become memory.copy/fill) and
# non-trapping float-to-int. Enable them so the suite measures the wasm that
# current toolchains produce.
WASM_FLAGS = ["--target=wasm32-wasi", "-O2", "-std=gnu11", "-mbulk-memory",
              "-mnontrapping-fptoint"]
WASM_LDFLAGS = ["-Wl,-z,stack-size=1048576"]
SIMD_FLAGS = ["-msimd128"]

KERNELS = ["matmul", "jacobi2d", "fib_ack", "sha256", "quicksort", "bintree",
           "memops", "mathfp", "interp", "saxpy_dot", "nbody", "hashmap",
           "mandelbrot"]

SQLITE_DEFS = ["-DSQLITE_OS_OTHER=1", "-DSQLITE_TEMP_STORE=3",
               "-DSQLITE_OMIT_LOAD_EXTENSION", "-DSQLITE_THREADSAFE=0",
               "-DSQLITE_OMIT_WAL", "-DSQLITE_OMIT_SHARED_CACHE",
               "-DSQLITE_DEFAULT_MEMSTATUS=0"]
ZLIB_SRCS = ["adler32", "crc32", "deflate", "inflate", "infback", "inftrees",
             "inffast", "trees", "zutil", "compress", "uncompr"]
BZIP2_SRCS = ["blocksort", "huffman", "crctable", "randtable", "compress",
              "decompress", "bzlib"]

TARGETS = ["native", "wasm", "wasm-simd"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    log("  $ " + " ".join(cmd) if isinstance(cmd, list) else "  $ " + cmd)
    return subprocess.run(cmd, check=True, **kw)


def newer(out, inputs):
    """True when OUT exists and is newer than every input."""
    if not os.path.exists(out):
        return False
    t = os.path.getmtime(out)
    return all(os.path.getmtime(i) <= t for i in inputs if os.path.exists(i))


# ---------------------------------------------------------------- building

class Builder:
    def __init__(self, build_dir):
        self.cache = os.path.join(build_dir, "bench-cache")
        self.bin = os.path.join(self.cache, "bin")
        self.src = os.path.join(self.cache, "src")
        self.sysroot = os.path.join(self.cache, "sysroot")
        for t in TARGETS:
            os.makedirs(os.path.join(self.bin, t), exist_ok=True)
        os.makedirs(self.src, exist_ok=True)
        self.make_sysroot()

    def make_sysroot(self):
        # clang looks for <sysroot>/{include,lib}/wasm32-wasi; Debian's
        # wasi-libc lives in /usr/{include,lib}/wasm32-wasi.
        for sub in ("include", "lib"):
            d = os.path.join(self.sysroot, sub)
            os.makedirs(d, exist_ok=True)
            link = os.path.join(d, "wasm32-wasi")
            if not os.path.islink(link):
                os.symlink(f"/usr/{sub}/wasm32-wasi", link)

    def flags(self, target):
        if target == "native":
            return list(NATIVE_FLAGS)
        f = WASM_FLAGS + [f"--sysroot={self.sysroot}"]
        return f + SIMD_FLAGS if target == "wasm-simd" else f

    def out(self, name, target):
        ext = "" if target == "native" else ".wasm"
        return os.path.join(self.bin, target, name + ext)

    def link(self, name, target, inputs, extra=()):
        out = self.out(name, target)
        if newer(out, inputs + [os.path.join(KDIR, "bench_common.h"), __file__]):
            return out
        ld = ["-lm"] + (WASM_LDFLAGS if target != "native" else [])
        sh([CLANG] + self.flags(target) + list(extra) + ["-o", out] + inputs + ld)
        return out

    def obj(self, name, target, src, extra=()):
        out = os.path.join(self.bin, target, name + ".o")
        if newer(out, [src, __file__]):
            return out
        sh([CLANG] + self.flags(target) + list(extra) + ["-c", "-o", out, src])
        return out

    # --- Debian sources
    def apt(self, *args):
        a = os.path.join(self.cache, "apt")
        for d in ("lists/partial", "cache/archives/partial", "etc"):
            os.makedirs(os.path.join(a, d), exist_ok=True)
        sl = os.path.join(a, "etc", "sources.list")
        with open(sl, "w") as f:
            f.write("deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
                    "http://deb.debian.org/debian bookworm main\n")
        opts = ["-o", f"Dir::Etc::SourceList={sl}",
                "-o", "Dir::Etc::SourceParts=/nonexistent",
                "-o", f"Dir::State::Lists={a}/lists",
                "-o", f"Dir::Cache={a}/cache", "-q"]
        return ["apt-get"] + opts + list(args)

    def fetch(self, pkg, dirglob):
        """Returns the unpacked source folder of Debian package PKG."""
        for d in sorted(os.listdir(self.src)):
            if re.fullmatch(dirglob, d) and os.path.isdir(os.path.join(self.src, d)):
                return os.path.join(self.src, d)
        if not any(f.startswith(pkg + "_") and ".orig" in f for f in os.listdir(self.src)):
            lists = os.path.join(self.cache, "apt", "lists")
            if not os.path.isdir(lists) or not any(f.endswith("Sources") for f in os.listdir(lists)):
                sh(self.apt("update"), stdout=subprocess.DEVNULL)
            sh(self.apt("source", "--download-only", pkg), cwd=self.src,
               stdout=subprocess.DEVNULL)
        orig = [f for f in os.listdir(self.src) if f.startswith(pkg + "_") and
                re.search(r"\.orig\.tar\.\w+$", f)]
        sh(["tar", "xf", orig[0]], cwd=self.src)
        for d in sorted(os.listdir(self.src)):
            if re.fullmatch(dirglob, d):
                return os.path.join(self.src, d)
        raise RuntimeError(f"{pkg}: no folder matching {dirglob} after unpacking")

    def sqlite_amalgamation(self):
        top = self.fetch("sqlite3", r"sqlite3-3\.[0-9.]+")
        bld = os.path.join(self.src, "sqlite-bld")
        amal = os.path.join(bld, "sqlite3.c")
        if not os.path.exists(amal):
            os.makedirs(bld, exist_ok=True)
            sh([os.path.join(top, "configure"), "--disable-tcl"], cwd=bld,
               stdout=subprocess.DEVNULL)
            sh(["make", "sqlite3.c"], cwd=bld, stdout=subprocess.DEVNULL)
        return top, bld


def build_all(b, names, want_real, targets=TARGETS):
    """Returns {name: {"bins": {target: path}, "args": [...], "kind": ...}}."""
    w = {}
    for k in KERNELS:
        if names and k not in names:
            continue
        src = os.path.join(KDIR, k + ".c")
        w[k] = {"kind": "kernel", "args": [],
                "bins": {t: b.link(k, t, [src]) for t in targets}}
    if not want_real:
        return w
    real = [("zlib", "zlib", r"zlib-1\.[0-9.]+(\.dfsg)?", ZLIB_SRCS, "zlib_bench.c"),
            ("bzip2", "bzip2", r"bzip2-1\.[0-9.]+", BZIP2_SRCS, "bzip2_bench.c")]
    for name, pkg, glob, srcs, driver in real:
        if names and name not in names:
            continue
        try:
            top = b.fetch(pkg, glob)
            inputs = [os.path.join(RDIR, driver)] + [os.path.join(top, s + ".c") for s in srcs]
            w[name] = {"kind": "debian", "args": [],
                       "bins": {t: b.link(name, t, inputs, ["-I" + top, "-w"]) for t in targets}}
        except (subprocess.CalledProcessError, RuntimeError, IndexError) as e:
            log(f"!! {name}: skipped, could not fetch or build: {e}")
    if not names or "speedtest1" in names:
        try:
            top, bld = b.sqlite_amalgamation()
            bins = {}
            for t in targets:
                o = b.obj("sqlite3", t, os.path.join(bld, "sqlite3.c"), SQLITE_DEFS + ["-I" + bld])
                bins[t] = b.link("speedtest1", t,
                                 [os.path.join(top, "test", "speedtest1.c"),
                                  os.path.join(RDIR, "sqlite_stub_vfs.c"), o],
                                 SQLITE_DEFS + ["-I" + bld, "-w"])
            # Fixed clock in the stub VFS: every reported time is 0.000s, so
            # the whole output is the checksum.
            w["speedtest1"] = {"kind": "debian", "args": ["--memdb", "--size", "60"],
                               "bins": bins}
        except (subprocess.CalledProcessError, RuntimeError, IndexError) as e:
            log(f"!! speedtest1: skipped, could not fetch or build: {e}")
    return w


# ---------------------------------------------------------------- running

TIMING_RE = re.compile(r"^(orca|node)-timings: (.*)$", re.M)


def run_once(cmd, env=None, timeout=900):
    """Runs CMD; returns dict(stdout, stderr, rc, wall_ms)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
    wall = (time.perf_counter() - t0) * 1e3
    return {"stdout": out.decode(errors="replace"), "stderr": err.decode(errors="replace"),
            "rc": p.returncode, "wall_ms": wall}


def run_timed(cmd, env=None):
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = run_once(cmd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    r["cpu_ms"] = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1e3
    m = TIMING_RE.search(r["stderr"])
    r["phases"] = {k: float(v) for k, v in (kv.split("=") for kv in m.group(2).split())} if m else {}
    return r


def checksum_of(stdout):
    lines = [l for l in stdout.splitlines() if l.startswith("checksum: ")]
    if lines:
        return lines[-1][len("checksum: "):].strip()
    return "sha256:" + hashlib.sha256(stdout.encode()).hexdigest()[:16]


def same_checksum(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-300)


BASELINE = None  # --baseline: another wasm-run, measured in the same run
_NO_CACHE = {}


def no_cache(wasm_run):
    """wasm-run's flag that turns its compiled-code cache off (on by default
    since the cache exists), or nothing for an older wasm-run without one:
    every run here must compile, or compile times and whole-process times
    would measure cache hits after the first repetition."""
    if wasm_run not in _NO_CACHE:
        try:
            out = subprocess.run([wasm_run, "--help"], capture_output=True, text=True).stdout
        except OSError:
            out = ""
        _NO_CACHE[wasm_run] = ["--disable-cache"] if "--disable-cache" in out else []
    return _NO_CACHE[wasm_run]


def configs(wasm_run, have_node):
    """(config name, target, command builder, exec-time key)."""
    env_orca = dict(os.environ, ORCA_TIMINGS="1")
    run = [wasm_run] + no_cache(wasm_run)
    c = [("native", "native", lambda b, a: [b] + a, None, None),
         ("orca", "wasm", lambda b, a: run + [b] + a, "run_cpu_ms", env_orca),
         ("orca-simd", "wasm-simd", lambda b, a: run + [b] + a, "run_cpu_ms", env_orca)]
    if BASELINE:
        base_run = [BASELINE] + no_cache(BASELINE)
        c += [("orca-base", "wasm", lambda b, a: base_run + [b] + a, "run_cpu_ms", env_orca),
              ("orca-base-simd", "wasm-simd", lambda b, a: base_run + [b] + a, "run_cpu_ms",
               env_orca)]
    if have_node:
        runner = os.path.join(HERE, "node-wasi-run.mjs")
        base = ["node", "--no-concurrent-marking", "--no-warnings"]
        c += [("node-simd", "wasm-simd", lambda b, a: base + [runner, b] + a, "run_cpu_ms", None),
              ("node-noliftoff-simd", "wasm-simd",
               lambda b, a: base + ["--no-liftoff", runner, b] + a, "run_cpu_ms", None),
              ("node-noliftoff", "wasm",
               lambda b, a: base + ["--no-liftoff", runner, b] + a, "run_cpu_ms", None)]
    return c


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def run_suite(workloads, wasm_run, reps, have_node):
    results = {}
    for name, w in workloads.items():
        log(f"== {name}")
        res = {"kind": w["kind"], "args": w["args"], "configs": {}}
        native_sum = None
        for cname, target, mk, exec_key, env in configs(wasm_run, have_node):
            runs = []
            for _ in range(reps):
                r = run_timed(mk(w["bins"][target], w["args"]), env)
                runs.append(r)
            ok_runs = [r for r in runs if r["rc"] == 0]
            sums = sorted({checksum_of(r["stdout"]) for r in runs if r["rc"] == 0})
            entry = {
                "rc": [r["rc"] for r in runs],
                "checksums": sums,
                "total_cpu_ms": median([r["cpu_ms"] for r in ok_runs]),
                "total_wall_ms": median([r["wall_ms"] for r in ok_runs]),
            }
            if exec_key:
                entry["exec_cpu_ms"] = median([r["phases"].get(exec_key) for r in ok_runs])
                entry["exec_wall_ms"] = median([r["phases"].get("run_ms") for r in ok_runs])
                entry["compile_cpu_ms"] = median([r["phases"].get("compile_cpu_ms") for r in ok_runs])
            else:  # native: the whole process is execution
                entry["exec_cpu_ms"] = entry["total_cpu_ms"]
                entry["exec_wall_ms"] = entry["total_wall_ms"]
            if cname == "native":
                native_sum = sums[0] if len(sums) == 1 else None
                entry["match"] = native_sum is not None
            else:
                entry["match"] = (native_sum is not None and len(sums) == 1 and
                                  len(ok_runs) == len(runs) and
                                  same_checksum(sums[0], native_sum))
            if not entry["match"]:
                bad = [r for r in runs if r["rc"] != 0][:1]
                entry["error"] = (bad[0]["stderr"][-600:] if bad else
                                  f"checksum {sums} != native {native_sum}")
                log(f"!! {name}/{cname}: MISMATCH OR FAILURE: {entry['error']}")
            log(f"   {cname:22s} exec {entry['exec_cpu_ms'] or 0:9.1f} ms cpu   "
                f"total {entry['total_cpu_ms'] or 0:9.1f} ms cpu   match={entry['match']}")
            res["configs"][cname] = entry
        results[name] = res
    return results


def uleb(buf, i):
    """Unsigned LEB128 at BUF[I]; returns (value, index after it)."""
    v = shift = 0
    while True:
        b = buf[i]
        i += 1
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return v, i


def wasm_code_stats(path):
    """Size of the Code section (id 10) of the wasm module at PATH, its
    function count (the section's first LEB128) and the sum of the body
    sizes (what Orca partitions for parallel compilation)."""
    with open(path, "rb") as f:
        buf = f.read()
    if buf[:4] != b"\0asm":
        raise ValueError(f"{path}: not a wasm binary")
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, i = uleb(buf, i + 1)
        if sid == 10:
            count, j = uleb(buf, i)
            body = 0
            for _ in range(count):
                n, j = uleb(buf, j)
                body += n
                j += n
            return {"code_bytes": size, "funcs": count, "body_bytes": body}
        i += size
    return {"code_bytes": 0, "funcs": 0, "body_bytes": 0}


# Orca splits a module into parts of at least CompilePartBytes (16 KiB,
# lib/Runtime/Runtime.h) of function bodies; below twice that it compiles
# the module as one part whatever the thread count.
ONE_PART_BYTES = 32 * 1024
COMPILE_THREADS = [("threads_1", ["--compile-threads=1"]),
                   ("threads_all", [])]  # wasm-run's default: one per hardware thread
NO_SUCH_EXPORT = "__orca_bench_no_such_export__"


def compile_times(workloads, wasm_run, reps):
    """Orca compile time per module and level (simd build), with 1 thread and
    with all cores, via a run that stops after instantiation (an --invoke of
    an export that does not exist fails right after instantiate;
    ORCA_TIMINGS still prints compile time).  Throughputs are code-section
    bytes and functions per second of compile wall time."""
    env = dict(os.environ, ORCA_TIMINGS="1")
    out = {}
    for name, w in workloads.items():
        path = w["bins"]["wasm-simd"]
        e = {"bytes": os.path.getsize(path), **wasm_code_stats(path)}
        e["one_part"] = e["body_bytes"] < ONE_PART_BYTES
        for lvl in (0, 1, 2):
            runs = {k: [] for k, _ in COMPILE_THREADS}
            err = None
            for _ in range(reps):  # interleaved, so load drifts hit both alike
                for key, extra in COMPILE_THREADS:
                    r = run_timed([wasm_run, f"-O{lvl}"] + no_cache(wasm_run) + extra +
                                  ["--invoke", NO_SUCH_EXPORT, path], env)
                    if "compile_ms" in r["phases"]:
                        runs[key].append(r["phases"])
                    else:
                        err = r["stderr"][-600:]
            le = {}
            for key, _ in COMPILE_THREADS:
                wall = median([p["compile_ms"] for p in runs[key]])
                cpu = median([p.get("compile_cpu_ms") for p in runs[key]])
                le[key] = {"wall_ms": wall, "cpu_ms": cpu,
                           "code_bytes_per_s": e["code_bytes"] / wall * 1e3 if wall else None,
                           "funcs_per_s": e["funcs"] / wall * 1e3 if wall else None}
            one, allc = le["threads_1"]["wall_ms"], le["threads_all"]["wall_ms"]
            le["speedup"] = one / allc if one and allc else None
            if err and not all(runs.values()):
                le["error"] = err
                log(f"!! compile {name} -O{lvl}: no orca-timings line: {err}")
            e[f"O{lvl}"] = le
        log(f"   compile {name:12s} {e['code_bytes']:8d} B code {e['funcs']:5d} funcs  " +
            "  ".join(f"O{l} {fmt_ms(e[f'O{l}']['threads_1']['wall_ms'])}/"
                      f"{fmt_ms(e[f'O{l}']['threads_all']['wall_ms'])} ms "
                      f"x{fmt_ratio(e[f'O{l}']['speedup'])}" for l in (0, 1, 2)))
        out[name] = e
    return out


def compile_summary(comp):
    """The -O2 speed-up on the largest module, and per level the speed-up of
    the summed wall times over every module (1 thread / all cores)."""
    ok = {n: e for n, e in comp.items() if e["O2"]["speedup"]}
    s = {"threads_all": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
         else os.cpu_count(), "largest": None, "total_speedup": {}}
    if ok:
        big = max(ok, key=lambda n: ok[n]["code_bytes"])
        s.update(largest=big, largest_code_bytes=ok[big]["code_bytes"],
                 largest_one_part=ok[big]["one_part"],
                 largest_O2_speedup=ok[big]["O2"]["speedup"])
    for lvl in (0, 1, 2):
        es = [e[f"O{lvl}"] for e in comp.values() if e[f"O{lvl}"]["speedup"]]
        s["total_speedup"][f"O{lvl}"] = (
            sum(x["threads_1"]["wall_ms"] for x in es) /
            sum(x["threads_all"]["wall_ms"] for x in es)) if es else None
    return s


# ---------------------------------------------------------------- report

def machine(load_before, load_after):
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "?"
    model = "?"
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                model = l.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model, "cores": os.cpu_count(), "kernel": platform.release(),
        "os": first(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "clang": first([CLANG, "--version"]),
        "node": first(["node", "--version"]) if shutil.which("node") else None,
        "orca_commit": first(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
        "loadavg_before": load_before, "loadavg_after": load_after,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def fmt_ms(x):
    return "—" if x is None else (f"{x:.0f}" if x >= 100 else f"{x:.1f}")


def fmt_ratio(x):
    return "—" if x is None else f"{x:.2f}"


def md_compile(comp, summ):
    """The compile-time section of RESULTS.md (list of lines)."""
    L = ["## Orca compile time (simd builds)\n"]
    if not comp:
        L.append("Not measured (--no-compile).\n")
        return L
    n = summ["threads_all"]
    L.append("Compile = engine setup, decode, validate, translate, optimise, JIT-link, "
             "with `--compile-threads=1` and with all cores (wasm-run's default: one "
             f"thread per hardware thread, {n} here); ms of wall / CPU (CPU: all threads "
             "of the process). Speed-up = 1-thread wall / all-cores wall. MB/s and funcs/s: "
             "the Code section's bytes and functions per second of all-cores wall time.\n")
    L.append("| module | code KiB | funcs | level | 1 thread ms (wall / CPU) | "
             "all cores ms (wall / CPU) | speed-up | MB/s (all cores) | funcs/s (all cores) |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    for name, e in comp.items():
        for lvl in (0, 1, 2):
            le = e[f"O{lvl}"]
            first = lvl == 0
            row = [(name + (" †" if e["one_part"] else "")) if first else "",
                   f"{e['code_bytes'] / 1024:.1f}" if first else "",
                   str(e["funcs"]) if first else "", f"-O{lvl}"]
            for key in ("threads_1", "threads_all"):
                t = le[key]
                row.append("**failed**" if t["wall_ms"] is None else
                           f"{fmt_ms(t['wall_ms'])} / {fmt_ms(t['cpu_ms'])}")
            a = le["threads_all"]
            row += [fmt_ratio(le["speedup"]),
                    "—" if a["code_bytes_per_s"] is None else f"{a['code_bytes_per_s'] / 1e6:.3f}",
                    "—" if a["funcs_per_s"] is None else f"{a['funcs_per_s']:.0f}"]
            L.append("| " + " | ".join(row) + " |")
    L.append("")
    if summ.get("largest"):
        sp = summ["largest_O2_speedup"]
        if summ["largest_one_part"]:
            verdict = "one part †, so not a test of the ≥ 1.7× bar"
        else:
            verdict = ("meets" if sp >= 1.7 else "misses") + " the ≥ 1.7× bar" + (
                "" if n == 2 else f", which is for 2 cores; this machine has {n}")
        L.append(f"- Speed-up at -O2 on the largest module ({summ['largest']}, "
                 f"{summ['largest_code_bytes'] / 1024:.0f} KiB of code): **{sp:.2f}×** "
                 f"({verdict})")
    ts = summ["total_speedup"]
    L.append("- Speed-up over all modules (summed wall times, 1 thread / all cores): " +
             ", ".join((f"-O{l} **{fmt_ratio(ts[f'O{l}'])}×**" if l == 2 else
                        f"-O{l} {fmt_ratio(ts[f'O{l}'])}×") for l in (0, 1, 2)))
    if any(e["one_part"] for e in comp.values()):
        L.append(f"- † under {ONE_PART_BYTES // 1024} KiB of function bodies: Orca compiles "
                 "the module as one part whatever the thread count, so its speed-up is ≈ 1 "
                 "by design.")
    fails = [f"{n} -O{l}" for n, e in comp.items() for l in (0, 1, 2) if e[f"O{l}"].get("error")]
    if fails:
        L.append("- **Compile failures** (no `orca-timings` line; see results.json): " +
                 ", ".join(fails))
    L.append("- Measured with `ORCA_TIMINGS=1 wasm-run -On [--compile-threads=1] --invoke "
             f"{NO_SUCH_EXPORT} MODULE` (it compiles and instantiates, then fails on the "
             "missing export), 1-thread and all-cores runs interleaved, medians. Speed-ups "
             "are wall-time ratios: a core busy with another job lowers them (see the load "
             "average).")
    L.append("")
    return L


def write_markdown(path, data):
    m, res, comp = data["machine"], data["results"], data["compile"]
    cn = data["config_names"]
    L = []
    L.append("# Orca benchmark results\n")
    L.append("Generated by `python3 bench/run.py` "
             f"(reps={data['reps']}: every time is the median of {data['reps']} run(s)). "
             "Do not edit by hand; re-run the command.\n")
    L.append("## Machine\n")
    L.append(f"- CPU: {m['cpu']}, {m['cores']} cores; {m['os']}, Linux {m['kernel']}")
    L.append(f"- {m['clang']}; Node.js {m['node'] or 'absent'}; Orca commit {m['orca_commit']} (+ working tree)")
    L.append(f"- Load average before/after: {m['loadavg_before']} / {m['loadavg_after']} — "
             "**the machine was shared with other engineers' compilations**, so "
             "execution times are CPU times (user+sys), not wall times; expect ±10% noise "
             "(more on the compile wall times and speed-ups).")
    L.append(f"- Date: {m['date']}\n")
    if not res:
        L.append("## Execution time\n")
        L.append("Not measured (--compile-only).\n")
    else:
        L.append("## Execution time (ms of CPU, compile excluded) and ratio to native\n")
        L.append("Native: clang-19 -O2 -march=native -ffp-contract=off (wasm has no fused "
                 "multiply-add, so contraction is off to keep checksums comparable). "
                 "wasm: clang-19 -O2 --target=wasm32-wasi -mbulk-memory -mnontrapping-fptoint "
                 "(the wasm 2.0 features clang >= 20 enables by default), scalar (`orca`, `node-noliftoff`) "
                 "or -msimd128 (`*-simd`). Orca runs at -O2; its execution time is the "
                 "`run` phase of `ORCA_TIMINGS=1 wasm-run`, its total is the whole process "
                 "(compile included). Node's is the `wasi.start` phase of "
                 "`bench/node-wasi-run.mjs` (CPU of all V8 threads, background tier-up "
                 "included).\n")
        hdr = ["workload", "native", "orca", "×", "orca total", "orca-simd", "×", "orca-simd total"]
        if "node-simd" in cn:
            hdr += ["node-simd", "×", "node-noliftoff-simd", "×", "node-noliftoff", "×"]
        hdr += ["checksums"]
        L.append("| " + " | ".join(hdr) + " |")
        L.append("|" + "---|" * len(hdr))
        for name, r in res.items():
            c = r["configs"]
            nat = c["native"]["exec_cpu_ms"]

            def ratio(cfg):
                e = c.get(cfg, {}).get("exec_cpu_ms")
                return e / nat if e and nat else None
            row = [f"{name}" + (" (Debian)" if r["kind"] == "debian" else ""), fmt_ms(nat),
                   fmt_ms(c["orca"]["exec_cpu_ms"]), fmt_ratio(ratio("orca")), fmt_ms(c["orca"]["total_cpu_ms"]),
                   fmt_ms(c["orca-simd"]["exec_cpu_ms"]), fmt_ratio(ratio("orca-simd")),
                   fmt_ms(c["orca-simd"]["total_cpu_ms"])]
            if "node-simd" in cn:
                for cfg in ("node-simd", "node-noliftoff-simd", "node-noliftoff"):
                    row += [fmt_ms(c[cfg]["exec_cpu_ms"]), fmt_ratio(ratio(cfg))]
            bad = [k for k, v in c.items() if not v["match"]]
            row.append("ok" if not bad else "**MISMATCH: " + ", ".join(bad) + "**")
            L.append("| " + " | ".join(row) + " |")
        g = data["geomean"]
        row = ["**geomean ×**", "1.00", "", f"**{fmt_ratio(g.get('orca'))}**", "", "",
               f"**{fmt_ratio(g.get('orca-simd'))}**", ""]
        if "node-simd" in cn:
            row += ["", fmt_ratio(g.get("node-simd")), "", fmt_ratio(g.get("node-noliftoff-simd")),
                    "", fmt_ratio(g.get("node-noliftoff"))]
        row.append("")
        L.append("| " + " | ".join(row) + " |")
        L.append("")
        L.append("Bars: Orca/native ≤ 1.10 with -msimd128 and ≤ 1.15 scalar (geomean), "
                 "Orca faster than `node --no-liftoff` on every workload.\n")
        L.append(f"- orca-simd/native geomean: **{fmt_ratio(g.get('orca-simd'))}** "
                 f"({'meets' if g.get('orca-simd') and g['orca-simd'] <= 1.10 else 'misses'} the 1.10 bar)")
        L.append(f"- orca (scalar)/native geomean: **{fmt_ratio(g.get('orca'))}** "
                 f"({'meets' if g.get('orca') and g['orca'] <= 1.15 else 'misses'} the 1.15 bar)")
        if data.get("slower_than_node"):
            L.append("- Workloads where Orca is slower than node --no-liftoff (same wasm): " +
                     ", ".join(data["slower_than_node"]))
        elif "node-simd" in cn:
            L.append("- Orca is faster than node --no-liftoff on every workload (same wasm, scalar and simd).")
        mism = data.get("mismatches")
        L.append("- Checksum mismatches / failures: " +
                 ("**" + "; ".join(mism) + "** — correctness bugs, see results.json" if mism else "none"))
        L.append("")
    L += md_compile(comp, data.get("compile_summary") or compile_summary(comp))
    if data.get("notes"):
        L.append("## Notes\n")
        L += ["- " + n for n in data["notes"]]
        L.append("")
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=3, help="runs per configuration (median)")
    ap.add_argument("--quick", action="store_true", help="same as --reps 1")
    ap.add_argument("--only", default="", help="comma-separated workload names")
    ap.add_argument("--skip-real", action="store_true", help="kernels only (no apt-get source)")
    ap.add_argument("--no-node", action="store_true", help="do not run Node.js")
    ap.add_argument("--no-compile", action="store_true", help="skip the compile-time table")
    ap.add_argument("--compile-only", action="store_true",
                    help="build the wasm-simd modules and measure compile times only "
                         "(no execution runs)")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    ap.add_argument("--out-dir", default=HERE, help="where RESULTS.md and results.json go")
    ap.add_argument("--baseline", default="",
                    help="another wasm-run (e.g. a build of an earlier commit) to measure "
                         "in the same run, as configs orca-base and orca-base-simd")
    a = ap.parse_args()
    global BASELINE
    BASELINE = os.path.abspath(a.baseline) if a.baseline else None
    if a.compile_only and a.no_compile:
        ap.error("--compile-only and --no-compile exclude each other")
    reps = 1 if a.quick else max(1, a.reps)
    names = [n for n in a.only.split(",") if n]

    wasm_run = os.path.join(a.build_dir, "bin", "wasm-run")
    if not os.path.exists(os.path.join(a.build_dir, "build.ninja")):
        sh(["cmake", "-S", ROOT, "-B", a.build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"])
    # Always: a stale wasm-run would measure old code.
    sh(["ninja", "-C", a.build_dir, "wasm-run", "wasm-compile"])
    have_node = not a.no_node and not a.compile_only and shutil.which("node") is not None

    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    b = Builder(a.build_dir)
    workloads = build_all(b, names, not a.skip_real,
                          ["wasm-simd"] if a.compile_only else TARGETS)
    results = {} if a.compile_only else run_suite(workloads, wasm_run, reps, have_node)
    comp = {} if a.no_compile else compile_times(workloads, wasm_run, reps)
    summ = compile_summary(comp)
    comp_fail = [f"{n}/O{l}" for n, e in comp.items() for l in (0, 1, 2) if e[f"O{l}"].get("error")]
    load_after = " ".join(open("/proc/loadavg").read().split()[:3])

    cnames = [c[0] for c in configs(wasm_run, have_node)]
    geo = {}
    for cn in cnames[1:]:
        geo[cn] = geomean([r["configs"][cn]["exec_cpu_ms"] / r["configs"]["native"]["exec_cpu_ms"]
                           for r in results.values()
                           if r["configs"][cn]["exec_cpu_ms"] and r["configs"]["native"]["exec_cpu_ms"]
                           and r["configs"][cn]["match"]])
    slower = []
    if have_node:
        for name, r in results.items():
            c = r["configs"]
            for o, n in (("orca-simd", "node-noliftoff-simd"), ("orca", "node-noliftoff")):
                if c[o]["exec_cpu_ms"] and c[n]["exec_cpu_ms"] and c[o]["exec_cpu_ms"] > c[n]["exec_cpu_ms"]:
                    slower.append(f"{name} ({o} {c[o]['exec_cpu_ms']:.0f} ms vs {n} {c[n]['exec_cpu_ms']:.0f} ms)")
    mism = [f"{name}/{cn}" for name, r in results.items() for cn, e in r["configs"].items() if not e["match"]]
    notes = []
    if a.compile_only:
        notes.append("Execution runs skipped (--compile-only).")
    elif not have_node:
        notes.append("Node.js was not run (absent or --no-node).")
    for want in ["speedtest1", "zlib", "bzip2"]:
        if not a.skip_real and (not names or want in names) and want not in workloads:
            notes.append(f"{want} was skipped: it could not be fetched or built (see the run's log).")
    data = {"machine": machine(load_before, load_after), "reps": reps, "config_names": cnames,
            "results": results, "compile": comp, "compile_summary": summ,
            "compile_failures": comp_fail, "geomean": geo,
            "slower_than_node": slower, "mismatches": mism, "notes": notes}
    os.makedirs(a.out_dir, exist_ok=True)
    with open(os.path.join(a.out_dir, "results.json"), "w") as f:
        json.dump(data, f, indent=1)
    write_markdown(os.path.join(a.out_dir, "RESULTS.md"), data)
    if results:
        log(f"geomean vs native: " + ", ".join(f"{k} {v:.2f}" for k, v in geo.items() if v))
    if summ.get("largest"):
        log(f"compile speed-up at -O2 on {summ['largest']}: {summ['largest_O2_speedup']:.2f}x; "
            "all modules: " + ", ".join(f"{k} {fmt_ratio(v)}x" for k, v in summ["total_speedup"].items()))
    if mism:
        log("!! CHECKSUM MISMATCHES / FAILURES: " + ", ".join(mism))
    if comp_fail:
        log("!! COMPILE FAILURES: " + ", ".join(comp_fail))
    log(f"wrote {a.out_dir}/RESULTS.md and results.json")
    return 1 if mism or comp_fail else 0


if __name__ == "__main__":
    sys.exit(main())
