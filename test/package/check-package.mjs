// Packaging checks on the built package (run `npm run build` first): what a consumer gets from `npm install
// keyaccount`, checked the way consumers use it. A plain Node script rather than a vitest suite because it must
// see the package exactly as Node, bundlers and a bare sandbox see it, not through vitest's own module loader.
// Prints one line per check and ends with "N passed, M failed"; exits 1 when anything failed.

import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import vm from "node:vm";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("package.json", pathToFileURL(root)), "utf8"));
const dist = (file) => new URL(`dist/${file}`, pathToFileURL(root));
const require = createRequire(import.meta.url);

// The largest minified ESM bundle allowed for `import { parseDay } from "keyaccount"`. parseDay with its calendar
// arithmetic is ~2 KB and decimal.js adds ~32 KB; zod/mini can be a few KB only, so it is caught by its marker.
const PARSE_DAY_BUNDLE_MAX_BYTES = 4096;
// The core's runtime dependencies, each with a string that survives minification and appears only when the
// dependency (or, for simple-statistics, one of its functions) was bundled in.
const DEPENDENCY_MARKERS = {
  zod: "_zod",
  "decimal.js": "[DecimalError]",
  "simple-statistics": "requires at least one data point",
};

// What each entry must compute. `probe` runs unchanged in Node (ESM and CJS) and, as source text, inside the bare
// vm context, so it must use nothing but the API object it is given and the language's built-ins.
const probe = (api) => ({
  parseDay: api.parseDay("1997-01-01"),
  parseDayRejects: api.parseDay("2023-02-29") === undefined,
  formatDay: api.formatDay(9862),
  formatMoney: api.formatMoney(123456, "USD"),
  // "12.345" with rounding takes the decimal.js path, so this proves decimal.js works where the core runs.
  parseMoneyRounded: api.parseMoney("12.345", "USD", { rounding: "half-even" }),
  // Building and running a zod/mini schema proves zod works there too.
  saleValid: api
    .transactionSchema()
    .safeParse({ customerId: "C1", date: "2024-03-05", amountMinor: 1999, currency: "USD", kind: "sale" })
    .success,
  negativeSaleValid: api
    .transactionSchema()
    .safeParse({ customerId: "C1", date: "2024-03-05", amountMinor: -1, currency: "USD", kind: "sale" })
    .success,
  message: api.formatMessage("id.missing", {}, "zh-CN"),
  // A summary runs the features stage, whose cadence statistics come from simple-statistics.
  summary: (() => {
    const sale = (date, amountMinor) => ({
      customerId: "C1",
      date,
      amountMinor,
      currency: "USD",
      kind: "sale",
    });
    const transactions = [sale("1997-01-01", 2933), sale("1997-01-18", 2973), sale("1997-08-02", 1496)];
    const [c1] = api.summarize({ transactions }, { asOf: "1997-09-30", timeUnit: "week" }).features;
    return [
      c1.frequency,
      c1.recency.toFixed(2),
      c1.T.toFixed(2),
      c1.monetaryValue,
      c1.interPurchaseMedianDays,
    ];
  })(),
});
const expected = {
  parseDay: 9862,
  parseDayRejects: true,
  formatDay: "1997-01-01",
  formatMoney: "1234.56",
  parseMoneyRounded: { ok: true, minor: 1234, rounded: true },
  saleValid: true,
  negativeSaleValid: false,
  message: "客户编号为空。",
  summary: [2, "30.43", "38.86", 2234.5, 106.5],
};

