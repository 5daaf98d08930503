import type { Customer } from "../model/customer.js";
import type { Transaction } from "../model/transaction.js";
import { createGrowthAccumulator } from "./createGrowthAccumulator.js";

/** Options of {@link growthFeatures}. */
export interface GrowthOptions {
  /** The day the features are computed for, `YYYY-MM-DD`; later rows are not used. */
  asOf: string;
  /** The period of the revenue series and trend: `"month"` (default), `"quarter"` or `"year"`. */
  period?: "month" | "quarter" | "year" | undefined;
  /** How many complete periods the trend covers (2..120); default 12. */
  periods?: number | undefined;
  /** Each customer's yearly potential (budget, wallet) in minor units, for the share of wallet. */
  potentials?: ReadonlyMap<string, number> | undefined;
  /** The customer attribute that records referrals (a number); default `"referrals"`. */
  referralsAttribute?: string | undefined;
}

/** One customer's growth and loyalty features. */
export interface GrowthFeatures {
  /** The customer's id. */
  id: string;
  /** Net revenue of each of the last complete periods, oldest first, minor units. */
  revenueByPeriod: number[];
  /** The least-squares slope of `revenueByPeriod` (simple-statistics `linearRegression`): minor units per period. */
  trendSlopeMinor: number;
  /** The slope ÷ the series' mean: relative growth per period; `undefined` when the mean is not positive. */
  trendGrowthRate?: number | undefined;
  /** Net revenue of the last 12 complete months. */
  lastYearRevenueMinor: number;
  /** Net revenue of the 12 months before those. */
  previousYearRevenueMinor: number;
  /** Year-over-year growth: last ÷ previous − 1; `undefined` when the previous year's revenue is not positive. */
  yearOverYearGrowth?: number | undefined;
  /** The last 12 months' revenue ÷ the yearly potential; only when a positive potential is known. */
  shareOfWallet?: number | undefined;
  /** Distinct product categories bought. */
  distinctCategories: number;
  /** Distinct products bought. */
  distinctProducts: number;
  /** Categories bought beyond the first (cross-sell count). */
  crossSellCount: number;
  /** Orders (distinct order ids of sales; a sale without one is an order). */
  orders: number;
  /** Repeat orders ÷ orders: (orders − 1) ÷ orders; 0 with one order. */
  repeatPurchaseRate: number;
  /** Days from the first sale (or the customer record's earlier `createdDate`) to `asOf`. */
  tenureDays?: number | undefined;
  /** Referrals recorded on the customer record. */
  referrals?: number | undefined;
}

/**
 * Growth-potential and loyalty features per customer, for tiering: the revenue series over the last complete
 * periods with its regression trend (slope and growth rate per period), year-over-year growth over the last two
 * complete 12-month windows, share of wallet when a potential is known, breadth (categories, products,
 * cross-sell), repeat-purchase rate, tenure and recorded referrals. Periods are calendar periods; the period
 * that contains `asOf` counts only when `asOf` is its last day.
 *
 * @param transactions - Sales, returns and cancellations.
 * @param customers - Customer records (created date, referrals), optional.
 * @param options - The day, the period and how many, potentials; see {@link GrowthOptions}.
 * @returns One entry per customer with a transaction, sorted by id.
 * @throws {KeyAccountError} when `asOf` is not a day or `periods` is not a whole number 2..120 (`option.invalid`).
 *
 * @example
 * ```ts
 * const sale = (date: string, amountMinor: number) =>
 *   ({ customerId: "C1", date, amountMinor, currency: "EUR", kind: "sale" }) as const;
 * const [c1] = growthFeatures([sale("2024-01-15", 1000), sale("2024-02-15", 2000), sale("2024-03-15", 3000)], [],
 *   { asOf: "2024-03-31", periods: 3 });
 * [c1?.revenueByPeriod, c1?.trendSlopeMinor, c1?.trendGrowthRate]; // => [[1000, 2000, 3000], 1000, 0.5]
 * ```
 */
export function growthFeatures(
  transactions: Iterable<Transaction>,
  customers: Iterable<Customer>,
  options: GrowthOptions,
): GrowthFeatures[] {
  const accumulator = createGrowthAccumulator(options);
  for (const transaction of transactions) accumulator.add(transaction);
  return accumulator.result(customers);
}
