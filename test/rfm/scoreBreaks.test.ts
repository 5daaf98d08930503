import { describe, expect, it } from "vitest";
import {
  createRandom,
  KeyAccountError,
  quantilesType7,
  quantileType7,
  type ScoreBreaks,
  scoreBreaks,
  scoreValue,
} from "../../src/index.js";
import { scoreColumn } from "../../src/rfm/scoreColumn.js";

const ONE_TO_TEN = [7, 3, 10, 1, 5, 2, 9, 4, 8, 6];

describe("quantileType7", () => {
  it("interpolates at h = (n − 1)p like R's quantile(type = 7)", () => {
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileType7([10, 20, 30, 40, 50], 0.2)).toBe(18);
    expect(quantileType7([5], 0.7)).toBe(5);
    expect(quantileType7([1, 2, 3], 1)).toBe(3);
  });
});

describe("quantilesType7 on large inputs (counts and buckets)", () => {
  const next = createRandom(11);
  const n = 100_003;
  // Whole numbers spanning less than 2^16 are counted; wider or fractional values are counted in buckets. A few
  // zeros among larger fractional values, outliers and values near the largest doubles are edge cases of buckets.
  const sampled = new Set(Array.from({ length: 16384 }, (_, i) => Math.floor((i * n) / 16384)));
  const shapes: Record<string, Float64Array> = {
    uniform: Float64Array.from({ length: n }, () => next() * 1000),
    ascending: Float64Array.from({ length: n }, (_, i) => i),
    descending: Float64Array.from({ length: n }, (_, i) => n - i),
    "few distinct values": Float64Array.from({ length: n }, () => 1 + Math.floor(-Math.log(1 - next()) * 2)),
    "all equal": new Float64Array(n).fill(42),
    "whole numbers spanning just under 2^16": Float64Array.from({ length: n }, (_, i) => (i * 7919) % 65536),
    "whole numbers spanning just over 2^16": Float64Array.from(
      { length: n },
      (_, i) => -((i * 7919) % 65537),
    ),
    "long tail with outliers": Float64Array.from({ length: n }, (_, i) =>
      i % 9973 === 0 ? 1e12 : Math.round(1000 / (1 - next() * 0.999)),
    ),
    "values near the largest doubles": Float64Array.from({ length: n }, (_, i) =>
      i === 0 ? 1.7e308 : i === 1 ? -1.7e308 : next(),
    ),
    "a few zeros among larger values": Float64Array.from({ length: n }, (_, i) =>
      sampled.has(i) ? 0 : 1000.5 + Math.floor(next() * 50),
    ),
  };
  for (const [shape, values] of Object.entries(shapes)) {
    it(`equals type-7 quantiles of the sorted values: ${shape}`, () => {
      const sorted = Float64Array.from(values).sort();
      for (const bins of [2, 5, 9]) {
        const expected = Array.from({ length: bins - 1 }, (_, j) => quantileType7(sorted, j + 1, bins));
        expect(quantilesType7(values, bins)).toEqual(expected);
      }
    });
  }
});

describe("scoreColumn", () => {
  it("scores long columns of whole numbers by lookup exactly as value by value", () => {
    const next = createRandom(5);
    const days = Array.from({ length: 10_000 }, () => Math.floor(next() * 720) - 20);
    const fractions = days.map((d) => d + 0.5);
    for (const closed of ["left", "right"] as const) {
      for (const reversed of [false, true]) {
        const scoring: ScoreBreaks = { method: "fixed", closed, breaks: [0, 30, 30.5, 400], reversed };
        for (const values of [days, fractions]) {
          expect(Array.from(scoreColumn(values, scoring))).toEqual(values.map((v) => scoreValue(v, scoring)));
        }
      }
    }
  });
});