function assertProbe(where, actual) {
  const got = JSON.stringify(actual);
  const want = JSON.stringify(expected);
  if (got !== want) throw new Error(`${where} computed\n  ${got}\nexpected\n  ${want}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const exportNames = (api) =>
  Object.keys(api)
    .filter((name) => name !== "__esModule" && name !== "default")
    .sort();

async function checkPublint() {
  // `strict` turns warnings into errors; suggestions are advice and stay informational. `pack: "npm"` lints the
  // file list npm would publish, so an entry point missing from "files" is caught.
  const { messages, pkg: manifest } = await publint({ pkgDir: root, pack: "npm", strict: true });
  const problems = messages.filter((m) => m.type !== "suggestion");
  const text = (m) => `${m.type}: ${formatMessage(m, manifest, { color: false })}`;
  assert(problems.length === 0, `publint:\n  ${problems.map(text).join("\n  ")}`);
  const suggestions = messages.filter((m) => m.type === "suggestion");
  return suggestions.length === 0 ? "no messages" : `suggestions only: ${suggestions.map(text).join("; ")}`;
}

async function checkAttw() {
  // The "strict" profile checks every resolution mode (node10, node16 from CJS, node16 from ESM, bundler). No rule
  // is ignored: the package ships real CJS beside ESM, so even `cjs-resolves-to-esm` must not fire.
  const bin = require
    .resolve("@arethetypeswrong/cli/package.json")
    .replace(/package\.json$/, "dist/index.js");
  let stdout;
  try {
    ({ stdout } = await run(
      process.execPath,
      [bin, "--pack", ".", "--profile", "strict", "--format", "json"],
      {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      },
    ));
  } catch (error) {
    // attw exits 1 when it finds problems and still prints its JSON report.
    stdout = error.stdout;
    if (!stdout) throw error;
  }
  const report = JSON.parse(stdout);
  const problems = Array.isArray(report.problems)
    ? report.problems
    : Object.values(report.problems ?? {}).flat();
  assert(
    problems.length === 0,
    `attw found problems:\n  ${problems.map((p) => `${p.kind} ${p.entrypoint ?? ""} ${p.resolutionKind ?? ""}`).join("\n  ")}`,
  );
  const modes = Object.keys(report.analysis.entrypoints["."].resolutions);
  return `no problems in ${modes.join(", ")}`;
}

async function checkEntries() {
  const esmByPath = await import(dist("index.js").href);
  // Self-reference by package name resolves through "exports", as a consumer's import and require do.
  const esmByName = await import("keyaccount");
  assert(esmByName === esmByPath, 'import("keyaccount") did not resolve to dist/index.js');
  assert(
    require.resolve("keyaccount") === fileURLToPath(dist("index.cjs")),
    `require.resolve("keyaccount") is ${require.resolve("keyaccount")}, not dist/index.cjs`,
  );
  const cjs = require("keyaccount");
  const esmNames = exportNames(esmByPath);
  const cjsNames = exportNames(cjs);
  assert(
    JSON.stringify(esmNames) === JSON.stringify(cjsNames),
    `ESM and CJS export different names:\n  ESM only: ${esmNames.filter((n) => !cjsNames.includes(n))}\n  CJS only: ${cjsNames.filter((n) => !esmNames.includes(n))}`,
  );
  assert(!("default" in esmByPath), "the ESM entry has a default export (the API is named exports only)");
  assertProbe("ESM entry", probe(esmByPath));
  assertProbe("CJS entry", probe(cjs));
  assert(new cjs.KeyAccountError([]) instanceof Error, "CJS KeyAccountError is not an Error");
  return `ESM (by path and by name) and CJS load with the same ${esmNames.length} exports and compute correctly`;
}

async function checkBareSandbox() {
  // Bundle the ESM build with its dependencies into one script, as a warehouse UDF or a worker would load it.
  const result = await build({
    entryPoints: [fileURLToPath(dist("index.js"))],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "keyaccount",
    platform: "neutral",
    // A neutral build resolves no package fields by default; these are what the dependencies declare.
    mainFields: ["module", "main"],
    target: "es2022",
    metafile: true,
    logLevel: "silent",
  });
  const source = result.outputFiles[0].text;
  for (const forbidden of ["require(", "process.", "node:"]) {
    assert(!source.includes(forbidden), `the core bundle contains "${forbidden}"`);
  }
  const bundled = Object.keys(DEPENDENCY_MARKERS).filter((dep) =>
    Object.keys(result.metafile.inputs).some((input) => input.includes(`node_modules/${dep}/`)),
  );
  // An empty context has the language built-ins only: no require, process, module, fetch, setTimeout. V8 itself
  // adds a `console` to every context (a no-op without an inspector); a warehouse engine may not, so remove it.
  const context = vm.createContext({});
  vm.runInContext("delete globalThis.console", context);
  vm.runInContext(source, context, { filename: "keyaccount.iife.js" });
  const missing = vm.runInContext(
    '["require", "process", "console", "module", "fetch", "setTimeout"].filter((name) => name in globalThis)',
    context,
  );
  assert(missing.length === 0, `the sandbox is not bare: it has ${missing.join(", ")}`);
  assertProbe("bare vm context", vm.runInContext(`(${probe.toString()})(keyaccount)`, context));
  return `${(source.length / 1024).toFixed(0)} KB bundle with ${bundled.join(", ") || "no dependencies"} runs with no Node globals`;
}

async function checkBrowserBundle() {
  // dist/browser/keyaccount.js is loaded by a browser as it is (`<script type="module">`, the what-if page): one
  // ES module holding the dependencies, with no import of another file and no Node API. It is not in "exports":
  // it is ESM only and for browsers, so Node's CJS and node10 resolutions (attw) have nothing to find there.
  const file = dist("browser/keyaccount.js");
  assert(existsSync(file), "dist/browser/keyaccount.js is missing (did the browser build fail?)");
  const source = readFileSync(file, "utf8");
  for (const forbidden of ["require(", "process.", "node:", "import("]) {
    assert(!source.includes(forbidden), `the browser bundle contains "${forbidden}"`);
  }
  // Bundling it again resolves whatever it imports: it must bring in no other input.
  const result = await build({
    entryPoints: [fileURLToPath(file)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert(
    inputs.length === 1,
    `the browser bundle imports ${inputs.filter((input) => !input.endsWith("keyaccount.js"))}`,
  );
  const browser = await import(file.href);
  const esmNames = exportNames(await import(dist("index.js").href));
  assert(
    JSON.stringify(exportNames(browser)) === JSON.stringify(esmNames),
    "the browser bundle and the ESM entry export different names",
  );
  assertProbe("browser bundle", probe(browser));
  return `${(Buffer.byteLength(source) / 1024).toFixed(0)} KB minified, self-contained, the ESM entry's ${esmNames.length} exports, computes correctly`;
}

async function checkTreeShaking() {
  const result = await build({
    stdin: { contents: 'export { parseDay } from "keyaccount";', resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  const source = result.outputFiles[0].text;
  const bytes = Buffer.byteLength(source);
  for (const [dep, marker] of Object.entries(DEPENDENCY_MARKERS)) {
    assert(!source.includes(marker), `importing only parseDay bundles ${dep} (found "${marker}")`);
  }
  assert(
    bytes <= PARSE_DAY_BUNDLE_MAX_BYTES,
    `parseDay alone bundles to ${bytes} B > ${PARSE_DAY_BUNDLE_MAX_BYTES} B`,
  );
  return `parseDay alone: ${bytes} B minified (bound ${PARSE_DAY_BUNDLE_MAX_BYTES} B), no zod, no decimal.js`;
}

async function checkExamples() {
  // The examples import the package by name, as a user's script would, so they run against the build.
  const { stdout } = await run(
    process.execPath,
    [fileURLToPath(new URL("../../examples/batch-summary.mjs", import.meta.url))],
    { cwd: root },
  );
  assert(stdout.startsWith("lines 30000: used 27417, rejected 2583"), `batch-summary.mjs printed: ${stdout}`);
  return "examples/batch-summary.mjs runs against the built package";
}

async function checkCli() {
  const cli = dist("cli.js");
  assert(existsSync(cli), "dist/cli.js is missing (did the CLI build fail?)");
  assert(pkg.bin?.keyaccount === "dist/cli.js", 'package.json "bin".keyaccount is not dist/cli.js');
  const firstLine = readFileSync(cli, "utf8").split("\n", 1)[0];
  assert(
    firstLine === "#!/usr/bin/env node",
    `dist/cli.js starts with ${JSON.stringify(firstLine)}, not a shebang`,
  );
  const { stdout } = await run(process.execPath, [fileURLToPath(cli), "--help"], { cwd: root });
  assert(stdout.trim().length > 0, "keyaccount --help printed nothing");
  return "has a shebang; --help exits 0";
}

const checks = [
  ["publint", checkPublint],
  ["attw", checkAttw],
  ["ESM and CJS entries", checkEntries],
  ["bare vm sandbox", checkBareSandbox],
  ["browser bundle", checkBrowserBundle],
  ["tree-shaking", checkTreeShaking],
  ["CLI", checkCli],
  ["examples", checkExamples],
];

if (!existsSync(dist("index.js"))) {
  console.error("dist/index.js is missing: run `npm run build` first.");
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const [name, check] of checks) {
  try {
    const outcome = await check();
    passed++;
    console.log(`ok    ${name}: ${outcome}`);
  } catch (error) {
    failed++;
    // stdout, like the passes, so the report reads in order when both streams go to one log.
    console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : error}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) console.error("Packaging checks failed (see FAIL lines above).");
process.exitCode = failed === 0 ? 0 : 1;
