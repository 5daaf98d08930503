import { describe, expect, it } from "vitest";
import { bgNbd, customerLifetimeValue, daysPerUnit, KeyAccountError } from "../../src/index.js";

const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const customer = { id: "1", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

describe("customerLifetimeValue", () => {
  it("without discounting and with spend 1 is the expected number of purchases over the horizon", () => {
    const [result] = customerLifetimeValue([customer], {
      model: bgNbd,
      params,
      timeUnit: "week",
      horizon: 39,
      horizonUnit: "week",
      discountRate: 0,
      discountUnit: "week",
    });
    expect(result?.clv).toBeCloseTo(bgNbd.conditionalExpectedPurchases(params, 39, customer), 12);
    expect(result?.clv.toFixed(3)).toBe("1.226");
  });
  it("converts units explicitly: 12 months on a weekly model is 12 × 30.436875 / 7 weeks", () => {
    const [result] = customerLifetimeValue([customer], {
      model: bgNbd,
      params,
      timeUnit: "week",
      horizon: 12,
      horizonUnit: "month",
      discountRate: 0,
      discountUnit: "month",
    });
    const weeks = (12 * daysPerUnit("month")) / 7;
    expect(result?.expectedPurchases).toBeCloseTo(
      bgNbd.conditionalExpectedPurchases(params, weeks, customer),
      12,
    );
  });
  it("discounts each month's purchases at the month's end, with margin and Gamma-Gamma spend", () => {
    const spendParams = { p: 6.25, q: 3.74, gamma: 15.44 };
    const [result] = customerLifetimeValue([customer], {
      model: bgNbd,
      params,
      timeUnit: "week",
      spendParams,
      margin: 0.3,
      horizon: 3,
      horizonUnit: "month",
      discountRate: 0.01,
      discountUnit: "month",
    });
    const month = daysPerUnit("month") / 7;
    const e = (t: number): number => bgNbd.conditionalExpectedPurchases(params, t, customer);
    const spend = (6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1);
    const hand =
      0.3 *
      spend *
      (e(month) / 1.01 + (e(2 * month) - e(month)) / 1.01 ** 2 + (e(3 * month) - e(2 * month)) / 1.01 ** 3);
    expect(result?.expectedSpend).toBeCloseTo(spend, 12);
    expect(result?.clv).toBeCloseTo(hand, 12);
    expect(result?.clv).toBeGreaterThan(0);
  });
  it("refuses a spend model with q ≤ 1 and lists every bad option", () => {
    try {
      customerLifetimeValue([customer], {
        model: bgNbd,
        params,
        timeUnit: "week",
        spendParams: { p: 2, q: 0.8, gamma: 5 },
        horizon: -1,
        horizonUnit: "month",
        discountRate: 0.01,
        discountUnit: "month",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyAccountError);
      expect((error as KeyAccountError).issues.map((issue) => issue.code)).toEqual([
        "option.invalid",
        "model.spend-mean-undefined",
      ]);
    }
  });
});
