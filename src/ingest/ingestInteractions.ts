import { type Interaction, interactionSchema } from "../model/interaction.js";
import type { IngestOptions } from "./IngestOptions.js";
import type { IngestResult } from "./IngestReport.js";
import { type FieldPlan, ingestRecords, type RecordPlan } from "./recordIngest.js";

/**
 * The fields an interaction row is read into (keys of the `columns` option): the {@link Interaction} fields.
 *
 * @example
 * ```ts
 * const field: InteractionColumn = "nps";
 * ```
 */
export type InteractionColumn = keyof Interaction;

/**
 * Options of {@link ingestInteractions}: the shared {@link IngestOptions}.
 *
 * @example
 * ```ts
 * const options: InteractionIngestOptions = { columns: { customerId: "客户编号", date: "日期", kind: "类型" } };
 * ```
 */
export type InteractionIngestOptions = IngestOptions<InteractionColumn>;

const FIELDS: readonly FieldPlan[] = [
  { column: "id", kind: "id" },
  { column: "customerId", kind: "id" },
  { column: "kind", kind: "text" },
  { column: "date", kind: "day" },
  { column: "owner", kind: "text" },
  { column: "contact", kind: "text" },
  { column: "text", kind: "text" },
  { column: "careType", kind: "text" },
  { column: "openedAt", kind: "timestamp" },
  { column: "firstResponseAt", kind: "timestamp" },
  { column: "resolvedAt", kind: "timestamp" },
  { column: "satisfaction", kind: "number" },
  { column: "nps", kind: "number" },
];

/**
 * The interaction record type of the ingest: its fields, schema and checks. Internal: the command line streams a
 * file's rows through `recordIngest` with it.
 */
export function interactionRecordPlan(): RecordPlan<Interaction> {
  return {
    kind: "interactions",
    schema: interactionSchema(),
    fields: FIELDS,
    dateOrder: { firstResponseAt: "openedAt", resolvedAt: "openedAt" },
    ranges: { satisfaction: [1, 5], nps: [0, 10] },
  };
}

/**
 * Reads interaction rows (visits, calls, care, complaints, feedback) — flat CSV rows with string values, or
 * JSON objects in the {@link Interaction} shape — into validated records, with an {@link IngestReport} that
 * accounts for every row. Numbers written as text become numbers, dates become `YYYY-MM-DD`, and a
 * date-time written with a space (`2024-03-05 09:30`) becomes the ISO `2024-03-05T09:30`; the record is then
 * checked with {@link interactionSchema}: ratings out of range (`rating.out-of-range`: satisfaction 1–5,
 * NPS 0–10), a response or resolution before the complaint was opened (`date.order`), missing or invalid
 * fields. A repeated id is rejected (`id.duplicate`); with `knownCustomers`, so is an unknown customer.
 *
 * @param rows - The rows (column name → value).
 * @param options - Column mapping and rules; see {@link InteractionIngestOptions}.
 * @returns The accepted interactions, in row order, and the report.
 * @throws {@link KeyAccountError} listing every problem with the options.
 *
 * @example
 * ```ts
 * const { records, report } = ingestInteractions([
 *   { customerId: "C1", kind: "feedback", date: "2024-03-05", nps: "9" },
 *   { customerId: "C1", kind: "feedback", date: "2024-03-06", nps: "11" },
 * ]);
 * records; // => [{ customerId: "C1", kind: "feedback", date: "2024-03-05", nps: 9 }]
 * report.issues[0]?.message; // => "The nps 11 is outside 0..10."
 * ```
 */
export function ingestInteractions(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: InteractionIngestOptions = {},
): IngestResult<Interaction> {
  return ingestRecords(rows, options, interactionRecordPlan());
}
