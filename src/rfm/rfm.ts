import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import { currencyDigits } from "../model/currencyDigits.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { defineSegmentMap, type SegmentMap } from "./defineSegmentMap.js";
import { GRID_SEGMENTS } from "./gridSegments.js";
import type { ScoreBreaks, ScoreMethod } from "./ScoreMethod.js";
import { scoreBreaks } from "./scoreBreaks.js";
import { scoreValue } from "./scoreValue.js";
import type { SegmentMapDefinition } from "./segmentMapSchema.js";

/** Options of {@link rfm}. */
export interface RfmOptions {
  /** The number of scores k (2..9); default 5. */
  bins?: number | undefined;
  /** How scores are cut; default `"quantile"` (type 7). See {@link ScoreBreaks}. */
  method?: ScoreMethod | undefined;
  /** For `fixed`: the break points of each dimension (days, orders, minor units). */
  breaks?: { recency?: number[]; frequency?: number[]; monetary?: number[] } | undefined;
  /** For `fixed`: interval closing; default `"right"`. */
  closed?: "left" | "right" | undefined;
  /** The segment map: checked, or a definition to check; default {@link GRID_SEGMENTS}. */
  segments?: SegmentMap | SegmentMapDefinition | undefined;
}

/** One customer's RFM: the raw values, the scores, the combined code and the segment. */
export interface RfmCustomer {
  /** The customer's id. */
  id: string;
  /** Days since the last sale (`daysSinceLastPurchase`). */
  recency: number;
  /** Orders (`orderCount`). */
  frequency: number;
  /** Net revenue in minor units (`revenueMinor`). */
  monetary: number;
  /** Recency score, k = bought most recently. */
  r: number;
  /** Frequency score, k = most orders. */
  f: number;
  /** Monetary score, k = most revenue. */
  m: number;
  /** The three scores as digits, e.g. `"543"` (R rfm's `rfm_score`). */
  code: string;
  /** The segment's code. */
  segment: string;
}

/** One segment of the portfolio. */
export interface RfmSegmentShare {
  /** The segment's code. */
  segment: string;
  /** Its customers. */
  customers: number;
  /** Their net revenue, minor units. */
  revenueMinor: number;
  /** Customers ÷ scored customers. */
  customerShare: number;
  /** Revenue ÷ the scored customers' revenue (0 when that total is not positive). */
  revenueShare: number;
}

/** The result of {@link rfm}. */
export interface RfmResult {
  /** One entry per scored customer, in input order. */
  customers: RfmCustomer[];
  /** The break points behind the scores, per dimension. */
  breaks: { recency: ScoreBreaks; frequency: ScoreBreaks; monetary: ScoreBreaks };
  /** The checked segment map (with its uncovered and overlapping cells). */
  map: SegmentMap;
  /** Every segment of the map, in its order, with counts and shares (segments without customers included). */
  segments: RfmSegmentShare[];
  /** Customer counts of the R×F grid: `grid[r − 1][f − 1]` (data for a heatmap). */
  grid: number[][];
  /** Customers not scored: without a sale up to `asOf`, or with rows in several currencies. */
  excluded: { withoutPurchase: number; mixedCurrencies: number };
  /** `currency.mixed` when scored customers have different currencies (their monetary values are not comparable). */
  issues: Issue[];
}

/**
 * Scores customers' recency, frequency and monetary value 1..k and puts each in a segment. Recency is the days
 * since the last sale (fewer days = higher score), frequency the number of orders, monetary the net revenue.
 * Customers without a sale, or whose rows mix currencies, are left out and counted.
 *
 * @param features - Per-customer features ({@link summarize}).
 * @param options - Number of scores, method, fixed break points, segment map; see {@link RfmOptions}.
 * @returns Per-customer scores and segments, the break points, segment counts and revenue shares, the R×F grid.
 * @throws {KeyAccountError} listing every bad option (`option.invalid`): see {@link scoreBreaks} and
 * {@link defineSegmentMap}; a map whose `bins` differs from `bins`.
 *
 * @example
 * ```ts
 * const customer = (id: string, days: number, orders: number, revenueMinor: number) =>
 *   ({ id, daysSinceLastPurchase: days, orderCount: orders, revenueMinor, mixedCurrencies: false }) as CustomerFeatures;
 * const result = rfm([customer("A", 3, 9, 90000), customer("B", 200, 1, 1500)], { bins: 2,
 *   segments: { name: "two", bins: 2, rules: [{ segment: "good", r: [2, 2] }, { segment: "bad", r: [1, 1] }] } });
 * result.customers.map((c) => `${c.id} ${c.code} ${c.segment}`); // => ["A 222 good", "B 111 bad"]
 * ```
 */