describe("scoreBreaks", () => {
  it("quantile: type-7 break points, right-closed", () => {
    // h = 9p: 2.25 → 3.25, 4.5 → 5.5, 6.75 → 7.75
    const scoring = scoreBreaks(ONE_TO_TEN, { bins: 4 });
    expect(scoring).toEqual({
      method: "quantile",
      closed: "right",
      breaks: [3.25, 5.5, 7.75],
      reversed: false,
    });
    expect([1, 3, 4, 5, 6, 7, 8, 10].map((x) => scoreValue(x, scoring))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("rfm-package: R rfm's bins() — quantile + 1, [lower, upper)", () => {
    // R: quantile(1:10, c(.2, .4, .6, .8)) + 1 = 3.8 5.6 7.4 9.2; recency scores 5..1 over [1,3.8) [3.8,5.6) …
    const scoring = scoreBreaks(ONE_TO_TEN, { method: "rfm-package", reversed: true });
    expect(scoring.closed).toBe("left");
    expect(scoring.breaks).toEqual([3.8, 5.6, 7.4, 9.2]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => scoreValue(x, scoring))).toEqual([
      5, 5, 5, 4, 4, 3, 3, 2, 2, 1,
    ]);
  });

  it("ntile: equal counts, ties take the tile of their first position", () => {
    // n = 10, k = 3: tile ⌊3s/10⌋ + 1 for sorted index s: 4, 3, 3 values.
    const scoring = scoreBreaks(ONE_TO_TEN, { bins: 3, method: "ntile" });
    expect(scoring.breaks).toEqual([4, 7]);
    // [1,1,1,2,3,4]: the three 1s start at 0 (tile 1), 2 at 3 (tile 2), 3 at 4 (tile 3), 4 at 5 (tile 3).
    const tied = scoreBreaks([4, 1, 3, 1, 2, 1], { bins: 3, method: "ntile" });
    expect(tied.breaks).toEqual([1, 2]);
    expect([1, 2, 3, 4].map((x) => scoreValue(x, tied))).toEqual([1, 2, 3, 3]);
    // All equal: every value scores 1.
    expect(scoreBreaks([5, 5, 5], { bins: 3, method: "ntile" }).breaks).toEqual([5, 5]);
  });

  it("ckmeans: a break is the largest value of a natural cluster", () => {
    expect(scoreBreaks([1, 2, 3, 10, 11, 12, 100], { bins: 3, method: "ckmeans" }).breaks).toEqual([3, 12]);
    // Fewer distinct values than scores: one cluster per value, the last scores are unused.
    const few = scoreBreaks([2, 2, 7, 7], { bins: 4, method: "ckmeans" });
    expect(few.breaks).toEqual([2, 7, 7]);
    expect([2, 7].map((x) => scoreValue(x, few))).toEqual([1, 2]);
  });

  it("fixed: the user's break points, checked", () => {
    const scoring = scoreBreaks([], { bins: 3, method: "fixed", breaks: [10, 20], closed: "left" });
    expect([9, 10, 19, 20].map((x) => scoreValue(x, scoring))).toEqual([1, 2, 2, 3]);
    let error: unknown;
    try {
      scoreBreaks([], { bins: 5, method: "fixed", breaks: [3, 1] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyAccountError);
    const issues = (error as KeyAccountError).issues;
    expect(issues.map((issue) => issue.code)).toEqual(["option.invalid", "option.invalid"]);
    expect(issues[0]?.message).toContain("expected 4 break points for 5 scores, got 2");
    expect(issues[1]?.message).toContain("strictly increasing");
    expect(() => scoreBreaks([1], { bins: 3, method: "fixed", breaks: [1, Number.NaN] })).toThrow(/finite/);
    expect(() => scoreBreaks([1], { method: "fixed" })).toThrow(/needs break points/);
    expect(() => scoreBreaks([1], { bins: 10 })).toThrow(/2\.\.9/);
  });

  it("gives k − 1 zero break points without values", () => {
    expect(scoreBreaks([], { bins: 3 }).breaks).toEqual([0, 0]);
  });
});
