// The UCI Online Retail sample (test/fixtures/README.md): every line accounted for, with the counts per reason
// computed here independently of the ingest code, straight from the parsed rows.
import { beforeAll, describe, expect, it } from "vitest";
import { type IngestReport, ingestTransactions, type Transaction } from "../../src/index.js";
import { ONLINE_RETAIL_INGEST, type OnlineRetailRow, onlineRetailRows } from "../onlineRetail.js";

const rows = onlineRetailRows();

// Pence of quantity × unit price, with BigInt and string digits (no parseScaled, no floats).
function pence(quantity: string, unitPrice: string): bigint {
  const [whole = "0", fraction = ""] = unitPrice.split(".");
  return BigInt(quantity) * BigInt(whole + fraction.padEnd(2, "0"));
}

interface Expected {
  blankIds: number;
  negativeUnmarked: number;
  nonPositivePrice: number;
  duplicates: number;
  sales: number[]; // rows of accepted sales
  cancellations: number; // cancellation rows that reach matching
  matched: Map<number, number>; // cancellation row → original row
  unmatched: number;
}

// The documented rules, applied the slow and obvious way.
function expectedOutcome(): Expected {
  const outcome: Expected = {
    blankIds: 0,
    negativeUnmarked: 0,
    nonPositivePrice: 0,
    duplicates: 0,
    sales: [],
    cancellations: 0,
    matched: new Map(),
    unmatched: 0,
  };
  const seen = new Set<string>();
  const sales: { row: number; customer: string; product: string; day: string; left: number }[] = [];
  const cancellations: { row: number; customer: string; product: string; day: string; quantity: number }[] =
    [];
  rows.forEach((r, index) => {
    const row = index + 1;
    const customer = r.CustomerID.trim().replace(/\.0$/, "");
    const cancellation = r.InvoiceNo.startsWith("C");
    const quantity = Number(r.Quantity);
    if (customer === "") outcome.blankIds++;
    else if (!cancellation && quantity < 0) outcome.negativeUnmarked++;
    else if (!cancellation && Number(r.UnitPrice) <= 0) outcome.nonPositivePrice++;
    else {
      const key = JSON.stringify(Object.values(r));
      if (seen.has(key)) outcome.duplicates++;
      else {
        seen.add(key);
        const entry = { row, customer, product: r.StockCode, day: r.InvoiceDate.slice(0, 10) };
        if (cancellation) cancellations.push({ ...entry, quantity: -quantity });
        else sales.push({ ...entry, left: quantity });
      }
    }
  });
  outcome.sales = sales.map((sale) => sale.row);
  outcome.cancellations = cancellations.length;
  cancellations.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.row - b.row));
  const byItem = new Map<string, typeof sales>();
  for (const sale of sales) {
    const item = `${sale.customer} ${sale.product}`;
    byItem.set(item, [...(byItem.get(item) ?? []), sale]);
  }
  for (const c of cancellations) {
    const candidates = (byItem.get(`${c.customer} ${c.product}`) ?? [])
      .filter((s) => s.day <= c.day && s.left >= c.quantity)
      .sort((a, b) => (a.day > b.day ? -1 : a.day < b.day ? 1 : a.row - b.row));
    const original = candidates[0];
    if (original === undefined) outcome.unmatched++;
    else {
      original.left -= c.quantity;
      outcome.matched.set(c.row, original.row);
    }
  }
  return outcome;
}

