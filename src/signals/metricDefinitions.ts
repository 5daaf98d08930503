// The signal metrics with their readers (SIGNAL_METRICS is this object, typed without the readers). A number
// metric's reader gives NaN when the metric is missing, a text metric's `undefined`; `needs` says what the account
// row computes first. Internal.
import {
  type AccountRow,
  NEEDS_CARE,
  NEEDS_CLAIM,
  NEEDS_DOCUMENT_FACTS,
  NEEDS_INTERACTION_FACTS,
  NEEDS_INVOICE_FACTS,
  NEEDS_PROFILE_FACTS,
} from "./AccountRow.js";
import type { SignalMetricName, SignalMetricUnit } from "./signalMetrics.js";

interface MetricBase {
  description: string;
  /** What the account row computes before the reader runs (NEEDS_* bits); none when absent. */
  needs?: number | undefined;
}

export interface NumberMetricDefinition extends MetricBase {
  unit: Exclude<SignalMetricUnit, "text">;
  number(row: AccountRow): number;
}

export interface TextMetricDefinition extends MetricBase {
  unit: "text";
  text(row: AccountRow): string | undefined;
}

export type MetricDefinition = NumberMetricDefinition | TextMetricDefinition;

// A value of the account's own data as a column holds it: NaN when absent.
const known = (value: number | undefined): number => (value === undefined ? Number.NaN : value);
const feature = (row: AccountRow) => row.account.features;
const interaction = (row: AccountRow) => row.account.features?.interactions;
const receivable = (row: AccountRow) => row.account.features?.receivables;
// Counts of the account's interaction records: missing without records (an empty list counts 0).
const interactionCount = (row: AccountRow, count: number): number =>
  row.account.interactions === undefined ? Number.NaN : count;
const invoiceFact = (row: AccountRow, value: number): number => (row.hasInvoices ? value : Number.NaN);
const documentFact = (row: AccountRow, value: number): number => (row.hasDocuments ? value : Number.NaN);
const INTERACTIONS = NEEDS_INTERACTION_FACTS;
const INVOICES = NEEDS_INVOICE_FACTS;
const DOCUMENTS = NEEDS_DOCUMENT_FACTS;
// Days without a follow-up count from the claim when that is later.
const SINCE_FOLLOW_UP = NEEDS_INTERACTION_FACTS | NEEDS_CLAIM;

