import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  formatMoney,
  type IngestReport,
  ingestCustomers,
  ingestInteractions,
  ingestInvoices,
  ingestQualifications,
  ingestTransactions,
} from "../../src/index.js";

// Rows with arbitrary keys and values, biased towards the fields the ingest functions read.
const fieldNames = [
  "id",
  "customerId",
  "date",
  "amount",
  "quantity",
  "unitPrice",
  "currency",
  "kind",
  "orderId",
  "reverses",
  "product",
  "name",
  "tags",
  "contacts",
  "contactName",
  "creditLimit",
  "issueDate",
  "dueDate",
  "paidAmount",
  "paidDate",
  "payments",
  "nps",
  "satisfaction",
  "openedAt",
  "resolvedAt",
  "documentType",
  "status",
  "expires",
  "__proto__",
  "constructor",
];
const key = fc.oneof(fc.constantFrom(...fieldNames), fc.string());
const value = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    "",
    " ",
    "C1",
    "12345.0",
    "2024-03-05",
    "2024-02-30",
    "10.00",
    "-3",
    "0",
    "abc",
    "sale",
    "return",
  ),
  fc.integer(),
  fc.double(),
);
const anyRows = fc.array(fc.dictionary(key, value, { maxKeys: 12 }), { maxLength: 30 });

function accountsForEveryRow(report: IngestReport, input: number): void {
  expect(report.input).toBe(input);
  expect(report.accepted + report.rejected).toBe(input);
  const counted = Object.values(report.rejectedByCode).reduce((sum, n) => sum + (n ?? 0), 0);
  expect(counted).toBe(report.rejected);
  expect(new Set(report.issues.map((issue) => issue.row)).size).toBe(report.rejected);
}

describe("every row is accepted or rejected", () => {
  test.prop([anyRows, fc.constantFrom(undefined, "C")])("transactions", (rows, cancellationPrefix) => {
    const { records, report } = ingestTransactions(rows, {
      currency: "USD",
      cancellationPrefix,
      maxIssues: Infinity,
    });
    accountsForEveryRow(report, rows.length);
    expect(records.length).toBe(report.accepted);
  });

  test.prop([anyRows])("transactions with a unit price and mixed currencies", (rows) => {
    const { report } = ingestTransactions(rows, {
      columns: { unitPrice: "unitPrice" },
      mixedCurrencies: true,
      maxIssues: Infinity,
      rounding: "half-even",
    });
    accountsForEveryRow(report, rows.length);
  });

  test.prop([anyRows])("customers, interactions, invoices, qualifications", (rows) => {
    for (const ingest of [ingestCustomers, ingestInteractions, ingestInvoices, ingestQualifications]) {
      const { records, report } = ingest(rows, { currency: "CNY", maxIssues: Infinity });
      accountsForEveryRow(report, rows.length);
      expect(records.length).toBe(report.accepted);
    }
  });
});

type SaleRow = {
  customerId: string;
  date: string;
  amount: string;
  orderId: string;
  quantity?: string;
};

// Valid sale rows, each of a distinct order so that none repeats another exactly.
const saleRow = fc.record({
  customerId: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
  day: fc.integer({ min: 0, max: 20_000 }),
  cents: fc.integer({ min: 1, max: 1e12 }),
  quantity: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
});
const saleRows = fc.array(saleRow, { maxLength: 40 }).map((sales) =>
  sales.map((sale, index) => {
    const date = new Date(sale.day * 86_400_000).toISOString().slice(0, 10);
    const row: SaleRow = {
      customerId: sale.customerId,
      date: index % 2 === 0 ? date : `${date} 13:45:00`,
      amount: formatMoney(sale.cents, "EUR"),
      orderId: `O${index}`,
    };
    if (sale.quantity !== undefined) row.quantity = String(sale.quantity);
    return row;
  }),
);

describe("valid rows", () => {
  test.prop([saleRows])("no valid sale row is dropped, and each keeps its exact amount", (rows) => {
    const { records, report } = ingestTransactions(rows, { currency: "EUR" });
    expect(report.rejected).toBe(0);
    expect(records.map((r) => formatMoney(r.amountMinor, "EUR"))).toEqual(rows.map((row) => row.amount));
    expect(records.map((r) => r.date)).toEqual(rows.map((row) => row.date.slice(0, 10)));
  });

  const withPermutation = saleRows.chain((rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
    ),
  );
  test.prop([withPermutation])("a permutation of the rows gives the same records", ([rows, shuffled]) => {
    const sorted = (list: unknown[]) => list.map((record) => JSON.stringify(record)).sort();
    const withoutOrder = (list: SaleRow[]) => list.map(({ orderId: _, ...row }) => row);
    // Also without order ids, so that exact duplicates occur and one of each pair is rejected.
    for (const [a, b] of [
      [rows, shuffled],
      [withoutOrder(rows), withoutOrder(shuffled)],
    ] as const) {
      const first = ingestTransactions(a, { currency: "EUR" });
      const second = ingestTransactions(b, { currency: "EUR" });
      expect(sorted(second.records)).toEqual(sorted(first.records));
      expect(second.report.rejectedByCode).toEqual(first.report.rejectedByCode);
    }
  });
});
