// Runs every bench/*.bench.ts module: for each case, setup, warm-up runs, then timed runs, and prints the median.
// Warm-up lasts at least WARMUP_RUNS runs and WARMUP_SECONDS, so that millisecond cases are timed once the JIT has
// optimised them (a second-long case gets its WARMUP_RUNS only).
// Usage: tsx bench/run.ts [name-filter]. Kept small and dependency-free: a median of a few runs is all that
// second-long cases need.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchCase } from "./case.js";

const WARMUP_RUNS = 2;
const WARMUP_SECONDS = 0.5;
const TIMED_RUNS = 7;

// The last run's result is kept so that no run's work is dead code the JIT could drop. Only the last: keeping all
// of them (a million-row summary each) would grow the heap and time the garbage collector instead of the case.
const sink: { last?: unknown } = {};

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[sorted.length >> 1] as number;
}

function formatSeconds(seconds: number): string {
  return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(1)} ms`;
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(1);
}

async function runCase(bench: BenchCase): Promise<void> {
  await bench.setup?.();
  const warmUpStart = performance.now();
  for (let i = 0; i < WARMUP_RUNS || performance.now() - warmUpStart < WARMUP_SECONDS * 1000; i++) {
    sink.last = bench.run();
  }
  const seconds: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const begin = performance.now();
    sink.last = bench.run();
    seconds.push((performance.now() - begin) / 1000);
  }
  sink.last = undefined;
  const time = median(seconds);
  const rate =
    bench.rows === undefined ? `${formatRate(1 / time)} runs/s` : `${formatRate(bench.rows / time)} rows/s`;
  const spread = `${formatSeconds(Math.min(...seconds))} … ${formatSeconds(Math.max(...seconds))}`;
  console.log(`  ${bench.name}: median ${formatSeconds(time)} of ${TIMED_RUNS} (${spread}), ${rate}`);
  if (bench.peer) {
    const ratio = bench.peer.seconds / time;
    const comparison =
      ratio >= 1 ? `${ratio.toFixed(1)}x faster than` : `${(1 / ratio).toFixed(1)}x slower than`;
    console.log(
      `    ${comparison} ${bench.peer.name} (${formatSeconds(bench.peer.seconds)}; ${bench.peer.source})`,
    );
  }
}

// Each module runs in a process of its own (this script again, with --module), so that one module's data — a
// million-account portfolio holds gigabytes — does not slow the garbage collector of the modules after it.
// The parent's arguments are [filter]; a module process's are --module FILE [filter].
const moduleFlag = process.argv.indexOf("--module");
const filter = moduleFlag >= 0 ? process.argv[moduleFlag + 2] : process.argv[2];
const directory = fileURLToPath(new URL(".", import.meta.url));

async function runModule(file: string): Promise<void> {
  const module = (await import(pathToFileURL(`${directory}${file}`).href)) as { cases?: BenchCase[] };
  if (!Array.isArray(module.cases)) throw new Error("exports no `cases` array");
  for (const bench of module.cases) {
    if (filter === undefined || bench.name.includes(filter)) await runCase(bench);
  }
}

if (moduleFlag >= 0) {
  await runModule(process.argv[moduleFlag + 1] as string);
} else {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(".bench.ts"))
    .sort();
  let failures = 0;
  for (const file of files) {
    console.log(file);
    const args = [...process.execArgv, fileURLToPath(import.meta.url), "--module", file];
    if (filter !== undefined) args.push(filter);
    // One broken module (say, an API still being written) must not hide the other modules' numbers.
    const child = spawnSync(process.execPath, args, { stdio: "inherit" });
    if (child.status !== 0) {
      failures++;
      console.error(`  FAILED: ${file} exited with ${child.status ?? child.signal}`);
    }
  }
  process.exitCode = failures === 0 ? 0 : 1;
}
