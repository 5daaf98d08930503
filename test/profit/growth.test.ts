import { describe, expect, it } from "vitest";
import { growthFeatures, KeyAccountError, portfolioRepeatRate, type Transaction } from "../../src/index.js";

const sale = (
  customerId: string,
  date: string,
  amountMinor: number,
  extra: Partial<Transaction> = {},
): Transaction => ({
  customerId,
  date,
  amountMinor,
  currency: "EUR",
  kind: "sale",
  ...extra,
});

describe("growthFeatures", () => {
  const transactions: Transaction[] = [
    // C1: 2023 quarters 100, 200, 300, 400 (hundreds of minor units), one return, two categories.
    sale("C1", "2023-02-10", 10000, { orderId: "A", category: "pumps", product: "P1" }),
    sale("C1", "2023-05-10", 20000, { orderId: "B", category: "pumps", product: "P2" }),
    sale("C1", "2023-08-10", 30000, { orderId: "C", category: "valves", product: "V1" }),
    sale("C1", "2023-11-10", 45000, { orderId: "D", category: "valves", product: "V1" }),
    { ...sale("C1", "2023-11-20", -5000), kind: "return" },
    sale("C1", "2022-06-01", 50000, { orderId: "Z" }), // the previous 12 months
    sale("C1", "2024-01-05", 99999, { orderId: "late" }), // in the incomplete period: not in the trend
    sale("C2", "2023-12-31", 7000),
  ];

  it("trend by regression over complete quarters, year-over-year, breadth and loyalty", () => {
    const features = growthFeatures(
      transactions,
      [{ id: "C1", name: "C1", createdDate: "2021-12-01", attributes: { referrals: 2 } }],
      { asOf: "2024-01-10", period: "quarter", periods: 4, potentials: new Map([["C1", 200000]]) },
    );
    const c1 = features[0];
    expect(c1?.revenueByPeriod).toEqual([10000, 20000, 30000, 40000]);
    // Points (0,1e4) … (3,4e4): slope 10000 per quarter, mean 25000 → 0.4.
    expect(c1?.trendSlopeMinor).toBe(10000);
    expect(c1?.trendGrowthRate).toBe(0.4);
    // Last 12 complete months = 2023: 100000; the 12 before = 2022: 50000 → +100 %.
    expect([c1?.lastYearRevenueMinor, c1?.previousYearRevenueMinor, c1?.yearOverYearGrowth]).toEqual([
      100000, 50000, 1,
    ]);
    expect(c1?.shareOfWallet).toBe(0.5);
    expect([c1?.distinctCategories, c1?.crossSellCount, c1?.distinctProducts]).toEqual([2, 1, 3]);
    // Orders A B C D Z late = 6 → 5/6 repeat; tenure from the created date 2021-12-01 to 2024-01-10 = 770 days.
    expect(c1?.orders).toBe(6);
    expect(c1?.repeatPurchaseRate).toBeCloseTo(5 / 6, 15);
    expect(c1?.tenureDays).toBe(770);
    expect(c1?.referrals).toBe(2);
    const c2 = features[1];
    expect(c2?.revenueByPeriod).toEqual([0, 0, 0, 7000]);
    expect(c2?.yearOverYearGrowth).toBeUndefined();
    expect(c2?.shareOfWallet).toBeUndefined();
    expect(c2?.tenureDays).toBe(10);
    expect(portfolioRepeatRate(features)).toBe(0.5);
  });

  it("counts the period of asOf when asOf is its last day, and rejects bad options", () => {
    const [c2] = growthFeatures([sale("C2", "2023-12-31", 7000)], [], { asOf: "2023-12-31", periods: 2 });
    expect(c2?.revenueByPeriod).toEqual([0, 7000]);
    expect(() => growthFeatures([], [], { asOf: "2024-02-30", periods: 1 })).toThrow(KeyAccountError);
  });
});
