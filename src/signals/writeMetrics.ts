// Every built-in metric's value for the account a row is on, written into the metric columns a table has (a
// column left undefined is a metric its policy does not read). A number is NaN when the metric is missing, a text
// `undefined`. All the metrics are in one function, so that each value is a plain read of the row: a reader per
// metric, called through one call site for all of them, cost more than the reading. Internal.
import type { AccountRow } from "./AccountRow.js";
import type { SignalMetricName } from "./signalMetrics.js";

/** The text metrics; every other metric is a number. */
export type TextMetricName = "npsClass" | "nextExpiringDocument" | "nextCareOccasion" | "tier" | "segment";

/** A column for each metric a table reads, `undefined` for the others (every name present: one object shape). */
export type MetricColumns = {
  [name in Exclude<SignalMetricName, TextMetricName>]: Float64Array | undefined;
} & { [name in TextMetricName]: (string | undefined)[] | undefined };

// A value of the account's own data as a column holds it: NaN when absent.
function known(value: number | undefined): number {
  return value === undefined ? Number.NaN : value;
}

export function writeMetrics(row: AccountRow, c: MetricColumns, i: number): void {
  const { account, facts, settings } = row;
  const features = account.features;
  const activity = account.activity;
  const voice = features?.interactions;
  const owed = features?.receivables;
  // Counts of the account's records: missing without records (an empty list of interactions counts 0; invoice
  // and document facts need at least one).
  const interactions = account.interactions !== undefined;
  const invoices = row.hasInvoices;
  const documents = row.hasDocuments;

  if (c.revenue !== undefined) c.revenue[i] = known(features?.revenueMinor);
  if (c.orders !== undefined) c.orders[i] = known(features?.orderCount);
  if (c.averageOrderValue !== undefined) c.averageOrderValue[i] = known(features?.averageOrderValueMinor);
  if (c.daysSinceLastPurchase !== undefined)
    c.daysSinceLastPurchase[i] = known(features?.daysSinceLastPurchase);
  if (c.purchaseInterval !== undefined) c.purchaseInterval[i] = known(features?.interPurchaseMedianDays);
  if (c.purchaseIntervalMean !== undefined)
    c.purchaseIntervalMean[i] = known(features?.interPurchaseMeanDays);
  if (c.purchaseIntervalCv !== undefined) c.purchaseIntervalCv[i] = known(features?.interPurchaseCv);
  if (c.recentRevenue !== undefined) c.recentRevenue[i] = known(features?.recentRevenueMinor);
  if (c.previousRevenue !== undefined) c.previousRevenue[i] = known(features?.previousRevenueMinor);
  if (c.revenueTrend !== undefined) c.revenueTrend[i] = known(features?.revenueTrendRatio);
  if (c.distinctProducts !== undefined) c.distinctProducts[i] = known(features?.distinctProducts);
  if (c.distinctCategories !== undefined) c.distinctCategories[i] = known(features?.distinctCategories);
  if (c.returnRate !== undefined) c.returnRate[i] = known(features?.returnRate);
  if (c.tenure !== undefined) c.tenure[i] = known(features?.tenureDays);
  if (c.recentOrders !== undefined) c.recentOrders[i] = known(activity?.recentOrders);
  if (c.previousOrders !== undefined) c.previousOrders[i] = known(activity?.previousOrders);
  if (c.recentCategories !== undefined) c.recentCategories[i] = known(activity?.recentCategories);
  if (c.previousCategories !== undefined) c.previousCategories[i] = known(activity?.previousCategories);
  if (c.pAlive !== undefined) c.pAlive[i] = known(account.pAlive);

  if (c.interactions !== undefined)
    c.interactions[i] = features === undefined ? Number.NaN : (voice?.interactionCount ?? 0);
  if (c.daysSinceLastInteraction !== undefined)
    c.daysSinceLastInteraction[i] = known(voice?.daysSinceLastInteraction);
  if (c.complaints !== undefined)
    c.complaints[i] = features === undefined ? Number.NaN : (voice?.complaintCount ?? 0);
  if (c.nps !== undefined) c.nps[i] = known(voice?.latestNps);
  if (c.npsClass !== undefined) c.npsClass[i] = voice?.npsClass;
  if (c.satisfaction !== undefined) c.satisfaction[i] = known(voice?.averageSatisfaction);
  if (c.latestSatisfaction !== undefined) c.latestSatisfaction[i] = facts.latestSatisfaction;
  if (c.earlierSatisfaction !== undefined) c.earlierSatisfaction[i] = facts.earlierSatisfaction;
  if (c.daysSinceLastFollowUp !== undefined) c.daysSinceLastFollowUp[i] = facts.daysSinceLastFollowUp;
  if (c.followUpsRecent !== undefined)
    c.followUpsRecent[i] = interactions ? facts.followUpsRecent : Number.NaN;
  if (c.followUpCadence !== undefined) c.followUpCadence[i] = settings.followUpCadenceDays;
  if (c.daysWithoutFollowUp !== undefined) c.daysWithoutFollowUp[i] = known(row.daysSinceFollowUpOrClaim());
  if (c.followUpDueIn !== undefined) {
    const since = row.daysSinceFollowUpOrClaim();
    c.followUpDueIn[i] = since === undefined ? Number.NaN : settings.followUpCadenceDays - since;
  }
  if (c.complaintsRecent !== undefined)
    c.complaintsRecent[i] = interactions ? facts.complaintsRecent : Number.NaN;
  if (c.openComplaints !== undefined) c.openComplaints[i] = interactions ? facts.openComplaints : Number.NaN;
  if (c.oldestOpenComplaintDays !== undefined) c.oldestOpenComplaintDays[i] = facts.oldestOpenComplaintDays;
  if (c.responseBreaches !== undefined)
    c.responseBreaches[i] = interactions ? facts.responseBreaches : Number.NaN;
  if (c.resolutionBreaches !== undefined)
    c.resolutionBreaches[i] = interactions ? facts.resolutionBreaches : Number.NaN;
  if (c.longestResponseHours !== undefined) c.longestResponseHours[i] = facts.longestResponseHours;
  if (c.longestResolutionHours !== undefined) c.longestResolutionHours[i] = facts.longestResolutionHours;
  if (c.responseTargetHours !== undefined) c.responseTargetHours[i] = settings.responseTargetHours;
  if (c.resolutionTargetHours !== undefined) c.resolutionTargetHours[i] = settings.resolutionTargetHours;

  if (c.openReceivables !== undefined) c.openReceivables[i] = known(owed?.openReceivablesMinor);
  if (c.overdueAmount !== undefined) c.overdueAmount[i] = known(owed?.overdueAmountMinor);
  if (c.overdueInvoices !== undefined) c.overdueInvoices[i] = known(owed?.overdueInvoices);
  if (c.maxDaysPastDue !== undefined)
    c.maxDaysPastDue[i] = owed === undefined ? Number.NaN : (owed.maxDaysPastDue ?? 0);
  if (c.overdue1To30 !== undefined) c.overdue1To30[i] = invoices ? facts.overdue1To30Minor : Number.NaN;
  if (c.overdue31To60 !== undefined) c.overdue31To60[i] = invoices ? facts.overdue31To60Minor : Number.NaN;
  if (c.overdue61To90 !== undefined) c.overdue61To90[i] = invoices ? facts.overdue61To90Minor : Number.NaN;
  if (c.overdue90Plus !== undefined) c.overdue90Plus[i] = invoices ? facts.overdue90PlusMinor : Number.NaN;
  if (c.averageDaysToPay !== undefined) c.averageDaysToPay[i] = known(owed?.averageDaysToPay);
  if (c.daysToPayRecent !== undefined) c.daysToPayRecent[i] = invoices ? facts.daysToPayRecent : Number.NaN;
  if (c.daysToPayEarlier !== undefined)
    c.daysToPayEarlier[i] = invoices ? facts.daysToPayEarlier : Number.NaN;
  if (c.latePaymentShare !== undefined)
    c.latePaymentShare[i] = invoices ? facts.latePaymentShare : Number.NaN;
  if (c.paidInvoices !== undefined) c.paidInvoices[i] = invoices ? facts.paidInvoices : Number.NaN;
  if (c.creditLimit !== undefined)
    c.creditLimit[i] = known(features?.creditLimitMinor ?? account.customer?.creditLimitMinor);
  if (c.creditUtilisation !== undefined) c.creditUtilisation[i] = known(features?.creditUtilisation);

  if (c.poolDaysLeft !== undefined) c.poolDaysLeft[i] = known(row.poolDaysLeft());
  if (c.poolWarnDays !== undefined) c.poolWarnDays[i] = row.context.settings.pool?.warnDays ?? 7;
  if (c.expiredDocuments !== undefined)
    c.expiredDocuments[i] = documents ? facts.expiredDocuments : Number.NaN;
  if (c.daysToNextExpiry !== undefined)
    c.daysToNextExpiry[i] = documents ? facts.daysToNextExpiry : Number.NaN;
  if (c.nextExpiringDocument !== undefined)
    c.nextExpiringDocument[i] = documents ? facts.nextExpiringDocument : undefined;
  if (c.expiryWarningDays !== undefined) c.expiryWarningDays[i] = settings.expiryWarningDays;
  if (c.unverifiedDocuments !== undefined)
    c.unverifiedDocuments[i] = documents ? facts.unverifiedDocuments : Number.NaN;
  if (c.daysSinceVerification !== undefined)
    c.daysSinceVerification[i] = documents ? facts.daysSinceVerification : Number.NaN;
  if (c.verificationReviewDays !== undefined) c.verificationReviewDays[i] = settings.verificationReviewDays;
  if (c.daysSinceProfileReview !== undefined) c.daysSinceProfileReview[i] = facts.daysSinceProfileReview;
  if (c.profileReviewDays !== undefined) c.profileReviewDays[i] = settings.profileReviewDays;

  if (c.daysSinceLastCare !== undefined) c.daysSinceLastCare[i] = known(voice?.daysSinceLastByKind.care);
  if (c.daysToNextCareDate !== undefined) c.daysToNextCareDate[i] = row.careDaysUntil;
  if (c.nextCareOccasion !== undefined) c.nextCareOccasion[i] = row.careKind;
  if (c.tier !== undefined) c.tier[i] = account.tier;
  if (c.segment !== undefined) c.segment[i] = account.segment;
}
