import { describe, expect, it } from "vitest";
import {
  type Customer,
  createFeatureAccumulator,
  featureTable,
  type Interaction,
  type Invoice,
  KeyAccountError,
  npsClass,
  summarize,
  type Transaction,
} from "../../src/index.js";

const sale = (
  customerId: string,
  date: string,
  amountMinor: number,
  extra: Partial<Transaction> = {},
): Transaction => ({ customerId, date, amountMinor, currency: "USD", kind: "sale", ...extra });
const refund = (customerId: string, date: string, amountMinor: number, extra: Partial<Transaction> = {}) =>
  sale(customerId, date, -amountMinor, { kind: "return", ...extra });

// Customer A: sales, a return on a day without a sale, a return on a sale day, costs, orders, a line after asOf.
const transactions: Transaction[] = [
  sale("A", "2024-01-10", 10000, { orderId: "O1", product: "P1", category: "C1", costMinor: 6000 }),
  sale("A", "2024-01-10", 5000, { orderId: "O1", product: "P2", category: "C1", costMinor: 3000 }),
  sale("A", "2024-03-15", 20000, { orderId: "O2", product: "P1", category: "C1" }),
  refund("A", "2024-03-20", 5000, { product: "P1", category: "C1", costMinor: -3000 }),
  sale("A", "2024-05-10", 8000, { orderId: "O3", product: "P3", category: "C2", costMinor: 4000 }),
  refund("A", "2024-05-10", 2000, { costMinor: -1000 }),
  sale("A", "2024-06-20", 12000, { product: "P3", category: "C2", costMinor: 6000 }),
  sale("A", "2024-07-05", 99999),
  sale("C", "2024-05-05", 3000),
];

// Customer B: no transactions, only a customer record, interactions and invoices.
const customers: Customer[] = [
  { id: "A", name: "Acme", createdDate: "2023-12-01" },
  { id: "B", name: "Beta", createdDate: "2024-02-01", creditLimitMinor: 100000, currency: "USD" },
];
const interactions: Interaction[] = [
  { customerId: "B", kind: "visit", date: "2024-06-01" },
  { customerId: "B", kind: "call", date: "2024-06-25" },
  { customerId: "B", kind: "complaint", date: "2024-05-01", resolvedAt: "2024-05-03T10:00:00Z" },
  { customerId: "B", kind: "complaint", date: "2024-06-15" },
  { customerId: "B", kind: "complaint", date: "2024-06-28", resolvedAt: "2024-07-02T09:00:00Z" },
  { customerId: "B", kind: "feedback", date: "2024-04-01", satisfaction: 4, nps: 9 },
  { customerId: "B", kind: "feedback", date: "2024-06-10", satisfaction: 2, nps: 6 },
  { customerId: "B", kind: "feedback", date: "2024-06-10", nps: 8 },
  { customerId: "B", kind: "visit", date: "2024-07-10" },
];
const invoice = (
  id: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
  payments: [string, number][],
) =>
  ({
    id,
    customerId: "B",
    issueDate,
    dueDate,
    amountMinor,
    currency: "USD",
    payments: payments.map(([date, paid]) => ({ date, amountMinor: paid })),
  }) satisfies Invoice;
const invoices: Invoice[] = [
  invoice("I1", "2024-04-01", "2024-05-01", 50000, [
    ["2024-05-10", 30000],
    ["2024-04-20", 20000],
  ]),
  invoice("I2", "2024-05-15", "2024-06-14", 40000, [
    ["2024-06-01", 10000],
    ["2024-07-02", 30000],
  ]),
  invoice("I3", "2024-06-20", "2024-07-20", 25000, []),
  invoice("I4", "2024-07-01", "2024-07-31", 7000, []),
  invoice("I5", "2024-03-01", "2024-03-31", 10000, [["2024-03-11", 10000]]),
];
const records = { transactions, interactions, invoices, customers };