describe("ingestTransactions on the UCI Online Retail sample", () => {
  let records: Transaction[];
  let report: IngestReport;
  let expected: Expected;

  beforeAll(() => {
    ({ records, report } = ingestTransactions(rows, { ...ONLINE_RETAIL_INGEST, maxIssues: Infinity }));
    expected = expectedOutcome();
  });

  it("reads the file the README describes", () => {
    expect(rows.length).toBe(30_000);
    expect(new Set(rows.map((r) => r.CustomerID).filter((id) => id !== "")).size).toBe(3_569);
    expect(new Set(rows.map((r) => r.InvoiceNo)).size).toBe(12_392);
    expect(rows.filter((r) => r.InvoiceNo.startsWith("C")).length).toBe(620);
    expect(rows.filter((r) => Number(r.Quantity) < 0).length).toBe(633);
    expect(rows.filter((r) => r.CustomerID === "").length).toBe(2_000);
    expect(rows.filter((r) => Number(r.UnitPrice) <= 0).length).toBe(37);
    const lines = rows.map((r) => JSON.stringify(Object.values(r)));
    expect(lines.length - new Set(lines).size).toBe(25);
  });

  it("accounts for every line", () => {
    expect(report.input).toBe(30_000);
    expect(report.accepted + report.rejected).toBe(30_000);
    expect(records.length).toBe(report.accepted);
    // Every rejected row has issues (a row can have several: no customer and a zero price).
    expect(new Set(report.issues.map((issue) => issue.row)).size).toBe(report.rejected);
    expect(report.truncated).toBe(false);
    expect(report.ignoredColumns).toEqual(["Description", "Country"]);
  });

  it("rejects each line for the reason computed independently", () => {
    // By hand: 2,000 blank ids; the 13 unmarked negative quantities and 35 of the 37 zero prices are on rows
    // without a customer; all 25 duplicate lines have one.
    expect(expected.blankIds).toBe(2_000);
    expect(expected.negativeUnmarked).toBe(0);
    expect(expected.nonPositivePrice).toBe(2);
    expect(expected.duplicates).toBe(25);
    const rejectedByCode: IngestReport["rejectedByCode"] = {
      "id.missing": expected.blankIds,
      "amount.nonpositive": expected.nonPositivePrice,
      "row.duplicate": expected.duplicates,
      "cancellation.unmatched": expected.unmatched,
    };
    expect(report.rejectedByCode).toEqual(rejectedByCode);
    expect(report.noticesByCode).toEqual({ "cancellation.matched": expected.matched.size });
    // 616 cancellations have a customer; only 60 find their sale in a 5.5 % sample of the full log.
    expect(expected.cancellations).toBe(
      rows.filter((r) => r.InvoiceNo.startsWith("C") && r.CustomerID).length,
    );
    expect(expected.matched.size + expected.unmatched).toBe(expected.cancellations);
  });

  it("names the original row of every matched cancellation", () => {
    const named = new Map(
      report.notices.map((notice) => [notice.row, (notice.params as { originalRow?: number }).originalRow]),
    );
    expect(named).toEqual(expected.matched);
    for (const record of records.filter((r) => r.kind === "cancellation")) {
      expect(record.amountMinor).toBeLessThan(0);
      expect(record.quantity).toBeLessThan(0);
      expect(record.orderId?.startsWith("C")).toBe(true);
    }
    for (const [row, original] of expected.matched) {
      const cancellation = rows[row - 1];
      expect(cancellation?.CustomerID).toBe(rows[original - 1]?.CustomerID);
      expect(cancellation?.StockCode).toBe(rows[original - 1]?.StockCode);
    }
  });

  it("normalises the spreadsheet ids 12345.0 to 12345", () => {
    expect(records.every((r) => /^\d+$/.test(r.customerId))).toBe(true);
    expect(new Set(records.map((r) => r.customerId)).has("12923")).toBe(true);
  });

  it("adds up to the exact revenue computed from the digits", () => {
    let total = 0n;
    for (const row of [...expected.sales, ...expected.matched.keys()]) {
      const r = rows[row - 1] as OnlineRetailRow;
      total += pence(r.Quantity, r.UnitPrice); // negative quantities on cancellations
    }
    expect(records.filter((r) => r.kind === "sale").length).toBe(expected.sales.length);
    expect(BigInt(records.reduce((sum, r) => sum + r.amountMinor, 0))).toBe(total);
  });
});
