import { describe, expect, it } from "vitest";
import { ingestInvoices } from "../../src/index.js";

const invoice = {
  id: "INV-1",
  customerId: "C1",
  issueDate: "2024-03-01",
  dueDate: "2024-03-31",
  amount: "5000.00",
};

describe("ingestInvoices", () => {
  it("reads one payment from flat columns and a payments list from JSON", () => {
    const { records, report } = ingestInvoices(
      [
        { ...invoice, paidAmount: "2,000.50", paidDate: "2024/4/10" },
        {
          id: "INV-2",
          customerId: "C1",
          issueDate: "2024-03-01",
          dueDate: "2024-03-31",
          amountMinor: 100,
          currency: "USD",
          payments: [{ date: "2024-03-20", amountMinor: 40 }],
          paidAmount: "0.60",
          paidDate: "2024-03-25",
        },
        { ...invoice, id: "INV-3" },
      ],
      { currency: "CNY" },
    );
    expect(report.rejected).toBe(0);
    expect(records).toEqual(
      [
        {
          ...invoice,
          amount: undefined,
          amountMinor: 500000,
          currency: "CNY",
          payments: [{ date: "2024-04-10", amountMinor: 200050 }],
        },
        {
          id: "INV-2",
          customerId: "C1",
          issueDate: "2024-03-01",
          dueDate: "2024-03-31",
          amountMinor: 100,
          currency: "USD",
          payments: [
            { date: "2024-03-20", amountMinor: 40 },
            { date: "2024-03-25", amountMinor: 60 },
          ],
        },
        { ...invoice, amount: undefined, id: "INV-3", amountMinor: 500000, currency: "CNY" },
      ].map((record) => JSON.parse(JSON.stringify(record))),
    );
  });

  it("rejects due dates before issue dates, half payments, negative amounts and repeated ids", () => {
    const { report } = ingestInvoices(
      [
        { ...invoice, dueDate: "2024-02-01" },
        { ...invoice, id: "INV-2", paidAmount: "10" },
        { ...invoice, id: "INV-3", paidDate: "2024-04-01" },
        { ...invoice, id: "INV-4", amount: "-1" },
        { ...invoice, id: "INV-5", paidAmount: "1", paidDate: "someday" },
        { ...invoice, id: "INV-6" },
        { ...invoice, id: "INV-6" },
        { ...invoice, id: "INV-7", payments: [{ date: "2024-04-01", amount: "5" }] },
      ],
      { currency: "CNY" },
    );
    expect(report.issues.map((issue) => [issue.row, issue.code, issue.path.join(".")])).toEqual([
      [1, "date.order", "dueDate"],
      [2, "field.missing", "paidDate"],
      [3, "field.missing", "paidAmount"],
      [4, "field.invalid", "amountMinor"],
      [5, "date.invalid", "paidDate"],
      [7, "id.duplicate", "id"],
      [8, "field.missing", "payments.0.amountMinor"],
      [8, "field.unknown", "payments.0.amount"],
    ]);
    expect(report.issues[0]?.message).toBe("The date dueDate (2024-02-01) is before issueDate (2024-03-01).");
    expect(report.issues[3]?.message).toBe(
      "The field amountMinor has the value -100, which is not valid: expected at least 0.",
    );
  });

  it("needs a currency", () => {
    expect(ingestInvoices([invoice]).report.issues.map((issue) => issue.code)).toEqual(["field.missing"]);
  });
});
