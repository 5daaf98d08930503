import { linearRegression } from "simple-statistics";
import { civilFromDays } from "../model/calendar.js";
import type { Customer } from "../model/customer.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";
import type { GrowthFeatures, GrowthOptions } from "./growthFeatures.js";

const MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

/** One customer's running sums and sets. */
interface State {
  byPeriod: number[];
  last: number;
  previous: number;
  categories: Set<string>;
  products: Set<string>;
  orderIds: Set<string>;
  looseOrders: number;
  firstSale: number;
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
  const asOf = parseDay(options.asOf);
  const period = options.period ?? "month";
  const periods = options.periods ?? 12;
  const issues: Issue[] = [];
  if (asOf === undefined)
    issues.push(
      makeIssue("option.invalid", ["asOf"], { field: "asOf", reason: `not a day: ${options.asOf}` }),
    );
  if (!Number.isInteger(periods) || periods < 2 || periods > 120)
    issues.push(
      makeIssue("option.invalid", ["periods"], {
        field: "periods",
        reason: `expected 2..120, got ${periods}`,
      }),
    );
  if (!(period in MONTHS))
    issues.push(
      makeIssue("option.invalid", ["period"], { field: "period", reason: "expected month, quarter or year" }),
    );
  if (issues.length > 0) throw new KeyAccountError(issues);
  const day = asOf as number;
  const perPeriod = MONTHS[period] as number;
  const monthOf = (d: number) => {
    const { year, month } = civilFromDays(d);
    return year * 12 + month - 1;
  };
  // The last complete month: asOf's month when asOf is its last day, else the month before.
  const lastMonth = monthOf(day + 1) !== monthOf(day) ? monthOf(day) : monthOf(day) - 1;
  // The last complete period, in months: the period's last month must be ≤ lastMonth.
  const lastPeriodEnd = Math.floor((lastMonth + 1) / perPeriod) * perPeriod - 1; // its last month
  const firstTrendMonth = lastPeriodEnd - periods * perPeriod + 1;
  const states = new Map<string, State>();
  return {
    add(t: Transaction): void {
      const d = parseDay(t.date);
      if (d === undefined || d > day) return;
      let state = states.get(t.customerId);
      if (state === undefined) {
        state = {
          byPeriod: new Array<number>(periods).fill(0),
          last: 0,
          previous: 0,
          categories: new Set(),
          products: new Set(),
          orderIds: new Set(),
          looseOrders: 0,
          firstSale: Number.POSITIVE_INFINITY,
        };
        states.set(t.customerId, state);
      }
      const month = monthOf(d);
      if (month >= firstTrendMonth && month <= lastPeriodEnd) {
        const index = Math.floor((month - firstTrendMonth) / perPeriod);
        state.byPeriod[index] = (state.byPeriod[index] as number) + t.amountMinor;
      }
      if (month > lastMonth - 12 && month <= lastMonth) state.last += t.amountMinor;
      else if (month > lastMonth - 24 && month <= lastMonth - 12) state.previous += t.amountMinor;
      if (t.kind !== "sale") return;
      if (t.category !== undefined) state.categories.add(t.category);
      if (t.product !== undefined) state.products.add(t.product);
      if (t.orderId === undefined) state.looseOrders++;
      else state.orderIds.add(t.orderId);
      if (d < state.firstSale) state.firstSale = d;
    },
    result(customers: Iterable<Customer>): GrowthFeatures[] {
      const records = new Map<string, Customer>();
      for (const customer of customers) records.set(customer.id, customer);
      const referralsAttribute = options.referralsAttribute ?? "referrals";
      const out: GrowthFeatures[] = [];
      for (const [id, state] of states) {
        const points = state.byPeriod.map((revenue, index) => [index, revenue]);
        const slope = linearRegression(points).m;
        const mean = state.byPeriod.reduce((a, b) => a + b, 0) / periods;
        const orders = state.orderIds.size + state.looseOrders;
        const record = records.get(id);
        const created = record?.createdDate === undefined ? undefined : parseDay(record.createdDate);
        let start = state.firstSale;
        if (created !== undefined && created <= day && created < start) start = created;
        const potential = options.potentials?.get(id);
        const referrals = record?.attributes?.[referralsAttribute];
        const entry: GrowthFeatures = {
          id,
          revenueByPeriod: state.byPeriod,
          trendSlopeMinor: slope,
          trendGrowthRate: mean > 0 ? slope / mean : undefined,
          lastYearRevenueMinor: state.last,
          previousYearRevenueMinor: state.previous,
          yearOverYearGrowth: state.previous > 0 ? state.last / state.previous - 1 : undefined,
          shareOfWallet: potential !== undefined && potential > 0 ? state.last / potential : undefined,
          distinctCategories: state.categories.size,
          distinctProducts: state.products.size,
          crossSellCount: Math.max(0, state.categories.size - 1),
          orders,
          repeatPurchaseRate: orders > 0 ? (orders - 1) / orders : 0,
          tenureDays: Number.isFinite(start) ? day - start : undefined,
          referrals: typeof referrals === "number" && Number.isFinite(referrals) ? referrals : undefined,
        };
        out.push(entry);
      }
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
