import { describe, expect, it } from "vitest";
import { bgNbd, calibrationHoldoutCheck } from "../../src/index.js";

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("calibrationHoldoutCheck", () => {
  it("compares predictions with holdout counts by calibration frequency, with MAE, RMSE and totals", () => {
    const customers = [
      { frequency: 2, recency: 30.43, T: 38.86, frequencyHoldout: 1, durationHoldout: 39 },
      { frequency: 0, recency: 0, T: 38.86, frequencyHoldout: 0, durationHoldout: 39, weight: 3 },
      { frequency: 9, recency: 35, T: 38, frequencyHoldout: 4, durationHoldout: 39 },
      { frequency: 12, recency: 37, T: 38, frequencyHoldout: 8, durationHoldout: 39 },
    ];
    const e = customers.map((c) => bgNbd.conditionalExpectedPurchases(params, 39, c));
    const [e0 = 0, e1 = 0, e2 = 0, e3 = 0] = e;
    const check = calibrationHoldoutCheck(bgNbd, params, customers);
    expect(e0.toFixed(3)).toBe("1.226");
    expect(check.totalActual).toBe(13);
    expect(check.totalPredicted).toBeCloseTo(e0 + 3 * e1 + e2 + e3, 12);
    expect(check.mae).toBeCloseTo((Math.abs(e0 - 1) + 3 * e1 + Math.abs(e2 - 4) + Math.abs(e3 - 8)) / 6, 12);
    expect(check.rmse).toBeCloseTo(
      Math.sqrt(((e0 - 1) ** 2 + 3 * e1 ** 2 + (e2 - 4) ** 2 + (e3 - 8) ** 2) / 6),
      12,
    );
    expect(check.byFrequency.map((g) => [g.frequency, g.andMore, g.customers])).toEqual([
      [0, false, 3],
      [2, false, 1],
      [7, true, 2],
    ]);
    expect(check.byFrequency[2]?.actual).toBe(6);
    expect(check.byFrequency[2]?.predicted).toBeCloseTo((e2 + e3) / 2, 12);
  });
});