export const METRIC_DEFINITIONS: Readonly<Record<SignalMetricName, MetricDefinition>> = {
  revenue: { description: "net revenue", unit: "minor", number: (r) => known(feature(r)?.revenueMinor) },
  orders: { description: "orders", unit: "count", number: (r) => known(feature(r)?.orderCount) },
  averageOrderValue: {
    description: "average order value",
    unit: "minor",
    number: (r) => known(feature(r)?.averageOrderValueMinor),
  },
  daysSinceLastPurchase: {
    description: "days since the last purchase",
    unit: "days",
    number: (r) => known(feature(r)?.daysSinceLastPurchase),
  },
  purchaseInterval: {
    description: "median days between purchases (the account's own cycle)",
    unit: "days",
    number: (r) => known(feature(r)?.interPurchaseMedianDays),
  },
  purchaseIntervalMean: {
    description: "mean days between purchases",
    unit: "days",
    number: (r) => known(feature(r)?.interPurchaseMeanDays),
  },
  purchaseIntervalCv: {
    description: "coefficient of variation of the purchase intervals",
    unit: "ratio",
    number: (r) => known(feature(r)?.interPurchaseCv),
  },
  recentRevenue: {
    description: "net revenue of the recent window",
    unit: "minor",
    number: (r) => known(feature(r)?.recentRevenueMinor),
  },
  previousRevenue: {
    description: "net revenue of the window before",
    unit: "minor",
    number: (r) => known(feature(r)?.previousRevenueMinor),
  },
  revenueTrend: {
    description: "recent ÷ previous window's revenue",
    unit: "ratio",
    number: (r) => known(feature(r)?.revenueTrendRatio),
  },
  distinctProducts: {
    description: "distinct products bought",
    unit: "count",
    number: (r) => known(feature(r)?.distinctProducts),
  },
  distinctCategories: {
    description: "distinct categories bought",
    unit: "count",
    number: (r) => known(feature(r)?.distinctCategories),
  },
  returnRate: {
    description: "returns ÷ gross sales",
    unit: "ratio",
    number: (r) => known(feature(r)?.returnRate),
  },
  tenure: {
    description: "days since the relationship began",
    unit: "days",
    number: (r) => known(feature(r)?.tenureDays),
  },
  recentOrders: {
    description: "orders in the recent activity window",
    unit: "count",
    number: (r) => known(r.account.activity?.recentOrders),
  },
  previousOrders: {
    description: "orders in the activity window before",
    unit: "count",
    number: (r) => known(r.account.activity?.previousOrders),
  },
  recentCategories: {
    description: "categories bought in the recent activity window",
    unit: "count",
    number: (r) => known(r.account.activity?.recentCategories),
  },
  previousCategories: {
    description: "categories bought in the activity window before",
    unit: "count",
    number: (r) => known(r.account.activity?.previousCategories),
  },
  pAlive: {
    description: "probability the customer is alive (BTYD)",
    unit: "ratio",
    number: (r) => known(r.account.pAlive),
  },
  interactions: {
    description: "interactions",
    unit: "count",
    number: (r) => (feature(r) === undefined ? Number.NaN : (interaction(r)?.interactionCount ?? 0)),
  },
  daysSinceLastInteraction: {
    description: "days since the last interaction of any kind",
    unit: "days",
    number: (r) => known(interaction(r)?.daysSinceLastInteraction),
  },
  complaints: {
    description: "complaints opened",
    unit: "count",
    number: (r) => (feature(r) === undefined ? Number.NaN : (interaction(r)?.complaintCount ?? 0)),
  },
  nps: {
    description: "latest NPS answer (0–10)",
    unit: "score",
    number: (r) => known(interaction(r)?.latestNps),
  },
  npsClass: {
    description: "promoter, passive or detractor",
    unit: "text",
    text: (r) => interaction(r)?.npsClass,
  },
  satisfaction: {
    description: "mean satisfaction (1–5)",
    unit: "score",
    number: (r) => known(interaction(r)?.averageSatisfaction),
  },
  latestSatisfaction: {
    description: "latest satisfaction answer (1–5)",
    unit: "score",
    needs: INTERACTIONS,
    number: (r) => r.facts.latestSatisfaction,
  },
  earlierSatisfaction: {
    description: "mean satisfaction before the latest answer",
    unit: "score",
    needs: INTERACTIONS,
    number: (r) => r.facts.earlierSatisfaction,
  },
  daysSinceLastFollowUp: {
    description: "days since the last visit, call, e-mail or meeting",
    unit: "days",
    needs: INTERACTIONS,
    number: (r) => r.facts.daysSinceLastFollowUp,
  },
  followUpsRecent: {
    description: "follow-ups in the recent window",
    unit: "count",
    needs: INTERACTIONS,
    number: (r) => interactionCount(r, r.facts.followUpsRecent),
  },
  followUpCadence: {
    description: "days between follow-ups for the account's tier",
    unit: "days",
    number: (r) => r.settings.followUpCadenceDays,
  },
  daysWithoutFollowUp: {
    description:
      "days since the last follow-up, or since the account was claimed (or created) when that is later",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
    number: (r) => known(r.daysSinceFollowUpOrClaim()),
  },
  followUpDueIn: {
    description: "days until the next follow-up is due (negative: overdue)",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
    number: (r) => {
      const since = r.daysSinceFollowUpOrClaim();
      return since === undefined ? Number.NaN : r.settings.followUpCadenceDays - since;
    },
  },
  complaintsRecent: {
    description: "complaints opened in the recent window",
    unit: "count",
    needs: INTERACTIONS,
    number: (r) => interactionCount(r, r.facts.complaintsRecent),
  },
  openComplaints: {
    description: "complaints still open",
    unit: "count",
    needs: INTERACTIONS,
    number: (r) => interactionCount(r, r.facts.openComplaints),
  },
  oldestOpenComplaintDays: {
    description: "days the oldest open complaint has been open",
    unit: "days",
    needs: INTERACTIONS,
    number: (r) => r.facts.oldestOpenComplaintDays,
  },
  responseBreaches: {
    description: "complaints answered later than the target (or still waiting past it)",
    unit: "count",
    needs: INTERACTIONS,
    number: (r) => interactionCount(r, r.facts.responseBreaches),
  },
  resolutionBreaches: {
    description: "complaints resolved later than the target (or still open past it)",
    unit: "count",
    needs: INTERACTIONS,
    number: (r) => interactionCount(r, r.facts.resolutionBreaches),
  },
  longestResponseHours: {
    description: "the longest first-response time of recent or open complaints",
    unit: "hours",
    needs: INTERACTIONS,
    number: (r) => r.facts.longestResponseHours,
  },
  longestResolutionHours: {
    description: "the longest resolution time of recent or open complaints",
    unit: "hours",
    needs: INTERACTIONS,
    number: (r) => r.facts.longestResolutionHours,
  },
  responseTargetHours: {
    description: "target hours to the first response for the account's tier",
    unit: "hours",
    number: (r) => r.settings.responseTargetHours,
  },
  resolutionTargetHours: {
    description: "target hours to resolve for the account's tier",
    unit: "hours",
    number: (r) => r.settings.resolutionTargetHours,
  },
  openReceivables: {
    description: "open receivables",
    unit: "minor",
    number: (r) => known(receivable(r)?.openReceivablesMinor),
  },
  overdueAmount: {
    description: "open amount past due",
    unit: "minor",
    number: (r) => known(receivable(r)?.overdueAmountMinor),
  },
  overdueInvoices: {
    description: "open invoices past due",
    unit: "count",
    number: (r) => known(receivable(r)?.overdueInvoices),
  },
  maxDaysPastDue: {
    description: "most days an open invoice is past due",
    unit: "days",
    number: (r) => (receivable(r) === undefined ? Number.NaN : (receivable(r)?.maxDaysPastDue ?? 0)),
  },
  overdue1To30: {
    description: "open amount 1–30 days past due",
    unit: "minor",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.overdue1To30Minor),
  },
  overdue31To60: {
    description: "open amount 31–60 days past due",
    unit: "minor",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.overdue31To60Minor),
  },
  overdue61To90: {
    description: "open amount 61–90 days past due",
    unit: "minor",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.overdue61To90Minor),
  },
  overdue90Plus: {
    description: "open amount more than 90 days past due",
    unit: "minor",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.overdue90PlusMinor),
  },
  averageDaysToPay: {
    description: "mean days from invoice to full payment",
    unit: "days",
    number: (r) => known(receivable(r)?.averageDaysToPay),
  },
  daysToPayRecent: {
    description: "mean days to pay of the invoices paid in the recent pay window",
    unit: "days",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.daysToPayRecent),
  },
  daysToPayEarlier: {
    description: "mean days to pay of the invoices paid before",
    unit: "days",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.daysToPayEarlier),
  },
  latePaymentShare: {
    description: "share of paid invoices paid after the due day",
    unit: "ratio",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.latePaymentShare),
  },
  paidInvoices: {
    description: "invoices fully paid",
    unit: "count",
    needs: INVOICES,
    number: (r) => invoiceFact(r, r.facts.paidInvoices),
  },
  creditLimit: {
    description: "credit limit",
    unit: "minor",
    number: (r) => known(feature(r)?.creditLimitMinor ?? r.account.customer?.creditLimitMinor),
  },
  creditUtilisation: {
    description: "open receivables ÷ credit limit",
    unit: "ratio",
    number: (r) => known(feature(r)?.creditUtilisation),
  },
  poolDaysLeft: {
    description: "days until the account returns to the shared pool (0 or less: due)",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
    number: (r) => {
      const pool = r.context.settings.pool;
      const state = r.account.pool;
      if (pool === undefined || state?.locked === true || state?.won === true) return Number.NaN;
      const sinceFollowUp = pool.noFollowUpDays === undefined ? undefined : r.daysSinceFollowUpOrClaim();
      const sinceDeal = pool.noDealDays === undefined ? undefined : r.daysSinceDealOrClaim();
      const byFollowUp =
        sinceFollowUp === undefined ? undefined : (pool.noFollowUpDays as number) - sinceFollowUp;
      const byDeal = sinceDeal === undefined ? undefined : (pool.noDealDays as number) - sinceDeal;
      return known(
        byFollowUp === undefined ? byDeal : byDeal === undefined ? byFollowUp : Math.min(byFollowUp, byDeal),
      );
    },
  },
  poolWarnDays: {
    description: "days before the pool return that a warning is given",
    unit: "days",
    number: (r) => r.context.settings.pool?.warnDays ?? 7,
  },
  expiredDocuments: {
    description: "active documents past their expiry",
    unit: "count",
    needs: DOCUMENTS,
    number: (r) => documentFact(r, r.facts.expiredDocuments),
  },
  daysToNextExpiry: {
    description: "days until the next document expires",
    unit: "days",
    needs: DOCUMENTS,
    number: (r) => documentFact(r, r.facts.daysToNextExpiry),
  },
  nextExpiringDocument: {
    description: "the document that expires next",
    unit: "text",
    needs: DOCUMENTS,
    text: (r) => (r.hasDocuments ? r.facts.nextExpiringDocument : undefined),
  },
  expiryWarningDays: {
    description: "days before expiry that a document counts as expiring",
    unit: "days",
    number: (r) => r.settings.expiryWarningDays,
  },
  unverifiedDocuments: {
    description: "documents never verified",
    unit: "count",
    needs: DOCUMENTS,
    number: (r) => documentFact(r, r.facts.unverifiedDocuments),
  },
  daysSinceVerification: {
    description: "days since the oldest verification of an active document",
    unit: "days",
    needs: DOCUMENTS,
    number: (r) => documentFact(r, r.facts.daysSinceVerification),
  },
  verificationReviewDays: {
    description: "days after which a verification is due again",
    unit: "days",
    number: (r) => r.settings.verificationReviewDays,
  },
  daysSinceProfileReview: {
    description: "days since the customer record was reviewed",
    unit: "days",
    needs: NEEDS_PROFILE_FACTS,
    number: (r) => r.facts.daysSinceProfileReview,
  },
  profileReviewDays: {
    description: "days after which the customer record is due for a review",
    unit: "days",
    number: (r) => r.settings.profileReviewDays,
  },
  daysSinceLastCare: {
    description: "days since the last care interaction (greeting, gift)",
    unit: "days",
    number: (r) => known(interaction(r)?.daysSinceLastByKind.care),
  },
  daysToNextCareDate: {
    description:
      "days until the next care date (birthday, anniversary, renewal, holiday) in the look-ahead window",
    unit: "days",
    needs: NEEDS_CARE,
    number: (r) => r.careDaysUntil,
  },
  nextCareOccasion: {
    description: "the kind of the next care date",
    unit: "text",
    needs: NEEDS_CARE,
    text: (r) => r.careKind,
  },
  tier: { description: "the account's tier", unit: "text", text: (r) => r.account.tier },
  segment: { description: "the account's RFM segment", unit: "text", text: (r) => r.account.segment },
};
