import type { InteractionKind } from "../model/interaction.js";

/**
 * The class of a Net Promoter Score answer: `promoter` (9–10), `passive` (7–8), `detractor` (0–6).
 *
 * @example
 * ```ts
 * const answer: NpsClass = "promoter"; // someone who answered 9 or 10
 * ```
 */
export type NpsClass = "promoter" | "passive" | "detractor";

/**
 * Days since the last interaction of each kind, for the kinds the customer has had (as of the summary date).
 *
 * @example
 * ```ts
 * const recency: DaysSinceLastInteraction = { visit: 29, call: 5 }; // no complaint, care or feedback yet
 * ```
 */
export type DaysSinceLastInteraction = { [K in InteractionKind]?: number | undefined };

/**
 * Everything keyaccount knows about one customer as of a date (`asOf`), computed by {@link summarize} or a
 * {@link FeatureAccumulator}. Rows dated after `asOf` are not used.
 *
 * Units: the BTYD fields (`frequency` … `durationHoldout`) are in the summary's `timeUnit`, grouped by its
 * `period` (see {@link FeatureOptions}); every other duration is in days and says so in its name. Money fields
 * ending in `Minor` are exact integer minor units of `currency`; `monetaryValue`, `monetaryValueHoldout` and
 * `averageOrderValueMinor` are means, so they are fractional minor units. A field is `undefined` when its inputs
 * are missing (no purchase, no cost, no invoice …); no field is ever `NaN` or infinite.
 */
export interface CustomerFeatures {
  /** The customer's id. */
  id: string;
  /**
   * The ISO 4217 currency of the money fields: the currency of the customer's transactions, invoices and customer
   * record. `undefined` when none has one, or when they mix currencies (then `mixedCurrencies` is true).
   */
  currency?: string | undefined;
  /**
   * Whether the customer's rows are in more than one currency. The money fields then add different currencies
   * and must not be used; pass `currency` in the options to keep one currency only.
   */
  mixedCurrencies: boolean;

  /**
   * BTYD `x`: the number of *repeat* purchase periods in the calibration window (periods with a sale after the
   * first such period). The window ends at `calibrationEnd` when one is given, else at `asOf`. `undefined` when the
   * customer made no purchase in the window (no purchase at all, or a first purchase after `calibrationEnd`).
   */
  frequency?: number | undefined;
  /** BTYD `t_x`: from the first to the last purchase period of the window, in `timeUnit`. */
  recency?: number | undefined;
  /** BTYD `T`: from the first purchase period to the end of the window, in `timeUnit`. */
  T?: number | undefined;
  /**
   * The mean net total of the repeat purchase periods of the window (the first purchase period excluded), in minor
   * units; 0 when `frequency` is 0. Returns and cancellations dated in a purchase period reduce its total.
   */
  monetaryValue?: number | undefined;
  /** Holdout: the number of purchase periods in (`calibrationEnd`, `asOf`]; only with a `calibrationEnd`. */
  frequencyHoldout?: number | undefined;
  /** Holdout: the mean net total of the holdout purchase periods, in minor units; 0 when there are none. */
  monetaryValueHoldout?: number | undefined;
  /** Holdout: the length of the holdout window, from `calibrationEnd` to `asOf`, in `timeUnit`. */
  durationHoldout?: number | undefined;

