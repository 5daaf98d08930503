import { linearRegression } from "simple-statistics";
import { civilFromDays } from "../model/calendar.js";
import type { Customer } from "../model/customer.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";

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

const MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

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
  const states = new Map<string, State>();
  for (const t of transactions) {
    const d = parseDay(t.date);
    if (d === undefined || d > day) continue;
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
    if (t.kind !== "sale") continue;
    if (t.category !== undefined) state.categories.add(t.category);
    if (t.product !== undefined) state.products.add(t.product);
    if (t.orderId === undefined) state.looseOrders++;
    else state.orderIds.add(t.orderId);
    if (d < state.firstSale) state.firstSale = d;
  }
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
}
