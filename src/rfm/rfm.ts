import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { FeatureColumns } from "../features/FeatureColumns.js";
import { currencyDigits } from "../model/currencyDigits.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { defineSegmentMap, type SegmentMap } from "./defineSegmentMap.js";
import { GRID_SEGMENTS } from "./gridSegments.js";
import { RFM_EIGHT_CLASS_SEGMENTS } from "./rfmEightClassSegments.js";
import type { ScoreBreaks, ScoreMethod } from "./ScoreMethod.js";
import { scoreBreaks } from "./scoreBreaks.js";
import { scoreColumn } from "./scoreColumn.js";
import type { SegmentMapDefinition } from "./segmentMapSchema.js";

/** Options of {@link rfm}. */
export interface RfmOptions {
  /** The number of scores k (2..9); default: the segment map's (5 for the grid, 2 for the 8-class map). */
  bins?: number | undefined;
  /**
   * How scores are cut; default: the method the segment map names (`"mean"` for {@link RFM_EIGHT_CLASS_SEGMENTS}),
   * else `"quantile"` (type 7). See {@link ScoreBreaks}.
   */
  method?: ScoreMethod | undefined;
  /** For `fixed`: the break points of each dimension (days, orders, minor units). */
  breaks?: { recency?: number[]; frequency?: number[]; monetary?: number[] } | undefined;
  /** For `fixed`: interval closing; default `"right"`. */
  closed?: "left" | "right" | undefined;
  /**
   * The segment map: checked, or a definition to check; default {@link RFM_EIGHT_CLASS_SEGMENTS} for the methods
   * `mean` and `median`, else {@link GRID_SEGMENTS}.
   */
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

/**
 * The result of {@link rfm}. The scores are columns: entry i of `ids`, `recency` … `segmentIndex` is the i-th
 * scored customer, in input order, so a million customers cost a few typed arrays rather than a million objects.
 * `customers` gives the same data as one object per customer, built on first read.
 */
export interface RfmResult {
  /** The scored customers' ids, in input order. */
  ids: string[];
  /** Days since the last sale (`daysSinceLastPurchase`) per scored customer. */
  recency: Float64Array;
  /** Orders (`orderCount`) per scored customer. */
  frequency: Float64Array;
  /** Net revenue in minor units (`revenueMinor`) per scored customer. */
  monetary: Float64Array;
  /** Recency scores 1..k (k = bought most recently). */
  r: Uint8Array;
  /** Frequency scores 1..k. */
  f: Uint8Array;
  /** Monetary scores 1..k. */
  m: Uint8Array;
  /** Each customer's segment as an index into `map.segments`. */
  segmentIndex: Uint8Array;
  /** One entry per scored customer, in input order (the columns above as objects; built on first read). */
  readonly customers: RfmCustomer[];
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

/** The scored customers' ids and raw values, the currencies of their money, and the customers left out. */
interface RawValues {
  ids: string[];
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  currencies: Set<string>;
  withoutPurchase: number;
  mixedCurrencies: number;
}

/** Room for the raw values of `length` customers; the three columns share one buffer (one allocation). */
function emptyRawValues(length: number): RawValues {
  const buffer = new ArrayBuffer(3 * 8 * length);
  return {
    ids: new Array(length),
    recency: new Float64Array(buffer, 0, length),
    frequency: new Float64Array(buffer, 8 * length, length),
    monetary: new Float64Array(buffer, 16 * length, length),
    currencies: new Set(),
    withoutPurchase: 0,
    mixedCurrencies: 0,
  };
}

/** The raw values trimmed to the `n` scored customers. */
function scored(raw: RawValues, n: number): RawValues {
  raw.ids.length = n;
  raw.recency = raw.recency.subarray(0, n);
  raw.frequency = raw.frequency.subarray(0, n);
  raw.monetary = raw.monetary.subarray(0, n);
  return raw;
}

// One pass over the features: the scored customers' ids and raw values, the others counted.
function rawValues(features: readonly CustomerFeatures[]): RawValues {
  const raw = emptyRawValues(features.length);
  const { ids, recency, frequency, monetary, currencies } = raw;
  let n = 0;
  let lastCurrency: string | undefined;
  for (const customer of features) {
    if (customer.mixedCurrencies) raw.mixedCurrencies++;
    else if (customer.daysSinceLastPurchase === undefined) raw.withoutPurchase++;
    else {
      ids[n] = customer.id;
      recency[n] = customer.daysSinceLastPurchase;
      frequency[n] = customer.orderCount;
      monetary[n] = customer.revenueMinor;
      n++;
      if (customer.currency !== lastCurrency && customer.currency !== undefined) {
        lastCurrency = customer.currency;
        currencies.add(lastCurrency);
      }
    }
  }
  return scored(raw, n);
}

// The same from columns (NaN days since the last purchase: no purchase).
function rawColumnValues(columns: FeatureColumns): RawValues {
  const count = columns.ids.length;
  const raw = emptyRawValues(count);
  const { ids, recency, frequency, monetary, currencies } = raw;
  const { mixedCurrencies, daysSinceLastPurchase, orderCount, revenueMinor, currency } = columns;
  let n = 0;
  let lastCurrency: string | undefined;
  for (let i = 0; i < count; i++) {
    const days = daysSinceLastPurchase[i] as number;
    if (mixedCurrencies[i] === 1) raw.mixedCurrencies++;
    else if (Number.isNaN(days)) raw.withoutPurchase++;
    else {
      ids[n] = columns.ids[i] as string;
      recency[n] = days;
      frequency[n] = orderCount[i] as number;
      monetary[n] = revenueMinor[i] as number;
      n++;
      const code = currency[i];
      if (code !== lastCurrency && code !== undefined) {
        lastCurrency = code;
        currencies.add(lastCurrency);
      }
    }
  }
  return scored(raw, n);
}

// The columns of a result as one object per customer; the code strings are shared by the customers of a cell.
function rfmCustomers(
  columns: Pick<
    RfmResult,
    "ids" | "recency" | "frequency" | "monetary" | "r" | "f" | "m" | "segmentIndex" | "map"
  >,
): RfmCustomer[] {
  const { ids, recency, frequency, monetary, r, f, m, segmentIndex, map } = columns;
  const codes = new Map<number, string>();
  const customers: RfmCustomer[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const cell = (r[i] as number) * 100 + (f[i] as number) * 10 + (m[i] as number);
    let code = codes.get(cell);
    if (code === undefined) {
      code = String(cell);
      codes.set(cell, code);
    }
    customers[i] = {
      id: ids[i] as string,
      recency: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: monetary[i] as number,
      r: r[i] as number,
      f: f[i] as number,
      m: m[i] as number,
      code,
      segment: map.segments[segmentIndex[i] as number] as string,
    };
  }
  return customers;
}

/**
 * Scores customers' recency, frequency and monetary value 1..k and puts each in a segment. Recency is the days
 * since the last sale (fewer days = higher score), frequency the number of orders, monetary the net revenue.
 * Customers without a sale, or whose rows mix currencies, are left out and counted.
 *
 * @param features - Per-customer features: a summary's `columns` ({@link summarize}; the fastest to read) or one
 * object per customer.
 * @param options - Number of scores, method, fixed break points, segment map; see {@link RfmOptions}.
 * @returns Per-customer scores and segments, the break points, segment counts and revenue shares, the R×F grid.
 * @throws {KeyAccountError} listing every bad option (`option.invalid`): see {@link scoreBreaks} and
 * {@link defineSegmentMap}; a map whose `bins` differs from `bins`; `mean` or `median` with bins other than 2.
 *
 * @example
 * ```ts
 * const customer = (id: string, days: number, orders: number, revenueMinor: number) =>
 *   ({ id, daysSinceLastPurchase: days, orderCount: orders, revenueMinor, mixedCurrencies: false }) as CustomerFeatures;
 * const result = rfm([customer("A", 3, 9, 90000), customer("B", 200, 1, 1500)], { bins: 2,
 *   segments: { name: "two", bins: 2, rules: [{ segment: "good", r: [2, 2] }, { segment: "bad", r: [1, 1] }] } });
 * result.customers.map((c) => `${c.id} ${c.code} ${c.segment}`); // => ["A 222 good", "B 111 bad"]
 * // The Chinese 8-class model: high or low against the mean (101.5 days, 5 orders, 45750 minor units).
 * const classes = rfm([customer("A", 3, 9, 90000), customer("B", 200, 1, 1500)], { segments: RFM_EIGHT_CLASS_SEGMENTS });
 * classes.customers.map((c) => c.segment); // => ["important-value", "general-win-back"]
 * classes.breaks.recency.breaks; // => [101.5]
 * ```
 */
export function rfm(
  features: readonly CustomerFeatures[] | FeatureColumns,
  options: RfmOptions = {},
): RfmResult {
  const highLow = options.method === "mean" || options.method === "median";
  const given = options.segments ?? (highLow ? RFM_EIGHT_CLASS_SEGMENTS : GRID_SEGMENTS);
  const map: SegmentMap = "lookup" in given ? (given as SegmentMap) : defineSegmentMap(given);
  const bins = options.bins ?? map.bins;
  const method = options.method ?? map.method ?? "quantile";
  if (map.bins !== bins) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["segments"], {
        field: "segments",
        reason: `the map "${map.name}" is for ${map.bins} scores, the scoring has ${bins}`,
      }),
    ]);
  }
  const { ids, recency, frequency, monetary, currencies, withoutPurchase, mixedCurrencies } = Array.isArray(
    features,
  )
    ? rawValues(features as readonly CustomerFeatures[])
    : rawColumnValues(features as FeatureColumns);
  const n = ids.length;
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
  const r = scoreColumn(recency, breaks.recency);
  const f = scoreColumn(frequency, breaks.frequency);
  const m = scoreColumn(monetary, breaks.monetary);
  const counts = new Array<number>(map.segments.length).fill(0);
  const revenue = new Array<number>(map.segments.length).fill(0);
  const gridCounts = new Float64Array(bins * bins);
  const segmentIndex = new Uint8Array(n);
  const { lookup } = map;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ri = (r[i] as number) - 1;
    const fi = (f[i] as number) - 1;
    const segment = lookup[(ri * bins + fi) * bins + (m[i] as number) - 1] as number;
    segmentIndex[i] = segment;
    const value = monetary[i] as number;
    counts[segment] = (counts[segment] as number) + 1;
    revenue[segment] = (revenue[segment] as number) + value;
    total += value;
    const cell = ri * bins + fi;
    gridCounts[cell] = (gridCounts[cell] as number) + 1;
  }
  const grid = Array.from({ length: bins }, (_, row) =>
    Array.from(gridCounts.subarray(row * bins, (row + 1) * bins)),
  );
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
  const columns = {
    ids,
    recency,
    frequency,
    monetary,
    r,
    f,
    m,
    segmentIndex,
    map,
  };
  let customers: RfmCustomer[] | undefined;
  return {
    ...columns,
    get customers(): RfmCustomer[] {
      customers ??= rfmCustomers(columns);
      return customers;
    },
    breaks,
    segments,
    grid,
    excluded: { withoutPurchase, mixedCurrencies },
    issues,
  };
}
