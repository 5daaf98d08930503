import { type Invoice, invoiceSchema } from "../model/invoice.js";
import type { IngestOptions } from "./IngestOptions.js";
import type { IngestResult } from "./IngestReport.js";
import { type FieldPlan, ingestRecords, type RecordPlan } from "./recordIngest.js";

/**
 * The fields an invoice row is read into (keys of the `columns` option). `amount` is in major units of the
 * currency, `amountMinor` in minor units; `payments` is the JSON list of the record's shape, and a flat row may
 * instead carry one payment in `paidAmount` (major units) and `paidDate`.
 *
 * @example
 * ```ts
 * const field: InvoiceColumn = "paidDate";
 * ```
 */
export type InvoiceColumn =
  | "id"
  | "customerId"
  | "issueDate"
  | "dueDate"
  | "currency"
  | "amount"
  | "amountMinor"
  | "payments"
  | "paidAmount"
  | "paidDate";

/**
 * Options of {@link ingestInvoices}: the shared {@link IngestOptions}; `currency` is the currency of rows
 * without one.
 *
 * @example
 * ```ts
 * const options: InvoiceIngestOptions = { currency: "CNY", columns: { id: "发票号", amount: "金额" } };
 * ```
 */
export type InvoiceIngestOptions = IngestOptions<InvoiceColumn>;

const FIELDS: readonly FieldPlan[] = [
  { column: "id", kind: "id" },
  { column: "customerId", kind: "id" },
  { column: "issueDate", kind: "day" },
  { column: "dueDate", kind: "day" },
  { column: "currency", kind: "text" },
  { column: "amount", kind: "money", target: "amountMinor" },
  { column: "amountMinor", kind: "number" },
  { column: "payments", kind: "value" },
  { column: "paidAmount", kind: "money", target: null },
  { column: "paidDate", kind: "day", target: null },
];

/**
 * The invoice record type of the ingest: its fields, schema and checks. Internal: the command line streams a
 * file's rows through `recordIngest` with it.
 */
export function invoiceRecordPlan(): RecordPlan<Invoice> {
  return {
    kind: "invoices",
    schema: invoiceSchema(),
    fields: FIELDS,
    dateOrder: { dueDate: "issueDate" },
    currencyRequired: true,
    assemble(draft, values, complain, failed) {
      const { paidAmount: amountMinor, paidDate: date } = values;
      if (
        failed.has("paidAmount") ||
        failed.has("paidDate") ||
        (amountMinor === undefined && date === undefined)
      )
        return;
      if (amountMinor === undefined) complain("field.missing", "paidAmount", { field: "paidAmount" });
      else if (date === undefined) complain("field.missing", "paidDate", { field: "paidDate" });
      else {
        const given = draft.payments;
        if (given === undefined || Array.isArray(given))
          draft.payments = [...(given ?? []), { date, amountMinor }];
        else
          complain("field.invalid", "payments", {
            field: "payments",
            value: "(object)",
            reason: "expected a list",
          });
      }
    },
  };
}

/**
 * Reads invoice rows — flat CSV rows with string values, or JSON objects in the {@link Invoice} shape — into
 * validated records, with an {@link IngestReport} that accounts for every row. Amounts become exact minor units
 * of the row's currency (or the `currency` option), dates become `YYYY-MM-DD`, and a flat row's `paidAmount`
 * and `paidDate` become one payment (added to any JSON `payments`); the record is then checked with
 * {@link invoiceSchema}: a due day before the issue day (`date.order`), negative amounts, missing or invalid
 * fields. A repeated invoice id is rejected (`id.duplicate`); with `knownCustomers`, so is an unknown customer.
 *
 * @param rows - The rows (column name → value).
 * @param options - Column mapping and rules; see {@link InvoiceIngestOptions}.
 * @returns The accepted invoices, in row order, and the report.
 * @throws {@link KeyAccountError} listing every problem with the options.
 *
 * @example
 * ```ts
 * const { records, report } = ingestInvoices(
 *   [{ id: "INV-1", customerId: "C1", issueDate: "2024-03-01", dueDate: "2024-03-31", amount: "5,000.00",
 *      paidAmount: "5000", paidDate: "2024-04-10" }],
 *   { currency: "CNY" },
 * );
 * records;
 * // => [{ id: "INV-1", customerId: "C1", issueDate: "2024-03-01", dueDate: "2024-03-31", amountMinor: 500000,
 * //      currency: "CNY", payments: [{ date: "2024-04-10", amountMinor: 500000 }] }]
 * report.accepted; // => 1
 * ```
 */
export function ingestInvoices(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: InvoiceIngestOptions = {},
): IngestResult<Invoice> {
  return ingestRecords(rows, options, invoiceRecordPlan());
}
