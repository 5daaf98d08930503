// Properties of the 8-class model: one class per buyer matching the rule, monotone in M. Permutation invariance
// (classes, break points, segment counts) is checked for every method, mean and median included, in rfm.prop.test.ts.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type CustomerFeatures, quantileType7, RFM_EIGHT_CLASS_SEGMENTS, rfm } from "../../src/index.js";
import { customer } from "./customerFeatures.js";

const customerArb = fc.record({
  days: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
  orders: fc.integer({ min: 1, max: 40 }),
  revenueMinor: fc.integer({ min: -5000, max: 2_000_000 }),
});
const portfolioArb = fc.array(customerArb, { minLength: 1, maxLength: 60 });
const methodArb = fc.constantFrom("mean" as const, "median" as const);

type Row = { days: number | undefined; orders: number; revenueMinor: number };

function features(rows: readonly Row[]): CustomerFeatures[] {
  return rows.map((row, i) =>
    row.days === undefined
      ? customer(`C${i}`, undefined, 0, 0, "CNY")
      : customer(`C${i}`, row.days, row.orders, row.revenueMinor, "CNY"),
  );
}

// The rule written out: the centre of each measure over the buyers, high = strictly better than it.
function expectedClasses(rows: readonly Row[], method: "mean" | "median"): Map<string, string> {
  const buyers = rows.flatMap((row, i) => (row.days === undefined ? [] : [{ id: `C${i}`, ...row }]));
  const centre = (values: number[]) =>
    method === "mean"
      ? values.reduce((a, b) => a + b, 0) / values.length
      : quantileType7(
          [...values].sort((a, b) => a - b),
          0.5,
        );
  const days = centre(buyers.map((b) => b.days as number));
  const orders = centre(buyers.map((b) => b.orders));
  const revenue = centre(buyers.map((b) => b.revenueMinor));
  return new Map(
    buyers.map((b) => {
      const importance = b.revenueMinor > revenue ? "important" : "general";
      const recent = (b.days as number) < days;
      const frequent = b.orders > orders;
      const kind = recent ? (frequent ? "value" : "develop") : frequent ? "retain" : "win-back";
      return [b.id, `${importance}-${kind}`];
    }),
  );
}

describe("the 8-class model's properties", () => {
  test.prop([portfolioArb, methodArb])(
    "every customer with a purchase gets exactly one of the eight classes, by the rule",
    (rows, method) => {
      const result = rfm(features(rows), { method, segments: RFM_EIGHT_CLASS_SEGMENTS });
      const buyers = rows.filter((row) => row.days !== undefined).length;
      expect(result.customers).toHaveLength(buyers);
      expect(result.excluded.withoutPurchase).toBe(rows.length - buyers);
      expect(new Set(result.ids).size).toBe(buyers);
      const expected = expectedClasses(rows, method);
      for (const c of result.customers) expect(c.segment).toBe(expected.get(c.id));
      expect(result.segments.map((s) => s.segment)).toEqual(result.map.segments);
      expect(result.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(buyers);
    },
  );

  test.prop([portfolioArb, methodArb, fc.nat(), fc.integer({ min: 1, max: 5_000_000 })])(
    "raising a customer's M, all else equal, never moves it from 重要 to 一般",
    (rows, method, pick, raise) => {
      const index = pick % rows.length;
      const raised = rows.map((row, i) =>
        i === index ? { ...row, revenueMinor: row.revenueMinor + raise } : row,
      );
      const segmentOf = (list: readonly Row[]) =>
        rfm(features(list), { method }).customers.find((c) => c.id === `C${index}`)?.segment;
      const before = segmentOf(rows);
      const after = segmentOf(raised);
      if (before?.startsWith("important-")) expect(after).toBe(before);
      // R and F do not depend on M: only the 重要/一般 half can change.
      expect(after?.replace(/^(important|general)-/, "")).toBe(before?.replace(/^(important|general)-/, ""));
    },
  );
});
