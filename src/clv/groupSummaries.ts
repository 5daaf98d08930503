import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";

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
  const order: number[] = [];
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
      order.push(index);
    }
  }
  if (issues.length > 0) throw new KeyAccountError(issues);
  // Sort row numbers by (x, t_x, T) with numeric comparisons, then merge runs of equal summaries.
  order.sort(
    (p, q) =>
      (xs[p] as number) - (xs[q] as number) ||
      (txs[p] as number) - (txs[q] as number) ||
      (Ts[p] as number) - (Ts[q] as number),
  );
  const result: WeightedSummaries = { frequency: [], recency: [], T: [], weight: [], customers: 0 };
  let last = -1;
  for (const index of order) {
    const x = xs[index] as number;
    const tx = txs[index] as number;
    const T = Ts[index] as number;
    const weight = weights[index] as number;
    result.customers += weight;
    if (last >= 0 && result.frequency[last] === x && result.recency[last] === tx && result.T[last] === T) {
      result.weight[last] = (result.weight[last] as number) + weight;
      continue;
    }
    result.frequency.push(x);
    result.recency.push(tx);
    result.T.push(T);
    result.weight.push(weight);
    last++;
  }
  return result;
}
