import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type Customer,
  type CustomerFeatures,
  createFeatureAccumulator,
  daysPerUnit,
  type FeatureOptions,
  type FeatureSummary,
  formatDay,
  type Interaction,
  type Invoice,
  PERIODS,
  type Period,
  parseDay,
  periodStart,
  summarize,
  TIME_UNITS,
  type TimeUnit,
  type Transaction,
} from "../../src/index.js";

// Ids that take both lookup paths: short ones made of [-0-9A-Z_a-z] are coded as numbers, the others (long, a
// space, non-ASCII, empty) go through a Map; the mix must still come out sorted in code-unit order.
const IDS = [
  "C001",
  "C002",
  "7",
  "07",
  "a-b_Z",
  "Z",
  "customer-0000000001",
  "with space",
  "Ünïcode",
  "",
  "zz9",
];
const FIRST_DAY = parseDay("2023-01-01") as number;
const day = fc.integer({ min: 0, max: 600 }).map((offset) => formatDay(FIRST_DAY + offset));
// Most rows go to a few customers, so that customers have many purchase periods.
const id = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("C001", "7", "customer-0000000001") },
  { weight: 1, arbitrary: fc.constantFrom(...IDS) },
);
const currency = fc.constantFrom("USD", "USD", "USD", "EUR");

const transaction: fc.Arbitrary<Transaction> = fc
  .record(
    {
      customerId: id,
      date: day,
      // Now and then an amount beyond 32 bits (the amount column then switches to doubles).
      amount: fc.oneof(
        { weight: 30, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 2 ** 31, max: 2 ** 40 }) },
      ),
      currency,
      kind: fc.constantFrom("sale", "sale", "sale", "return", "cancellation"),
      costMinor: fc.integer({ min: 0, max: 50_000 }),
      // Short and long ids, one byte a character and beyond U+00FF (the packed order ids widen then).
      orderId: fc.constantFrom("O1", "O2", "O3", "SO-2024-000017-A", "Ö-9", "订单-0001", "订单-0002"),
      product: fc.constantFrom("P1", "P2", "P3"),
      category: fc.constantFrom("K1", "K2"),
    },
    { requiredKeys: ["customerId", "date", "amount", "currency", "kind"] },
  )
  .map(({ amount, kind, costMinor, ...rest }) => ({
    ...rest,
    kind,
    amountMinor: kind === "sale" ? amount : -amount,
    ...(costMinor === undefined ? {} : { costMinor: kind === "sale" ? costMinor : -costMinor }),
  }));

const interaction: fc.Arbitrary<Interaction> = fc.record(
  {
    customerId: id,
    kind: fc.constantFrom("visit", "call", "email", "meeting", "care", "complaint", "feedback"),
    date: day,
    resolvedAt: day.map((d) => `${d}T12:00:00Z`),
    satisfaction: fc.integer({ min: 1, max: 5 }),
    nps: fc.integer({ min: 0, max: 10 }),
  },
  { requiredKeys: ["customerId", "kind", "date"] },
);

const invoice: fc.Arbitrary<Invoice> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    customerId: id,
    issue: fc.integer({ min: 0, max: 600 }),
    term: fc.integer({ min: 0, max: 60 }),
    amountMinor: fc.integer({ min: 0, max: 100_000 }),
    currency,
    payments: fc.array(fc.record({ date: day, amountMinor: fc.integer({ min: 0, max: 60_000 }) }), {
      maxLength: 3,
    }),
  })
  .map(({ issue, term, ...rest }) => ({
    ...rest,
    issueDate: formatDay(FIRST_DAY + issue),
    dueDate: formatDay(FIRST_DAY + issue + term),
  }));

const customer: fc.Arbitrary<Customer> = fc.record(
  {
    id,
    name: fc.constant("name"),
    createdDate: day,
    creditLimitMinor: fc.integer({ min: 0, max: 200_000 }),
    currency,
  },
  { requiredKeys: ["id", "name"] },
);

const options: fc.Arbitrary<FeatureOptions> = fc.record(
  {
    asOf: fc.integer({ min: 200, max: 550 }).map((offset) => formatDay(FIRST_DAY + offset)),
    calibrationEnd: fc.integer({ min: 0, max: 199 }).map((offset) => formatDay(FIRST_DAY + offset)),
    period: fc.constantFrom(...PERIODS),
    timeUnit: fc.constantFrom(...TIME_UNITS),
    recentDays: fc.integer({ min: 1, max: 120 }),
    currency: fc.constant("USD"),
  },
  { requiredKeys: ["asOf"] },
);

