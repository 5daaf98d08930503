// What one account's own records say as of a day, in one mutable sheet that is reused from account to account:
// each read method makes one pass over one kind of record and overwrites that group's fields, so the metric table
// reads only the groups its policy uses and allocates nothing per account. A missing number is NaN here;
// accountFacts turns it into `undefined`. The conventions are accountFacts'. Internal to signals.
import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice, Payment } from "../model/invoice.js";
import { parseDay } from "../model/parseDay.js";
import type { Qualification } from "../model/qualification.js";
import { type ComplaintHours, complaintHours } from "./complaintHours.js";
import { isFollowUp } from "./followUp.js";

const MS_PER_DAY = 86_400_000;
const NONE: readonly never[] = [];

/** The day, windows and targets the facts are measured against, resolved once (days are day numbers). */
export interface FactLimits {
  /** The `asOf` day. */
  asOf: number;
  /** The recent window of follow-ups and complaints starts after this day. */
  windowStart: number;
  /** The recent pay window starts after this day. */
  payWindowStart: number;
  responseTargetHours: number;
  resolutionTargetHours: number;
  /** The end of the `asOf` day, epoch milliseconds. */
  endMs: number;
}

/** The limits of accountFacts' options (defaults filled in) for the `asOf` day number. */
export function factLimits(
  asOf: number,
  options: {
    windowDays?: number | undefined;
    payWindowDays?: number | undefined;
    responseTargetHours?: number | undefined;
    resolutionTargetHours?: number | undefined;
  },
): FactLimits {
  return {
    asOf,
    windowStart: asOf - (options.windowDays ?? 90),
    payWindowStart: asOf - (options.payWindowDays ?? 180),
    responseTargetHours: options.responseTargetHours ?? 24,
    resolutionTargetHours: options.resolutionTargetHours ?? 72,
    endMs: (asOf + 1) * MS_PER_DAY,
  };
}

export class FactSheet {
  // Interactions.
  daysSinceLastFollowUp: number = Number.NaN;
  followUpsRecent: number = 0;
  complaintsRecent: number = 0;
  openComplaints: number = 0;
  oldestOpenComplaintDays: number = Number.NaN;
  responseBreaches: number = 0;
  resolutionBreaches: number = 0;
  longestResponseHours: number = Number.NaN;
  longestResolutionHours: number = Number.NaN;
  latestSatisfaction: number = Number.NaN;
  earlierSatisfaction: number = Number.NaN;
  // Invoices.
  overdue1To30Minor: number = 0;
  overdue31To60Minor: number = 0;
  overdue61To90Minor: number = 0;
  overdue90PlusMinor: number = 0;
  daysToPayRecent: number = Number.NaN;
  daysToPayEarlier: number = Number.NaN;
  latePaymentShare: number = Number.NaN;
  paidInvoices: number = 0;
  // Qualification documents.
  expiredDocuments: number = 0;
  daysToNextExpiry: number = Number.NaN;
  nextExpiringDocument: string | undefined = undefined;
  unverifiedDocuments: number = 0;
  daysSinceVerification: number = Number.NaN;
  // The customer record.
  daysSinceProfileReview: number = Number.NaN;