export function rfm(features: readonly CustomerFeatures[], options: RfmOptions = {}): RfmResult {
  const bins = options.bins ?? 5;
  const method = options.method ?? "quantile";
  const given = options.segments ?? GRID_SEGMENTS;
  const map: SegmentMap = "lookup" in given ? (given as SegmentMap) : defineSegmentMap(given);
  if (map.bins !== bins) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["segments"], {
        field: "segments",
        reason: `the map "${map.name}" is for ${map.bins} scores, the scoring has ${bins}`,
      }),
    ]);
  }
  const scored: CustomerFeatures[] = [];
  let withoutPurchase = 0;
  let mixedCurrencies = 0;
  const currencies = new Set<string>();
  for (const customer of features) {
    if (customer.mixedCurrencies) mixedCurrencies++;
    else if (customer.daysSinceLastPurchase === undefined) withoutPurchase++;
    else {
      scored.push(customer);
      if (customer.currency !== undefined) currencies.add(customer.currency);
    }
  }
  const n = scored.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const customer = scored[i] as CustomerFeatures;
    recency[i] = customer.daysSinceLastPurchase as number;
    frequency[i] = customer.orderCount;
    monetary[i] = customer.revenueMinor;
  }
  const [currency] = currencies;
  const common = { bins, method, closed: options.closed };
  const breaks = {
    recency: scoreBreaks(recency, { ...common, breaks: options.breaks?.recency, reversed: true }),
    frequency: scoreBreaks(frequency, { ...common, breaks: options.breaks?.frequency }),
    monetary: scoreBreaks(monetary, {
      ...common,
      breaks: options.breaks?.monetary,
      // R rfm adds one currency unit to its quantiles; monetary values here are minor units.
      shift: 10 ** currencyDigits(currency ?? "USD"),
    }),
  };
  const counts = new Array<number>(map.segments.length).fill(0);
  const revenue = new Array<number>(map.segments.length).fill(0);
  const grid = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  const customers: RfmCustomer[] = new Array(n);
  let total = 0;
  const k2 = bins * bins;
  // One string per score cell, shared by its customers.
  const codes: string[] = [];
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++) for (let m = 1; m <= bins; m++) codes.push(`${r}${f}${m}`);
  for (let i = 0; i < n; i++) {
    const r = scoreValue(recency[i] as number, breaks.recency);
    const f = scoreValue(frequency[i] as number, breaks.frequency);
    const m = scoreValue(monetary[i] as number, breaks.monetary);
    const cell = (r - 1) * k2 + (f - 1) * bins + (m - 1);
    const segmentIndex = map.lookup[cell] as number;
    const value = monetary[i] as number;
    counts[segmentIndex] = (counts[segmentIndex] as number) + 1;
    revenue[segmentIndex] = (revenue[segmentIndex] as number) + value;
    total += value;
    const row = grid[r - 1] as number[];
    row[f - 1] = (row[f - 1] as number) + 1;
    customers[i] = {
      id: (scored[i] as CustomerFeatures).id,
      recency: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: value,
      r,
      f,
      m,
      code: codes[cell] as string,
      segment: map.segments[segmentIndex] as string,
    };
  }
  const segments = map.segments.map((segment, index) => ({
    segment,
    customers: counts[index] as number,
    revenueMinor: revenue[index] as number,
    customerShare: n === 0 ? 0 : (counts[index] as number) / n,
    revenueShare: total > 0 ? (revenue[index] as number) / total : 0,
  }));
  const issues =
    currencies.size > 1
      ? [
          makeIssue("currency.mixed", ["monetary"], {
            value: [...currencies].slice(1).join(", "),
            expected: currency as string,
          }),
        ]
      : [];
  return { customers, breaks, map, segments, grid, excluded: { withoutPurchase, mixedCurrencies }, issues };
}
