import { METRIC_DEFINITIONS } from "./metricDefinitions.js";

/**
 * The names of the built-in metrics a signal rule can test ({@link SIGNAL_METRICS}); a policy's grades and
 * scores add `grade.NAME` (text) and `score.NAME` (number).
 *
 * @example
 * ```ts
 * const metric: SignalMetricName = "daysSinceLastPurchase";
 * ```
 */
export type SignalMetricName =
  | "revenue"
  | "orders"
  | "averageOrderValue"
  | "daysSinceLastPurchase"
  | "purchaseInterval"
  | "purchaseIntervalMean"
  | "purchaseIntervalCv"
  | "recentRevenue"
  | "previousRevenue"
  | "revenueTrend"
  | "distinctProducts"
  | "distinctCategories"
  | "returnRate"
  | "tenure"
  | "recentOrders"
  | "previousOrders"
  | "recentCategories"
  | "previousCategories"
  | "pAlive"
  | "interactions"
  | "daysSinceLastInteraction"
  | "complaints"
  | "nps"
  | "npsClass"
  | "satisfaction"
  | "latestSatisfaction"
  | "earlierSatisfaction"
  | "daysSinceLastFollowUp"
  | "followUpsRecent"
  | "followUpCadence"
  | "followUpDueIn"
  | "daysWithoutFollowUp"
  | "complaintsRecent"
  | "openComplaints"
  | "oldestOpenComplaintDays"
  | "responseBreaches"
  | "resolutionBreaches"
  | "longestResponseHours"
  | "longestResolutionHours"
  | "responseTargetHours"
  | "resolutionTargetHours"
  | "openReceivables"
  | "overdueAmount"
  | "overdueInvoices"
  | "maxDaysPastDue"
  | "overdue1To30"
  | "overdue31To60"
  | "overdue61To90"
  | "overdue90Plus"
  | "averageDaysToPay"
  | "daysToPayRecent"
  | "daysToPayEarlier"
  | "latePaymentShare"
  | "paidInvoices"
  | "creditLimit"
  | "creditUtilisation"
  | "poolDaysLeft"
  | "poolWarnDays"
  | "expiredDocuments"
  | "daysToNextExpiry"
  | "nextExpiringDocument"
  | "expiryWarningDays"
  | "unverifiedDocuments"
  | "daysSinceVerification"
  | "verificationReviewDays"
  | "daysSinceProfileReview"
  | "profileReviewDays"
  | "daysSinceLastCare"
  | "daysToNextCareDate"
  | "nextCareOccasion"
  | "tier"
  | "segment";

/**
 * The unit of a signal metric's value; it decides how a message shows it (money with the account's currency,
 * ratios as percent) and which conditions apply (`text` metrics take `in` and `missing` only).
 *
 * @example
 * ```ts
 * const unit: SignalMetricUnit = SIGNAL_METRICS.revenue.unit; // => "minor"
 * ```
 */
export type SignalMetricUnit = "minor" | "count" | "days" | "hours" | "ratio" | "score" | "text";

/**
 * One entry of the signal metric catalogue.
 *
 * @example
 * ```ts
 * const metric: SignalMetric = SIGNAL_METRICS.overdue90Plus;
 * metric.unit; // => "minor"
 * ```
 */
export interface SignalMetric {
  /** What the metric is, in a few words. */
  description: string;
  /** The unit of the value. */
  unit: SignalMetricUnit;
}

/**
 * The signal metric catalogue: every built-in metric by name, with its unit and source. Sources: the features
 * ({@link summarize}), the purchase activity windows ({@link purchaseActivity}), the account's own records through
 * {@link accountFacts} (follow-ups, complaints, aging, documents), the account's tier, segment and P(alive), and
 * the policy's settings (cadence, targets, pool limits) resolved for the account's tier. Days are whole days
 * as of `asOf`; money is minor units; a metric is missing (`undefined`) when its source is absent.
 *
 * Derived metrics: `daysWithoutFollowUp` = days since the later of the last follow-up and the pool claim (or the
 * record's creation); `followUpDueIn` = cadence − `daysWithoutFollowUp`: negative when overdue. `poolDaysLeft` = days until the account returns to the shared
 * pool by the policy's pool rule (0 or less: due now); missing for locked or won accounts or without a pool rule.
 *
 * @example
 * ```ts
 * SIGNAL_METRICS.daysSinceLastPurchase.unit; // => "days"
 * Object.keys(SIGNAL_METRICS).includes("overdue90Plus"); // => true
 * ```
 */
export const SIGNAL_METRICS: Readonly<Record<SignalMetricName, SignalMetric>> = METRIC_DEFINITIONS;
