import { describe, expect, it } from "vitest";
import { KeyAccountError, RFM_PACKAGE_SEGMENTS, rfm } from "../../src/index.js";
import { customer } from "./customerFeatures.js";

// Five customers scored by hand (see the comments) with 5 type-7 quantile scores.
const FIVE = [
  customer("A", 1, 10, 100000),
  customer("B", 10, 1, 500),
  customer("C", 30, 5, 20000),
  customer("D", 60, 5, 30000),
  customer("E", 200, 2, 1000),
  customer("N", undefined, 0, 0), // never bought
];

describe("rfm", () => {
  it("scores and segments a hand-computed portfolio", () => {
    const result = rfm(FIVE);
    // recency sorted 1 10 30 60 200 → quantiles 8.2 22 42 88; frequency 1 2 5 5 10 → 1.8 3.8 5 6;
    // monetary 500 1000 20000 30000 100000 → 900 12400 24000 44000.
    expect(result.breaks.recency.breaks).toEqual([8.2, 22, 42, 88]);
    expect(result.breaks.frequency.breaks).toEqual([1.8, 3.8, 5, 6]);
    expect(result.breaks.monetary.breaks).toEqual([900, 12400, 24000, 44000]);
    // FM = round((F + M) / 2): A 5 5 → 5 champions; B 1 1 → 1 with R 4 promising; C 3 3 → 3 with R 3 need
    // attention; D 3 4 → 4 with R 2 at risk; E 2 2 → 2 with R 1 lost.
    expect(result.customers.map((c) => [c.id, c.code, c.segment])).toEqual([
      ["A", "555", "champions"],
      ["B", "411", "promising"],
      ["C", "333", "need-attention"],
      ["D", "234", "at-risk"],
      ["E", "122", "lost"],
    ]);
    expect(result.excluded).toEqual({ withoutPurchase: 1, mixedCurrencies: 0 });
    const champions = result.segments.find((s) => s.segment === "champions");
    expect(champions).toEqual({
      segment: "champions",
      customers: 1,
      revenueMinor: 100000,
      customerShare: 0.2,
      revenueShare: 100000 / 151500,
    });
    expect(result.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(5);
    expect(result.grid).toEqual([
      [0, 1, 0, 0, 0], // r 1: E f 2
      [0, 0, 1, 0, 0], // r 2: D f 3
      [0, 0, 1, 0, 0], // r 3: C f 3
      [1, 0, 0, 0, 0], // r 4: B f 1
      [0, 0, 0, 0, 1], // r 5: A f 5
    ]);
    expect(result.issues).toEqual([]);
  });

  it("R rfm's rule differs where a value sits between a quantile and quantile + 1", () => {
    // frequency breaks 2.8 4.8 6 7 (quantile + 1): E's 2 orders stay in score 1; monetary adds 1 dollar = 100.
    const result = rfm(FIVE, { method: "rfm-package", segments: RFM_PACKAGE_SEGMENTS });
    expect(result.customers.map((c) => c.code)).toEqual(["555", "411", "333", "234", "112"]);
  });
});

describe("rfm options", () => {
  it("segments R rfm's way and with fixed break points", () => {
    const packaged = rfm(FIVE, { method: "rfm-package", segments: RFM_PACKAGE_SEGMENTS });
    // 555 champions; 411 new (r 4–5, f 1–3); 333 potential loyalist (r 3–5, f 3–5, m 2–5);
    // 234: loyal needs m ≤ 4 → loyal (r 2–4, f 2–4, m 2–4); 112: lost.
    expect(packaged.customers.map((c) => c.segment)).toEqual([
      "champions",
      "new",
      "potential-loyalist",
      "loyal",
      "lost",
    ]);
    const fixed = rfm(FIVE, {
      bins: 2,
      method: "fixed",
      breaks: { recency: [30], frequency: [4], monetary: [25000] },
      segments: { name: "two", bins: 2, rules: [{ segment: "best", r: [2, 2], f: [2, 2], m: [2, 2] }] },
    });
    // recency ≤ 30 days → raw 1 → r 2; orders > 4 → f 2; revenue > 25000 → m 2.
    expect(fixed.customers.map((c) => `${c.id}${c.code}`)).toEqual(["A222", "B211", "C221", "D122", "E111"]);
    expect(fixed.segments.map((s) => [s.segment, s.customers])).toEqual([
      ["best", 1],
      ["others", 4],
    ]);
  });

  it("rejects a map for another number of scores", () => {
    expect(() => rfm(FIVE, { bins: 3 })).toThrow(KeyAccountError);
  });

  it("reports portfolios that mix currencies and leaves out mixed customers", () => {
    const result = rfm([
      ...FIVE,
      { ...customer("X", 5, 1, 100), currency: "EUR" },
      { ...customer("Y", 5, 1, 100), mixedCurrencies: true },
    ]);
    expect(result.excluded.mixedCurrencies).toBe(1);
    expect(result.issues.map((issue) => issue.code)).toEqual(["currency.mixed"]);
  });
});
