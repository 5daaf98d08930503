import { type DenseRanks, denseRanks } from "../math/denseRanks.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";

// Sorts the rows by (x, t_x, T) through the dense ranks of the three columns, as an LSD radix sort (linear time,
// sequential reads): the key k = rank(t_x) · |T values| + rank(T) (exact: below n² ≤ 2⁵³) digit by digit, then
// rank(x). Returns the rows' weights, keys and x ranks in sorted order; `weights` is taken over as a buffer.
function sortRows(
  x: DenseRanks,
  tx: DenseRanks,
  t: DenseRanks,
  weights: Float64Array,
): { weight: Float64Array; key: Float64Array; xRank: Int32Array } {
  const n = x.ranks.length;
  const timeCount = t.distinct.length;
  let weight = weights;
  let key = new Float64Array(n);
  let xRank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = (tx.ranks[i] as number) * timeCount + (t.ranks[i] as number);
    xRank[i] = x.ranks[i] as number;
  }
  let nextWeight: Float64Array = new Float64Array(n);
  let nextKey = new Float64Array(n);
  let nextXRank = new Int32Array(n);
  // p passes in base ⌈span^(1/p)⌉ visit about p · (n + base) entries; take the cheapest p.
  const span = tx.distinct.length * timeCount;
  let base = span;
  let passes = 1;
  for (let p = 2; p <= 4; p++) {
    const candidate = Math.ceil(span ** (1 / p));
    if (candidate ** p >= span && p * (n + candidate) < passes * (n + base)) {
      base = candidate;
      passes = p;
    }
  }
  const digit = new Int32Array(n);
  // One stable counting pass by digit[k] (below `buckets`), moving the three columns together.
  const pass = (buckets: number): void => {
    const starts = new Int32Array(buckets + 1);
    for (let k = 0; k < n; k++) {
      const next = (digit[k] as number) + 1;
      starts[next] = (starts[next] as number) + 1;
    }
    for (let b = 1; b <= buckets; b++) starts[b] = (starts[b] as number) + (starts[b - 1] as number);
    for (let k = 0; k < n; k++) {
      const b = digit[k] as number;
      const to = starts[b] as number;
      starts[b] = to + 1;
      nextWeight[to] = weight[k] as number;
      nextKey[to] = key[k] as number;
      nextXRank[to] = xRank[k] as number;
    }
    [weight, nextWeight] = [nextWeight, weight];
    [key, nextKey] = [nextKey, key];
    [xRank, nextXRank] = [nextXRank, xRank];
  };
  for (let scale = 1; scale < span; scale *= base) {
    for (let k = 0; k < n; k++) digit[k] = Math.floor((key[k] as number) / scale) % base;
    pass(base);
  }
  digit.set(xRank);
  pass(x.distinct.length);
  return { weight, key, xRank };
}

/**
 * Groups identical (x, t_x, T) summaries into weighted rows (as Fader and Hardie do; it makes a fit on
 * millions of customers as fast as one on the distinct summaries) and sorts them by frequency.
 *
 * @param rows - One summary per customer (or already weighted).
 * @returns The weighted rows in columns.
 * @throws {KeyAccountError} listing every invalid row at once (`field.invalid`): a negative or non-finite x, t_x
 * or T, t_x > T, a positive t_x with x = 0, or a weight that is not positive.
 *
 * @example
 * ```ts
 * groupSummaries([
 *   { frequency: 0, recency: 0, T: 39 },
 *   { frequency: 0, recency: 0, T: 39 },
 *   { frequency: 1, recency: 2, T: 39 },
 * ]);
 * // => { frequency: [0, 1], recency: [0, 2], T: [39, 39], weight: [2, 1], customers: 3 }
 * ```
 */
export function groupSummaries(rows: readonly BtydSummary[]): WeightedSummaries {
  const issues: Issue[] = [];
  const n = rows.length;
  const xs = new Float64Array(n);
  const txs = new Float64Array(n);
  const Ts = new Float64Array(n);
  const weights = new Float64Array(n);
  let index = 0;
  const bad = (field: string, value: number, reason: string): void => {
    issues.push(makeIssue("field.invalid", [field], { field, value, reason }, index + 1));
  };
  for (; index < n; index++) {
    const row = rows[index] as BtydSummary;
    const { frequency: x, recency: tx, T } = row;
    const weight = row.weight ?? 1;
    if (!(Number.isFinite(x) && x >= 0)) bad("frequency", x, "must be a finite number ≥ 0");
    else if (!(Number.isFinite(tx) && tx >= 0)) bad("recency", tx, "must be a finite number ≥ 0");
    else if (!(Number.isFinite(T) && T >= 0)) bad("T", T, "must be a finite number ≥ 0");
    else if (tx > T) bad("recency", tx, `must not exceed T (${T})`);
    else if (x === 0 && tx > 0) bad("recency", tx, "must be 0 when frequency is 0");
    else if (!(Number.isFinite(weight) && weight > 0)) bad("weight", weight, "must be a positive number");
    else {
      xs[index] = x;
      txs[index] = tx;
      Ts[index] = T;
      weights[index] = weight;
    }
  }
  if (issues.length > 0) throw new KeyAccountError(issues);
  // Sort, then merge runs of equal summaries into pre-sized columns.
  const x = denseRanks(xs);
  const tx = denseRanks(txs);
  const t = denseRanks(Ts);
  const sorted = sortRows(x, tx, t, weights);
  const { key, xRank } = sorted;
  const same = (k: number): boolean => k > 0 && key[k] === key[k - 1] && xRank[k] === xRank[k - 1];
  let groups = 0;
  for (let k = 0; k < n; k++) if (!same(k)) groups++;
  const frequency = new Array<number>(groups);
  const recency = new Array<number>(groups);
  const T = new Array<number>(groups);
  const weight = new Array<number>(groups);
  const timeCount = t.distinct.length;
  let customers = 0;
  let row = -1;
  for (let k = 0; k < n; k++) {
    const w = sorted.weight[k] as number;
    customers += w;
    if (same(k)) {
      weight[row] = (weight[row] as number) + w;
      continue;
    }
    row++;
    const pair = key[k] as number;
    const tRank = pair % timeCount;
    frequency[row] = x.distinct[xRank[k] as number] as number;
    recency[row] = tx.distinct[(pair - tRank) / timeCount] as number;
    T[row] = t.distinct[tRank] as number;
    weight[row] = w;
  }
  return { frequency, recency, T, weight, customers };
}
