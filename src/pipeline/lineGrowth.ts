// growthFeatures of every customer from the lines the feature accumulator kept, grouped by customer: the same
// features as the streaming growth accumulator over the same lines, without a second copy of the lines' order ids,
// products and categories while the file streams, nor the lines kept while the accounts are scored. Internal to
// the pipeline.
import type { CustomerLines } from "../features/Accumulator.js";
import type { GrowthFeatures, GrowthOptions } from "../growth/growthFeatures.js";
import { emptyTally, growthCalendar, growthEntry, tallyLine } from "../growth/growthTally.js";
import type { Customer } from "../model/customer.js";
import { LazyList } from "../signals/LazyList.js";

/**
 * Each customer's growth features, by rank (`lines.ids`); undefined for a customer without lines. `customerAt`
 * gives the customer record of a rank. The lines are read now, into a few numbers per customer (its revenue per
 * trend period, the year sums, its first sale and its counts), so that they can go; each customer's features are
 * made from those numbers when read.
 */
export function lineGrowth(
  lines: CustomerLines,
  customerAt: (rank: number) => Customer | undefined,
  options: GrowthOptions,
): LazyList<GrowthFeatures | undefined> {
  const calendar = growthCalendar(options);
  const { periods } = calendar;
  const { ids, rows } = lines;
  const { start, key, amount, orderId, product, category } = rows;
  const orders = new Set<string>();
  const products = new Set<number>();
  const categories = new Set<number>();
  // Per customer: revenue by period, then last, previous, first sale, categories, products, orders; NaN for the
  // last year's revenue of a customer without lines.
  const width = periods + 6;
  const tallies = new Float64Array(ids.length * width);
  for (let r = 0; r < ids.length; r++) {
    const from = start[r] as number;
    const to = start[r + 1] as number;
    const at = r * width;
    if (from === to) {
      tallies[at + periods] = Number.NaN;
      continue;
    }
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
    tallies.set(tally.byPeriod, at);
    tallies[at + periods] = tally.last;
    tallies[at + periods + 1] = tally.previous;
    tallies[at + periods + 2] = tally.firstSale;
    tallies[at + periods + 3] = categories.size;
    tallies[at + periods + 4] = products.size;
    tallies[at + periods + 5] = orders.size + looseOrders;
    // Set.clear() allocates a new table even for an empty set.
    if (orders.size > 0) orders.clear();
    if (products.size > 0) products.clear();
    if (categories.size > 0) categories.clear();
  }
  return new LazyList(ids.length, (r) => {
    const at = r * width;
    const last = tallies[at + periods] as number;
    if (Number.isNaN(last)) return undefined;
    const tally = {
      byPeriod: Array.from(tallies.subarray(at, at + periods)),
      last,
      previous: tallies[at + periods + 1] as number,
      firstSale: tallies[at + periods + 2] as number,
    };
    const counts = {
      categories: tallies[at + periods + 3] as number,
      products: tallies[at + periods + 4] as number,
      orders: tallies[at + periods + 5] as number,
    };
    return growthEntry(calendar, ids[r] as string, tally, counts, customerAt(r));
  });
}
