// node-wasi-run.mjs - run a WASI preview1 command module under Node.js (V8)
// for bench/run.py, timing compile, instantiate and run separately.
//
//   node --no-concurrent-marking [--no-liftoff] bench/node-wasi-run.mjs \
//        MODULE.wasm [ARGS]...
//
// The guest's stdout/stderr are the process's; one line
//   node-timings: compile_ms=X compile_cpu_ms=X' instantiate_ms=Y ...
//                 run_ms=Z run_cpu_ms=Z'
// (wall and process CPU time: all of V8's threads, so background tier-up
// compilation is counted where it happens) goes to stderr at the end (like wasm-run's ORCA_TIMINGS=1 line).  The exit
// status is the guest's proc_exit code (0 when _start returns).
// --no-concurrent-marking: Node 20 otherwise crashes at exit in about half
// of the runs of long compute modules (see docs in /work/shared/notes).
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { performance } from 'node:perf_hooks';
import { argv, cpuUsage, exit, stderr } from 'node:process';

const [modPath, ...guestArgs] = argv.slice(2);
if (!modPath) {
  stderr.write('usage: node-wasi-run.mjs MODULE.wasm [ARGS]...\n');
  exit(2);
}
const bytes = readFileSync(modPath);
const wasi = new WASI({ version: 'preview1', args: [modPath, ...guestArgs],
                        env: {}, preopens: {}, returnOnExit: true });
const cpu = () => { const u = cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now(), c0 = cpu();
const mod = await WebAssembly.compile(bytes);
const t1 = performance.now(), c1 = cpu();
const inst = await WebAssembly.instantiate(mod, wasi.getImportObject());
const t2 = performance.now(), c2 = cpu();
const code = wasi.start(inst);
const t3 = performance.now(), c3 = cpu();
const f = (x) => x.toFixed(3);
stderr.write(`node-timings: compile_ms=${f(t1 - t0)} compile_cpu_ms=${f(c1 - c0)} ` +
             `instantiate_ms=${f(t2 - t1)} instantiate_cpu_ms=${f(c2 - c1)} ` +
             `run_ms=${f(t3 - t2)} run_cpu_ms=${f(c3 - c2)}\n`);
exit(code ?? 0);
