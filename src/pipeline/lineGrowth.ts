// growthFeatures of every customer from the lines the feature accumulator kept, grouped by customer: the same
// features as the streaming growth accumulator over the same lines, without a second copy of the lines' order ids,
// products and categories while the file streams. Internal to the pipeline.
import type { CustomerLines } from "../features/Accumulator.js";
import type { GrowthFeatures, GrowthOptions } from "../growth/growthFeatures.js";
import { emptyTally, growthCalendar, growthEntry, tallyLine } from "../growth/growthTally.js";
import type { Customer } from "../model/customer.js";
import { LazyList } from "../signals/LazyList.js";

/**
 * Each customer's growth features, by rank (`lines.ids`); undefined for a customer without lines. `customerAt`
 * gives the customer record of a rank. Each is made from the lines when read (the scorecard reads each once), so
 * that a million are never held at once; the lines must be kept until then.
 */
export function lineGrowth(
  lines: CustomerLines,
  customerAt: (rank: number) => Customer | undefined,
  options: GrowthOptions,
): LazyList<GrowthFeatures | undefined> {
  const calendar = growthCalendar(options);
  const { ids, rows } = lines;
  const { start, key, amount, orderId, product, category } = rows;
  const orders = new Set<string>();
  const products = new Set<number>();
  const categories = new Set<number>();
  return new LazyList(ids.length, (r) => {
    const from = start[r] as number;
    const to = start[r + 1] as number;
    if (from === to) return undefined;
    const tally = emptyTally(calendar);
    let looseOrders = 0;
    for (let i = from; i < to; i++) {
      const lineKey = key[i] as number;
      const sale = (lineKey & 1) === 1;
      tallyLine(calendar, tally, lineKey >> 1, amount[i] as number, sale);
      if (!sale) continue;
      const categoryCode = category?.[i] ?? -1;
      if (categoryCode >= 0) categories.add(categoryCode);
      const productCode = product?.[i] ?? -1;
      if (productCode >= 0) products.add(productCode);
      const order = orderId?.at(i);
      if (order === undefined) looseOrders++;
      else orders.add(order);
    }
    const id = ids[r] as string;
    const counts = {
      categories: categories.size,
      products: products.size,
      orders: orders.size + looseOrders,
    };
    // Set.clear() allocates a new table even for an empty set.
    if (orders.size > 0) orders.clear();
    if (products.size > 0) products.clear();
    if (categories.size > 0) categories.clear();
    return growthEntry(calendar, id, tally, counts, customerAt(r));
  });
}
