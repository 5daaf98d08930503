// The committed policy reference is the one the schema gives: regenerate it with `npm run docs:policy`.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { policyReference } from "../../docs/tools/policyReference.js";

it("docs/policy-reference.md matches the portfolio policy's schema", () => {
  const committed = readFileSync(new URL("../../docs/policy-reference.md", import.meta.url), "utf8");
  expect(committed).toBe(policyReference());
  expect(committed).toContain("| `tiers` | one of:");
  expect(committed).toContain("| `clv.horizonUnit` |");
});