const records = fc.record({
  transactions: fc.array(transaction, { maxLength: 80, size: "max" }),
  interactions: fc.array(interaction, { maxLength: 15 }),
  invoices: fc.array(invoice, { maxLength: 8 }),
  customers: fc.array(customer, { maxLength: 5 }),
});
type Records = {
  transactions: Transaction[];
  interactions: Interaction[];
  invoices: Invoice[];
  customers: Customer[];
};

/** Summarises records split into parts (part[i] says which part record i goes to), merging the parts. */
function summarizeInParts(
  input: Records,
  featureOptions: FeatureOptions,
  part: (record: unknown, index: number) => number,
  parts: number,
): FeatureSummary {
  const accumulators = Array.from({ length: parts }, () => createFeatureAccumulator(featureOptions));
  const pick = (record: unknown, index: number) =>
    accumulators[part(record, index) % parts] ?? accumulators[0];
  input.transactions.forEach((t, i) => {
    pick(t, i)?.addTransaction(t);
  });
  input.interactions.forEach((t, i) => {
    pick(t, i + 1000)?.addInteraction(t);
  });
  input.invoices.forEach((t, i) => {
    pick(t, i + 2000)?.addInvoice(t);
  });
  input.customers.forEach((t, i) => {
    pick(t, i + 3000)?.addCustomer(t);
  });
  const [first, ...rest] = accumulators;
  if (!first) throw new Error("no parts");
  for (const other of rest) first.merge(other);
  return first.summary();
}

/** Every number in a value, with its path. */
function numbers(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => numbers(inner, `${path}.${key}`));
}

const customerOf = (record: unknown): string =>
  (record as { customerId?: string; id?: string }).customerId ?? (record as { id: string }).id;

