import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type CustomerFeatures,
  defineSegmentMap,
  quantilesType7,
  quantileType7,
  type RfmCustomer,
  rfm,
  type ScoreMethod,
  type SegmentRule,
} from "../../src/index.js";
import { customer } from "./customerFeatures.js";

const customerArb = fc.record({
  days: fc.integer({ min: 0, max: 800 }),
  orders: fc.integer({ min: 1, max: 40 }),
  revenueMinor: fc.integer({ min: -5000, max: 2_000_000 }),
});
const portfolioArb = fc.array(customerArb, { minLength: 1, maxLength: 60 });
const methodArb = fc.constantFrom<ScoreMethod>("quantile", "rfm-package", "ntile", "ckmeans");
const binsArb = fc.integer({ min: 2, max: 9 });

function features(rows: { days: number; orders: number; revenueMinor: number }[]): CustomerFeatures[] {
  return rows.map((row, i) => customer(`C${i}`, row.days, row.orders, row.revenueMinor, "EUR"));
}

// A catch-all map for any k, so the scoring (not the map) is under test.
function anyMap(bins: number) {
  return { name: "all", bins, rules: [{ segment: "all" }] };
}

function byId(customers: RfmCustomer[]): Map<string, RfmCustomer> {
  return new Map(customers.map((c) => [c.id, c]));
}

describe("rfm properties", () => {
  test.prop([portfolioArb, methodArb, binsArb])(
    "scores stay in 1..k and the code is the three scores",
    (rows, method, bins) => {
      const result = rfm(features(rows), { method, bins, segments: anyMap(bins) });
      expect(result.customers).toHaveLength(rows.length);
      for (const c of result.customers) {
        for (const score of [c.r, c.f, c.m]) {
          expect(Number.isInteger(score) && score >= 1 && score <= bins).toBe(true);
        }
        expect(c.code).toBe(`${c.r}${c.f}${c.m}`);
      }
      expect(result.grid.flat().reduce((a, b) => a + b, 0)).toBe(rows.length);
    },
  );

  test.prop([portfolioArb, methodArb, binsArb])(
    "customers with equal raw values get equal scores, whatever the method",
    (rows, method, bins) => {
      const result = rfm(features(rows), { method, bins, segments: anyMap(bins) });
      const scoreOf = new Map<string, number>();
      for (let i = 0; i < result.ids.length; i++) {
        for (const [dimension, raw, score] of [
          ["r", result.recency, result.r],
          ["f", result.frequency, result.f],
          ["m", result.monetary, result.m],
        ] as const) {
          const key = `${dimension}${raw[i]}`;
          const seen = scoreOf.get(key);
          if (seen === undefined) scoreOf.set(key, score[i] as number);
          else expect(score[i]).toBe(seen);
        }
      }
    },
  );

  // mean and median: 2 scores and the 8-class map (rfmEightClass.prop.test.ts checks the classes themselves).
  test.prop([
    portfolioArb,
    fc.constantFrom<ScoreMethod>("quantile", "rfm-package", "ntile", "ckmeans", "mean", "median"),
    fc.infiniteStream(fc.nat()),
  ])("permuting customers changes nothing", (rows, method, stream) => {
    const list = features(rows);
    const shuffled = [...list];
    const random = stream[Symbol.iterator]();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = (random.next().value as number) % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as CustomerFeatures, shuffled[i] as CustomerFeatures];
    }
    const a = rfm(list, { method });
    const b = rfm(shuffled, { method });
    expect(byId(b.customers)).toEqual(byId(a.customers));
    expect(b.breaks).toEqual(a.breaks);
    expect(b.segments).toEqual(a.segments);
    expect(b.grid).toEqual(a.grid);
  });

  test.prop([
    portfolioArb,
    fc.constantFrom<ScoreMethod>("quantile", "rfm-package", "ntile"),
    binsArb,
    fc.nat(),
    fc.integer({ min: 1, max: 5_000_000 }),
  ])("raising a customer's monetary value never lowers its m", (rows, method, bins, pick, raise) => {
    const index = pick % rows.length;
    const before = rfm(features(rows), { method, bins, segments: anyMap(bins) });
    const raised = rows.map((row, i) =>
      i === index ? { ...row, revenueMinor: row.revenueMinor + raise } : row,
    );
    const after = rfm(features(raised), { method, bins, segments: anyMap(bins) });
    expect((after.customers[index] as RfmCustomer).m).toBeGreaterThanOrEqual(
      (before.customers[index] as RfmCustomer).m,
    );
  });

  test.prop([fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), binsArb])(
    "quickselect quantiles equal type-7 quantiles of the sorted values",
    (values, bins) => {
      const sorted = [...values].sort((a, b) => a - b);
      const expected = Array.from({ length: bins - 1 }, (_, j) => quantileType7(sorted, j + 1, bins));
      expect(quantilesType7(Float64Array.from(values), bins)).toEqual(expected);
    },
  );

  const rangeArb = (bins: number) =>
    fc.option(
      fc
        .tuple(fc.integer({ min: 1, max: bins }), fc.integer({ min: 1, max: bins }))
        .map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const))),
      { nil: undefined },
    );
  const mapArb = fc.integer({ min: 2, max: 5 }).chain((bins) =>
    fc.record({
      bins: fc.constant(bins),
      rules: fc.array(
        fc.record({
          segment: fc.constantFrom("a", "b", "c", "d"),
          r: rangeArb(bins),
          f: rangeArb(bins),
          m: rangeArb(bins),
          fm: rangeArb(bins),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  );

  test.prop([mapArb])("the map check finds every gap and overlap of random maps", ({ bins, rules }) => {
    const definition = {
      name: "random",
      bins,
      rules: rules.map((rule) =>
        Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)),
      ) as unknown as SegmentRule[],
    };
    const map = defineSegmentMap(definition);
    const within = (range: readonly [number, number] | undefined, score: number) =>
      range === undefined || (range[0] <= score && score <= range[1]);
    const gaps: string[] = [];
    const overlaps: string[] = [];
    for (let r = 1; r <= bins; r++)
      for (let f = 1; f <= bins; f++)
        for (let m = 1; m <= bins; m++) {
          const fm = Math.round((f + m) / 2); // halves up
          const claims = rules.filter(
            (rule) => within(rule.r, r) && within(rule.f, f) && within(rule.m, m) && within(rule.fm, fm),
          );
          if (claims.length === 0) gaps.push(`${r}${f}${m}`);
          if (claims.length > 1) overlaps.push(`${r}${f}${m}`);
        }
    expect(map.uncovered).toEqual(gaps);
    expect(map.overlaps.map((overlap) => overlap.cell)).toEqual(overlaps);
  });
});
