// The pipeline reads the purchase-activity windows and the growth features from the feature accumulator's lines,
// grouped by customer; these must be what the public functions give over the same transactions.
import { describe, expect, it } from "vitest";
import { Accumulator } from "../../src/features/Accumulator.js";
import { resolveFeatureOptions } from "../../src/features/resolveFeatureOptions.js";
import {
  type Customer,
  generatePortfolio,
  growthFeatures,
  parseDay,
  purchaseActivity,
  type Transaction,
} from "../../src/index.js";
import { lineActivity } from "../../src/pipeline/lineActivity.js";
import { lineGrowth } from "../../src/pipeline/lineGrowth.js";

const AS_OF = "2026-11-30";

// 300 generated accounts (sales with order ids, products and categories, returns, cancellations), shuffled so
// that the lines of one customer and of one order arrive apart, plus hand-made lines: sales without an order id,
// a product without a category, a category named like a product, an order id beyond U+00FF.
function portfolio(): { transactions: Transaction[]; customers: Customer[] } {
  const transactions: Transaction[] = [];
  const customers: Customer[] = [];
  for (const account of generatePortfolio({ accounts: 300, seed: 3, asOf: AS_OF })) {
    transactions.push(...account.transactions);
    customers.push(account.customer);
  }
  const extra = (date: string, more: Partial<Transaction>): Transaction => ({
    customerId: "Z-1",
    date,
    amountMinor: 1000,
    currency: "USD",
    kind: "sale",
    ...more,
  });
  transactions.push(
    extra("2026-11-01", {}),
    extra("2026-11-02", { product: "Tools" }),
    extra("2026-11-03", { category: "Tools", orderId: "订单-1" }),
    extra("2026-11-04", { category: "Tools", orderId: "订单-1" }),
    extra("2026-08-20", { product: "Tools", orderId: "订单-2" }),
    extra("2025-05-20", { kind: "return", amountMinor: -400 }),
  );
  let seed = 17;
  for (let i = transactions.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [transactions[i], transactions[j]] = [transactions[j] as Transaction, transactions[i] as Transaction];
  }
  return { transactions, customers };
}

describe("activity and growth read from the grouped lines", () => {
  const { transactions, customers } = portfolio();
  const accumulator = new Accumulator(resolveFeatureOptions({ asOf: AS_OF }));
  for (const transaction of transactions) accumulator.addTransaction(transaction);
  const lines = accumulator.lines();

  it("equal purchaseActivity over the same transactions", () => {
    const expected = purchaseActivity(transactions, { asOf: AS_OF, windowDays: 60 });
    const actual = lineActivity(lines, parseDay(AS_OF) as number, 60);
    expect(lines.ids.length).toBe(expected.size);
    lines.ids.forEach((id, r) => {
      expect(actual.at(r), id).toEqual(expected.get(id));
    });
    expect(actual.at(lines.ids.indexOf("Z-1"))).toEqual({
      recentOrders: 3,
      previousOrders: 1,
      recentCategories: 2,
      previousCategories: 1,
    });
  });

  it("equal growthFeatures over the same transactions and customer records", () => {
    const expected = growthFeatures(transactions, customers, { asOf: AS_OF });
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    const actual = lineGrowth(lines, (rank) => byId.get(lines.ids[rank] as string), { asOf: AS_OF });
    // Each is made when read: out of order and read twice, the same.
    const backwards = Array.from({ length: actual.length }, (_, k) =>
      actual.at(actual.length - 1 - k),
    ).reverse();
    expect(backwards).toEqual(expected);
    expect(actual.toArray()).toEqual(expected);
    expect(actual.at(lines.ids.indexOf("Z-1"))).toMatchObject({ orders: 4, distinctCategories: 1 });
  });
});

const BTYD_FIELDS = [
  "frequency",
  "recency",
  "T",
  "monetaryValue",
  "frequencyHoldout",
  "monetaryValueHoldout",
  "durationHoldout",
] as const;

describe("a sealed feature accumulator", () => {
  it("keeps its grouped lines and summaries, and refuses more records", () => {
    const { transactions } = portfolio();
    const accumulator = new Accumulator(resolveFeatureOptions({ asOf: AS_OF }));
    for (const transaction of transactions) accumulator.addTransaction(transaction);
    const before = accumulator.summary().columns;
    const lines = accumulator.lines();
    accumulator.seal();
    expect(accumulator.lines()).toBe(lines);
    expect(accumulator.summary().columns).toEqual(before);
    expect(() => accumulator.addTransaction(transactions[0] as Transaction)).toThrow(/sealed/);
    expect(() => accumulator.addInteraction({ customerId: "Z-1", date: AS_OF, kind: "call" })).toThrow(
      /sealed/,
    );
  });

  it("keeps its grouped lines once its summaries have ended, and refuses another summary", () => {
    const { transactions } = portfolio();
    const accumulator = new Accumulator(resolveFeatureOptions({ asOf: AS_OF }));
    for (const transaction of transactions) accumulator.addTransaction(transaction);
    accumulator.addInteraction({ customerId: "Z-1", date: AS_OF, kind: "call" });
    accumulator.addCustomer({ id: "Z-1", name: "Zeta", createdDate: "2020-01-01", creditLimitMinor: 100 });
    const lines = accumulator.lines();
    const calibrationEnd = (parseDay(AS_OF, "YYYY-MM-DD") as number) - 180;
    const full = accumulator.calibrationSummary(calibrationEnd).columns;
    accumulator.endSummaries();
    // The lines alone give the model check's columns, the customers' state gone, and only those.
    const fromLines = accumulator.calibrationBtydColumns(calibrationEnd);
    expect(Object.keys(fromLines).sort()).toEqual([...BTYD_FIELDS].sort());
    for (const field of BTYD_FIELDS) expect(fromLines[field]).toEqual(full[field]);
    expect(full.frequencyHoldout.some((count) => count > 0)).toBe(true);
    expect(full.interactions.some((entry) => entry !== undefined)).toBe(true);
    // The grouped lines are all still there: the last customer's end is the number of lines.
    const kept = accumulator.lines();
    expect(kept).toBe(lines);
    expect(kept.rows.start[kept.ids.length]).toBe(transactions.length);
    expect(accumulator.extras).toEqual([]);
    expect(() => accumulator.summary()).toThrow(/ended its summaries/);
    expect(() => accumulator.calibrationSummary(0)).toThrow(/ended its summaries/);
    expect(() => accumulator.addTransaction(transactions[0] as Transaction)).toThrow(/sealed/);
    accumulator.endLines();
    accumulator.endLines();
    expect(() => accumulator.lines()).toThrow(/let its lines go/);
    expect(() => accumulator.calibrationBtydColumns(calibrationEnd)).toThrow(/let its lines go/);
  });
});