describe("feature accumulators", () => {
  test.prop([records, options, fc.array(fc.nat({ max: 2 }), { minLength: 100, maxLength: 100 })])(
    "merging any split of the rows gives the summary of all rows",
    (input, featureOptions, split) => {
      const whole = summarize(input, featureOptions);
      const merged = summarizeInParts(input, featureOptions, (_record, index) => split[index % 100] ?? 0, 3);
      expect(merged).toEqual(whole);
    },
  );

  test.prop([records, options, fc.func(fc.nat())])(
    "merging disjoint shards of customers gives the summary of all customers",
    (input, featureOptions, shardOf) => {
      const whole = summarize(input, featureOptions);
      const merged = summarizeInParts(input, featureOptions, (record) => shardOf(customerOf(record)), 2);
      expect(merged).toEqual(whole);
    },
  );

  test.prop([records, options, fc.infiniteStream(fc.nat())])(
    "does not depend on the order of the rows",
    (input, featureOptions, stream) => {
      const shuffle = <T>(values: T[]): T[] => {
        const out = values.slice();
        const random = stream[Symbol.iterator]();
        for (let i = out.length - 1; i > 0; i--) {
          const j = (random.next().value ?? 0) % (i + 1);
          [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
      };
      const shuffled = {
        transactions: shuffle(input.transactions),
        interactions: shuffle(input.interactions),
        invoices: shuffle(input.invoices),
        customers: shuffle(input.customers),
      };
      expect(summarize(shuffled, featureOptions)).toEqual(summarize(input, featureOptions));
    },
  );

  test.prop([records, options])(
    "never gives NaN or Infinity, and sorts customers by id",
    (input, featureOptions) => {
      const summary = summarize(input, featureOptions);
      for (const [path, value] of numbers(summary)) expect(Number.isFinite(value), path).toBe(true);
      const ids = summary.features.map((features) => features.id);
      expect(ids).toEqual([...new Set(ids)].sort());
    },
  );

  test.prop([records, options], { numRuns: 300 })(
    "agrees with a plain re-computation of the BTYD summary and the facts",
    (input, featureOptions) => {
      const summary = summarize(input, featureOptions);
      for (const features of summary.features)
        expect(features).toMatchObject(reference(input.transactions, features.id, featureOptions));
    },
  );
});

/** The same numbers computed the slow, obvious way, for one customer. */
function reference(
  transactions: Transaction[],
  id: string,
  featureOptions: FeatureOptions,
): Partial<CustomerFeatures> {
  const asOf = parseDay(featureOptions.asOf) as number;
  const calibrationEnd =
    featureOptions.calibrationEnd === undefined
      ? undefined
      : (parseDay(featureOptions.calibrationEnd) as number);
  const period: Period = featureOptions.period ?? "day";
  const unit: TimeUnit = featureOptions.timeUnit ?? "day";
  const recentDays = featureOptions.recentDays ?? 90;
  const lines = transactions
    .filter(
      (t) =>
        t.customerId === id &&
        (featureOptions.currency === undefined || t.currency === featureOptions.currency),
    )
    .map((t) => ({ ...t, day: parseDay(t.date) as number }))
    .filter((t) => t.day <= asOf);
  // Durations: calendar-month indexes when period and unit are both month-based, else days ÷ days per unit.
  const monthly = ["month", "quarter", "year"].includes(period) && (unit === "month" || unit === "year");
  const divisor = monthly ? (unit === "year" ? 12 : 1) : daysPerUnit(unit);
  const key = (start: number): number => {
    if (!monthly) return start;
    const [y, m] = formatDay(start).split("-").map(Number) as [number, number];
    return y * 12 + m - 1;
  };
  // Net total per (period, side of the calibration end); a purchase is a group with a sale.
  const groups = new Map<string, { start: number; holdout: boolean; total: number; sale: boolean }>();
  for (const line of lines) {
    const start = periodStart(line.day, period);
    const holdout = calibrationEnd !== undefined && line.day > calibrationEnd;
    const group = groups.get(`${start} ${holdout}`) ?? { start, holdout, total: 0, sale: false };
    group.total += line.amountMinor;
    group.sale ||= line.kind === "sale";
    groups.set(`${start} ${holdout}`, group);
  }
  const purchases = [...groups.values()].filter((g) => g.sale).sort((a, b) => a.start - b.start);
  const calibration = purchases.filter((g) => !g.holdout);
  const holdout = purchases.filter((g) => g.holdout);
  const mean = (values: number[]): number =>
    values.length === 0 ? 0 : values.reduce((x, y) => x + y, 0) / values.length;
  const expected: Partial<CustomerFeatures> = {};
  const first = calibration[0];
  const last = calibration[calibration.length - 1];
  if (first && last) {
    const windowEnd = key(periodStart(calibrationEnd ?? asOf, period));
    expected.frequency = calibration.length - 1;
    expected.recency = (key(last.start) - key(first.start)) / divisor;
    expected.T = (windowEnd - key(first.start)) / divisor;
    expected.monetaryValue = mean(calibration.slice(1).map((g) => g.total));
    if (calibrationEnd !== undefined) {
      expected.frequencyHoldout = holdout.length;
      expected.monetaryValueHoldout = mean(holdout.map((g) => g.total));
      expected.durationHoldout = (key(periodStart(asOf, period)) - windowEnd) / divisor;
    }
  } else expected.frequency = undefined;
  const starts = [...new Set(purchases.map((g) => g.start))];
  const intervals = starts.slice(1).map((start, i) => start - (starts[i] as number));
  const sorted = intervals.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  expected.purchasePeriods = starts.length;
  expected.interPurchaseMedianDays =
    sorted.length === 0
      ? undefined
      : sorted.length % 2 === 1
        ? sorted[middle]
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  expected.revenueMinor = lines.reduce((sum, t) => sum + t.amountMinor, 0);
  expected.recentRevenueMinor = lines
    .filter((t) => t.day > asOf - recentDays)
    .reduce((sum, t) => sum + t.amountMinor, 0);
  expected.transactionCount = lines.length;
  expected.orderCount =
    new Set(lines.filter((t) => t.kind === "sale" && t.orderId !== undefined).map((t) => t.orderId)).size +
    lines.filter((t) => t.kind === "sale" && t.orderId === undefined).length;
  expected.distinctProducts = new Set(
    lines.flatMap((t) => (t.product === undefined ? [] : [t.product])),
  ).size;
  return expected;
}
