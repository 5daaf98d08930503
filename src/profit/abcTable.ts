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

/** ABC classes as columns, in rank order: entry r of every column is the customer ranked r + 1. */
export interface AbcTable {
  /** The customers' positions in the input, the largest value first. */
  order: Uint32Array;
  /** The values, largest first. */
  values: Float64Array;
  /** The share of the positive total held by the customer at each rank and all ranked before it. */
  cumulativeShare: Float64Array;
  /** The class at each rank. */
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
 * @returns The ranking with each rank's value, cumulative share and class.
 * @throws {KeyAccountError} when the cut-offs are not 0 < A ≤ B ≤ 1 (`option.invalid`).
 *
 * @example
 * ```ts
 * const table = abcTable(["d", "b", "a", "c"], [4, 20, 70, 6]);
 * Array.from(table.order); // => [2, 1, 3, 0]
 * table.abc; // => ["A", "A", "B", "C"]
 * Array.from(table.cumulativeShare); // => [0.7, 0.9, 0.96, 1]
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
  // One buffer (one allocation) for the values by rank and the cumulative shares.
  const buffer = new ArrayBuffer(16 * n);
  const sorted = new Float64Array(buffer, 0, n);
  const cumulativeShare = new Float64Array(buffer, 8 * n, n);
  // A stable argsort keeps equal values in input order; each group of equal values is then put in id order
  // (customers in id order, as summarize gives them, already are).
  const order = argsortDescending(value, sorted);
  let idOrdered = true;
  for (let i = 1; i < n && idOrdered; i++) {
    if ((ids[i - 1] as string) > (ids[i] as string)) idOrdered = false;
  }
  for (let p = 0; p < n && !idOrdered; ) {
    let size = 1;
    while (p + size < n && sorted[p + size] === sorted[p]) size++;
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
  for (let r = 0; r < n; r++) if ((sorted[r] as number) > 0) total += sorted[r] as number;
  const abc: AbcClass[] = new Array(n);
  let countA = 0;
  let countB = 0;
  let cumulative = 0;
  for (let r = 0; r < n; r++) {
    const v = sorted[r] as number;
    let abcClass: AbcClass = "C";
    if (v > 0) {
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
    cumulativeShare[r] = total > 0 ? cumulative / total : 0;
    abc[r] = abcClass;
  }
  return {
    order,
    values: sorted,
    cumulativeShare,
    abc,
    counts: { A: countA, B: countB, C: n - countA - countB },
  };
}
