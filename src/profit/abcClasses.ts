import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { argsortDescending } from "./argsortDescending.js";

/** An ABC class: A the few customers that make most of the value, C the long tail. */
export type AbcClass = "A" | "B" | "C";

/** One customer's ABC class and the numbers behind it. */
export interface AbcEntry {
  /** The customer's id. */
  id: string;
  /** The value ranked (revenue, margin or profit, minor units). */
  value: number;
  /** 1 = the largest value (ties by id). */
  rank: number;
  /** The share of the positive total held by this customer and all ranked before it. */
  cumulativeShare: number;
  /** The class. */
  abc: AbcClass;
}

/** Options of {@link abcClasses}. */
export interface AbcOptions {
  /** Cumulative shares that end class A and class B; default `[0.8, 0.95]`. */
  cutoffs?: readonly [number, number] | undefined;
}

/**
 * Pareto (ABC) classes: customers ranked by value (largest first, ties by id); a customer is A while the
 * cumulative share *before* it is below the A cut-off (so the customer that crosses 80 % is still A), B while it
 * is below the B cut-off, else C. Shares are of the total of the positive values; customers with a value ≤ 0 are
 * always C, and everyone is C when no value is positive.
 *
 * @param values - Each customer's value (revenue, gross margin or profit, minor units).
 * @param options - The cut-offs; see {@link AbcOptions}.
 * @returns One entry per customer, in rank order.
 * @throws {KeyAccountError} when the cut-offs are not 0 < A ≤ B ≤ 1 (`option.invalid`).
 *
 * @example
 * ```ts
 * abcClasses([{ id: "a", value: 70 }, { id: "b", value: 20 }, { id: "c", value: 6 }, { id: "d", value: 4 }])
 *   .map((entry) => entry.abc); // => ["A", "A", "B", "C"]
 * ```
 */
export function abcClasses(
  values: readonly { id: string; value: number }[],
  options: AbcOptions = {},
): AbcEntry[] {
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
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) value[i] = (values[i] as { value: number }).value;
  // Rank without a comparator sort (1M customers in a fraction of a second): a stable radix argsort keeps equal
  // values in input order; each group of equal values is then put in id order.
  const order = argsortDescending(value);
  // Customers in id order (as summarize gives them) are already in id order inside each group.
  let idOrdered = true;
  for (let i = 1; i < n && idOrdered; i++) {
    if ((values[i - 1] as { id: string }).id > (values[i] as { id: string }).id) idOrdered = false;
  }
  for (let p = 0; p < n && !idOrdered; ) {
    let size = 1;
    while (p + size < n && value[order[p + size] as number] === value[order[p] as number]) size++;
    if (size > 1) {
      const group = Array.from(order.subarray(p, p + size)).sort((x, y) => {
        const ix = (values[x] as { id: string }).id;
        const iy = (values[y] as { id: string }).id;
        return ix < iy ? -1 : ix > iy ? 1 : 0;
      });
      order.set(group, p);
    }
    p += size;
  }
  let total = 0;
  for (let i = 0; i < n; i++) if ((value[i] as number) > 0) total += value[i] as number;
  const out: AbcEntry[] = new Array(n);
  let cumulative = 0;
  for (let rank = 0; rank < n; rank++) {
    const entry = values[order[rank] as number] as { id: string; value: number };
    const before = total > 0 ? cumulative / total : 1;
    const abc: AbcClass = entry.value <= 0 || total <= 0 ? "C" : before < a ? "A" : before < b ? "B" : "C";
    if (entry.value > 0) cumulative += entry.value;
    out[rank] = {
      id: entry.id,
      value: entry.value,
      rank: rank + 1,
      cumulativeShare: total > 0 ? cumulative / total : 0,
      abc,
    };
  }
  return out;
}
