// The whole job at scale: `keyaccount score` on a generated portfolio of 1,000,000 accounts with about 10,000,000
// transaction lines, in a Node process whose heap is limited to 1 GB (`--heap`; the engine lets the heap grow
// towards its limit before collecting, so a larger limit raises the peak more than the data do), timed end to end
// with its peak resident memory (/usr/bin/time -v). The portfolio is made once by `keyaccount generate` (seeded:
// the same files every time) and kept in the temporary folder for the next run.
//
// Usage: npm run bench:scale [-- --accounts N --lines L --files customers,ratings,pool,previous --heap MB]
//   --files   the record files passed besides the transactions (any of customers, interactions, invoices,
//             qualifications, ratings, pool, previous); default customers, ratings, pool and previous.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000000" },
    lines: { type: "string", default: "10" },
    files: { type: "string", default: "customers,ratings,pool,previous" },
    heap: { type: "string", default: "1024" },
  },
});
const dir = join(tmpdir(), `keyaccount-scale-${values.accounts}-${values.lines}`);
const cli = "dist/cli.js";
if (!existsSync(cli)) throw new Error("build first: npm run build");

function run(
  command: string,
  args: string[],
): { seconds: number; stderr: string; stdout: string; failed: boolean } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, stderr: result.stderr, stdout: result.stdout, failed: result.status !== 0 };
}

const peakMegabytes = (timeOutput: string): string =>
  (Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? Number.NaN) / 1024).toFixed(
    0,
  );

if (!existsSync(join(dir, "transactions.csv"))) {
  console.log(`generating ${values.accounts} accounts, about ${values.lines} lines each, into ${dir} …`);
  const made = run("node", [
    cli,
    "generate",
    ...["--accounts", values.accounts, "--seed", "1", "--as-of", "2026-11-30"],
    ...["--transactions-per-account", values.lines, "--out", dir],
  ]);
  if (made.failed) throw new Error(`keyaccount generate failed:\n${made.stderr}`);
  console.log(`${made.stderr.trim()} (${made.seconds.toFixed(0)} s)`);
}

const FLAGS: Record<string, [string, string]> = {
  customers: ["--customers", "customers.csv"],
  interactions: ["--interactions", "interactions.csv"],
  invoices: ["--invoices", "invoices.csv"],
  qualifications: ["--qualifications", "qualifications.csv"],
  ratings: ["--ratings", "ratings.csv"],
  pool: ["--pool", "pool.csv"],
  previous: ["--previous", "tiers.csv"],
};
const records = values.files
  .split(",")
  .filter((name) => name !== "")
  .flatMap((name) => {
    const flag = FLAGS[name];
    if (flag === undefined)
      throw new Error(`--files: unknown file ${name}; known: ${Object.keys(FLAGS).join(", ")}`);
    return [flag[0], join(dir, flag[1])];
  });
const out = join(dir, "results");
const scored = run("/usr/bin/time", [
  "-v",
  "node",
  `--max-old-space-size=${values.heap}`,
  cli,
  "score",
  ...["--transactions", join(dir, "transactions.csv"), ...records],
  ...["--policy", "examples/data/portfolio-policy.json", "--as-of", "2026-11-30", "--out", out],
]);
if (scored.failed) {
  // Out of memory is a result too: how long it ran and how much it took before the heap limit stopped it.
  const reason = /heap out of memory|Allocation failed[^\n]*/i.exec(scored.stderr)?.[0] ?? "failed";
  console.log(
    `keyaccount score: ${reason} after ${scored.seconds.toFixed(1)} s with a heap limit of ${values.heap} MB, peak resident memory ${peakMegabytes(scored.stderr)} MB`,
  );
  process.exit(1);
}
const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
const lines = summary.ingest.transactions.input as number;
console.log(
  `keyaccount score: ${lines.toLocaleString("en")} transaction lines, ${summary.totals.accounts.toLocaleString("en")} accounts, files: transactions,${values.files}; heap limit ${values.heap} MB`,
);
console.log(
  `  end to end ${scored.seconds.toFixed(1)} s, peak resident memory ${peakMegabytes(scored.stderr)} MB`,
);
const stages = Object.entries(summary.timings as Record<string, number>)
  .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
  .join(", ");
console.log(`  stages: ${stages}`);
