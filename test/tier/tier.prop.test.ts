import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  assignTiers,
  type CustomerFeatures,
  explainScore,
  scoreAccounts,
  type TierInput,
  type TierPolicy,
} from "../../src/index.js";

// Every metric is "higher is better" here; each normalisation method and missing-value rule appears.
const scorecard: Omit<TierPolicy, "assignment"> = {
  version: 1,
  name: "properties",
  ratings: [{ name: "fit", min: 1, max: 5 }],
  dimensions: [
    {
      name: "value",
      weight: 50,
      metrics: [
        { metric: "revenue", weight: 2, normalise: { method: "percentile" } },
        {
          metric: "grossMargin",
          weight: 1,
          normalise: { method: "log", min: 0, max: 10_000_000 },
          missing: "exclude",
        },
      ],
    },
    {
      name: "loyalty",
      weight: 30,
      metrics: [
        { metric: "orders", weight: 1, normalise: { method: "minMax" } },
        { metric: "tenure", weight: 1, normalise: { method: "minMax", min: 0, max: 3650 }, missing: "zero" },
        {
          metric: "nps",
          weight: 1,
          normalise: {
            method: "bands",
            bands: [
              { from: 0, points: 0 },
              { from: 7, points: 50 },
              { from: 9, points: 100 },
            ],
          },
          missing: "exclude",
        },
      ],
    },
    {
      name: "fit",
      weight: 20,
      metrics: [{ metric: "rating.fit", weight: 1, normalise: { method: "minMax", min: 1, max: 5 } }],
    },
  ],
  tiers: [{ name: "strategic" }, { name: "key" }, { name: "ordinary" }],
  hysteresis: { upMargin: 2, downMargin: 15, downPeriods: 2 },
};
const byThresholds: TierPolicy = {
  ...scorecard,
  assignment: {
    method: "thresholds",
    thresholds: [
      { tier: "strategic", minScore: 70 },
      { tier: "key", minScore: 40 },
    ],
  },
};
const byShares: TierPolicy = {
  ...scorecard,
  assignment: {
    method: "shares",
    shares: [
      { tier: "strategic", share: 0.1 },
      { tier: "key", share: 0.3 },
    ],
  },
};
const byAbc: TierPolicy = {
  ...scorecard,
  assignment: { method: "abc", metric: "revenue", cutoffs: [0.7, 0.9] },
};
const byRules: TierPolicy = {
  ...scorecard,
  tiers: [
    { name: "strategic", gates: [{ metric: "dimension.fit", min: 40 }] },
    { name: "key" },
    { name: "ordinary" },
  ],
  assignment: {
    method: "rules",
    rules: [
      {
        tier: "strategic",
        when: [
          { metric: "score", min: 65 },
          { metric: "revenue", min: 1_000_000 },
        ],
      },
      { tier: "key", when: [{ metric: "dimension.loyalty", min: 50 }] },
      { tier: "key", when: [{ metric: "score", min: 45 }] },
    ],
  },
};

interface Row {
  revenue: number;
  margin: number | undefined;
  orders: number;
  tenure: number | undefined;
  nps: number | undefined;
  fit: number | undefined;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  revenue: fc.integer({ min: -100_000, max: 50_000_000 }),
  margin: fc.option(fc.integer({ min: -10_000, max: 20_000_000 }), { nil: undefined }),
  orders: fc.integer({ min: 1, max: 200 }),
  tenure: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  fit: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
});
const portfolioArb = fc.array(rowArb, { minLength: 1, maxLength: 40 });

function inputs(
  rows: readonly Row[],
  ids = rows.map((_, i) => `C${String(i).padStart(3, "0")}`),
): TierInput[] {
  return rows.map((row, i) => {
    const id = ids[i] as string;
    const features = {
      id,
      revenueMinor: row.revenue,
      grossMarginMinor: row.margin,
      orderCount: row.orders,
      tenureDays: row.tenure,
      interactions: row.nps === undefined ? undefined : { latestNps: row.nps },
    } as CustomerFeatures;
    return { id, features, ...(row.fit === undefined ? {} : { ratings: { fit: row.fit } }) };
  });
}

const asOf = "2024-12-31";
const rank = (tier: string): number => ["strategic", "key", "ordinary"].indexOf(tier);

// One "higher is better" metric of one account made better, all else equal.
const improvementArb = fc.record({
  metric: fc.constantFrom("revenue", "margin", "orders", "tenure", "nps", "fit"),
  by: fc.integer({ min: 1, max: 1_000_000 }),
  at: fc.nat(),
});