  /** Follow-ups, complaints and their response and resolution times, satisfaction. */
  readInteractions(interactions: readonly Interaction[] | undefined, limits: FactLimits): void {
    const { asOf, windowStart, endMs } = limits;
    let lastFollowUp = -Infinity;
    let followUpsRecent = 0;
    let complaintsRecent = 0;
    let openComplaints = 0;
    let oldestOpen = Infinity;
    let responseBreaches = 0;
    let resolutionBreaches = 0;
    let longestResponse = -1;
    let longestResolution = -1;
    let latestDay = -Infinity;
    let latestMin = 0;
    let latestSum = 0;
    let latestCount = 0;
    let satisfactionSum = 0;
    let satisfactionCount = 0;
    for (const interaction of interactions ?? NONE) {
      const day = parseDay(interaction.date, "YYYY-MM-DD");
      if (day === undefined || day > asOf) continue;
      const kind = interaction.kind;
      if (isFollowUp(kind)) {
        if (day > lastFollowUp) lastFollowUp = day;
        if (day > windowStart) followUpsRecent++;
      } else if (kind === "complaint") {
        const recent = day > windowStart;
        if (recent) complaintsRecent++;
        const hours = complaintHours(interaction, endMs) as ComplaintHours;
        const resolved = hours.resolution !== undefined;
        if (!resolved) {
          openComplaints++;
          if (day < oldestOpen) oldestOpen = day;
        }
        if (!recent && resolved) continue;
        const responseHours = hours.response ?? hours.elapsed;
        const resolutionHours = hours.resolution ?? hours.elapsed;
        if (responseHours > limits.responseTargetHours) responseBreaches++;
        if (resolutionHours > limits.resolutionTargetHours) resolutionBreaches++;
        if (responseHours > longestResponse) longestResponse = responseHours;
        if (resolutionHours > longestResolution) longestResolution = resolutionHours;
      } else if (kind === "feedback") {
        const score = interaction.satisfaction;
        if (typeof score !== "number" || !Number.isFinite(score)) continue;
        satisfactionSum += score;
        satisfactionCount++;
        if (day > latestDay) {
          latestDay = day;
          latestMin = score;
          latestSum = score;
          latestCount = 1;
        } else if (day === latestDay) {
          if (score < latestMin) latestMin = score;
          latestSum += score;
          latestCount++;
        }
      }
    }
    const earlierCount = satisfactionCount - latestCount;
    this.daysSinceLastFollowUp = lastFollowUp === -Infinity ? Number.NaN : asOf - lastFollowUp;
    this.followUpsRecent = followUpsRecent;
    this.complaintsRecent = complaintsRecent;
    this.openComplaints = openComplaints;
    this.oldestOpenComplaintDays = oldestOpen === Infinity ? Number.NaN : asOf - oldestOpen;
    this.responseBreaches = responseBreaches;
    this.resolutionBreaches = resolutionBreaches;
    this.longestResponseHours = longestResponse < 0 ? Number.NaN : longestResponse;
    this.longestResolutionHours = longestResolution < 0 ? Number.NaN : longestResolution;
    this.latestSatisfaction = latestCount === 0 ? Number.NaN : latestMin;
    this.earlierSatisfaction = earlierCount === 0 ? Number.NaN : (satisfactionSum - latestSum) / earlierCount;
  }

  /** Aging of the open amounts, days to pay and lateness of the fully paid invoices. */
  readInvoices(invoices: readonly Invoice[] | undefined, limits: FactLimits): void {
    const asOf = limits.asOf;
    let overdue1To30 = 0;
    let overdue31To60 = 0;
    let overdue61To90 = 0;
    let overdue90Plus = 0;
    let paidInvoices = 0;
    let latePaid = 0;
    let recentPayDays = 0;
    let recentPaid = 0;
    let earlierPayDays = 0;
    let earlierPaid = 0;
    for (const invoice of invoices ?? NONE) {
      const issued = parseDay(invoice.issueDate, "YYYY-MM-DD");
      const due = parseDay(invoice.dueDate, "YYYY-MM-DD");
      if (issued === undefined || due === undefined || issued > asOf) continue;
      const amount = invoice.amountMinor;
      const payments = invoice.payments;
      let paid = 0;
      let completed = Infinity;
      let inOrder = true;
      let previous = -Infinity;
      if (payments !== undefined) {
        for (const payment of payments) {
          const day = parseDay(payment.date, "YYYY-MM-DD");
          if (day === undefined) continue;
          if (day < previous) inOrder = false;
          previous = day;
          if (day > asOf) continue;
          paid += payment.amountMinor;
          if (paid >= amount && completed === Infinity) completed = day;
        }
      }
      const open = amount - paid;
      if (open > 0) {
        if (due < asOf) {
          const late = asOf - due;
          if (late <= 30) overdue1To30 += open;
          else if (late <= 60) overdue31To60 += open;
          else if (late <= 90) overdue61To90 += open;
          else overdue90Plus += open;
        }
        continue;
      }
      if (!(amount > 0) || payments === undefined) continue;
      // Payments out of date order: the completing payment is the earliest day by which the sum reaches the amount.
      if (!inOrder) completed = completionDay(payments, amount, asOf);
      paidInvoices++;
      if (completed > due) latePaid++;
      const days = Math.max(0, completed - issued);
      if (completed > limits.payWindowStart) {
        recentPayDays += days;
        recentPaid++;
      } else {
        earlierPayDays += days;
        earlierPaid++;
      }
    }
    this.overdue1To30Minor = overdue1To30;
    this.overdue31To60Minor = overdue31To60;
    this.overdue61To90Minor = overdue61To90;
    this.overdue90PlusMinor = overdue90Plus;
    this.daysToPayRecent = recentPaid === 0 ? Number.NaN : recentPayDays / recentPaid;
    this.daysToPayEarlier = earlierPaid === 0 ? Number.NaN : earlierPayDays / earlierPaid;
    this.latePaymentShare = paidInvoices === 0 ? Number.NaN : latePaid / paidInvoices;
    this.paidInvoices = paidInvoices;
  }

