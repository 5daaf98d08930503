import { type Qualification, qualificationSchema } from "../model/qualification.js";
import type { IngestOptions } from "./IngestOptions.js";
import type { IngestResult } from "./IngestReport.js";
import { type FieldPlan, ingestRecords, type RecordPlan } from "./recordIngest.js";

/**
 * The fields a qualification row is read into (keys of the `columns` option): the {@link Qualification}
 * fields.
 *
 * @example
 * ```ts
 * const field: QualificationColumn = "expires";
 * ```
 */
export type QualificationColumn = keyof Qualification;

/**
 * Options of {@link ingestQualifications}: the shared {@link IngestOptions}.
 *
 * @example
 * ```ts
 * const options: QualificationIngestOptions = { columns: { documentType: "证照类型", expires: "有效期至" } };
 * ```
 */
export type QualificationIngestOptions = IngestOptions<QualificationColumn>;

const FIELDS: readonly FieldPlan[] = [
  { column: "id", kind: "id" },
  { column: "customerId", kind: "id" },
  { column: "documentType", kind: "text" },
  { column: "number", kind: "text" },
  { column: "issued", kind: "day" },
  { column: "expires", kind: "day" },
  { column: "verifiedBy", kind: "text" },
  { column: "verifiedOn", kind: "day" },
  { column: "status", kind: "text" },
];

/**
 * The qualification record type of the ingest: its fields, schema and checks. Internal: the command line streams a
 * file's rows through `recordIngest` with it.
 */
export function qualificationRecordPlan(): RecordPlan<Qualification> {
  return {
    kind: "qualifications",
    schema: qualificationSchema(),
    fields: FIELDS,
    dateOrder: { expires: "issued" },
  };
}

/**
 * Reads qualification-document rows (business licences, authorisations, certificates) — flat CSV rows with
 * string values, or JSON objects in the {@link Qualification} shape — into validated records, with an
 * {@link IngestReport} that accounts for every row. Dates become `YYYY-MM-DD`; the record is then checked with
 * {@link qualificationSchema}: the status (`active`, `pending`, `revoked`), an expiry before the issue day
 * (`date.order`), missing or invalid fields. A repeated id is rejected (`id.duplicate`); with
 * `knownCustomers`, so is an unknown customer.
 *
 * @param rows - The rows (column name → value).
 * @param options - Column mapping and rules; see {@link QualificationIngestOptions}.
 * @returns The accepted qualifications, in row order, and the report.
 * @throws {@link KeyAccountError} listing every problem with the options.
 *
 * @example
 * ```ts
 * const { records, report } = ingestQualifications([
 *   { customerId: "C1", documentType: "business-licence", issued: "2022/7/1", expires: "2027/6/30", status: "active" },
 *   { customerId: "C2", documentType: "business-licence", issued: "2022-07-01", expires: "2021-06-30", status: "active" },
 * ]);
 * records;
 * // => [{ customerId: "C1", documentType: "business-licence", issued: "2022-07-01", expires: "2027-06-30", status: "active" }]
 * report.rejectedByCode; // => { "date.order": 1 }
 * ```
 */
export function ingestQualifications(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: QualificationIngestOptions = {},
): IngestResult<Qualification> {
  return ingestRecords(rows, options, qualificationRecordPlan());
}
