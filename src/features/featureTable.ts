import { currencyDigits } from "../model/currencyDigits.js";
import { formatMoney } from "../model/formatMoney.js";
import { INTERACTION_KINDS } from "../model/interaction.js";
import type { CustomerFeatures } from "./CustomerFeatures.js";
import type { FeatureSummary } from "./FeatureSummary.js";

/**
 * One cell of a {@link FeatureTable}: `null` for a missing value (an empty CSV cell, JSON `null`).
 *
 * @example
 * ```ts
 * const cells: FeatureCell[] = ["C1", 2, 30.43, "1234.50", false, null];
 * ```
 */
export type FeatureCell = string | number | boolean | null;

/** Customer features as columns and rows, for CSV or JSON output, with the units they are in. */
export interface FeatureTable {
  /** The column names: `id, frequency, recency, T, monetary_value`, then the other features in snake_case. */
  columns: string[];
  /** One row per customer, in the order of `columns`. */
  rows: FeatureCell[][];
  /** The summary day, the period and time unit of the BTYD columns, and the counts. */
  meta: Omit<FeatureSummary, "features" | "columns">;
}

type Column = [name: string, cell: (features: CustomerFeatures, currency: string | undefined) => FeatureCell];

const value = (x: number | string | undefined): FeatureCell => (x === undefined ? null : x);

/** An exact amount of minor units as a decimal string of the major unit. */
function money(minor: number | undefined, currency: string | undefined): FeatureCell {
  if (minor === undefined) return null;
  if (currency === undefined) return minor === 0 ? "0" : null;
  return formatMoney(minor, currency);
}

/** A mean amount of minor units (not exact) as a number of the major unit. */
function meanMoney(minor: number | undefined, currency: string | undefined): FeatureCell {
  if (minor === undefined || currency === undefined) return null;
  return minor / 10 ** currencyDigits(currency);
}

const BTYD: Column[] = [
  ["id", (f) => f.id],
  ["frequency", (f) => value(f.frequency)],
  ["recency", (f) => value(f.recency)],
  ["T", (f) => value(f.T)],
  ["monetary_value", (f, c) => meanMoney(f.monetaryValue, c)],
];

const HOLDOUT: Column[] = [
  ["frequency_holdout", (f) => value(f.frequencyHoldout)],
  ["monetary_value_holdout", (f, c) => meanMoney(f.monetaryValueHoldout, c)],
  ["duration_holdout", (f) => value(f.durationHoldout)],
];

