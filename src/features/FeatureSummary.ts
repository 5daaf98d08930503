import type { Period } from "../model/period.js";
import type { TimeUnit } from "../model/timeUnit.js";
import type { CustomerFeatures } from "./CustomerFeatures.js";
import type { FeatureColumns } from "./FeatureColumns.js";

/** How many customers and rows a feature summary used, left out, or could not summarise. */
export interface FeatureCounts {
  /** Customers in the result. */
  customers: number;
  /** Customers with a BTYD summary (a purchase in the calibration window). */
  withBtydSummary: number;
  /**
   * Customers left out of the calibration summary because their first purchase is after `calibrationEnd`
   * (lifetimes drops them silently); they have the other features. 0 without a `calibrationEnd`.
   */
  excludedFromCalibration: number;
  /** Customers with no purchase up to `asOf` (only interactions, invoices, returns or a customer record). */
  withoutPurchase: number;
  /** Customers whose rows mix currencies. */
  mixedCurrencies: number;
  /** Rows (transactions, interactions, invoices) dated after `asOf`, not used. */
  rowsAfterAsOf: number;
  /** Rows not used because a date cannot be read or an amount is not a finite number. */
  rowsInvalid: number;
  /** Transactions and invoices (and customer credit limits) in another currency than the `currency` option. */
  rowsOtherCurrency: number;
}

/**
 * The result of {@link summarize}: the features of every customer as {@link FeatureColumns} (and as one
 * {@link CustomerFeatures} object per customer, built on first read), the units, and the counts.
 */
export interface FeatureSummary {
  /**
   * The features as columns, one entry per customer, sorted by id (code-unit order): what {@link rfm} and
   * {@link profitTable} read fastest. Not enumerable, so that spreading or serialising a summary gives the
   * `features` and the rest, as before.
   */
  readonly columns: FeatureColumns;
  /**
   * One object per customer, sorted by id (code-unit order): `featureAt(columns, i)` for every i, built the first
   * time it is read.
   */
  readonly features: CustomerFeatures[];
  /** The summary day, `YYYY-MM-DD`. */
  asOf: string;
  /** The end of the calibration window, when there is one. */
  calibrationEnd?: string | undefined;
  /** How purchases were grouped. */
  period: Period;
  /** The unit of `recency`, `T` and `durationHoldout`. */
  timeUnit: TimeUnit;
  /** The length in days of the recent-revenue windows. */
  recentDays: number;
  /** The currency the rows were restricted to, when the `currency` option was given. */
  currency?: string | undefined;
  /** Customer and row counts. */
  counts: FeatureCounts;
}
