import { type Customer, customerSchema, type ImportantDateKind } from "../model/customer.js";
import type { IngestOptions } from "./IngestOptions.js";
import type { IngestResult } from "./IngestReport.js";
import { type FieldPlan, ingestRecords, type RecordPlan } from "./recordIngest.js";

/**
 * The fields a customer row is read into (keys of the `columns` option). Flat CSV rows give one primary
 * contact through the `contact…` columns, important dates through the `…Date` columns and `tags` as a
 * `;`-separated text; JSON rows give `contacts`, `importantDates`, `tags` and `attributes` in the record's own
 * shape. `creditLimit` is in major units of the currency, `creditLimitMinor` in minor units.
 *
 * @example
 * ```ts
 * const field: CustomerColumn = "contactEmail";
 * ```
 */
export type CustomerColumn =
  | "id"
  | "name"
  | "company"
  | "industry"
  | "region"
  | "contacts"
  | "contactName"
  | "contactRole"
  | "contactPhone"
  | "contactEmail"
  | "contactBirthday"
  | "tags"
  | "owner"
  | "createdDate"
  | "reviewedDate"
  | "importantDates"
  | "foundingDate"
  | "cooperationStartDate"
  | "contractRenewalDate"
  | "contractEndDate"
  | "currency"
  | "creditLimit"
  | "creditLimitMinor"
  | "attributes";

/**
 * Options of {@link ingestCustomers}: the shared {@link IngestOptions} (without `knownCustomers`) plus the
 * custom-field columns.
 *
 * @example
 * ```ts
 * const options: CustomerIngestOptions = { columns: { id: "客户编号", name: "客户名称" }, attributeColumns: ["等级"] };
 * ```
 */
export interface CustomerIngestOptions extends Omit<IngestOptions<CustomerColumn>, "knownCustomers"> {
  /** Columns copied as text into `attributes` (a CRM's custom fields), under their column names. */
  attributeColumns?: readonly string[] | undefined;
}

const CONTACT_COLUMNS = [
  ["contactName", "name"],
  ["contactRole", "role"],
  ["contactPhone", "phone"],
  ["contactEmail", "email"],
  ["contactBirthday", "birthday"],
] as const;

const DATE_COLUMNS: readonly (readonly [CustomerColumn, ImportantDateKind])[] = [
  ["foundingDate", "founding"],
  ["cooperationStartDate", "cooperation-start"],
  ["contractRenewalDate", "contract-renewal"],
  ["contractEndDate", "contract-end"],
];

const FIELDS: readonly FieldPlan[] = [
  { column: "id", kind: "id" },
  { column: "name", kind: "text" },
  { column: "company", kind: "text" },
  { column: "industry", kind: "text" },
  { column: "region", kind: "text" },
  { column: "contacts", kind: "value" },
  { column: "contactName", kind: "text", target: null },
  { column: "contactRole", kind: "text", target: null },
  { column: "contactPhone", kind: "text", target: null },
  { column: "contactEmail", kind: "text", target: null },
  { column: "contactBirthday", kind: "birthday", target: null },
  { column: "tags", kind: "list" },
  { column: "owner", kind: "text" },
  { column: "createdDate", kind: "day" },
  { column: "reviewedDate", kind: "day" },
  { column: "importantDates", kind: "value" },
  ...DATE_COLUMNS.map(([column]): FieldPlan => ({ column, kind: "day", target: null })),
  { column: "currency", kind: "text" },
  { column: "creditLimit", kind: "money", target: "creditLimitMinor" },
  { column: "creditLimitMinor", kind: "number" },
  { column: "attributes", kind: "value" },
];

/**
 * The customer record type of the ingest: its fields, schema and checks. Internal: the command line streams a
 * file's rows through `recordIngest` with it.
 */
export function customerRecordPlan(): RecordPlan<Customer> {
  return {
    kind: "customers",
    schema: customerSchema(),
    fields: FIELDS,
    customerField: "id",
    checksCustomers: false,
    attributes: true,
    assemble(draft, values, complain) {
      const contact: Record<string, unknown> = {};
      for (const [column, key] of CONTACT_COLUMNS)
        if (values[column] !== undefined) contact[key] = values[column];
      if (Object.keys(contact).length > 0) {
        if (draft.contacts === undefined) draft.contacts = [{ ...contact, primary: true }];
        else
          complain("field.invalid", "contacts", {
            field: "contacts",
            value: "(list)",
            reason: "both contacts and contact columns are given",
          });
      }
      const dates = DATE_COLUMNS.filter(([column]) => values[column] !== undefined).map(([column, kind]) => ({
        kind,
        date: values[column],
      }));
      const given = draft.importantDates;
      if (dates.length > 0 && (given === undefined || Array.isArray(given)))
        draft.importantDates = [...(given ?? []), ...dates];
    },
  };
}

/**
 * Reads customer rows — flat CSV rows with string values, or JSON objects in the {@link Customer} shape — into
 * validated records, with an {@link IngestReport} that accounts for every row. Strings become ISO dates and
 * minor units; the record is then checked with {@link customerSchema}, and every problem becomes an issue
 * with a sentence (`id.missing`, `field.missing`, `field.invalid`, `date.invalid`, `field.unknown` …). A
 * repeated id is rejected (`id.duplicate`). Text is trimmed; an id written `12345.0` is read as `12345`; the
 * contact columns make one contact marked `primary`.
 *
 * @param rows - The rows (column name → value).
 * @param options - Column mapping and rules; see {@link CustomerIngestOptions}.
 * @returns The accepted customers, in row order, and the report.
 * @throws {@link KeyAccountError} listing every problem with the options.
 *
 * @example
 * ```ts
 * const { records, report } = ingestCustomers(
 *   [
 *     { id: "1001.0", name: "Acme Trading", contactName: "Li Wei", contactEmail: "li.wei@acme.cn",
 *       tags: "vip; export", creditLimit: "500000" },
 *     { id: "1002", name: " " },
 *   ],
 *   { currency: "CNY" },
 * );
 * records;
 * // => [{ id: "1001", name: "Acme Trading", contacts: [{ name: "Li Wei", email: "li.wei@acme.cn", primary: true }],
 * //      tags: ["vip", "export"], creditLimitMinor: 50000000, currency: "CNY" }]
 * report.rejectedByCode; // => { "field.missing": 1 }
 * ```
 */
export function ingestCustomers(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: CustomerIngestOptions = {},
): IngestResult<Customer> {
  return ingestRecords(rows, options, customerRecordPlan());
}
