import type { Transaction } from "../model/transaction.js";
import { createTransactionIngest, type TransactionIngestOptions } from "./createTransactionIngest.js";
import type { IngestResult } from "./IngestReport.js";

/**
 * Reads transaction rows into validated {@link Transaction} records, all at once: the convenience form of
 * {@link createTransactionIngest}, whose documentation lists every rule (normalisations, the matching of
 * cancellations and returns, duplicates). Records come back in input row order.
 *
 * @param rows - Rows as a CSV parser or a CRM API gives them (column name → value, usually strings).
 * @param options - Column mapping and rules; see {@link TransactionIngestOptions}.
 * @returns The accepted records and the {@link IngestReport} accounting for every row.
 * @throws {@link KeyAccountError} listing every problem with the options.
 *
 * @example
 * ```ts
 * const rows = [
 *   { InvoiceNo: "536365", StockCode: "85123A", Quantity: "6", UnitPrice: "2.55", InvoiceDate: "2010-12-01 08:26:00", CustomerID: "17850.0" },
 *   { InvoiceNo: "C536379", StockCode: "85123A", Quantity: "-2", UnitPrice: "2.55", InvoiceDate: "2010-12-01 09:41:00", CustomerID: "17850.0" },
 * ];
 * const { records, report } = ingestTransactions(rows, {
 *   columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice",
 *     date: "InvoiceDate", customerId: "CustomerID" },
 *   currency: "GBP",
 *   cancellationPrefix: "C",
 * });
 * records.map((t) => [t.customerId, t.kind, t.amountMinor, t.reverses]);
 * // => [["17850", "sale", 1530, undefined], ["17850", "cancellation", -510, "536365"]]
 * report.noticesByCode; // => { "cancellation.matched": 1 }
 * ```
 */
export function ingestTransactions(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: TransactionIngestOptions,
): IngestResult<Transaction> {
  const records: Transaction[] = [];
  const order: number[] = [];
  let inOrder = true;
  const ingest = createTransactionIngest(options, (record, row) => {
    if (order.length > 0 && row < (order[order.length - 1] ?? 0)) inOrder = false;
    records.push(record);
    order.push(row);
  });
  for (const row of rows) ingest.push(row);
  const report = ingest.finish();
  if (inOrder) return { records, report };
  const indexes = order.map((_, i) => i).sort((a, b) => (order[a] ?? 0) - (order[b] ?? 0));
  return { records: indexes.map((i) => records[i] as Transaction), report };
}
