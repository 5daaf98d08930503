// What growthFeatures counts per customer, apart from how the lines arrive: the calendar of the trend periods
// (checked once), one customer's running sums, and the features made of them. Shared by the streaming accumulator
// and the portfolio pipeline, which reads the lines already grouped by customer. Internal to growth.
import { linearRegression } from "simple-statistics";
import { civilFromDays } from "../model/calendar.js";
import type { Customer } from "../model/customer.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { GrowthFeatures, GrowthOptions } from "./growthFeatures.js";

const MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

/** The checked options and the months the periods and years cover (months counted as year·12 + month − 1). */
export interface GrowthCalendar {
  options: GrowthOptions;
  asOf: number;
  periods: number;
  perPeriod: number;
  /** The last complete month. */
  lastMonth: number;
  /** The last month of the last complete period. */
  lastPeriodEnd: number;
  /** The first month of the trend's first period. */
  firstTrendMonth: number;
}

/** One customer's running sums. */
export interface GrowthTally {
  byPeriod: number[];
  last: number;
  previous: number;
  firstSale: number;
}

/** What the customer's sales had: distinct categories and products, and orders. */
export interface GrowthCounts {
  categories: number;
  products: number;
  orders: number;
}

function monthOf(day: number): number {
  const { year, month } = civilFromDays(day);
  return year * 12 + month - 1;
}

/** Checks the options and lays out the periods. */
export function growthCalendar(options: GrowthOptions): GrowthCalendar {
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
  if (issues.length > 0 || asOf === undefined) throw new KeyAccountError(issues);
  const perPeriod = MONTHS[period] as number;
  // The last complete month: asOf's month when asOf is its last day, else the month before.
  const lastMonth = monthOf(asOf + 1) !== monthOf(asOf) ? monthOf(asOf) : monthOf(asOf) - 1;
  // The last complete period, in months: the period's last month must be ≤ lastMonth.
  const lastPeriodEnd = Math.floor((lastMonth + 1) / perPeriod) * perPeriod - 1;
  const firstTrendMonth = lastPeriodEnd - periods * perPeriod + 1;
  return { options, asOf, periods, perPeriod, lastMonth, lastPeriodEnd, firstTrendMonth };
}

/** A customer's sums before its first line. */
export function emptyTally(calendar: GrowthCalendar): GrowthTally {
  return {
    byPeriod: new Array<number>(calendar.periods).fill(0),
    last: 0,
    previous: 0,
    firstSale: Number.POSITIVE_INFINITY,
  };
}

/** Adds one line (a sale or a return, of `day` ≤ asOf) to the sums. */
export function tallyLine(
  calendar: GrowthCalendar,
  tally: GrowthTally,
  day: number,
  amountMinor: number,
  sale: boolean,
): void {
  const month = monthOf(day);
  if (month >= calendar.firstTrendMonth && month <= calendar.lastPeriodEnd) {
    const index = Math.floor((month - calendar.firstTrendMonth) / calendar.perPeriod);
    tally.byPeriod[index] = (tally.byPeriod[index] as number) + amountMinor;
  }
  const { lastMonth } = calendar;
  if (month > lastMonth - 12 && month <= lastMonth) tally.last += amountMinor;
  else if (month > lastMonth - 24 && month <= lastMonth - 12) tally.previous += amountMinor;
  if (sale && day < tally.firstSale) tally.firstSale = day;
}

/** One customer's features from its sums and counts; `record` gives the created day and referrals. */
export function growthEntry(
  calendar: GrowthCalendar,
  id: string,
  tally: GrowthTally,
  counts: GrowthCounts,
  record: Customer | undefined,
): GrowthFeatures {
  const { options, asOf, periods } = calendar;
  const points = tally.byPeriod.map((revenue, index) => [index, revenue]);
  const slope = linearRegression(points).m;
  const mean = tally.byPeriod.reduce((a, b) => a + b, 0) / periods;
  const { orders } = counts;
  const created = record?.createdDate === undefined ? undefined : parseDay(record.createdDate);
  let start = tally.firstSale;
  if (created !== undefined && created <= asOf && created < start) start = created;
  const potential = options.potentials?.get(id);
  const referrals = record?.attributes?.[options.referralsAttribute ?? "referrals"];
  return {
    id,
    revenueByPeriod: tally.byPeriod,
    trendSlopeMinor: slope,
    trendGrowthRate: mean > 0 ? slope / mean : undefined,
    lastYearRevenueMinor: tally.last,
    previousYearRevenueMinor: tally.previous,
    yearOverYearGrowth: tally.previous > 0 ? tally.last / tally.previous - 1 : undefined,
    shareOfWallet: potential !== undefined && potential > 0 ? tally.last / potential : undefined,
    distinctCategories: counts.categories,
    distinctProducts: counts.products,
    crossSellCount: Math.max(0, counts.categories - 1),
    orders,
    repeatPurchaseRate: orders > 0 ? (orders - 1) / orders : 0,
    tenureDays: Number.isFinite(start) ? asOf - start : undefined,
    referrals: typeof referrals === "number" && Number.isFinite(referrals) ? referrals : undefined,
  };
}
