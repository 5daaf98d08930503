import { describe, expect, it } from "vitest";
import {
  type CustomerFeatures,
  explainScore,
  LazyList,
  normaliseColumn,
  scoreAccounts,
  type TierInput,
  type TierPolicy,
} from "../../src/index.js";

const column = (...values: number[]): Float64Array => Float64Array.from(values);

describe("normaliseColumn", () => {
  it("ranks by mid-rank percentile, ties sharing, missing staying missing", () => {
    expect(
      Array.from(normaliseColumn(column(10, 30, 20, 20, Number.NaN), { method: "percentile" }, true)),
    ).toEqual([0, 1, 0.5, 0.5, Number.NaN]);
    expect(Array.from(normaliseColumn(column(10, 30, 20), { method: "percentile" }, false))).toEqual([
      1, 0, 0.5,
    ]);
    expect(Array.from(normaliseColumn(column(7), { method: "percentile" }, true))).toEqual([0.5]);
  });

  it("scales min–max with caps, and log-scaled", () => {
    expect(
      Array.from(normaliseColumn(column(-5, 0, 25, 50, 200), { method: "minMax", min: 0, max: 100 }, true)),
    ).toEqual([0, 0, 0.25, 0.5, 1]);
    expect(Array.from(normaliseColumn(column(2, 4, 6), { method: "minMax" }, false))).toEqual([1, 0.5, 0]);
    const log = normaliseColumn(column(0, 9, 99, 1000), { method: "log", min: 0, max: 99 }, true);
    expect(Array.from(log)).toEqual([0, 0.5, 1, 1]);
    expect(Array.from(normaliseColumn(column(3, 3), { method: "minMax" }, true))).toEqual([0.5, 0.5]);
  });

  it("gives fixed bands' points as written", () => {
    const bands = {
      method: "bands" as const,
      bands: [
        { from: 0, points: 0 },
        { from: 7, points: 60 },
        { from: 9, points: 100 },
      ],
    };
    expect(Array.from(normaliseColumn(column(-1, 0, 6.9, 7, 10), bands, true))).toEqual([0, 0, 0, 0.6, 1]);
  });
});

const policy: TierPolicy = {
  version: 1,
  name: "test",
  ratings: [{ name: "fit", min: 1, max: 5 }],
  dimensions: [
    {
      name: "value",
      weight: 3,
      metrics: [
        { metric: "revenue", weight: 3, normalise: { method: "minMax", min: 0, max: 1000 } },
        {
          metric: "grossMargin",
          weight: 1,
          normalise: { method: "minMax", min: 0, max: 100 },
          missing: "exclude",
        },
      ],
    },
    {
      name: "fit",
      weight: 1,
      metrics: [
        {
          metric: "rating.fit",
          weight: 1,
          normalise: { method: "minMax", min: 1, max: 5 },
          missing: "exclude",
        },
      ],
    },
    {
      name: "credit",
      weight: 1,
      metrics: [
        {
          metric: "maxDaysPastDue",
          weight: 1,
          normalise: { method: "minMax", min: 0, max: 90 },
          missing: "zero",
        },
      ],
    },
  ],
  tiers: [{ name: "key" }, { name: "ordinary" }],
  assignment: { method: "thresholds", thresholds: [{ tier: "key", minScore: 50 }] },
};

function account(id: string, revenueMinor: number, grossMarginMinor?: number, fit?: number): TierInput {
  const features = { id, revenueMinor, grossMarginMinor } as CustomerFeatures;
  return { id, features, ...(fit === undefined ? {} : { ratings: { fit } }) };
}

describe("scoreAccounts", () => {
  it("combines metrics and dimensions by weight, re-weighting what is excluded", () => {
    const card = scoreAccounts([account("A", 500, 100, 5), account("B", 1000)], policy);
    // A: value (3·50 + 1·100) / 4 = 62.5; fit 100; credit missing → 0. Total (3·62.5 + 100 + 0) / 5 = 57.5.
    // B: value 100 (margin excluded); fit excluded; credit 0. Total (3·100 + 0) / 4 = 75.
    expect(Array.from(card.score)).toEqual([57.5, 75]);
    expect(card.dimensionScores.map((scores) => Array.from(scores))).toEqual([
      [62.5, 100],
      [100, Number.NaN],
      [0, 0],
    ]);
  });

  it("explains a score: contributions add up to it", () => {
    const card = scoreAccounts([account("A", 500, 100, 5), account("B", 1000)], policy);
    const b = explainScore(card, "B");
    expect(b.dimensions.map((d) => [d.name, d.weight, d.score, d.contribution])).toEqual([
      ["value", 0.75, 100, 75],
      ["fit", 0, undefined, 0],
      ["credit", 0.25, 0, 0],
    ]);
    expect(b.dimensions[0]?.metrics[1]).toEqual({
      metric: "grossMargin",
      missing: "exclude",
      weight: 0,
      contribution: 0,
    });
    expect(b.dimensions[2]?.metrics[0]).toEqual({
      metric: "maxDaysPastDue",
      missing: "zero",
      points: 0,
      weight: 0.25,
      contribution: 0,
    });
    const a = explainScore(card, "A");
    const sum = a.dimensions.flatMap((d) => d.metrics).reduce((total, m) => total + m.contribution, 0);
    expect(sum).toBeCloseTo(a.score, 10);
    expect(a.dimensions[0]?.metrics[0]).toEqual({
      metric: "revenue",
      raw: 500,
      normalised: 0.5,
      points: 50,
      weight: expect.closeTo(0.45, 12),
      contribution: expect.closeTo(22.5, 10),
    });
    expect(() => explainScore(card, "Z")).toThrow("The customer Z is not in the customer list.");
  });

  it("scores a list that makes its accounts when read as it scores the array, making each account once", () => {
    const accounts = [account("A", 500, 100, 5), account("B", 1000), account("C", 250, 50, 9)];
    const made: number[] = [];
    const lazy = new LazyList(accounts.length, (i) => {
      made.push(i);
      return accounts[i] as TierInput;
    });
    const fromList = scoreAccounts(lazy, policy);
    const fromArray = scoreAccounts(accounts, policy);
    expect(made).toEqual([0, 1, 2]);
    expect(Array.from(fromList.score)).toEqual(Array.from(fromArray.score));
    expect(fromList.ids).toEqual(["A", "B", "C"]);
    expect([...fromList.values]).toEqual([...fromArray.values]);
    expect(fromList.issues.map((issue) => issue.message)).toEqual(["The rating.fit 9 is outside 1..5."]);
  });

  it("treats a rating outside its range as missing and reports it", () => {
    const card = scoreAccounts([account("A", 500, 100, 9)], policy);
    expect(card.issues.map((issue) => issue.message)).toEqual(["The rating.fit 9 is outside 1..5."]);
    expect(Number.isNaN(card.dimensionScores[1]?.[0])).toBe(true);
  });

  it("scores 0 when nothing can be scored, and a neutral 50 for a missing neutral metric", () => {
    const empty = scoreAccounts([{ id: "X" }], { ...policy, dimensions: policy.dimensions.slice(1, 2) });
    expect(Array.from(empty.score)).toEqual([0]);
    const neutral = scoreAccounts([{ id: "X" }], {
      ...policy,
      missing: "neutral",
      dimensions: policy.dimensions.slice(0, 1),
    });
    expect(Array.from(neutral.score)).toEqual([50]);
  });
});
