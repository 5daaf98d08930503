import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { FactSheet, factLimits } from "./FactSheet.js";
import type { SignalAccount } from "./SignalAccount.js";

/**
 * What an account's own records (interactions, invoices, qualification documents, customer record) say as of a
 * day, for the signal rules; computed by {@link accountFacts}. Durations are whole days unless the name says hours;
 * money is integer minor units. A field is `undefined` when its inputs are missing; never `NaN`.
 *
 * @example
 * ```ts
 * const facts: Partial<AccountFacts> = { daysSinceLastFollowUp: 41, openComplaints: 1, overdue90PlusMinor: 0 };
 * ```
 */
export interface AccountFacts {
  /** Days since the last follow-up (visit, call, e-mail or meeting). */
  daysSinceLastFollowUp?: number | undefined;
  /** Follow-ups in the last `windowDays` days: (asOf − windowDays, asOf]. */
  followUpsRecent: number;

  /** Complaints opened in the last `windowDays` days. */
  complaintsRecent: number;
  /** Complaints open as of `asOf` (opened on or before it, not resolved by its end). */
  openComplaints: number;
  /** Days the oldest open complaint has been open (asOf − the day it was opened). */
  oldestOpenComplaintDays?: number | undefined;
  /** Complaints (opened in the window, or still open) whose first response took, or has so far taken, longer than the target. */
  responseBreaches: number;
  /** Complaints (opened in the window, or still open) whose resolution took, or has so far taken, longer than the target. */
  resolutionBreaches: number;
  /** The longest first-response time of those complaints in hours (still waiting: the hours so far). */
  longestResponseHours?: number | undefined;
  /** The longest resolution time of those complaints in hours (still open: the hours so far). */
  longestResolutionHours?: number | undefined;

  /** The latest satisfaction answer (1–5); of several on the latest day, the lowest. */
  latestSatisfaction?: number | undefined;
  /** The mean of the satisfaction answers before the latest day. */
  earlierSatisfaction?: number | undefined;

  /** Open amounts of overdue invoices by days past due: 1–30. */
  overdue1To30Minor: number;
  /** … 31–60 days past due. */
  overdue31To60Minor: number;
  /** … 61–90 days past due. */
  overdue61To90Minor: number;
  /** … more than 90 days past due. */
  overdue90PlusMinor: number;
  /** Mean days from issue to full payment of the invoices fully paid in the last `payWindowDays` days. */
  daysToPayRecent?: number | undefined;
  /** The same mean over the invoices fully paid before that window. */
  daysToPayEarlier?: number | undefined;
  /** Of the invoices fully paid by `asOf`, the share paid after their due day (0..1). */
  latePaymentShare?: number | undefined;
  /** Invoices fully paid by `asOf`. */
  paidInvoices: number;

  /** Documents whose status is `active` and whose expiry day is before `asOf`. */
  expiredDocuments: number;
  /** Days until the nearest expiry of an active document expiring on or after `asOf` (0 = expires today). */
  daysToNextExpiry?: number | undefined;
  /** The `documentType` of that document. */
  nextExpiringDocument?: string | undefined;
  /** Active or pending documents that were never verified (no `verifiedOn`). */
  unverifiedDocuments: number;
  /** Days since the oldest verification among verified active documents. */
  daysSinceVerification?: number | undefined;
  /** Days since the customer record was last reviewed (`reviewedDate`, else `createdDate`). */
  daysSinceProfileReview?: number | undefined;
}

/**
 * Options of {@link accountFacts}: the day the facts are taken on and the windows and targets they are measured
 * against. Windows are whole days ending on `asOf` (inclusive); targets are hours.
 *
 * @example
 * ```ts
 * const options: AccountFactOptions = { asOf: "2024-06-30", windowDays: 60, responseTargetHours: 8 };
 * ```
 */
export interface AccountFactOptions {
  /** The day the facts are taken on, `YYYY-MM-DD`; "as of" means the end of that day (UTC). Required. */
  asOf: string;
  /** The window of recent follow-ups and complaints, in days: (asOf − windowDays, asOf]. Default 90. */
  windowDays?: number | undefined;
  /** The window of recently paid invoices, in days: (asOf − payWindowDays, asOf]. Default 180. */
  payWindowDays?: number | undefined;
  /** A complaint's first response is due within this many hours of its opening. Default 24. */
  responseTargetHours?: number | undefined;
  /** A complaint is to be resolved within this many hours of its opening. Default 72. */
  resolutionTargetHours?: number | undefined;
}