describe("summarize: the BTYD summary", () => {
  it("counts purchase days, measures in days by default and excludes the first purchase from the spend", () => {
    const [a] = summarize(records, { asOf: "2024-06-30" }).features;
    // Purchase days 01-10, 03-15, 05-10, 06-20: 65, 56 and 41 days apart; asOf is 10 days after the last.
    expect(a).toMatchObject({ id: "A", frequency: 3, recency: 162, T: 172 });
    // Repeat days' net totals: 20000, 8000 − 2000 (a return on a sale day), 12000; the return of 03-20 falls on a
    // day without a sale and is not a purchase.
    expect(a?.monetaryValue).toBeCloseTo(38000 / 3, 9);
    expect(a?.frequencyHoldout).toBeUndefined();
  });

  it("uses the time unit: days ÷ 7 for weeks", () => {
    const [a] = summarize(records, { asOf: "2024-06-30", timeUnit: "week" }).features;
    expect(a?.recency).toBeCloseTo(162 / 7, 12);
    expect(a?.T).toBeCloseTo(172 / 7, 12);
  });

  it("counts whole months when period and unit are months (as lifetimes' freq='M')", () => {
    const summary = summarize(records, { asOf: "2024-06-30", period: "month", timeUnit: "month" });
    const a = summary.features[0];
    // Purchase months Jan, Mar, May, Jun; March's total includes the return of 03-20.
    expect(a).toMatchObject({ frequency: 3, recency: 5, T: 5, monetaryValue: (15000 + 6000 + 12000) / 3 });
    // Cadence is measured between the months' first days: 60, 61 and 31 days.
    expect(a).toMatchObject({ interPurchaseMedianDays: 60, interPurchaseMeanDays: 152 / 3 });
    expect(summary).toMatchObject({ period: "month", timeUnit: "month" });
  });

  it("measures calendar periods in days ÷ days per unit when the units differ", () => {
    const [a] = summarize(records, { asOf: "2024-06-30", period: "month", timeUnit: "week" }).features;
    // 2024-01-01 → 2024-06-01 is 152 days; → the month of asOf, also June.
    expect(a?.recency).toBeCloseTo(152 / 7, 12);
    expect(a?.T).toBeCloseTo(152 / 7, 12);
    const [y] = summarize(records, { asOf: "2024-06-30", period: "quarter", timeUnit: "year" }).features;
    // Q1 → Q2 is 3 calendar months: whole month differences ÷ 12.
    expect(y).toMatchObject({ frequency: 1, recency: 0.25, T: 0.25 });
  });

  it("splits calibration and holdout like lifetimes' calibration_and_holdout_data", () => {
    const summary = summarize(records, { asOf: "2024-06-30", calibrationEnd: "2024-03-31" });
    const [a, b, c] = summary.features;
    expect(a).toMatchObject({ frequency: 1, recency: 65, T: 81, monetaryValue: 20000 });
    expect(a).toMatchObject({ frequencyHoldout: 2, monetaryValueHoldout: 9000, durationHoldout: 91 });
    expect(b?.frequency).toBeUndefined();
    // C's first purchase is after the calibration end: no BTYD summary, counted, and its other facts are kept.
    expect(c).toMatchObject({
      id: "C",
      frequency: undefined,
      revenueMinor: 3000,
      firstPurchaseDate: "2024-05-05",
    });
    expect(summary.counts).toMatchObject({
      customers: 3,
      withBtydSummary: 1,
      excludedFromCalibration: 1,
      withoutPurchase: 1,
    });
  });

  it("gives a one-time buyer frequency 0 and monetary value 0", () => {
    const c = summarize(records, { asOf: "2024-06-30" }).features[2];
    expect(c).toMatchObject({ frequency: 0, recency: 0, T: 56, monetaryValue: 0, purchasePeriods: 1 });
    expect(c?.interPurchaseMedianDays).toBeUndefined();
  });
});

