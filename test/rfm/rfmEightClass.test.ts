// The Chinese 8-class RFM model: R, F and M high or low against the portfolio's mean (or median), hand-computed.
import { describe, expect, it } from "vitest";
import {
  defineSegmentMap,
  formatDay,
  KeyAccountError,
  parseDay,
  RFM_EIGHT_CLASS_SEGMENTS,
  rfm,
  scoreBreaks,
  scorePortfolio,
  scoreValue,
  segmentOf,
  type Transaction,
} from "../../src/index.js";
import { customer } from "./customerFeatures.js";

// One customer per class (R F M: 高 = high, 低 = low), and one who never bought (left out).
//   days:    3 12 75 90 20 30 60 180 → sum 470, mean 58.75; R high = fewer days: A B E F
//   orders: 12  2  8  1 10  1  6   2 → sum 42, mean 5.25;   F high = more orders: A C E G
//   revenue (minor units): 500000 300000 250000 400000 40000 10000 60000 20000 → sum 1580000, mean 197500;
//   M high: A B C D
const EIGHT = [
  customer("A", 3, 12, 500000), // 高高高 重要价值
  customer("B", 12, 2, 300000), // 高低高 重要发展
  customer("C", 75, 8, 250000), // 低高高 重要保持
  customer("D", 90, 1, 400000), // 低低高 重要挽留
  customer("E", 20, 10, 40000), // 高高低 一般价值
  customer("F", 30, 1, 10000), // 高低低 一般发展
  customer("G", 60, 6, 60000), // 低高低 一般保持
  customer("H", 180, 2, 20000), // 低低低 一般挽留
  customer("N", undefined, 0, 0),
];

const CLASSES = [
  "important-value",
  "important-develop",
  "important-retain",
  "important-win-back",
  "general-value",
  "general-develop",
  "general-retain",
  "general-win-back",
];

describe("RFM_EIGHT_CLASS_SEGMENTS", () => {
  it("covers the 8 cells of 2 scores exactly once, 重要 = M high, 价值/发展/保持/挽留 by R and F", () => {
    const map = defineSegmentMap(RFM_EIGHT_CLASS_SEGMENTS, { strict: true });
    expect(map.segments).toEqual(CLASSES);
    expect(map.method).toBe("mean");
    expect([
      segmentOf(map, 2, 2, 2),
      segmentOf(map, 2, 1, 2),
      segmentOf(map, 1, 2, 2),
      segmentOf(map, 1, 1, 2),
      segmentOf(map, 2, 2, 1),
      segmentOf(map, 2, 1, 1),
      segmentOf(map, 1, 2, 1),
      segmentOf(map, 1, 1, 1),
    ]).toEqual(CLASSES);
  });

  it("a map naming mean or median must have 2 scores", () => {
    expect(() => defineSegmentMap({ ...RFM_EIGHT_CLASS_SEGMENTS, bins: 3 })).toThrow(
      /the mean method gives 2 scores/,
    );
    expect(() => defineSegmentMap({ ...RFM_EIGHT_CLASS_SEGMENTS, method: "median", bins: 5 })).toThrow(
      KeyAccountError,
    );
  });
});

