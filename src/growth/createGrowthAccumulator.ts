import type { Customer } from "../model/customer.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";
import type { GrowthFeatures, GrowthOptions } from "./growthFeatures.js";
import { emptyTally, type GrowthTally, growthCalendar, growthEntry, tallyLine } from "./growthTally.js";

/** One customer's running sums and sets. */
interface State {
  tally: GrowthTally;
  categories: Set<string>;
  products: Set<string>;
  orderIds: Set<string>;
  looseOrders: number;
}
/**
 * A running {@link growthFeatures}: transactions go in one at a time (e.g. while a file streams), the features
 * come out at the end, the same as `growthFeatures` over all the rows.
 *
 * @example
 * ```ts
 * const growth = createGrowthAccumulator({ asOf: "2024-03-31", periods: 3 });
 * growth.add({ customerId: "C1", date: "2024-02-15", amountMinor: 2000, currency: "EUR", kind: "sale" });
 * growth.result([])[0]?.revenueByPeriod; // => [0, 2000, 0]
 * ```
 */
export interface GrowthAccumulator {
  /** Adds one sale, return or cancellation (rows after `asOf` or without a readable day are ignored). */
  add(transaction: Transaction): void;
  /** The features of every customer with a transaction, sorted by id; `customers` give created dates and referrals. */
  result(customers: Iterable<Customer>): GrowthFeatures[];
}

/**
 * Starts a {@link GrowthAccumulator}: the one-row-at-a-time form of {@link growthFeatures}, for transactions that
 * stream in and are not kept.
 *
 * @param options - The day, the period and how many, potentials; see {@link GrowthOptions}.
 * @returns The accumulator.
 * @throws {KeyAccountError} when `asOf` is not a day or `periods` is not a whole number 2..120 (`option.invalid`).
 *
 * @example
 * ```ts
 * const growth = createGrowthAccumulator({ asOf: "2024-12-31" });
 * for (const row of rows) growth.add(row);
 * const features = growth.result(customers);
 * ```
 */
export function createGrowthAccumulator(options: GrowthOptions): GrowthAccumulator {
  const calendar = growthCalendar(options);
  const states = new Map<string, State>();
  return {
    add(t: Transaction): void {
      const d = parseDay(t.date);
      if (d === undefined || d > calendar.asOf) return;
      let state = states.get(t.customerId);
      if (state === undefined) {
        state = {
          tally: emptyTally(calendar),
          categories: new Set(),
          products: new Set(),
          orderIds: new Set(),
          looseOrders: 0,
        };
        states.set(t.customerId, state);
      }
      const sale = t.kind === "sale";
      tallyLine(calendar, state.tally, d, t.amountMinor, sale);
      if (!sale) return;
      if (t.category !== undefined) state.categories.add(t.category);
      if (t.product !== undefined) state.products.add(t.product);
      if (t.orderId === undefined) state.looseOrders++;
      else state.orderIds.add(t.orderId);
    },
    result(customers: Iterable<Customer>): GrowthFeatures[] {
      const records = new Map<string, Customer>();
      for (const customer of customers) records.set(customer.id, customer);
      const out: GrowthFeatures[] = [];
      for (const [id, state] of states) {
        const counts = {
          categories: state.categories.size,
          products: state.products.size,
          orders: state.orderIds.size + state.looseOrders,
        };
        out.push(growthEntry(calendar, id, state.tally, counts, records.get(id)));
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