describe("summarize: account facts", () => {
  const summary = summarize(records, { asOf: "2024-06-30", recentDays: 30 });
  const [a, b] = summary.features;

  it("adds up revenue, returns and margin exactly", () => {
    expect(a).toMatchObject({
      currency: "USD",
      mixedCurrencies: false,
      revenueMinor: 48000,
      grossSalesMinor: 55000,
      returnsMinor: 7000,
      grossMarginMinor: 13000,
      linesWithoutCost: 1,
      transactionCount: 7,
    });
    expect(a?.returnRate).toBeCloseTo(7000 / 55000, 12);
    expect(a?.grossMarginRate).toBeCloseTo(13000 / 28000, 12);
  });

  it("counts orders, products and categories", () => {
    // O1, O2, O3 and one sale without an order id.
    expect(a).toMatchObject({ orderCount: 4, averageOrderValueMinor: 12000 });
    expect(a).toMatchObject({ distinctProducts: 3, distinctCategories: 2 });
  });

  it("describes the purchase cadence and the recent trend", () => {
    expect(a).toMatchObject({
      firstPurchaseDate: "2024-01-10",
      lastPurchaseDate: "2024-06-20",
      daysSinceLastPurchase: 10,
      purchasePeriods: 4,
      interPurchaseMedianDays: 56,
      interPurchaseMeanDays: 54,
    });
    // Intervals 65, 56, 41: sample standard deviation sqrt(147), over the mean 54.
    expect(a?.interPurchaseCv).toBeCloseTo(Math.sqrt(147) / 54, 12);
    // Last 30 days (06-01..06-30): 12000; the 30 days before (05-02..05-31): 8000 − 2000.
    expect(a).toMatchObject({
      recentRevenueMinor: 12000,
      previousRevenueMinor: 6000,
      revenueTrendMinor: 6000,
      revenueTrendRatio: 2,
    });
    // Tenure from the customer record's created date (earlier than the first purchase).
    expect(a?.tenureDays).toBe(212);
  });

  it("has no trend ratio when the previous window had no revenue", () => {
    const c = summary.features[2];
    expect(c).toMatchObject({ recentRevenueMinor: 0, previousRevenueMinor: 3000, revenueTrendRatio: 0 });
    const fresh = summarize({ transactions: [sale("N", "2024-06-29", 500)] }, { asOf: "2024-06-30" })
      .features[0];
    expect(fresh).toMatchObject({ revenueTrendMinor: 500, revenueTrendRatio: undefined, tenureDays: 1 });
  });

  it("reads interactions: recency per kind, open complaints, satisfaction and the latest NPS", () => {
    expect(b?.interactions).toEqual({
      interactionCount: 8,
      daysSinceLastInteraction: 2,
      daysSinceLastByKind: { visit: 29, call: 5, complaint: 2, feedback: 20 },
      complaintCount: 3,
      openComplaints: 2,
      averageSatisfaction: 3,
      latestNps: 6,
      latestNpsDate: "2024-06-10",
      npsClass: "detractor",
    });
    expect(a?.interactions).toBeUndefined();
  });

  it("reads invoices as of the day: open and overdue amounts, days past due and days to pay", () => {
    expect(b?.receivables).toEqual({
      invoiceCount: 4,
      openReceivablesMinor: 55000,
      overdueInvoices: 1,
      overdueAmountMinor: 30000,
      maxDaysPastDue: 16,
      averageDaysToPay: 24.5,
    });
    expect(b).toMatchObject({ creditLimitMinor: 100000, creditUtilisation: 0.55, tenureDays: 150 });
    expect(b).toMatchObject({ currency: "USD", revenueMinor: 0, orderCount: 0, purchasePeriods: 0 });
    expect(b?.averageOrderValueMinor).toBeUndefined();
  });

  it("counts what it left out", () => {
    expect(summary.counts).toEqual({
      customers: 3,
      withBtydSummary: 2,
      excludedFromCalibration: 0,
      withoutPurchase: 1,
      mixedCurrencies: 0,
      rowsAfterAsOf: 3,
      rowsInvalid: 0,
      rowsOtherCurrency: 0,
    });
  });

  it("classes NPS answers", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });
});

describe("summarize: currencies and bad rows", () => {
  const mixed = [sale("M", "2024-01-01", 100), sale("M", "2024-02-01", 200, { currency: "EUR" })];

  it("flags a customer whose rows mix currencies", () => {
    const summary = summarize({ transactions: mixed }, { asOf: "2024-06-30" });
    expect(summary.features[0]).toMatchObject({ currency: undefined, mixedCurrencies: true });
    expect(summary.counts.mixedCurrencies).toBe(1);
    expect(featureTable(summary).rows[0]?.[4]).toBeNull();
  });

  it("keeps one currency when asked, counting the rows it skips", () => {
    const summary = summarize({ transactions: mixed }, { asOf: "2024-06-30", currency: "USD" });
    expect(summary.features[0]).toMatchObject({ currency: "USD", mixedCurrencies: false, revenueMinor: 100 });
    expect(summary.counts.rowsOtherCurrency).toBe(1);
  });

  it("counts rows with unreadable dates or amounts instead of producing NaN", () => {
    const summary = summarize(
      {
        transactions: [
          sale("X", "2024-02-30", 100),
          sale("X", "2024-01-01", Number.NaN),
          sale("Y", "2024-01-01", 5),
        ],
      },
      { asOf: "2024-06-30" },
    );
    expect(summary.counts.rowsInvalid).toBe(2);
    expect(summary.features.map((f) => f.id)).toEqual(["Y"]);
  });
});