  /** Expired, expiring and unverified qualification documents, and the oldest verification. */
  readDocuments(documents: readonly Qualification[] | undefined, asOf: number): void {
    let expiredDocuments = 0;
    let nextExpiry = Infinity;
    let nextDocument: string | undefined;
    let unverifiedDocuments = 0;
    let oldestVerification = Infinity;
    for (const document of documents ?? NONE) {
      const status = document.status;
      if (status !== "active" && status !== "pending") continue;
      if (document.issued !== undefined) {
        const issued = parseDay(document.issued, "YYYY-MM-DD");
        if (issued !== undefined && issued > asOf) continue;
      }
      const verified =
        document.verifiedOn === undefined ? undefined : parseDay(document.verifiedOn, "YYYY-MM-DD");
      if (verified === undefined || verified > asOf) unverifiedDocuments++;
      if (status !== "active") continue;
      if (verified !== undefined && verified <= asOf && verified < oldestVerification)
        oldestVerification = verified;
      const expires = document.expires === undefined ? undefined : parseDay(document.expires, "YYYY-MM-DD");
      if (expires === undefined) continue;
      if (expires < asOf) expiredDocuments++;
      else if (
        expires < nextExpiry ||
        (expires === nextExpiry && nextDocument !== undefined && document.documentType < nextDocument)
      ) {
        nextExpiry = expires;
        nextDocument = document.documentType;
      }
    }
    this.expiredDocuments = expiredDocuments;
    this.daysToNextExpiry = nextExpiry === Infinity ? Number.NaN : nextExpiry - asOf;
    this.nextExpiringDocument = nextDocument;
    this.unverifiedDocuments = unverifiedDocuments;
    this.daysSinceVerification = oldestVerification === Infinity ? Number.NaN : asOf - oldestVerification;
  }

  /** Profile freshness: days since the record was reviewed (else created). */
  readProfile(customer: Customer | undefined, asOf: number): void {
    let reviewed: number | undefined;
    if (customer !== undefined) {
      const review =
        customer.reviewedDate === undefined ? undefined : parseDay(customer.reviewedDate, "YYYY-MM-DD");
      reviewed = review !== undefined && review <= asOf ? review : undefined;
      if (reviewed === undefined && customer.createdDate !== undefined) {
        const created = parseDay(customer.createdDate, "YYYY-MM-DD");
        if (created !== undefined && created <= asOf) reviewed = created;
      }
    }
    this.daysSinceProfileReview = reviewed === undefined ? Number.NaN : asOf - reviewed;
  }
}

// The earliest payment day d (≤ asOf) by which the payments dated ≤ d reach `amount`; payments in any order.
function completionDay(payments: readonly Payment[], amount: number, asOf: number): number {
  let best = Infinity;
  for (const candidate of payments) {
    const day = parseDay(candidate.date, "YYYY-MM-DD");
    if (day === undefined || day > asOf || day >= best) continue;
    let sum = 0;
    for (const payment of payments) {
      const other = parseDay(payment.date, "YYYY-MM-DD");
      if (other !== undefined && other <= day) sum += payment.amountMinor;
    }
    if (sum >= amount) best = day;
  }
  return best;
}
