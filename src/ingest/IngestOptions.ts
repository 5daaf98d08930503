import type { DateFormat } from "../model/dateFormat.js";
import type { DecimalRounding } from "../model/decimalText.js";

/**
 * The options every ingest function shares. `Column` is the set of fields a row can be read into; `columns`
 * maps them to the source's column names (the default for each is the field's own name, so rows already in
 * the record's shape need no mapping).
 *
 * Text is trimmed and a blank cell (empty or only spaces) counts as absent. Ids are read as text: a whole
 * number written with a zero fraction, as spreadsheets export numeric ids (`12345.0`), is read as `12345`, and
 * a number is written in its shortest form.
 *
 * @example
 * ```ts
 * const options: IngestOptions<"customerId" | "date"> = {
 *   columns: { customerId: "CustomerID", date: "InvoiceDate" },
 *   dateFormat: "DD/MM/YYYY",
 *   maxIssues: 100,
 * };
 * ```
 */
export interface IngestOptions<Column extends string> {
  /** Source column for each field; a field left out is read from the column of its own name. */
  columns?: Partial<Record<Column, string>> | undefined;
  /** ISO 4217 currency of amounts when a row has no currency of its own. */
  currency?: string | undefined;
  /** How dates are written (default `"auto"`); see {@link DateFormat}. */
  dateFormat?: DateFormat | undefined;
  /**
   * Amounts with more decimals than the currency has: `"reject"` (default) rejects the row with
   * `amount.precision`; `"half-even"` rounds to the minor unit and adds an `amount.rounded` notice.
   */
  rounding?: DecimalRounding | undefined;
  /** How many issue and notice objects the report keeps (default 1000); the counts stay exact. */
  maxIssues?: number | undefined;
  /**
   * Columns that no field reads: `"ignore"` (default) leaves them out of the records and lists them in the
   * report's `ignoredColumns`; `"reject"` rejects every row that has a value in one (`field.unknown`).
   */
  extraColumns?: "ignore" | "reject" | undefined;
  /**
   * The customer ids that exist (e.g. the ids of the ingested customers); a row of another customer is
   * rejected with `reference.unknown-customer`. Not checked when absent.
   */
  knownCustomers?: ReadonlySet<string> | readonly string[] | undefined;
}