function isKnownOption(key: string): boolean {
  return (
    key === "asOf" ||
    key === "windowDays" ||
    key === "payWindowDays" ||
    key === "responseTargetHours" ||
    key === "resolutionTargetHours"
  );
}

function isWholeDays(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isHours(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

// Adds one option problem to the list, creating the list on the first one.
function withProblem(issues: Issue[] | undefined, field: string, reason: string): Issue[] {
  const list = issues ?? [];
  list.push(makeIssue("option.invalid", [field], { field, reason }));
  return list;
}

// Checks the options without allocating anything unless one is wrong; every problem is listed at once.
function checkOptions(options: AccountFactOptions): number {
  if (typeof options !== "object" || options === null)
    throw new KeyAccountError(withProblem(undefined, "options", "expected an object with at least asOf"));
  let issues: Issue[] | undefined;
  for (const key in options)
    if (Object.hasOwn(options, key) && !isKnownOption(key))
      issues = withProblem(issues, key, "unknown option");
  const asOf =
    typeof options.asOf === "string" && options.asOf.length === 10
      ? parseDay(options.asOf, "YYYY-MM-DD")
      : undefined;
  if (options.asOf === undefined)
    issues = withProblem(issues, "asOf", "required (the day of the facts, YYYY-MM-DD)");
  else if (asOf === undefined)
    issues = withProblem(issues, "asOf", `${String(options.asOf)} is not a date written YYYY-MM-DD`);
  const { windowDays, payWindowDays, responseTargetHours, resolutionTargetHours } = options;
  if (windowDays !== undefined && !isWholeDays(windowDays))
    issues = withProblem(
      issues,
      "windowDays",
      `${String(windowDays)} is not a positive whole number of days`,
    );
  if (payWindowDays !== undefined && !isWholeDays(payWindowDays))
    issues = withProblem(
      issues,
      "payWindowDays",
      `${String(payWindowDays)} is not a positive whole number of days`,
    );
  if (responseTargetHours !== undefined && !isHours(responseTargetHours))
    issues = withProblem(
      issues,
      "responseTargetHours",
      `${String(responseTargetHours)} is not a positive number of hours`,
    );
  if (resolutionTargetHours !== undefined && !isHours(resolutionTargetHours))
    issues = withProblem(
      issues,
      "resolutionTargetHours",
      `${String(resolutionTargetHours)} is not a positive number of hours`,
    );
  if (issues !== undefined || asOf === undefined) throw new KeyAccountError(issues ?? []);
  return asOf;
}

/**
 * What one account's own records say as of a day — follow-ups, complaints and their response and resolution
 * times, satisfaction, receivables aging and payment behaviour, qualification documents, profile freshness —
 * the inputs of the signal rules. One pass over each list and no `Date` objects: days are UTC calendar days, and
 * complaint timestamps are read as instants (a timestamp without an offset is UTC, so the result never depends on
 * the machine's time zone).
 *
 * Conventions (see each {@link AccountFacts} field):
 * - "As of `asOf`" is the end of that day, the instant (asOf + 1 day) 00:00 UTC. Interactions dated after `asOf`,
 *   invoices issued after it, payments dated after it, documents issued after it and verifications dated after it
 *   are ignored; so are rows whose day is not a valid `YYYY-MM-DD`.
 * - Follow-ups are visits, calls, e-mails and meetings. A complaint opens at `openedAt` (else at 00:00 UTC of its
 *   `date`); it is answered at `firstResponseAt` (or, when none is recorded, at `resolvedAt`) and resolved at
 *   `resolvedAt`; an answer or resolution after the end of `asOf` has not happened yet. Response and resolution
 *   breaches are strictly longer than the target; complaints opened in the last `windowDays` days and complaints
 *   still open are measured.
 * - Aging: an invoice issued by `asOf` whose open amount (amount − payments dated by `asOf`) is positive and whose
 *   due day is before `asOf` is overdue by asOf − due day days: 1–30, 31–60, 61–90 or more than 90.
 * - Payment: an invoice with a positive amount is fully paid when the payments dated by `asOf` reach its amount;
 *   the payment that did so completes it. Days to pay = completing day − issue day (0 for a payment before the
 *   issue); it is late when the completing day is after the due day. Recent means completed in
 *   (asOf − payWindowDays, asOf].
 * - Documents: revoked documents are ignored; expiry counts `active` ones; unverified counts `active` and
 *   `pending` ones. Of several documents expiring on the same nearest day, the smallest `documentType` is named.
 *
 * @param account - The account's records: customer, interactions, invoices, qualifications (each optional).
 * @param options - The day and the windows and targets; see {@link AccountFactOptions}.
 * @returns The facts; a field whose inputs are missing is `undefined`, never `NaN`.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): `asOf` missing or not a
 * `YYYY-MM-DD` date, a window that is not a positive whole number of days, a target that is not a positive number
 * of hours, an unknown option.
 *
 * @example
 * ```ts
 * const facts = accountFacts(
 *   {
 *     interactions: [
 *       { customerId: "C1", kind: "visit", date: "2024-05-20" },
 *       { customerId: "C1", kind: "complaint", date: "2024-06-27", openedAt: "2024-06-27T09:00:00Z" },
 *     ],
 *     invoices: [
 *       { id: "I1", customerId: "C1", issueDate: "2024-04-01", dueDate: "2024-05-01", amountMinor: 50000,
 *         currency: "CNY", payments: [{ date: "2024-05-10", amountMinor: 20000 }] },
 *     ],
 *   },
 *   { asOf: "2024-06-30" },
 * );
 * [facts.daysSinceLastFollowUp, facts.openComplaints, facts.responseBreaches]; // => [41, 1, 1]
 * facts.longestResponseHours; // => 87
 * facts.overdue31To60Minor; // => 30000
 * ```
 */
export function accountFacts(
  account: Pick<SignalAccount, "customer" | "interactions" | "invoices" | "qualifications">,
  options: AccountFactOptions,
): AccountFacts {
  const limits = factLimits(checkOptions(options), options);
  const sheet = new FactSheet();
  sheet.readInteractions(account.interactions, limits);
  sheet.readInvoices(account.invoices, limits);
  sheet.readDocuments(account.qualifications, limits.asOf);
  sheet.readProfile(account.customer, limits.asOf);
  return {
    daysSinceLastFollowUp: known(sheet.daysSinceLastFollowUp),
    followUpsRecent: sheet.followUpsRecent,
    complaintsRecent: sheet.complaintsRecent,
    openComplaints: sheet.openComplaints,
    oldestOpenComplaintDays: known(sheet.oldestOpenComplaintDays),
    responseBreaches: sheet.responseBreaches,
    resolutionBreaches: sheet.resolutionBreaches,
    longestResponseHours: known(sheet.longestResponseHours),
    longestResolutionHours: known(sheet.longestResolutionHours),
    latestSatisfaction: known(sheet.latestSatisfaction),
    earlierSatisfaction: known(sheet.earlierSatisfaction),
    overdue1To30Minor: sheet.overdue1To30Minor,
    overdue31To60Minor: sheet.overdue31To60Minor,
    overdue61To90Minor: sheet.overdue61To90Minor,
    overdue90PlusMinor: sheet.overdue90PlusMinor,
    daysToPayRecent: known(sheet.daysToPayRecent),
    daysToPayEarlier: known(sheet.daysToPayEarlier),
    latePaymentShare: known(sheet.latePaymentShare),
    paidInvoices: sheet.paidInvoices,
    expiredDocuments: sheet.expiredDocuments,
    daysToNextExpiry: known(sheet.daysToNextExpiry),
    nextExpiringDocument: sheet.nextExpiringDocument,
    unverifiedDocuments: sheet.unverifiedDocuments,
    daysSinceVerification: known(sheet.daysSinceVerification),
    daysSinceProfileReview: known(sheet.daysSinceProfileReview),
  };
}

// The sheet marks a missing fact with NaN (no fact is NaN otherwise); the facts say undefined.
function known(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}
