// The signal metrics with their readers (SIGNAL_METRICS is this object, typed without the readers). Internal.
import type { AccountView } from "./AccountView.js";
import type { SignalMetricName, SignalMetricUnit } from "./signalMetrics.js";

export interface MetricDefinition {
  description: string;
  unit: SignalMetricUnit;
  read(view: AccountView): number | string | undefined;
}

const feature = (view: AccountView) => view.account.features;
const interaction = (view: AccountView) => view.account.features?.interactions;
const receivable = (view: AccountView) => view.account.features?.receivables;
// Facts of the account's records, only when it has records of that kind (else the metric is missing).
const hasInteractions = (view: AccountView) => (view.account.interactions?.length ?? 0) > 0;
const hasInvoices = (view: AccountView) => (view.account.invoices?.length ?? 0) > 0;
const hasDocuments = (view: AccountView) => (view.account.qualifications?.length ?? 0) > 0;

export const METRIC_DEFINITIONS: Readonly<Record<SignalMetricName, MetricDefinition>> = {
  revenue: { description: "net revenue", unit: "minor", read: (v) => feature(v)?.revenueMinor },
  orders: { description: "orders", unit: "count", read: (v) => feature(v)?.orderCount },
  averageOrderValue: {
    description: "average order value",
    unit: "minor",
    read: (v) => feature(v)?.averageOrderValueMinor,
  },
  daysSinceLastPurchase: {
    description: "days since the last purchase",
    unit: "days",
    read: (v) => feature(v)?.daysSinceLastPurchase,
  },
  purchaseInterval: {
    description: "median days between purchases (the account's own cycle)",
    unit: "days",
    read: (v) => feature(v)?.interPurchaseMedianDays,
  },
  purchaseIntervalMean: {
    description: "mean days between purchases",
    unit: "days",
    read: (v) => feature(v)?.interPurchaseMeanDays,
  },
  purchaseIntervalCv: {
    description: "coefficient of variation of the purchase intervals",
    unit: "ratio",
    read: (v) => feature(v)?.interPurchaseCv,
  },
  recentRevenue: {
    description: "net revenue of the recent window",
    unit: "minor",
    read: (v) => feature(v)?.recentRevenueMinor,
  },
  previousRevenue: {
    description: "net revenue of the window before",
    unit: "minor",
    read: (v) => feature(v)?.previousRevenueMinor,
  },
  revenueTrend: {
    description: "recent ÷ previous window's revenue",
    unit: "ratio",
    read: (v) => feature(v)?.revenueTrendRatio,
  },
  distinctProducts: {
    description: "distinct products bought",
    unit: "count",
    read: (v) => feature(v)?.distinctProducts,
  },
  distinctCategories: {
    description: "distinct categories bought",
    unit: "count",
    read: (v) => feature(v)?.distinctCategories,
  },
  returnRate: { description: "returns ÷ gross sales", unit: "ratio", read: (v) => feature(v)?.returnRate },
  tenure: {
    description: "days since the relationship began",
    unit: "days",
    read: (v) => feature(v)?.tenureDays,
  },
  recentOrders: {
    description: "orders in the recent activity window",
    unit: "count",
    read: (v) => v.account.activity?.recentOrders,
  },
  previousOrders: {
    description: "orders in the activity window before",
    unit: "count",
    read: (v) => v.account.activity?.previousOrders,
  },
  recentCategories: {
    description: "categories bought in the recent activity window",
    unit: "count",
    read: (v) => v.account.activity?.recentCategories,
  },
  previousCategories: {
    description: "categories bought in the activity window before",
    unit: "count",
    read: (v) => v.account.activity?.previousCategories,
  },
  pAlive: {
    description: "probability the customer is alive (BTYD)",
    unit: "ratio",
    read: (v) => v.account.pAlive,
  },
  interactions: {
    description: "interactions",
    unit: "count",
    read: (v) => (feature(v) === undefined ? undefined : (interaction(v)?.interactionCount ?? 0)),
  },
  daysSinceLastInteraction: {
    description: "days since the last interaction of any kind",
    unit: "days",
    read: (v) => interaction(v)?.daysSinceLastInteraction,
  },
  complaints: {
    description: "complaints opened",
    unit: "count",
    read: (v) => (feature(v) === undefined ? undefined : (interaction(v)?.complaintCount ?? 0)),
  },
  nps: { description: "latest NPS answer (0–10)", unit: "score", read: (v) => interaction(v)?.latestNps },
  npsClass: {
    description: "promoter, passive or detractor",
    unit: "text",
    read: (v) => interaction(v)?.npsClass,
  },
  satisfaction: {
    description: "mean satisfaction (1–5)",
    unit: "score",
    read: (v) => interaction(v)?.averageSatisfaction,
  },
  latestSatisfaction: {
    description: "latest satisfaction answer (1–5)",
    unit: "score",
    read: (v) => (hasInteractions(v) ? v.facts().latestSatisfaction : undefined),
  },
  earlierSatisfaction: {
    description: "mean satisfaction before the latest answer",
    unit: "score",
    read: (v) => (hasInteractions(v) ? v.facts().earlierSatisfaction : undefined),
  },
  daysSinceLastFollowUp: {
    description: "days since the last visit, call, e-mail or meeting",
    unit: "days",
    read: (v) => (hasInteractions(v) ? v.facts().daysSinceLastFollowUp : undefined),
  },
  followUpsRecent: {
    description: "follow-ups in the recent window",
    unit: "count",
    read: (v) => (v.account.interactions === undefined ? undefined : v.facts().followUpsRecent),
  },
  followUpCadence: {
    description: "days between follow-ups for the account's tier",
    unit: "days",
    read: (v) => v.settings.followUpCadenceDays,
  },
  daysWithoutFollowUp: {
    description:
      "days since the last follow-up, or since the account was claimed (or created) when that is later",
    unit: "days",
    read: (v) => v.daysSinceFollowUpOrClaim(),
  },
  followUpDueIn: {
    description: "days until the next follow-up is due (negative: overdue)",
    unit: "days",
    read: (v) => {
      const since = v.daysSinceFollowUpOrClaim();
      return since === undefined ? undefined : v.settings.followUpCadenceDays - since;
    },
  },
  complaintsRecent: {
    description: "complaints opened in the recent window",
    unit: "count",
    read: (v) => (v.account.interactions === undefined ? undefined : v.facts().complaintsRecent),
  },
  openComplaints: {
    description: "complaints still open",
    unit: "count",
    read: (v) => (v.account.interactions === undefined ? undefined : v.facts().openComplaints),
  },
  oldestOpenComplaintDays: {
    description: "days the oldest open complaint has been open",
    unit: "days",
    read: (v) => (hasInteractions(v) ? v.facts().oldestOpenComplaintDays : undefined),
  },
  responseBreaches: {
    description: "complaints answered later than the target (or still waiting past it)",
    unit: "count",
    read: (v) => (v.account.interactions === undefined ? undefined : v.facts().responseBreaches),
  },
  resolutionBreaches: {
    description: "complaints resolved later than the target (or still open past it)",
    unit: "count",
    read: (v) => (v.account.interactions === undefined ? undefined : v.facts().resolutionBreaches),
  },
  longestResponseHours: {
    description: "the longest first-response time of recent or open complaints",
    unit: "hours",
    read: (v) => (hasInteractions(v) ? v.facts().longestResponseHours : undefined),
  },
  longestResolutionHours: {
    description: "the longest resolution time of recent or open complaints",
    unit: "hours",
    read: (v) => (hasInteractions(v) ? v.facts().longestResolutionHours : undefined),
  },
  responseTargetHours: {
    description: "target hours to the first response for the account's tier",
    unit: "hours",
    read: (v) => v.settings.responseTargetHours,
  },
  resolutionTargetHours: {
    description: "target hours to resolve for the account's tier",
    unit: "hours",
    read: (v) => v.settings.resolutionTargetHours,
  },
  openReceivables: {
    description: "open receivables",
    unit: "minor",
    read: (v) => receivable(v)?.openReceivablesMinor,
  },
  overdueAmount: {
    description: "open amount past due",
    unit: "minor",
    read: (v) => receivable(v)?.overdueAmountMinor,
  },
  overdueInvoices: {
    description: "open invoices past due",
    unit: "count",
    read: (v) => receivable(v)?.overdueInvoices,
  },
  maxDaysPastDue: {
    description: "most days an open invoice is past due",
    unit: "days",
    read: (v) => (receivable(v) === undefined ? undefined : (receivable(v)?.maxDaysPastDue ?? 0)),
  },
  overdue1To30: {
    description: "open amount 1–30 days past due",
    unit: "minor",
    read: (v) => (hasInvoices(v) ? v.facts().overdue1To30Minor : undefined),
  },
  overdue31To60: {
    description: "open amount 31–60 days past due",
    unit: "minor",
    read: (v) => (hasInvoices(v) ? v.facts().overdue31To60Minor : undefined),
  },
  overdue61To90: {
    description: "open amount 61–90 days past due",
    unit: "minor",
    read: (v) => (hasInvoices(v) ? v.facts().overdue61To90Minor : undefined),
  },
  overdue90Plus: {
    description: "open amount more than 90 days past due",
    unit: "minor",
    read: (v) => (hasInvoices(v) ? v.facts().overdue90PlusMinor : undefined),
  },
  averageDaysToPay: {
    description: "mean days from invoice to full payment",
    unit: "days",
    read: (v) => receivable(v)?.averageDaysToPay,
  },
  daysToPayRecent: {
    description: "mean days to pay of the invoices paid in the recent pay window",
    unit: "days",
    read: (v) => (hasInvoices(v) ? v.facts().daysToPayRecent : undefined),
  },
  daysToPayEarlier: {
    description: "mean days to pay of the invoices paid before",
    unit: "days",
    read: (v) => (hasInvoices(v) ? v.facts().daysToPayEarlier : undefined),
  },
  latePaymentShare: {
    description: "share of paid invoices paid after the due day",
    unit: "ratio",
    read: (v) => (hasInvoices(v) ? v.facts().latePaymentShare : undefined),
  },
  paidInvoices: {
    description: "invoices fully paid",
    unit: "count",
    read: (v) => (hasInvoices(v) ? v.facts().paidInvoices : undefined),
  },
  creditLimit: {
    description: "credit limit",
    unit: "minor",
    read: (v) => feature(v)?.creditLimitMinor ?? v.account.customer?.creditLimitMinor,
  },
  creditUtilisation: {
    description: "open receivables ÷ credit limit",
    unit: "ratio",
    read: (v) => feature(v)?.creditUtilisation,
  },
  poolDaysLeft: {
    description: "days until the account returns to the shared pool (0 or less: due)",
    unit: "days",
    read: (v) => {
      const pool = v.context.settings.pool;
      const state = v.account.pool;
      if (pool === undefined || state?.locked === true || state?.won === true) return undefined;
      const sinceFollowUp = pool.noFollowUpDays === undefined ? undefined : v.daysSinceFollowUpOrClaim();
      const sinceDeal = pool.noDealDays === undefined ? undefined : v.daysSinceDealOrClaim();
      const byFollowUp =
        sinceFollowUp === undefined ? undefined : (pool.noFollowUpDays as number) - sinceFollowUp;
      const byDeal = sinceDeal === undefined ? undefined : (pool.noDealDays as number) - sinceDeal;
      return byFollowUp === undefined
        ? byDeal
        : byDeal === undefined
          ? byFollowUp
          : Math.min(byFollowUp, byDeal);
    },
  },
  poolWarnDays: {
    description: "days before the pool return that a warning is given",
    unit: "days",
    read: (v) => v.context.settings.pool?.warnDays ?? 7,
  },
  expiredDocuments: {
    description: "active documents past their expiry",
    unit: "count",
    read: (v) => (hasDocuments(v) ? v.facts().expiredDocuments : undefined),
  },
  daysToNextExpiry: {
    description: "days until the next document expires",
    unit: "days",
    read: (v) => (hasDocuments(v) ? v.facts().daysToNextExpiry : undefined),
  },
  nextExpiringDocument: {
    description: "the document that expires next",
    unit: "text",
    read: (v) => (hasDocuments(v) ? v.facts().nextExpiringDocument : undefined),
  },
  expiryWarningDays: {
    description: "days before expiry that a document counts as expiring",
    unit: "days",
    read: (v) => v.settings.expiryWarningDays,
  },
  unverifiedDocuments: {
    description: "documents never verified",
    unit: "count",
    read: (v) => (hasDocuments(v) ? v.facts().unverifiedDocuments : undefined),
  },
  daysSinceVerification: {
    description: "days since the oldest verification of an active document",
    unit: "days",
    read: (v) => (hasDocuments(v) ? v.facts().daysSinceVerification : undefined),
  },
  verificationReviewDays: {
    description: "days after which a verification is due again",
    unit: "days",
    read: (v) => v.settings.verificationReviewDays,
  },
  daysSinceProfileReview: {
    description: "days since the customer record was reviewed",
    unit: "days",
    read: (v) => (v.account.customer === undefined ? undefined : v.facts().daysSinceProfileReview),
  },
  profileReviewDays: {
    description: "days after which the customer record is due for a review",
    unit: "days",
    read: (v) => v.settings.profileReviewDays,
  },
  daysSinceLastCare: {
    description: "days since the last care interaction (greeting, gift)",
    unit: "days",
    read: (v) => interaction(v)?.daysSinceLastByKind.care,
  },
  daysToNextCareDate: {
    description:
      "days until the next care date (birthday, anniversary, renewal, holiday) in the look-ahead window",
    unit: "days",
    read: (v) => v.careDates()[0]?.daysUntil,
  },
  nextCareOccasion: {
    description: "the kind of the next care date",
    unit: "text",
    read: (v) => v.careDates()[0]?.kind,
  },
  tier: { description: "the account's tier", unit: "text", read: (v) => v.account.tier },
  segment: { description: "the account's RFM segment", unit: "text", read: (v) => v.account.segment },
};
