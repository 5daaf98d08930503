import { type AbcClass, type AbcOptions, abcTable } from "./abcTable.js";

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

/**
 * Pareto (ABC) classes of {@link abcTable}, one object per customer in rank order: customers ranked by value
 * (largest first, ties by id); a customer is A while the cumulative share *before* it is below the A cut-off (so
 * the customer that crosses 80 % is still A), B while it is below the B cut-off, else C. Shares are of the total
 * of the positive values; customers with a value ≤ 0 are always C.
 *
 * @param values - Each customer's id and value (revenue, gross margin or profit, minor units).
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
  const ids = values.map((entry) => entry.id);
  const table = abcTable(
    ids,
    values.map((entry) => entry.value),
    options,
  );
  return Array.from(table.order, (i, r) => ({
    id: ids[i] as string,
    value: (values[i] as { value: number }).value,
    rank: r + 1,
    cumulativeShare: table.cumulativeShare[r] as number,
    abc: table.abc[r] as AbcClass,
  }));
}
