import { describe, expect, it } from "vitest";
import type { Customer } from "../../src/model/customer.js";
import type { Interaction } from "../../src/model/interaction.js";
import type { Invoice, Payment } from "../../src/model/invoice.js";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import type { Qualification } from "../../src/model/qualification.js";
import type { AccountFacts } from "../../src/signals/accountFacts.js";
import { type AccountFactOptions, accountFacts } from "../../src/signals/accountFacts.js";

// asOf is 2024-03-31, the end of a month in a leap year: 31 days back is 29 February, 91 days back is New Year's Eve.
const asOf = "2024-03-31";

const interaction = (
  kind: Interaction["kind"],
  date: string,
  extra: Partial<Interaction> = {},
): Interaction => ({
  customerId: "C1",
  kind,
  date,
  ...extra,
});
const complaint = (date: string, extra: Partial<Interaction> = {}): Interaction =>
  interaction("complaint", date, extra);
const invoice = (
  id: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
  payments?: Payment[],
): Invoice => ({
  id,
  customerId: "C1",
  issueDate,
  dueDate,
  amountMinor,
  currency: "CNY",
  ...(payments === undefined ? {} : { payments }),
});
const document = (documentType: string, extra: Partial<Qualification> = {}): Qualification => ({
  customerId: "C1",
  documentType,
  status: "active",
  ...extra,
});
const facts = (
  account: Parameters<typeof accountFacts>[0],
  options: Partial<AccountFactOptions> = {},
): AccountFacts => accountFacts(account, { asOf, ...options });

function hasNoNaN(result: AccountFacts): boolean {
  return Object.values(result).every(
    (value) => value === undefined || typeof value === "string" || Number.isFinite(value),
  );
}

describe("accountFacts: an empty account", () => {
  it("counts zero and leaves every measure undefined", () => {
    expect(facts({})).toEqual({
      followUpsRecent: 0,
      complaintsRecent: 0,
      openComplaints: 0,
      responseBreaches: 0,
      resolutionBreaches: 0,
      overdue1To30Minor: 0,
      overdue31To60Minor: 0,
      overdue61To90Minor: 0,
      overdue90PlusMinor: 0,
      paidInvoices: 0,
      expiredDocuments: 0,
      unverifiedDocuments: 0,
    });
    expect(hasNoNaN(facts({ interactions: [], invoices: [], qualifications: [] }))).toBe(true);
  });
});

describe("accountFacts: follow-ups", () => {
  const interactions = [
    interaction("visit", "2024-01-01"), // asOf − 90: just outside the 90-day window
    interaction("call", "2024-01-02"), // asOf − 89: inside
    interaction("email", "2024-02-29"),
    interaction("meeting", "2024-03-31"), // asOf itself: inside, the last
    interaction("visit", "2024-04-01"), // after asOf: ignored
    interaction("care", "2024-03-31"), // not a follow-up
    interaction("feedback", "2024-03-31", { satisfaction: 5 }),
    complaint("2024-03-31", { resolvedAt: "2024-03-31T10:00:00Z" }),
  ];

  it("counts visits, calls, e-mails and meetings in (asOf − windowDays, asOf] and the days since the last", () => {
    const result = facts({ interactions });
    expect(result.followUpsRecent).toBe(3);
    expect(result.daysSinceLastFollowUp).toBe(0);
  });

  it("measures across the leap day and honours windowDays", () => {
    const withoutLast = interactions.filter((i) => i.kind !== "meeting");
    expect(facts({ interactions: withoutLast }).daysSinceLastFollowUp).toBe(31); // 29 Feb → 31 Mar
    expect(facts({ interactions: withoutLast }, { windowDays: 31 }).followUpsRecent).toBe(0);
    expect(facts({ interactions: withoutLast }, { windowDays: 32 }).followUpsRecent).toBe(1);
  });

  it("has no days since the last follow-up when there was none by asOf", () => {
    const result = facts({
      interactions: [interaction("visit", "2024-04-01"), interaction("care", "2024-03-01")],
    });
    expect(result.daysSinceLastFollowUp).toBeUndefined();
    expect(result.followUpsRecent).toBe(0);
  });
});