function improve(rows: Row[], change: { metric: string; by: number; at: number }): Row[] {
  const k = change.at % rows.length;
  const row = { ...(rows[k] as Row) };
  switch (change.metric) {
    case "revenue":
      row.revenue += change.by;
      break;
    case "margin":
      if (row.margin !== undefined) row.margin += change.by;
      break;
    case "orders":
      row.orders += change.by;
      break;
    case "tenure":
      if (row.tenure !== undefined) row.tenure += change.by;
      break;
    case "nps":
      if (row.nps !== undefined) row.nps = Math.min(10, row.nps + (change.by % 4));
      break;
    default:
      if (row.fit !== undefined) row.fit = Math.min(5, row.fit + (change.by % 3));
  }
  return rows.map((entry, i) => (i === k ? row : entry));
}

describe("tiering properties", () => {
  test.prop([portfolioArb, improvementArb, fc.constantFrom(byThresholds, byShares, byAbc, byRules)])(
    "improving a higher-is-better metric never lowers the score or the tier",
    (rows, change, policy) => {
      const k = change.at % rows.length;
      const before = assignTiers(scoreAccounts(inputs(rows), policy), { asOf }).accounts[k];
      const after = assignTiers(scoreAccounts(inputs(improve(rows, change)), policy), { asOf }).accounts[k];
      expect(after?.score).toBeGreaterThanOrEqual((before?.score ?? 0) - 1e-9);
      expect(rank(after?.tier ?? "")).toBeLessThanOrEqual(rank(before?.tier ?? ""));
    },
  );

  test.prop([portfolioArb, fc.func(fc.integer()), fc.constantFrom(byThresholds, byShares, byAbc, byRules)])(
    "the order of the accounts does not matter",
    (rows, key, policy) => {
      const given = inputs(rows);
      const shuffled = given
        .map((input, i) => ({ input, sortKey: key(i) }))
        .sort((a, b) => a.sortKey - b.sortKey)
        .map((entry) => entry.input);
      const tiered = (list: TierInput[]): Map<string, [number, string]> =>
        new Map(
          assignTiers(scoreAccounts(list, policy), { asOf }).accounts.map((a) => [a.id, [a.score, a.tier]]),
        );
      expect(tiered(shuffled)).toEqual(tiered(given));
    },
  );

  test.prop([portfolioArb])("scoring and tiering are deterministic, scores finite in 0..100", (rows) => {
    const first = assignTiers(scoreAccounts(inputs(rows), byThresholds), { asOf });
    const second = assignTiers(scoreAccounts(inputs(rows), byThresholds), { asOf });
    expect(second.accounts).toEqual(first.accounts);
    expect(second.tierIndex).toEqual(first.tierIndex);
    for (const account of first.accounts) {
      expect(Number.isFinite(account.score)).toBe(true);
      expect(account.score).toBeGreaterThanOrEqual(0);
      expect(account.score).toBeLessThanOrEqual(100);
    }
  });

  test.prop([portfolioArb])(
    "the contributions of the metrics and of the dimensions add up to the score",
    (rows) => {
      const card = scoreAccounts(inputs(rows), byThresholds);
      for (const id of card.ids) {
        const breakdown = explainScore(card, id);
        const dimensions = breakdown.dimensions.reduce((sum, d) => sum + d.contribution, 0);
        const metrics = breakdown.dimensions
          .flatMap((d) => d.metrics)
          .reduce((sum, m) => sum + m.contribution, 0);
        expect(dimensions).toBeCloseTo(breakdown.score, 9);
        expect(metrics).toBeCloseTo(breakdown.score, 9);
      }
    },
  );

  test.prop([
    portfolioArb,
    fc.array(fc.constantFrom("strategic", "key", "ordinary"), { minLength: 40, maxLength: 40 }),
    fc.constantFrom(
      { upMargin: 2, downMargin: 15, downPeriods: 2 },
      { upMargin: 20, downMargin: 5 },
      { upMargin: 0.5, downMargin: 0, downPeriods: 3 },
    ),
  ])("hysteresis never flips an account back and forth on a constant input", (rows, start, hysteresis) => {
    // Margins around the thresholds, the shares' cut-off scores and the ABC cut-offs, with and without periods.
    for (const policy of [byThresholds, byShares, byAbc, byRules].map((p) => ({ ...p, hysteresis }))) {
      const card = scoreAccounts(inputs(rows), policy);
      let previous = card.ids.map((id, i) => ({ id, tier: start[i] as string, periodsBelow: 0 }));
      const history = card.ids.map((_, i) => [start[i] as string]);
      for (let period = 0; period < 5; period++) {
        const result = assignTiers(card, { asOf, previous });
        result.accounts.forEach((account, i) => {
          history[i]?.push(account.tier);
        });
        previous = result.accounts;
      }
      for (const tiers of history) {
        const runs = tiers.filter((tier, i) => i === 0 || tier !== tiers[i - 1]);
        expect(new Set(runs).size).toBe(runs.length);
      }
    }
  });
});