const FACTS: Column[] = [
  ["currency", (_f, c) => value(c)],
  ["mixed_currencies", (f) => f.mixedCurrencies],
  ["revenue", (f, c) => money(f.revenueMinor, c)],
  ["gross_sales", (f, c) => money(f.grossSalesMinor, c)],
  ["returns", (f, c) => money(f.returnsMinor, c)],
  ["return_rate", (f) => value(f.returnRate)],
  ["gross_margin", (f, c) => money(f.grossMarginMinor, c)],
  ["gross_margin_rate", (f) => value(f.grossMarginRate)],
  ["lines_without_cost", (f) => f.linesWithoutCost],
  ["transaction_count", (f) => f.transactionCount],
  ["order_count", (f) => f.orderCount],
  ["average_order_value", (f, c) => meanMoney(f.averageOrderValueMinor, c)],
  ["first_purchase_date", (f) => value(f.firstPurchaseDate)],
  ["last_purchase_date", (f) => value(f.lastPurchaseDate)],
  ["days_since_last_purchase", (f) => value(f.daysSinceLastPurchase)],
  ["purchase_periods", (f) => f.purchasePeriods],
  ["inter_purchase_median_days", (f) => value(f.interPurchaseMedianDays)],
  ["inter_purchase_mean_days", (f) => value(f.interPurchaseMeanDays)],
  ["inter_purchase_cv", (f) => value(f.interPurchaseCv)],
  ["recent_revenue", (f, c) => money(f.recentRevenueMinor, c)],
  ["previous_revenue", (f, c) => money(f.previousRevenueMinor, c)],
  ["revenue_trend", (f, c) => money(f.revenueTrendMinor, c)],
  ["revenue_trend_ratio", (f) => value(f.revenueTrendRatio)],
  ["distinct_products", (f) => f.distinctProducts],
  ["distinct_categories", (f) => f.distinctCategories],
  ["tenure_days", (f) => value(f.tenureDays)],
  ["interaction_count", (f) => f.interactions?.interactionCount ?? 0],
  ["days_since_last_interaction", (f) => value(f.interactions?.daysSinceLastInteraction)],
  ...INTERACTION_KINDS.map(
    (kind): Column => [`days_since_last_${kind}`, (f) => value(f.interactions?.daysSinceLastByKind[kind])],
  ),
  ["complaint_count", (f) => f.interactions?.complaintCount ?? 0],
  ["open_complaints", (f) => f.interactions?.openComplaints ?? 0],
  ["average_satisfaction", (f) => value(f.interactions?.averageSatisfaction)],
  ["latest_nps", (f) => value(f.interactions?.latestNps)],
  ["latest_nps_date", (f) => value(f.interactions?.latestNpsDate)],
  ["nps_class", (f) => value(f.interactions?.npsClass)],
  ["invoice_count", (f) => f.receivables?.invoiceCount ?? 0],
  ["open_receivables", (f, c) => money(f.receivables?.openReceivablesMinor ?? 0, c)],
  ["overdue_invoices", (f) => f.receivables?.overdueInvoices ?? 0],
  ["overdue_amount", (f, c) => money(f.receivables?.overdueAmountMinor ?? 0, c)],
  ["max_days_past_due", (f) => value(f.receivables?.maxDaysPastDue)],
  ["average_days_to_pay", (f) => value(f.receivables?.averageDaysToPay)],
  ["credit_limit", (f, c) => money(f.creditLimitMinor, c)],
  ["credit_utilisation", (f) => value(f.creditUtilisation)],
];

/**
 * Lays a {@link FeatureSummary} out as a table for CSV or JSON output. The first columns are lifetimes' names,
 * `id, frequency, recency, T, monetary_value` (then `frequency_holdout, monetary_value_holdout,
 * duration_holdout` when there is a calibration split), so the table can be read by tools made for lifetimes;
 * the other features follow in snake_case. Durations of the BTYD columns are in `meta.timeUnit`; other
 * durations are in days. Exact money (revenue, margin, receivables …) is a decimal string in the currency's major
 * unit (`formatMoney`); means (monetary_value, average_order_value) are numbers in the major unit; dates are
 * `YYYY-MM-DD`; a missing value is `null`. Money is `null` for a customer whose rows mix currencies.
 *
 * @param summary - The result of {@link summarize} or of an accumulator's `summary()`.
 * @returns The column names, the rows, and the summary's metadata (as-of day, period, time unit, counts).
 *
 * @example
 * ```ts
 * const summary = summarize(
 *   { transactions: [
 *     { customerId: "C1", date: "2024-05-01", amountMinor: 1250, currency: "USD", kind: "sale" },
 *     { customerId: "C1", date: "2024-05-15", amountMinor: 2000, currency: "USD", kind: "sale" },
 *   ] },
 *   { asOf: "2024-06-30", timeUnit: "week" },
 * );
 * const table = featureTable(summary);
 * table.columns.slice(0, 6); // => ["id", "frequency", "recency", "T", "monetary_value", "currency"]
 * table.rows[0]?.slice(0, 6); // => ["C1", 1, 2, 8.571428571428571, 20, "USD"]
 * table.meta.timeUnit; // => "week"
 * ```
 */
export function featureTable(summary: FeatureSummary): FeatureTable {
  const { features, columns: _columns, ...meta } = summary;
  const columns = meta.calibrationEnd === undefined ? [...BTYD, ...FACTS] : [...BTYD, ...HOLDOUT, ...FACTS];
  const rows = features.map((f) => {
    const currency = f.mixedCurrencies ? undefined : (f.currency ?? meta.currency);
    return columns.map(([, cell]) => cell(f, currency));
  });
  return { columns: columns.map(([name]) => name), rows, meta };
}