describe("accountFacts: complaints", () => {
  it("a complaint awaiting a response fires past the target and does not within it", () => {
    // The end of asOf is 2024-04-01T00:00Z.
    const past = complaint("2024-03-30", { openedAt: "2024-03-30T10:00:00Z" }); // waiting 38 h
    const within = complaint("2024-03-31", { openedAt: "2024-03-31T08:00:00Z" }); // waiting 16 h
    const one = facts({ interactions: [past] });
    expect(one).toMatchObject({ openComplaints: 1, responseBreaches: 1, resolutionBreaches: 0 });
    expect(one.longestResponseHours).toBe(38);
    expect(one.longestResolutionHours).toBe(38);
    const other = facts({ interactions: [within] });
    expect(other).toMatchObject({ openComplaints: 1, responseBreaches: 0, resolutionBreaches: 0 });
    expect(other.longestResponseHours).toBe(16);
    expect(facts({ interactions: [past, within] }).responseBreaches).toBe(1);
  });

  it("a response or resolution exactly at the target is not a breach, one just over is", () => {
    const onTarget = complaint("2024-03-01", {
      firstResponseAt: "2024-03-02T00:00:00Z", // 24 h after 00:00 UTC of the date
      resolvedAt: "2024-03-04T00:00:00Z", // 72 h
    });
    const over = complaint("2024-03-01", {
      firstResponseAt: "2024-03-02T00:00:01Z",
      resolvedAt: "2024-03-04T00:01:00Z",
    });
    expect(facts({ interactions: [onTarget] })).toMatchObject({
      complaintsRecent: 1,
      openComplaints: 0,
      responseBreaches: 0,
      resolutionBreaches: 0,
      longestResponseHours: 24,
      longestResolutionHours: 72,
    });
    expect(facts({ interactions: [over] })).toMatchObject({ responseBreaches: 1, resolutionBreaches: 1 });
    expect(
      facts({ interactions: [over] }, { responseTargetHours: 25, resolutionTargetHours: 73 }),
    ).toMatchObject({
      responseBreaches: 0,
      resolutionBreaches: 0,
    });
  });

  it("a complaint resolved after asOf is still open, and its times run to the end of asOf", () => {
    const late = complaint("2024-03-10", {
      openedAt: "2024-03-10T09:00:00+08:00", // 01:00 UTC
      firstResponseAt: "2024-03-11T02:00:00Z", // 25 h
      resolvedAt: "2024-04-02T00:00:00Z", // after asOf: not yet
    });
    const result = facts({ interactions: [late] });
    expect(result).toMatchObject({
      complaintsRecent: 1,
      openComplaints: 1,
      oldestOpenComplaintDays: 21,
      responseBreaches: 1,
      resolutionBreaches: 1,
      longestResponseHours: 25,
      longestResolutionHours: 22 * 24 - 1, // 03-10T01:00Z → 04-01T00:00Z
    });
    // Seen a day later, it is resolved.
    expect(facts({ interactions: [late] }, { asOf: "2024-04-02" })).toMatchObject({
      openComplaints: 0,
      longestResolutionHours: 23 * 24 - 1,
    });
  });

  it("a response after asOf has not happened yet; one at the very end of asOf has", () => {
    const notYet = complaint("2024-03-31", {
      openedAt: "2024-03-31T20:00:00Z",
      firstResponseAt: "2024-04-01T00:00:01Z",
    });
    expect(facts({ interactions: [notYet] }).longestResponseHours).toBe(4);
    const atEnd = complaint("2024-03-28", { resolvedAt: "2024-04-01T00:00:00Z" });
    // Resolved at the end of asOf; without a recorded first response, the resolution is the response.
    expect(facts({ interactions: [atEnd] })).toMatchObject({
      openComplaints: 0,
      longestResponseHours: 96,
      longestResolutionHours: 96,
      responseBreaches: 1,
      resolutionBreaches: 1,
    });
  });

  it("measures complaints opened in the window and older ones still open, not older resolved ones", () => {
    const interactions = [
      complaint("2023-06-01", { resolvedAt: "2023-06-30T00:00:00Z" }), // old, resolved, slow: not measured
      complaint("2023-12-01"), // asOf − 121: old but open since 00:00 UTC of its day
      complaint("2024-01-01", { resolvedAt: "2024-01-01T01:00:00Z" }), // asOf − 90: outside the window
      complaint("2024-01-02", { resolvedAt: "2024-01-02T01:00:00Z" }), // asOf − 89: inside
      complaint("2024-04-01"), // after asOf: ignored
    ];
    const result = facts({ interactions });
    expect(result).toMatchObject({
      complaintsRecent: 1,
      openComplaints: 1,
      oldestOpenComplaintDays: 121,
      responseBreaches: 1,
      resolutionBreaches: 1,
      longestResponseHours: 122 * 24,
      longestResolutionHours: 122 * 24,
    });
  });

  it("has no complaint measures without complaints", () => {
    const result = facts({ interactions: [interaction("visit", "2024-03-01")] });
    expect(result.oldestOpenComplaintDays).toBeUndefined();
    expect(result.longestResponseHours).toBeUndefined();
    expect(result.longestResolutionHours).toBeUndefined();
  });

  it("reads timestamps with and without offsets, seconds and fractions", () => {
    const hours = (openedAt: string, firstResponseAt: string) =>
      facts({ interactions: [complaint("2024-03-20", { openedAt, firstResponseAt })] }).longestResponseHours;
    expect(hours("2024-03-20T12:00:00", "2024-03-21T13:00")).toBe(25); // no offset: both UTC
    expect(hours("2024-03-20T12:00:00+08:00", "2024-03-20T12:00:00Z")).toBe(8);
    expect(hours("2024-03-20T12:00-0530", "2024-03-20T18:30:00.000Z")).toBe(1);
    expect(hours("2024-03-20T12:00:00-05", "2024-03-20 18:00:00")).toBe(1);
    expect(hours("2024-03-20T12:00:00.5Z", "2024-03-20T12:18:00.500Z")).toBe(0.3);
    // An unreadable openedAt falls back to 00:00 UTC of the date; an unreadable response has not happened.
    expect(hours("2024-03-20T25:00:00Z", "2024-03-20T06:00:00Z")).toBe(6);
    expect(hours("2024-03-20T12:00:00Z", "2024-02-30T13:00:00Z")).toBe(11 * 24 + 12);
  });

  it("leaves daylight-saving changes and the machine's time zone out of it", () => {
    const account = {
      interactions: [
        complaint("2024-03-09", { openedAt: "2024-03-09T12:00:00", firstResponseAt: "2024-03-11T12:00:00" }),
        complaint("2024-03-30", { openedAt: "2024-03-30T23:30:00", resolvedAt: "2024-03-31T23:59:59" }),
        complaint("2024-03-31", { openedAt: "2024-03-31T01:30:00", firstResponseAt: "2024-04-01T00:30:00" }),
      ],
    };
    const saved = process.env.TZ;
    const results: AccountFacts[] = [];
    const localReadings: number[] = [];
    try {
      // New York changed to daylight time on 2024-03-10; Shanghai and Kolkata have none.
      for (const zone of ["America/New_York", "Asia/Shanghai", "Asia/Kolkata", "UTC"]) {
        process.env.TZ = zone;
        localReadings.push(Date.parse("2024-03-09T12:00:00"));
        results.push(facts(account));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    // The zones did take effect (Date.parse reads a time without offset differently in each), yet the facts do not.
    expect(new Set(localReadings).size).toBe(4);
    for (const result of results) expect(result).toEqual(results[0]);
    // 48 h with no lost hour on the night New York sprang forward; 24.5 h answered by the resolution; 22.5 h so far.
    expect(results[0]).toMatchObject({
      openComplaints: 2,
      responseBreaches: 2,
      resolutionBreaches: 1,
      longestResponseHours: 48,
      longestResolutionHours: 540,
    });
    expect(facts({ interactions: account.interactions.slice(2) }).longestResponseHours).toBe(22.5);
  });
});

describe("accountFacts: satisfaction", () => {
  const answers = [
    interaction("feedback", "2024-03-20", { satisfaction: 4 }),
    interaction("feedback", "2024-03-01", { satisfaction: 5 }),
    interaction("feedback", "2024-03-20", { satisfaction: 2 }),
    interaction("feedback", "2024-03-10", { satisfaction: 4 }),
    interaction("feedback", "2024-03-25", { nps: 3 }), // no satisfaction answer
    interaction("feedback", "2024-04-02", { satisfaction: 1 }), // after asOf
    interaction("care", "2024-03-30", { satisfaction: 1 }), // not feedback
  ];

  it("takes the lowest answer of the latest day and the mean of the earlier days", () => {
    const result = facts({ interactions: answers });
    expect(result.latestSatisfaction).toBe(2);
    expect(result.earlierSatisfaction).toBe(4.5);
    expect(facts({ interactions: [...answers].reverse() })).toEqual(result);
  });

  it("has no earlier mean with answers on one day only, and nothing without answers", () => {
    expect(facts({ interactions: answers.slice(0, 1) })).toMatchObject({ latestSatisfaction: 4 });
    expect(facts({ interactions: answers.slice(0, 1) }).earlierSatisfaction).toBeUndefined();
    expect(facts({ interactions: answers.slice(4) }).latestSatisfaction).toBeUndefined();
  });
});

describe("accountFacts: receivables aging", () => {
  // Issued 2023-12-01; due n days before asOf 2024-03-31; each amount a different power of two.
  const aging = [
    invoice("d1", "2023-12-01", "2024-03-30", 1), // 1 day past due
    invoice("d30", "2023-12-01", "2024-03-01", 2), // 30
    invoice("d31", "2023-12-01", "2024-02-29", 4), // 31 (leap day)
    invoice("d60", "2023-12-01", "2024-01-31", 8), // 60 (month end)
    invoice("d61", "2023-12-01", "2024-01-30", 16), // 61
    invoice("d90", "2023-12-01", "2024-01-01", 32), // 90
    invoice("d91", "2023-12-01", "2023-12-31", 64), // 91 (year end)
    invoice("today", "2023-12-01", "2024-03-31", 128), // due today: not overdue
    invoice("later", "2024-03-01", "2024-04-30", 256), // not yet due
    invoice("future", "2024-04-01", "2024-04-01", 512), // issued after asOf
  ];

  it("puts each open overdue invoice in one bucket: 1–30, 31–60, 61–90, over 90 days past due", () => {
    expect(facts({ invoices: aging })).toMatchObject({
      overdue1To30Minor: 1 + 2,
      overdue31To60Minor: 4 + 8,
      overdue61To90Minor: 16 + 32,
      overdue90PlusMinor: 64,
      paidInvoices: 0,
    });
  });

  it("ages the open amount: payments dated by asOf count, later ones do not", () => {
    const partial = invoice("p", "2024-01-15", "2024-02-14", 1000, [
      { date: "2024-03-31", amountMinor: 300 },
      { date: "2024-04-01", amountMinor: 700 },
    ]);
    const result = facts({ invoices: [partial] });
    expect(result).toMatchObject({ overdue31To60Minor: 700, paidInvoices: 0 });
    expect(result.daysToPayRecent).toBeUndefined();
    expect(result.latePaymentShare).toBeUndefined();
    // A day later the last payment has arrived: paid, late (after 14 February), 77 days after issue.
    expect(facts({ invoices: [partial] }, { asOf: "2024-04-01" })).toMatchObject({
      overdue31To60Minor: 0,
      paidInvoices: 1,
      daysToPayRecent: 77,
      latePaymentShare: 1,
    });
  });

  it("counts an overpaid invoice as paid, and a zero invoice as neither paid nor overdue", () => {
    const result = facts({
      invoices: [
        invoice("over", "2024-01-01", "2024-01-31", 100, [{ date: "2024-01-10", amountMinor: 150 }]),
        invoice("zero", "2024-01-01", "2024-01-31", 0),
      ],
    });
    expect(result).toMatchObject({ overdue1To30Minor: 0, overdue90PlusMinor: 0, paidInvoices: 1 });
  });
});

describe("accountFacts: payment behaviour", () => {
  const paid = [
    invoice("A", "2024-01-01", "2024-01-31", 1000, [{ date: "2024-01-21", amountMinor: 1000 }]), // 20 d, on time
    invoice("B", "2024-02-01", "2024-02-29", 1000, [
      { date: "2024-02-10", amountMinor: 500 },
      { date: "2024-03-05", amountMinor: 500 }, // completes it: 33 d, late
    ]),
    invoice("C", "2023-01-10", "2023-02-09", 1000, [{ date: "2023-03-01", amountMinor: 1000 }]), // 50 d, late, earlier
    invoice("D", "2024-03-10", "2024-04-09", 1000, [{ date: "2024-03-01", amountMinor: 1000 }]), // paid before issue: 0 d
    invoice("E", "2024-01-01", "2024-03-01", 1000, [
      { date: "2024-03-20", amountMinor: 600 },
      { date: "2024-02-01", amountMinor: 400 },
      { date: "2024-02-15", amountMinor: 600 }, // payments out of order: complete on 15 Feb, 45 d, on time
    ]),
    invoice("F", "2024-01-01", "2024-01-31", 1000, [{ date: "2024-04-01", amountMinor: 1000 }]), // paid after asOf
  ];

  it("means the days to pay of recent and earlier full payments and the share paid late", () => {
    const result = facts({ invoices: paid });
    expect(result).toMatchObject({
      paidInvoices: 5,
      daysToPayRecent: (20 + 33 + 0 + 45) / 4,
      daysToPayEarlier: 50,
      latePaymentShare: 2 / 5,
      overdue31To60Minor: 1000, // F: paid only after asOf, 60 days past due
    });
    expect(facts({ invoices: [...paid].reverse() })).toEqual(result);
  });

  it("splits recent from earlier at (asOf − payWindowDays, asOf]", () => {
    // A was completed on 21 January = asOf − 70.
    const a = paid.slice(0, 1);
    expect(facts({ invoices: a }, { payWindowDays: 70 })).toMatchObject({ daysToPayEarlier: 20 });
    expect(facts({ invoices: a }, { payWindowDays: 70 }).daysToPayRecent).toBeUndefined();
    expect(facts({ invoices: a }, { payWindowDays: 71 })).toMatchObject({ daysToPayRecent: 20 });
    expect(facts({ invoices: a }, { payWindowDays: 71 }).daysToPayEarlier).toBeUndefined();
  });

  it("a payment on the due day is on time, a day later is late", () => {
    const onDue = invoice("X", "2024-02-01", "2024-02-29", 10, [{ date: "2024-02-29", amountMinor: 10 }]);
    const dayLate = invoice("Y", "2024-02-01", "2024-02-29", 10, [{ date: "2024-03-01", amountMinor: 10 }]);
    expect(facts({ invoices: [onDue] }).latePaymentShare).toBe(0);
    expect(facts({ invoices: [dayLate] }).latePaymentShare).toBe(1);
    expect(facts({ invoices: [dayLate] }).daysToPayRecent).toBe(29);
  });
});

describe("accountFacts: qualification documents", () => {
  const documents = [
    document("business-licence", { expires: "2024-03-30", verifiedOn: "2023-03-31" }), // expired yesterday
    document("tax-registration", { expires: "2024-03-31", verifiedOn: "2024-01-15" }), // expires today
    document("certificate", { expires: "2024-03-31", verifiedOn: "2024-01-15" }), // today too: named first
    document("authorisation", { expires: "2024-04-30" }), // unverified
    document("gmp", { status: "pending", expires: "2024-03-01" }), // pending: unverified, not expired
    document("iso", { status: "revoked", expires: "2024-03-01" }), // revoked: ignored
    document("haccp", { verifiedOn: "2024-04-05" }), // verified after asOf: unverified as of asOf
    document("future", { issued: "2024-04-01", expires: "2024-04-02" }), // issued after asOf: ignored
  ];

  it("counts expired and unverified documents and finds the next expiry", () => {
    expect(facts({ qualifications: documents })).toMatchObject({
      expiredDocuments: 1,
      daysToNextExpiry: 0,
      nextExpiringDocument: "certificate",
      unverifiedDocuments: 3,
      daysSinceVerification: 366, // 2023-03-31 → 2024-03-31 spans 29 February
    });
    expect(facts({ qualifications: [...documents].reverse() }).nextExpiringDocument).toBe("certificate");
  });

  it("counts only active documents for expiry", () => {
    const result = facts({ qualifications: documents.slice(3) });
    expect(result).toMatchObject({
      expiredDocuments: 0,
      daysToNextExpiry: 30,
      nextExpiringDocument: "authorisation",
    });
    expect(result.daysSinceVerification).toBeUndefined();
    const none = facts({ qualifications: documents.slice(4) });
    expect(none.daysToNextExpiry).toBeUndefined();
    expect(none.nextExpiringDocument).toBeUndefined();
  });
});

describe("accountFacts: the customer record", () => {
  const customer = (extra: Partial<Customer>): Customer => ({ id: "C1", name: "Acme", ...extra });

  it("measures the profile's age from reviewedDate, else createdDate", () => {
    const review = (extra: Partial<Customer>) => facts({ customer: customer(extra) }).daysSinceProfileReview;
    expect(review({ createdDate: "2023-01-01", reviewedDate: "2024-02-29" })).toBe(31);
    expect(review({ createdDate: "2023-03-31" })).toBe(366);
    expect(review({ createdDate: "2023-03-31", reviewedDate: "2024-04-01" })).toBe(366); // review after asOf
    expect(review({})).toBeUndefined();
    expect(facts({}).daysSinceProfileReview).toBeUndefined();
  });
});

describe("accountFacts: options", () => {
  it("lists every bad option at once", () => {
    const bad = {
      asOf: "2024-02-30",
      windowDays: 0,
      payWindowDays: 1.5,
      responseTargetHours: -1,
      resolutionTargetHours: Number.NaN,
      window: 30,
    } as unknown as AccountFactOptions;
    let error: unknown;
    try {
      accountFacts({}, bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyAccountError);
    const issues = (error as KeyAccountError).issues;
    expect(issues.every((issue) => issue.code === "option.invalid")).toBe(true);
    expect(issues.map((issue) => issue.path[0]).sort()).toEqual([
      "asOf",
      "payWindowDays",
      "resolutionTargetHours",
      "responseTargetHours",
      "window",
      "windowDays",
    ]);
  });

  it("requires asOf", () => {
    expect(() => accountFacts({}, {} as AccountFactOptions)).toThrow(/asOf/);
    expect(() => accountFacts({}, { asOf: "2024-3-31" })).toThrow(KeyAccountError);
    expect(() => accountFacts({}, undefined as unknown as AccountFactOptions)).toThrow(KeyAccountError);
  });

  it("accepts fractional target hours", () => {
    const late = complaint("2024-03-31", {
      openedAt: "2024-03-31T12:00:00Z",
      firstResponseAt: "2024-03-31T12:45:00Z",
    });
    expect(facts({ interactions: [late] }, { responseTargetHours: 0.5 }).responseBreaches).toBe(1);
    expect(facts({ interactions: [late] }, { responseTargetHours: 0.75 }).responseBreaches).toBe(0);
  });
});

describe("accountFacts: the documented example", () => {
  it("gives what the TSDoc says", () => {
    const result = accountFacts(
      {
        interactions: [
          { customerId: "C1", kind: "visit", date: "2024-05-20" },
          { customerId: "C1", kind: "complaint", date: "2024-06-27", openedAt: "2024-06-27T09:00:00Z" },
        ],
        invoices: [
          {
            id: "I1",
            customerId: "C1",
            issueDate: "2024-04-01",
            dueDate: "2024-05-01",
            amountMinor: 50000,
            currency: "CNY",
            payments: [{ date: "2024-05-10", amountMinor: 20000 }],
          },
        ],
      },
      { asOf: "2024-06-30" },
    );
    expect([result.daysSinceLastFollowUp, result.openComplaints, result.responseBreaches]).toEqual([
      41, 1, 1,
    ]);
    expect(result.longestResponseHours).toBe(87);
    expect(result.overdue31To60Minor).toBe(30000);
  });
});
