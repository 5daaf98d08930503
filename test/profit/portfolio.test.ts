import { describe, expect, it } from "vitest";
import {
  abcClasses,
  abcTable,
  historicalValue,
  ingestTransactions,
  KeyAccountError,
  simpleCustomerValue,
  summarize,
  whaleCurve,
} from "../../src/index.js";
import { ONLINE_RETAIL_INGEST, onlineRetailRows } from "../onlineRetail.js";

describe("abcClasses", () => {
  it("classes by cumulative share before each customer, ties by id", () => {
    const entries = abcClasses([
      { id: "d", value: 4 },
      { id: "b", value: 20 },
      { id: "a", value: 70 },
      { id: "c", value: 6 },
      { id: "z", value: 0 },
      { id: "y", value: -5 },
    ]);
    // before: a 0 → A, b 0.70 → A, c 0.90 → B, d 0.96 → C; zero and negative → C.
    expect(entries.map((e) => `${e.id}${e.abc}`)).toEqual(["aA", "bA", "cB", "dC", "zC", "yC"]);
    expect(entries.map((e) => e.cumulativeShare)).toEqual([0.7, 0.9, 0.96, 1, 1, 1]);
    expect(abcClasses([{ id: "x", value: -1 }])[0]?.abc).toBe("C");
    expect(() => abcClasses([], { cutoffs: [0.9, 0.8] })).toThrow(KeyAccountError);
  });

  it("ranks Online Retail customers by revenue (hand computation on ten of them)", () => {
    const rows = onlineRetailRows();
    const { records } = ingestTransactions(rows, ONLINE_RETAIL_INGEST);
    const features = summarize({ transactions: records }, { asOf: "2011-12-09" }).features;
    const all = abcClasses(features.map((f) => ({ id: f.id, value: f.revenueMinor })));
    const positive = features.reduce((sum, f) => sum + Math.max(f.revenueMinor, 0), 0);
    const a = all.filter((e) => e.abc === "A");
    const aShare = a.reduce((sum, e) => sum + e.value, 0) / positive;
    expect(aShare).toBeGreaterThanOrEqual(0.8);
    expect(aShare - (a.at(-1)?.value ?? 0) / positive).toBeLessThan(0.8);
    expect(a.length / all.length).toBeLessThan(0.5); // the Pareto shape of a retail customer base
    const ten = ["12923", "15594", "16771", "13488", "15122", "16188", "16969", "17619", "12982", "16369"];
    const excerpt = abcClasses(
      features.filter((f) => ten.includes(f.id)).map((f) => ({ id: f.id, value: f.revenueMinor })),
    );
    // Sorted pence: 59983 14312 12292 10275 | 10240 4410 | 2364 1500 995 995 (total 117366); shares before
    // them: 0, .511, .633, .738 → A; .825, .913 → B; .950 → C …
    expect(excerpt.map((e) => `${e.id} ${e.abc}`)).toEqual([
      "13488 A",
      "15594 A",
      "16771 A",
      "16369 A",
      "15122 B",
      "16188 B",
      "16969 C",
      "12982 C",
      "12923 C",
      "17619 C",
    ]);
  });
});

describe("whaleCurve", () => {
  it("finds the peak of cumulative profit", () => {
    const curve = whaleCurve([50, -20, 100, -30]);
    expect(curve.totalProfitMinor).toBe(100);
    expect(curve.peak).toEqual({
      customers: 2,
      customerShare: 0.5,
      cumulativeProfitMinor: 150,
      profitShare: 1.5,
    });
    expect(curve.points.map((p) => p.cumulativeProfitMinor)).toEqual([0, 100, 150, 130, 100]);
  });

  it("takes abcTable's profits by rank as they are", () => {
    const profits = [50, -20, 100, -30, 50];
    const abc = abcTable(["e", "d", "c", "b", "a"], profits);
    // 100 (c), then the two 50s by id (a before e), −20, −30.
    expect(Array.from(abc.order)).toEqual([2, 4, 0, 1, 3]);
    expect(Array.from(abc.values)).toEqual([100, 50, 50, -20, -30]);
    expect(whaleCurve(abc.values)).toEqual(whaleCurve(profits));
  });

  it("samples long portfolios and keeps the peak and both ends", () => {
    const profits = Array.from({ length: 10_000 }, (_, i) => 5000 - i); // peak after 5001 customers (… 1, 0)
    const curve = whaleCurve(profits, 101);
    expect(curve.points.length).toBeLessThanOrEqual(103);
    expect(curve.points[0]).toEqual({ customerShare: 0, cumulativeProfitMinor: 0, profitShare: 0 });
    expect(curve.points.at(-1)?.customerShare).toBe(1);
    // Σ 1..5000 = 12502500; the first customer to reach it is the 5000th.
    expect(curve.peak.cumulativeProfitMinor).toBe(12502500);
    expect(curve.peak.customers).toBe(5000);
    expect(curve.points.some((p) => p.cumulativeProfitMinor === 12502500)).toBe(true);
    expect(curve.totalProfitMinor).toBe(5000 * 10000 - (9999 * 10000) / 2);
  });
});

describe("historical and simple predictive value", () => {
  it("compounds past margins at a rate per explicit unit", () => {
    const margins = [
      { date: "2022-01-01", marginMinor: 10000 },
      { date: "2024-01-01", marginMinor: 5000 },
      { date: "2024-06-01", marginMinor: 999 }, // after asOf
    ];
    expect(historicalValue(margins, { asOf: "2024-01-01" })).toEqual({
      marginMinor: 15000,
      valueMinor: 15000,
      rate: 0,
      per: "year",
    });
    // 730 days at 1 % a month: 1.01^(730 / 30.436875) = 1.2697…
    const monthly = historicalValue(margins, { asOf: "2024-01-01", rate: 0.01, per: "month" });
    expect(monthly.valueMinor).toBe(Math.round(10000 * 1.01 ** (730 / 30.436875) + 5000));
    expect(() => historicalValue([], { asOf: "2024-13-01", rate: -1 })).toThrow(KeyAccountError);
  });

  it("margin × r / (1 + d − r) with its unit", () => {
    expect(
      simpleCustomerValue({ marginPerPeriodMinor: 100000, retention: 0.5, discountRate: 0, unit: "year" }),
    ).toEqual({
      valueMinor: 100000,
      unit: "year",
      expectedLifetime: 2,
    });
    expect(() =>
      simpleCustomerValue({ marginPerPeriodMinor: 1, retention: 1, discountRate: -0.1, unit: "month" }),
    ).toThrow(/retention[\s\S]*discountRate/);
  });
});