describe("options", () => {
  const bad = (options: unknown): KeyAccountError => {
    try {
      summarize({ transactions: [] }, options as { asOf: string });
    } catch (error) {
      if (error instanceof KeyAccountError) return error;
      throw error;
    }
    throw new Error("no error was thrown");
  };

  it("reports every bad option at once", () => {
    const error = bad({
      asOf: "2024-13-01",
      calibrationEnd: "soon",
      period: "fortnight",
      timeUnit: "decade",
      recentDays: 0,
      currency: "usd",
      calibration_end: "2024-01-01",
    });
    expect(error.issues.map((issue) => issue.path[0]).sort()).toEqual(
      ["asOf", "calibrationEnd", "calibration_end", "currency", "period", "recentDays", "timeUnit"].sort(),
    );
    expect(error.issues.every((issue) => issue.code === "option.invalid")).toBe(true);
    expect(error.issues.find((issue) => issue.path[0] === "period")?.message).toBe(
      "The option period is not valid: fortnight is not one of day, week, month, quarter, year.",
    );
  });

  it("requires asOf and a calibration end not after it", () => {
    expect(bad({}).issues.map((issue) => issue.path[0])).toEqual(["asOf"]);
    expect(bad({ asOf: "2024-06-30", calibrationEnd: "2024-07-01" }).issues[0]?.params).toMatchObject({
      field: "calibrationEnd",
    });
    expect(bad({ asOf: "2024-06-30", recentDays: 1.5 }).issues[0]?.path).toEqual(["recentDays"]);
  });

  it("merges only accumulators with the same options", () => {
    const a = createFeatureAccumulator({ asOf: "2024-06-30" });
    expect(() => a.merge(createFeatureAccumulator({ asOf: "2024-06-29" }))).toThrow(KeyAccountError);
    expect(() => a.merge(a)).toThrow(KeyAccountError);
  });
});

describe("featureTable", () => {
  it("starts with lifetimes' columns and writes money exactly", () => {
    const table = featureTable(summarize(records, { asOf: "2024-06-30", recentDays: 30 }));
    expect(table.columns.slice(0, 5)).toEqual(["id", "frequency", "recency", "T", "monetary_value"]);
    expect(table.columns).not.toContain("frequency_holdout");
    expect(new Set(table.columns).size).toBe(table.columns.length);
    const cell = (row: number, column: string) => table.rows[row]?.[table.columns.indexOf(column)];
    expect(cell(0, "revenue")).toBe("480.00");
    expect(cell(0, "gross_margin")).toBe("130.00");
    expect(cell(0, "monetary_value")).toBeCloseTo(126.6666667, 6);
    expect(cell(0, "first_purchase_date")).toBe("2024-01-10");
    expect(cell(0, "latest_nps")).toBeNull();
    expect(cell(1, "open_receivables")).toBe("550.00");
    expect(cell(1, "days_since_last_visit")).toBe(29);
    expect(cell(1, "nps_class")).toBe("detractor");
    expect(table.meta).toMatchObject({ asOf: "2024-06-30", period: "day", timeUnit: "day", recentDays: 30 });
    expect(table.rows.every((row) => row.length === table.columns.length)).toBe(true);
  });
});

describe("many customers", () => {
  it("sorts thousands of ids of every kind in code-unit order and keeps them apart", () => {
    // Short [-0-9A-Z_a-z] ids are looked up as numbers, the others through a Map; enough of them to grow the table.
    const ids: string[] = [];
    for (let i = 0; i < 3000; i++)
      ids.push(i.toString(36), `C${String(i).padStart(6, "0")}`, `customer-${i}-long-id`);
    ids.push("", "é", "a b", "ZZZZZZZZ", "zzzzzzzz", "-", "_", "A-", "A");
    const transactions = ids.flatMap((customerId, i) => [
      sale(customerId, "2024-01-01", i),
      sale(customerId, "2024-02-01", 1),
    ]);
    const features = summarize({ transactions: transactions.reverse() }, { asOf: "2024-06-30" }).features;
    expect(features.map((f) => f.id)).toEqual([...new Set(ids)].sort());
    expect(features.every((f) => f.frequency === 1 && f.transactionCount === 2)).toBe(true);
    const byId = new Map(features.map((f) => [f.id, f]));
    expect(byId.get("C000007")?.revenueMinor).toBe(ids.indexOf("C000007") + 1);
  });

  it("sorts short ASCII ids (all looked up as numbers) in code-unit order too", () => {
    const ids: string[] = [];
    for (let i = 0; i < 4000; i++)
      ids.push((i * 7919).toString(36), `Z${i}`, `a-${i % 97}_${i % 13}`, String(i));
    ids.push(
      "",
      "-",
      "_",
      "zzzzzzzz",
      "--------",
      "0",
      "00",
      "A",
      "a",
      "a b",
      "a.b",
      "~",
      "~~~~~~~~",
      "\u007f",
      " ",
    );
    const transactions = ids.map((customerId) => sale(customerId, "2024-01-01", 1));
    const features = summarize({ transactions }, { asOf: "2024-06-30" }).features;
    expect(features.map((f) => f.id)).toEqual([...new Set(ids)].sort());
  });
});
