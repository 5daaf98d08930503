// The signal metrics: what each is, its unit, and what the account row computes before it can be read
// (SIGNAL_METRICS is this object, typed without `needs`; writeMetrics writes the values). Internal.
import {
  NEEDS_CARE,
  NEEDS_CLAIM,
  NEEDS_DOCUMENT_FACTS,
  NEEDS_INTERACTION_FACTS,
  NEEDS_INVOICE_FACTS,
  NEEDS_PROFILE_FACTS,
} from "./AccountRow.js";
import type { SignalMetricName, SignalMetricUnit } from "./signalMetrics.js";

export interface MetricDefinition {
  description: string;
  unit: SignalMetricUnit;
  /** What the account row computes before the metric can be read (NEEDS_* bits); nothing when absent. */
  needs?: number | undefined;
}

const INTERACTIONS = NEEDS_INTERACTION_FACTS;
const INVOICES = NEEDS_INVOICE_FACTS;
const DOCUMENTS = NEEDS_DOCUMENT_FACTS;
// Days without a follow-up count from the claim when that is later.
const SINCE_FOLLOW_UP = NEEDS_INTERACTION_FACTS | NEEDS_CLAIM;

export const METRIC_DEFINITIONS: Readonly<Record<SignalMetricName, MetricDefinition>> = {
  revenue: { description: "net revenue", unit: "minor" },
  orders: { description: "orders", unit: "count" },
  averageOrderValue: { description: "average order value", unit: "minor" },
  daysSinceLastPurchase: { description: "days since the last purchase", unit: "days" },
  purchaseInterval: { description: "median days between purchases (the account's own cycle)", unit: "days" },
  purchaseIntervalMean: { description: "mean days between purchases", unit: "days" },
  purchaseIntervalCv: { description: "coefficient of variation of the purchase intervals", unit: "ratio" },
  recentRevenue: { description: "net revenue of the recent window", unit: "minor" },
  previousRevenue: { description: "net revenue of the window before", unit: "minor" },
  revenueTrend: { description: "recent ÷ previous window's revenue", unit: "ratio" },
  distinctProducts: { description: "distinct products bought", unit: "count" },
  distinctCategories: { description: "distinct categories bought", unit: "count" },
  returnRate: { description: "returns ÷ gross sales", unit: "ratio" },
  tenure: { description: "days since the relationship began", unit: "days" },
  recentOrders: { description: "orders in the recent activity window", unit: "count" },
  previousOrders: { description: "orders in the activity window before", unit: "count" },
  recentCategories: { description: "categories bought in the recent activity window", unit: "count" },
  previousCategories: { description: "categories bought in the activity window before", unit: "count" },
  pAlive: { description: "probability the customer is alive (BTYD)", unit: "ratio" },
  interactions: { description: "interactions", unit: "count" },
  daysSinceLastInteraction: { description: "days since the last interaction of any kind", unit: "days" },
  complaints: { description: "complaints opened", unit: "count" },
  nps: { description: "latest NPS answer (0–10)", unit: "score" },
  npsClass: { description: "promoter, passive or detractor", unit: "text" },
  satisfaction: { description: "mean satisfaction (1–5)", unit: "score" },
  latestSatisfaction: { description: "latest satisfaction answer (1–5)", unit: "score", needs: INTERACTIONS },
  earlierSatisfaction: {
    description: "mean satisfaction before the latest answer",
    unit: "score",
    needs: INTERACTIONS,
  },
  daysSinceLastFollowUp: {
    description: "days since the last visit, call, e-mail or meeting",
    unit: "days",
    needs: INTERACTIONS,
  },
  followUpsRecent: { description: "follow-ups in the recent window", unit: "count", needs: INTERACTIONS },
  followUpCadence: { description: "days between follow-ups for the account's tier", unit: "days" },
  daysWithoutFollowUp: {
    description:
      "days since the last follow-up, or since the account was claimed (or created) when that is later",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
  },
  followUpDueIn: {
    description: "days until the next follow-up is due (negative: overdue)",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
  },
  complaintsRecent: {
    description: "complaints opened in the recent window",
    unit: "count",
    needs: INTERACTIONS,
  },
  openComplaints: { description: "complaints still open", unit: "count", needs: INTERACTIONS },
  oldestOpenComplaintDays: {
    description: "days the oldest open complaint has been open",
    unit: "days",
    needs: INTERACTIONS,
  },
  responseBreaches: {
    description: "complaints answered later than the target (or still waiting past it)",
    unit: "count",
    needs: INTERACTIONS,
  },
  resolutionBreaches: {
    description: "complaints resolved later than the target (or still open past it)",
    unit: "count",
    needs: INTERACTIONS,
  },
  longestResponseHours: {
    description: "the longest first-response time of recent or open complaints",
    unit: "hours",
    needs: INTERACTIONS,
  },
  longestResolutionHours: {
    description: "the longest resolution time of recent or open complaints",
    unit: "hours",
    needs: INTERACTIONS,
  },
  responseTargetHours: {
    description: "target hours to the first response for the account's tier",
    unit: "hours",
  },
  resolutionTargetHours: { description: "target hours to resolve for the account's tier", unit: "hours" },
  openReceivables: { description: "open receivables", unit: "minor" },
  overdueAmount: { description: "open amount past due", unit: "minor" },
  overdueInvoices: { description: "open invoices past due", unit: "count" },
  maxDaysPastDue: { description: "most days an open invoice is past due", unit: "days" },
  overdue1To30: { description: "open amount 1–30 days past due", unit: "minor", needs: INVOICES },
  overdue31To60: { description: "open amount 31–60 days past due", unit: "minor", needs: INVOICES },
  overdue61To90: { description: "open amount 61–90 days past due", unit: "minor", needs: INVOICES },
  overdue90Plus: { description: "open amount more than 90 days past due", unit: "minor", needs: INVOICES },
  averageDaysToPay: { description: "mean days from invoice to full payment", unit: "days" },
  daysToPayRecent: {
    description: "mean days to pay of the invoices paid in the recent pay window",
    unit: "days",
    needs: INVOICES,
  },
  daysToPayEarlier: {
    description: "mean days to pay of the invoices paid before",
    unit: "days",
    needs: INVOICES,
  },
  latePaymentShare: {
    description: "share of paid invoices paid after the due day",
    unit: "ratio",
    needs: INVOICES,
  },
  paidInvoices: { description: "invoices fully paid", unit: "count", needs: INVOICES },
  creditLimit: { description: "credit limit", unit: "minor" },
  creditUtilisation: { description: "open receivables ÷ credit limit", unit: "ratio" },
  poolDaysLeft: {
    description: "days until the account returns to the shared pool (0 or less: due)",
    unit: "days",
    needs: SINCE_FOLLOW_UP,
  },
  poolWarnDays: { description: "days before the pool return that a warning is given", unit: "days" },
  expiredDocuments: { description: "active documents past their expiry", unit: "count", needs: DOCUMENTS },
  daysToNextExpiry: { description: "days until the next document expires", unit: "days", needs: DOCUMENTS },
  nextExpiringDocument: { description: "the document that expires next", unit: "text", needs: DOCUMENTS },
  expiryWarningDays: { description: "days before expiry that a document counts as expiring", unit: "days" },
  unverifiedDocuments: { description: "documents never verified", unit: "count", needs: DOCUMENTS },
  daysSinceVerification: {
    description: "days since the oldest verification of an active document",
    unit: "days",
    needs: DOCUMENTS,
  },
  verificationReviewDays: { description: "days after which a verification is due again", unit: "days" },
  daysSinceProfileReview: {
    description: "days since the customer record was reviewed",
    unit: "days",
    needs: NEEDS_PROFILE_FACTS,
  },
  profileReviewDays: {
    description: "days after which the customer record is due for a review",
    unit: "days",
  },
  daysSinceLastCare: { description: "days since the last care interaction (greeting, gift)", unit: "days" },
  daysToNextCareDate: {
    description:
      "days until the next care date (birthday, anniversary, renewal, holiday) in the look-ahead window",
    unit: "days",
    needs: NEEDS_CARE,
  },
  nextCareOccasion: { description: "the kind of the next care date", unit: "text", needs: NEEDS_CARE },
  tier: { description: "the account's tier", unit: "text" },
  segment: { description: "the account's RFM segment", unit: "text" },
};
