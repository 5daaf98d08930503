// Cumulative tracking of the CDNOW cohort (Fader, Hardie & Lee 2005, figure 2).
import { describe, expect, it } from "vitest";
import { bgNbd, cumulativeTracking, groupSummaries, paretoNbd } from "../../src/index.js";
import { cdnowCohort, cdnowSummaries } from "./fixtures.js";

describe("cumulativeTracking", () => {
  const summaries = cdnowSummaries();
  const cohort = cdnowCohort();
  const calibrationEnd = 272 / 7; // 1997-09-30, day 272 from 1997-01-01, in weeks

  it("CDNOW, BG/NBD: the model tracks the actual repeat purchases in calibration and holdout", () => {
    const params = bgNbd.fit(groupSummaries(summaries)).params;
    const weeks = Array.from({ length: 78 }, (_, k) => k + 1);
    const points = cumulativeTracking(bgNbd, params, cohort, [...weeks, calibrationEnd]);
    const end = points[78];
    // Actual: the 2,457 repeat purchases of the summaries (Σ x) by the calibration end, 4,339 by week 78.
    expect(end?.actual).toBe(2457);
    expect(points[77]?.actual).toBe(4339);
    // Expected at the calibration end = Σᵢ E[X(Tᵢ)] over the summaries' T: 2,494, 1.5% above the actual.
    const fromSummaries = summaries.reduce((sum, c) => sum + bgNbd.expectedPurchases(params, c.T), 0);
    expect(end?.expected).toBeCloseTo(fromSummaries, -1);
    expect(Math.abs((end?.expected ?? 0) / 2457 - 1)).toBeLessThan(0.02);
    // Week 78 (end of the holdout): 4,166 expected, 4.0% below the actual.
    expect(Math.abs((points[77]?.expected ?? 0) / 4339 - 1)).toBeLessThan(0.05);
    // Both curves rise; nobody has a repeat purchase before anyone could.
    for (let k = 1; k < 78; k++) {
      expect(points[k]?.expected).toBeGreaterThanOrEqual(points[k - 1]?.expected ?? 0);
      expect(points[k]?.actual).toBeGreaterThanOrEqual(points[k - 1]?.actual ?? 0);
    }
  });

  it("CDNOW, Pareto/NBD: within 3% at the calibration end", () => {
    const params = paretoNbd.fit(groupSummaries(summaries)).params;
    const [end] = cumulativeTracking(paretoNbd, params, cohort, [calibrationEnd]);
    expect(Math.abs((end?.expected ?? 0) / 2457 - 1)).toBeLessThan(0.03);
  });

  it("hand-checked: one customer, weights, times before the first purchase", () => {
    const params = { r: 1, alpha: 1, a: 1, b: 2 };
    const points = cumulativeTracking(
      bgNbd,
      params,
      [{ firstPurchase: 2, repeatPurchases: [3, 5], weight: 2 }, { firstPurchase: 4 }],
      [1, 3, 6],
    );
    expect(points.map((point) => point.actual)).toEqual([0, 2, 4]);
    expect(points[0]?.expected).toBe(0);
    expect(points[1]?.expected).toBeCloseTo(2 * bgNbd.expectedPurchases(params, 1), 14);
    expect(points[2]?.expected).toBeCloseTo(
      2 * bgNbd.expectedPurchases(params, 4) + bgNbd.expectedPurchases(params, 2),
      14,
    );
  });
});
