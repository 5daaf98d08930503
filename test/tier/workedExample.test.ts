// The worked example of docs/tier.md, run from the page itself: its policy, customers and override are read from
// the page's JSON blocks, and the result table on the page must be what the library gives.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  assignTiers,
  type CustomerFeatures,
  formatMessage,
  parseTierPolicy,
  scoreAccounts,
  type TierOverride,
  tierMigration,
} from "../../src/index.js";

const page = readFileSync(fileURLToPath(new URL("../../docs/tier.md", import.meta.url)), "utf8");
const example = page.slice(page.indexOf("## Worked example"));
const blocks = [...example.matchAll(/```json\n([\s\S]*?)```/g)].map((match) =>
  JSON.parse(match[1] as string),
);
const [policyJson, customers, overrides] = blocks as [
  unknown,
  {
    id: string;
    revenueMinor: number;
    grossMarginMinor: number;
    orders: number;
    strategicFit: number;
    daysToPay: number;
    previous?: string;
  }[],
  TierOverride[],
];
const table = example
  .split("\n")
  .filter((line) => /^\| C\d+ \|/.test(line))
  .map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe("docs/tier.md worked example: a pump manufacturer", () => {
  const card = scoreAccounts(
    customers.map((c) => ({
      id: c.id,
      features: {
        id: c.id,
        revenueMinor: c.revenueMinor,
        grossMarginMinor: c.grossMarginMinor,
        orderCount: c.orders,
        receivables: { averageDaysToPay: c.daysToPay },
      } as CustomerFeatures,
      ratings: { strategicFit: c.strategicFit },
    })),
    parseTierPolicy(policyJson),
  );
  const previous = customers.flatMap((c) =>
    c.previous === undefined ? [] : [{ id: c.id, tier: c.previous }],
  );
  const result = assignTiers(card, { asOf: "2024-12-31", previous, overrides });

  it("gives the page's scores, tiers and reasons", () => {
    expect(table).toHaveLength(7);
    expect(
      result.accounts.map((a) => [
        a.id,
        a.score.toFixed(2),
        a.previousTier ?? "",
        a.tier,
        a.reasons.map((reason) => formatMessage(reason.code, reason.params)).join(" "),
      ]),
    ).toEqual(table);
  });

  it("gives the page's migration and Chinese reasons", () => {
    const migration = tierMigration(result);
    expect(migration.accounts).toEqual([
      [2, 0, 0, 0],
      [0, 2, 0, 0],
      [0, 1, 1, 0],
      [0, 1, 0, 0],
    ]);
    expect(migration.revenueMinor[0]?.[0]).toBe(770000000);
    expect(migration.counts).toEqual({ up: 1, down: 0, unchanged: 5, new: 1, departed: 0 });
    const northernGrid = result.accounts[4]?.reasons
      .map((r) => formatMessage(r.code, r.params, "zh-CN"))
      .join("");
    expect(page).toContain(northernGrid);
  });

  it("expires the override the day after", () => {
    const later = assignTiers(card, { asOf: "2025-07-01", previous, overrides });
    expect(later.accounts[6]?.tier).toBe("ordinary");
    expect(later.accounts[6]?.reasons[1]?.code).toBe("tier.override.expired");
  });
});