  /** Net revenue: all transaction amounts (sales minus returns and cancellations), in minor units. */
  revenueMinor: number;
  /** The sum of the sales, in minor units. */
  grossSalesMinor: number;
  /** The returned and cancelled amount, as a positive number of minor units. */
  returnsMinor: number;
  /** `returnsMinor / grossSalesMinor`; `undefined` when there are no sales. */
  returnRate?: number | undefined;
  /**
   * Gross margin (amount − cost) over the transaction lines that have a cost, in minor units; `undefined` when no
   * line has one. `linesWithoutCost` says how many lines were left out.
   */
  grossMarginMinor?: number | undefined;
  /** `grossMarginMinor` ÷ the net revenue of the lines with a cost; `undefined` when that revenue is 0. */
  grossMarginRate?: number | undefined;
  /** The number of transaction lines without a cost (not in the gross margin). */
  linesWithoutCost: number;
  /** The number of transaction lines (sales, returns, cancellations) used. */
  transactionCount: number;
  /** Orders: distinct `orderId`s of the sales; a sale line without an `orderId` is an order of its own. */
  orderCount: number;
  /** Average order value: `revenueMinor / orderCount` (fractional minor units); `undefined` without orders. */
  averageOrderValueMinor?: number | undefined;
  /** The day of the first sale, `YYYY-MM-DD`. */
  firstPurchaseDate?: string | undefined;
  /** The day of the last sale, `YYYY-MM-DD`. */
  lastPurchaseDate?: string | undefined;
  /** Days from the last sale to `asOf`. */
  daysSinceLastPurchase?: number | undefined;
  /** The number of purchase periods (periods with a sale) up to `asOf`. */
  purchasePeriods: number;
  /**
   * The median number of days between consecutive purchase periods (between the periods' first days); the mean
   * of the two middle intervals when their number is even. `undefined` with fewer than two purchase periods.
   */
  interPurchaseMedianDays?: number | undefined;
  /** The mean number of days between consecutive purchase periods. */
  interPurchaseMeanDays?: number | undefined;
  /**
   * The coefficient of variation of the intervals: sample standard deviation (n − 1) ÷ mean. Low is regular.
   * `undefined` with fewer than two intervals.
   */
  interPurchaseCv?: number | undefined;
  /** Net revenue in the last `recentDays` days: (asOf − recentDays, asOf]. */
  recentRevenueMinor: number;
  /** Net revenue in the window of the same length before: (asOf − 2·recentDays, asOf − recentDays]. */
  previousRevenueMinor: number;
  /** `recentRevenueMinor − previousRevenueMinor`. */
  revenueTrendMinor: number;
  /**
   * `recentRevenueMinor / previousRevenueMinor`; `undefined` when the previous window's revenue is 0 or negative
   * (there is no base to compare with: a new or a returning customer).
   */
  revenueTrendRatio?: number | undefined;
  /** The number of distinct products in the transactions. */
  distinctProducts: number;
  /** The number of distinct product categories in the transactions. */
  distinctCategories: number;
  /**
   * Days from the start of the relationship to `asOf`: the earlier of the customer record's `createdDate` (when
   * given and not after `asOf`) and the first sale. `undefined` when neither is known.
   */
  tenureDays?: number | undefined;

  /** What the customer's interactions up to `asOf` say; absent when there are none. */
  interactions?: InteractionFeatures | undefined;
  /** What the customer's invoices issued up to `asOf` say; absent when there are none. */
  receivables?: ReceivableFeatures | undefined;
  /** The credit limit from the customer record, in minor units. */
  creditLimitMinor?: number | undefined;
  /**
   * Open receivables (`receivables.openReceivablesMinor`, 0 without invoices) ÷ `creditLimitMinor`; `undefined`
   * without a positive credit limit.
   */
  creditUtilisation?: number | undefined;
}

/** The interaction facts of a customer as of the summary day (see {@link CustomerFeatures}). */
export interface InteractionFeatures {
  /** The number of interactions up to `asOf` (at least 1). */
  interactionCount: number;
  /** Days since the last interaction of any kind. */
  daysSinceLastInteraction: number;
  /** Days since the last interaction of each kind the customer has had. */
  daysSinceLastByKind: DaysSinceLastInteraction;
  /** The number of complaints opened up to `asOf`. */
  complaintCount: number;
  /** Complaints open as of `asOf`: opened on or before it and not resolved on or before it. */
  openComplaints: number;
  /** The mean satisfaction (1–5) of the answers up to `asOf`; `undefined` without answers. */
  averageSatisfaction?: number | undefined;
  /** The latest NPS answer (0–10); of several answers on that day, the lowest. */
  latestNps?: number | undefined;
  /** The day of the latest NPS answer, `YYYY-MM-DD`. */
  latestNpsDate?: string | undefined;
  /** The class of `latestNps`. */
  npsClass?: NpsClass | undefined;
}

/** The invoice and payment facts of a customer as of the summary day (see {@link CustomerFeatures}). */
export interface ReceivableFeatures {
  /** The number of invoices issued up to `asOf` (at least 1). */
  invoiceCount: number;
  /** What the customer owes as of `asOf`: invoice amounts minus the payments received by then, in minor units. */
  openReceivablesMinor: number;
  /** The number of open invoices past their due date (due before `asOf`). */
  overdueInvoices: number;
  /** The open amount of the overdue invoices, in minor units. */
  overdueAmountMinor: number;
  /** The largest number of days an open invoice is past due (0 when none is late); `undefined` without open ones. */
  maxDaysPastDue?: number | undefined;
  /**
   * The simple mean (each invoice counts once) of days from issue to full payment, over the invoices with an
   * amount that were fully paid by `asOf`; a payment before the issue day counts as 0 days. `undefined` when none
   * was.
   */
  averageDaysToPay?: number | undefined;
}
