import type { Period } from "../model/period.js";
import type { TimeUnit } from "../model/timeUnit.js";

/**
 * Options of {@link summarize} and {@link createFeatureAccumulator}.
 *
 * The BTYD summary groups a customer's sales per calendar `period` (several purchases on one day are one
 * purchase occasion, as in lifetimes) and measures durations in `timeUnit`:
 * - Both month-based (period `month`, `quarter` or `year`; unit `month` or `year`): whole calendar-month index
 *   differences, divided by 12 for years — as lifetimes does with `freq='M'`. Month/month gives whole months.
 * - Otherwise: days between the periods' first days ÷ the unit's days ({@link daysPerUnit}: 1, 7, 30.436875,
 *   365.2425), kept fractional — as lifetimes does with `freq='D', freq_multiplier=7` for weeks. Day/day and
 *   week/week give whole days and weeks.
 *
 * Returns and cancellations: a period is a purchase period when it has at least one `sale` line (a 0.00 sale
 * counts, as a row counts in lifetimes); a period with only returns or cancellations is not a purchase. A
 * period's value is its *net* total (its sales minus the returns and cancellations dated in it), so
 * `monetaryValue` is the mean net value of the repeat purchase periods. Returns dated in other periods lower
 * the revenue and raise the return rate, not the BTYD values.
 *
 * @example
 * ```ts
 * const cdnow: FeatureOptions = { asOf: "1998-06-30", calibrationEnd: "1997-09-30", timeUnit: "week" };
 * ```
 */
export interface FeatureOptions {
  /** The day the summary is made, `YYYY-MM-DD` (required): the end of observation; later rows are not used. */
  asOf: string;
  /**
   * The end of the calibration window, `YYYY-MM-DD`, not after `asOf`. When given, the BTYD summary uses the
   * purchases up to this day with `T` measured to it, and the holdout fields describe (calibrationEnd, asOf].
   * Pick the last day of a period so that no period straddles the split (rows are split by day first, as
   * lifetimes does). Customers whose first purchase is after it have no BTYD summary (counted in
   * `excludedFromCalibration`).
   */
  calibrationEnd?: string | undefined;
  /** How purchases are grouped into purchase occasions; default `"day"`. */
  period?: Period | undefined;
  /** The unit of `recency`, `T` and `durationHoldout`; default `"day"`. */
  timeUnit?: TimeUnit | undefined;
  /** The length in days of the recent-revenue window and of the previous window it is compared with; default 90. */
  recentDays?: number | undefined;
  /**
   * Keep only transactions and invoices in this ISO 4217 currency (others are skipped and counted). Without it,
   * every row is used and a customer whose rows mix currencies is flagged `mixedCurrencies`.
   */
  currency?: string | undefined;
}
