import { defineConfig } from "vitest/config";

// The real-browser tests: Debian's Chromium driven by playwright-core against the built browser bundle. Run by
// `npm run test:browser`, after `npm run build` (the main `test` script keeps that order).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has few cores and each test starts its own Chromium.
    fileParallelism: false,
  },
});
