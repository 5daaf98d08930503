import { argsortDescending } from "../profit/argsortDescending.js";

/**
 * The accounts from the highest value to the lowest, equal values ordered by id, so the ranking does not depend
 * on the input order. The radix argsort ranks the values; only runs of equal values are then sorted by id.
 *
 * @param ids - The accounts' ids.
 * @param values - Their values (finite), in the order of `ids`.
 * @returns The positions of the accounts, the highest value first.
 *
 * @example
 * ```ts
 * Array.from(rankDescending(["b", "a", "c"], Float64Array.from([5, 5, 9]))); // => [2, 1, 0]
 * ```
 */
export function rankDescending(ids: readonly string[], values: Float64Array): Uint32Array {
  const order = argsortDescending(values);
  const byId = (x: number, y: number): number => {
    const a = ids[x] as string;
    const b = ids[y] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let start = 0;
  while (start < order.length) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === value) end++;
    if (end - start > 1) order.subarray(start, end).sort(byId);
    start = end;
  }
  return order;
}
