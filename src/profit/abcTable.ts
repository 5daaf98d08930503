import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { argsortDescending } from "./argsortDescending.js";

/** An ABC class: A the few customers that make most of the value, C the long tail. */
export type AbcClass = "A" | "B" | "C";

/** Options of {@link abcTable} and {@link abcClasses}. */
export interface AbcOptions {
  /** Cumulative shares that end class A and class B; default `[0.8, 0.95]`. */
  cutoffs?: readonly [number, number] | undefined;
}

/** ABC classes as columns: `order` is by rank, every other column by customer (input order). */
export interface AbcTable {
  /** The customers' positions in the input, the largest value first (rank 1 … n). */
  order: Uint32Array;
  /** Each customer's rank, 1 = the largest value (ties by id). */
  rank: Uint32Array;
  /** Each customer's cumulative share: the share of the positive total held by it and all ranked before it. */
  cumulativeShare: Float64Array;
  /** Each customer's class. */
  abc: AbcClass[];
  /** The number of customers in each class. */
  counts: Record<AbcClass, number>;
}

/**
 * Pareto (ABC) classes as columns: customers ranked by value (largest first, ties by id); a customer is A while
 * the cumulative share *before* it is below the A cut-off (so the customer that crosses 80 % is still A), B while
 * it is below the B cut-off, else C. Shares are of the total of the positive values; customers with a value ≤ 0
 * are always C, and everyone is C when no value is positive. Ranking is a stable radix argsort, so a million
 * customers need no comparator sort; {@link abcClasses} gives one object per customer.
 *
 * @param ids - The customers' ids (ties are ranked by id).
 * @param values - Each customer's value (revenue, gross margin or profit, minor units), in the order of `ids`.
 * @param options - The cut-offs; see {@link AbcOptions}.
 * @returns The ranking and each customer's rank, cumulative share and class.
 * @throws {KeyAccountError} when the cut-offs are not 0 < A ≤ B ≤ 1 (`option.invalid`).
 *
 * @example
 * ```ts
 * const table = abcTable(["d", "b", "a", "c"], [4, 20, 70, 6]);
 * table.abc; // => ["C", "A", "A", "B"]
 * Array.from(table.order); // => [2, 1, 3, 0]
 * table.counts; // => { A: 2, B: 1, C: 1 }
 * ```
 */
export function abcTable(
  ids: readonly string[],
  values: ArrayLike<number>,
  options: AbcOptions = {},
): AbcTable {
  const [a, b] = options.cutoffs ?? [0.8, 0.95];
  const issues: Issue[] = [];
  if (!(a > 0 && a <= b && b <= 1)) {
    issues.push(
      makeIssue("option.invalid", ["cutoffs"], {
        field: "cutoffs",
        reason: `expected 0 < A ≤ B ≤ 1, got ${a}, ${b}`,
      }),
    );
  }
  if (issues.length > 0) throw new KeyAccountError(issues);
  const n = values.length;
  const value = values instanceof Float64Array ? values : Float64Array.from(values);
  // A stable argsort keeps equal values in input order; each group of equal values is then put in id order
  // (customers in id order, as summarize gives them, already are).
  const order = argsortDescending(value);
  let idOrdered = true;
  for (let i = 1; i < n && idOrdered; i++) {
    if ((ids[i - 1] as string) > (ids[i] as string)) idOrdered = false;
  }
  for (let p = 0; p < n && !idOrdered; ) {
    let size = 1;
    while (p + size < n && value[order[p + size] as number] === value[order[p] as number]) size++;
    if (size > 1) {
      const group = Array.from(order.subarray(p, p + size)).sort((x, y) => {
        const ix = ids[x] as string;
        const iy = ids[y] as string;
        return ix < iy ? -1 : ix > iy ? 1 : 0;
      });
      order.set(group, p);
    }
    p += size;
  }
  let total = 0;
  for (let i = 0; i < n; i++) if ((value[i] as number) > 0) total += value[i] as number;
  const rank = new Uint32Array(n);
  const cumulativeShare = new Float64Array(n);
  const abc: AbcClass[] = new Array(n);
  let countA = 0;
  let countB = 0;
  let cumulative = 0;
  for (let position = 0; position < n; position++) {
    const i = order[position] as number;
    const v = value[i] as number;
    let abcClass: AbcClass = "C";
    if (v > 0 && total > 0) {
      const before = cumulative / total;
      if (before < a) {
        abcClass = "A";
        countA++;
      } else if (before < b) {
        abcClass = "B";
        countB++;
      }
      cumulative += v;
    }
    rank[i] = position + 1;
    cumulativeShare[i] = total > 0 ? cumulative / total : 0;
    abc[i] = abcClass;
  }
  const counts = { A: countA, B: countB, C: n - countA - countB };
  return { order, rank, cumulativeShare, abc, counts };
}
