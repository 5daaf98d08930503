import { defineConfig } from "tsup";

export default defineConfig([
  // ESM: one output file per module, so a consumer's bundler keeps only the modules (and dependencies) it uses:
  // `import { parseDay } from "keyaccount"` must not drag decimal.js or zod along.
  {
    entry: ["src/**/*.ts", "!src/cli/**"],
    bundle: false,
    format: ["esm"],
    platform: "neutral",
    target: "es2022",
    dts: { entry: "src/index.ts" },
    sourcemap: true,
    clean: true,
  },
  // CJS: one bundled file for require() users (tree-shaking is an ESM matter).
  {
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    platform: "neutral",
    target: "es2022",
    dts: true,
    sourcemap: true,
    treeshake: true,
  },
  // Browsers without a bundler: the whole library and its dependencies (zod, decimal.js, simple-statistics) in one
  // minified ES module, `import { scorePortfolio } from "./keyaccount.js"` (the what-if page loads it this way).
  {
    entry: { keyaccount: "src/index.ts" },
    outDir: "dist/browser",
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    noExternal: ["zod", "decimal.js", "simple-statistics"],
    minify: true,
    sourcemap: true,
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "decimal.js", "simple-statistics", "papaparse"],
  },
]);
