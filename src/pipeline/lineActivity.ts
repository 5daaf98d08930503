// purchaseActivity of every customer from the lines the feature accumulator kept, grouped by customer: the same
// counts as the streaming activity accumulator over the same lines. Internal to the pipeline.
import type { CustomerLines } from "../features/Accumulator.js";
import { LazyList } from "../signals/LazyList.js";
import type { PurchaseActivity } from "../signals/purchaseActivity.js";

/** The four counts of a customer's activity, in `counts` (−1 first for a customer without lines). */
const COUNTS = 4;

/**
 * Each customer's orders and categories of the window (asOf − windowDays, asOf] and of the one before, by rank
 * (`lines.ids`); undefined for a customer without lines. A sale without a category counts its product. The
 * counts are kept in one typed array and each activity is made when read.
 */
export function lineActivity(
  lines: CustomerLines,
  asOf: number,
  windowDays: number,
): LazyList<PurchaseActivity | undefined> {
  const recentFrom = asOf - windowDays;
  const previousFrom = asOf - 2 * windowDays;
  const { ids, rows } = lines;
  const { start, key, orderId, product, category } = rows;
  const recentOrders = new Set<string>();
  const previousOrders = new Set<string>();
  // Category codes, and products standing in for a missing category as negative codes (~code): a category and a
  // product of the same name stay two things.
  const recentCategories = new Set<number>();
  const previousCategories = new Set<number>();
  const windows: Set<unknown>[] = [recentOrders, previousOrders, recentCategories, previousCategories];
  const counts = new Int32Array(ids.length * COUNTS);
  for (let r = 0; r < ids.length; r++) {
    const from = start[r] as number;
    const to = start[r + 1] as number;
    if (from === to) {
      counts[r * COUNTS] = -1;
      continue;
    }
    let recentLoose = 0;
    let previousLoose = 0;
    for (let i = from; i < to; i++) {
      const lineKey = key[i] as number;
      const day = lineKey >> 1;
      if ((lineKey & 1) === 0 || day <= previousFrom) continue;
      const recent = day > recentFrom;
      const order = orderId?.at(i);
      if (order === undefined) {
        if (recent) recentLoose++;
        else previousLoose++;
      } else (recent ? recentOrders : previousOrders).add(order);
      const categoryCode = category?.[i] ?? -1;
      const productCode = product?.[i] ?? -1;
      const mark = categoryCode >= 0 ? categoryCode : productCode >= 0 ? ~productCode : undefined;
      if (mark !== undefined) (recent ? recentCategories : previousCategories).add(mark);
    }
    const at = r * COUNTS;
    counts[at] = recentLoose + recentOrders.size;
    counts[at + 1] = previousLoose + previousOrders.size;
    counts[at + 2] = recentCategories.size;
    counts[at + 3] = previousCategories.size;
    for (const seen of windows) if (seen.size > 0) seen.clear();
  }
  return new LazyList(ids.length, (r) => {
    const at = r * COUNTS;
    const recentOrders = counts[at] as number;
    if (recentOrders < 0) return undefined;
    return {
      recentOrders,
      previousOrders: counts[at + 1] as number,
      recentCategories: counts[at + 2] as number,
      previousCategories: counts[at + 3] as number,
    };
  });
}