describe("rfm with the 8-class map", () => {
  it("gives each customer its class against the means computed by hand; the map implies mean and 2 bins", () => {
    const result = rfm(EIGHT, { segments: RFM_EIGHT_CLASS_SEGMENTS });
    expect(result.customers.map((c) => [c.id, c.code, c.segment])).toEqual([
      ["A", "222", "important-value"],
      ["B", "212", "important-develop"],
      ["C", "122", "important-retain"],
      ["D", "112", "important-win-back"],
      ["E", "221", "general-value"],
      ["F", "211", "general-develop"],
      ["G", "121", "general-retain"],
      ["H", "111", "general-win-back"],
    ]);
    expect(result.breaks).toEqual({
      recency: { method: "mean", closed: "left", breaks: [58.75], reversed: true },
      frequency: { method: "mean", closed: "right", breaks: [5.25], reversed: false },
      monetary: { method: "mean", closed: "right", breaks: [197500], reversed: false },
    });
    expect(result.excluded).toEqual({ withoutPurchase: 1, mixedCurrencies: 0 });
    expect(result.segments.map((s) => [s.segment, s.customers])).toEqual(CLASSES.map((code) => [code, 1]));
    // 重要价值: 500000 of 1580000.
    expect(result.segments[0]?.revenueShare).toBe(500000 / 1580000);
    expect(result.grid).toEqual([
      [2, 2], // R low: D H (F low), C G (F high)
      [2, 2], // R high: B F (F low), A E (F high)
    ]);
    // The explicit options give the same; so does the method alone (it implies the 8-class map).
    const explicit = rfm(EIGHT, { method: "mean", bins: 2, segments: RFM_EIGHT_CLASS_SEGMENTS });
    expect(explicit.customers).toEqual(result.customers);
    expect(rfm(EIGHT, { method: "mean" }).customers).toEqual(result.customers);
  });

  it("median: the middle of the sorted values (average of the two middle ones)", () => {
    // days 3 12 20 30 | 60 75 90 180 → (30 + 60) / 2 = 45; orders 1 1 2 2 | 6 8 10 12 → (2 + 6) / 2 = 4;
    // revenue 10000 20000 40000 60000 | 250000 300000 400000 500000 → (60000 + 250000) / 2 = 155000.
    const result = rfm(EIGHT, { method: "median" });
    expect(result.map.name).toBe("eight-class");
    expect(result.breaks.recency.breaks).toEqual([45]);
    expect(result.breaks.frequency.breaks).toEqual([4]);
    expect(result.breaks.monetary.breaks).toEqual([155000]);
    expect(result.customers.map((c) => c.segment)).toEqual(CLASSES);
  });

  it("mean and median differ when a few customers pull the mean", () => {
    // revenue 100 200 300 10000: mean 2650 (only W is 重要), median (200 + 300) / 2 = 250 (S too).
    const portfolio = [
      customer("P", 10, 1, 100),
      customer("Q", 10, 1, 200),
      customer("S", 10, 1, 300),
      customer("W", 10, 1, 10000),
    ];
    const segmentOfS = (method: "mean" | "median") =>
      rfm(portfolio, { method }).customers.find((c) => c.id === "S")?.segment;
    // Every recency and order count equals its mean: R and F are low for everyone (see the ties below).
    expect(segmentOfS("mean")).toBe("general-win-back");
    expect(segmentOfS("median")).toBe("important-win-back");
  });

  it("a value exactly at the mean is low on every measure: high means strictly better than the mean", () => {
    // days 10 20 30 → mean 20; orders 3 2 1 → mean 2; revenue 300 200 100 → mean 200. M sits on every mean.
    const portfolio = [customer("X", 10, 3, 300), customer("M", 20, 2, 200), customer("Y", 30, 1, 100)];
    for (const method of ["mean", "median"] as const) {
      const result = rfm(portfolio, { method });
      expect(result.breaks.recency.breaks).toEqual([20]);
      expect(result.customers.map((c) => [c.id, c.code, c.segment])).toEqual([
        ["X", "222", "important-value"],
        ["M", "111", "general-win-back"],
        ["Y", "111", "general-win-back"],
      ]);
    }
    // One day fewer than the mean is high; one order or one minor unit more than the mean is high.
    const recency = scoreBreaks([10, 20, 30], { method: "mean", reversed: true });
    expect([19, 20, 21].map((days) => scoreValue(days, recency))).toEqual([2, 1, 1]);
    const orders = scoreBreaks([3, 2, 1], { method: "mean" });
    expect([1, 2, 3].map((count) => scoreValue(count, orders))).toEqual([1, 1, 2]);
    // A portfolio of equal customers has nobody above its mean.
    const same = rfm([customer("U", 7, 2, 500), customer("V", 7, 2, 500)], { method: "mean" });
    expect(same.customers.map((c) => c.segment)).toEqual(["general-win-back", "general-win-back"]);
  });

  it("median with many one-order customers: one order is not high frequency", () => {
    // orders 1 1 1 1 2 5 → median 1: only the customers with 2 and 5 orders are F high.
    const orders = [1, 1, 1, 1, 2, 5];
    const result = rfm(
      orders.map((count, i) => customer(`C${i}`, 10 + i, count, 1000)),
      { method: "median" },
    );
    expect(result.breaks.frequency.breaks).toEqual([1]);
    expect(Array.from(result.f)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it("mean and median take 2 bins only", () => {
    expect(() =>
      rfm(EIGHT, { method: "mean", bins: 3, segments: { name: "x", bins: 3, rules: [{ segment: "a" }] } }),
    ).toThrow(/the mean method splits values into 2 scores/);
    expect(() => rfm(EIGHT, { method: "median", bins: 5 })).toThrow(KeyAccountError);
    expect(() => scoreBreaks([1, 2], { method: "median", bins: 4 })).toThrow(
      /2 scores \(high and low\), got 4/,
    );
    expect(scoreBreaks([], { method: "mean" })).toEqual({
      method: "mean",
      closed: "right",
      breaks: [0],
      reversed: false,
    });
  });
});

describe("the 8-class model in the portfolio policy", () => {
  // The EIGHT customers as sales: the last one `days` before 2026-11-30, one sale per order on distinct days.
  const asOf = "2026-11-30";
  const asOfDay = parseDay(asOf) as number;
  const transactions: Transaction[] = EIGHT.filter((c) => c.daysSinceLastPurchase !== undefined).flatMap(
    (c) =>
      Array.from({ length: c.orderCount }, (_, k) => ({
        customerId: c.id,
        date: formatDay(asOfDay - (c.daysSinceLastPurchase as number) - 3 * k),
        amountMinor: k === 0 ? c.revenueMinor - 1000 * (c.orderCount - 1) : 1000,
        currency: "CNY",
        kind: "sale" as const,
      })),
  );

  it('"rfm": { "segments": "eight-class" } puts every account in its class (and "method": "median" too)', () => {
    for (const method of [undefined, "median"] as const) {
      const result = scorePortfolio(
        { transactions },
        {
          version: 1,
          name: "eight classes",
          tiers: "abc",
          clv: false,
          signals: [],
          rfm: method === undefined ? { segments: "eight-class" } : { segments: "eight-class", method },
        },
        { asOf },
      );
      const byId = new Map(result.accounts.map((account) => [account.id, account.rfm?.segment]));
      expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((id) => byId.get(id))).toEqual(CLASSES);
      expect(result.rfm.breaks.recency).toEqual({
        method: method ?? "mean",
        closed: "left",
        breaks: [method === undefined ? 58.75 : 45],
        reversed: true,
      });
    }
  });
});
