// The engine behind ingestCustomers, ingestInteractions, ingestInvoices and ingestQualifications: read each
// mapped cell (converting strings to numbers, ISO dates and minor units), assemble a draft record, validate it
// with the record's zod schema, and account for every row.
import * as z from "zod/mini";
import { currencyDigits } from "../model/currencyDigits.js";
import { formatDay } from "../model/formatDay.js";
import { isCurrencyCode } from "../model/isCurrencyCode.js";
import type { Issue, IssueCode } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { type CommonOptions, checkColumnList, checkCommonOptions, OptionProblems } from "./checkOptions.js";
import type { IngestReport, IngestResult } from "./IngestReport.js";
import { ReportTally } from "./reportTally.js";
import {
  DecimalReader,
  describeValue,
  isBlank,
  type MoneyComplaint,
  type Row,
  RowCells,
  readId,
  readMoney,
  readText,
} from "./rowReader.js";
import { type IssueContext, issuesFromZod } from "./zodIssues.js";

/**
 * How a cell is read: `id` and `text` as trimmed text (ids with the `12345.0` normalisation), `day` as
 * `YYYY-MM-DD`, `timestamp` as an ISO date-time, `number` as a number, `money` as minor units of the row's
 * currency, `list` as a `;`-separated list, `birthday` as `YYYY-MM-DD` or `--MM-DD`, `value` as it is
 * (structured JSON).
 */
export type CellKind =
  | "id"
  | "text"
  | "day"
  | "timestamp"
  | "number"
  | "money"
  | "list"
  | "birthday"
  | "value";

/** One readable field: its key in the `columns` option, how it is read, and the record field it fills. */
export interface FieldPlan {
  readonly column: string;
  readonly kind: CellKind;
  /** The record field; default the column key; `null` when only {@link RecordPlan.assemble} uses it. */
  readonly target?: string | null;
}

/** A record being assembled from cells, before the schema checks it. */
export interface Draft {
  [field: string]: unknown;
  currency?: unknown;
  contacts?: unknown;
  importantDates?: unknown;
  payments?: unknown;
  attributes?: unknown;
}

/** Reports a problem with a field while assembling a draft. */
export type Complain = (code: IssueCode, field: string, params: Record<string, string | number>) => void;

/** Everything the engine needs to know about one record type; the optional parts have defaults. */
export interface RecordPlan<R> extends Partial<IssueContext> {
  readonly kind: IngestReport["kind"];
  readonly schema: z.ZodMiniType<R>;
  /** The readable fields, in the order they are read and reported (`currency` before money fields). */
  readonly fields: readonly FieldPlan[];
  /** Whether every record has a currency (the `currency` option fills it in); default false. */
  readonly currencyRequired?: boolean;
  /** Whether `knownCustomers` applies (not for customers themselves); default true. */
  readonly checksCustomers?: boolean;
  /** Whether `attributeColumns` applies: columns copied as text into `attributes`; default false. */
  readonly attributes?: boolean;
  /**
   * Builds the fields made of several columns: `values` holds every cell read without problems by column key;
   * `failed` names the fields already reported.
   */
  readonly assemble?: (
    draft: Draft,
    values: Readonly<Record<string, unknown>>,
    complain: Complain,
    failed: ReadonlySet<string>,
  ) => void;
}

type ResolvedPlan<R> = Required<Omit<RecordPlan<R>, "assemble">> & Pick<RecordPlan<R>, "assemble">;

// A cell that could not be read (an issue has been recorded).
const FAILED: unique symbol = Symbol("failed");

function isPlainNumber(text: string): boolean {
  let i = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 46 && !point) point = true;
    else return false;
  }
  return digits > 0;
}

function readNumber(value: unknown): unknown {
  if (typeof value !== "string") return value ?? undefined;
  const text = readText(value);
  return text != null && isPlainNumber(text) ? Number(text) : text;
}

function readTimestamp(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  const text = readText(value);
  // `2024-03-05 09:30` (a space, as spreadsheets write it) is the ISO `2024-03-05T09:30`.
  if (
    typeof text === "string" &&
    text.length >= 16 &&
    text.charCodeAt(10) === 32 &&
    text.charCodeAt(4) === 45
  )
    return `${text.slice(0, 10)}T${text.slice(11)}`;
  return text === null ? value : text;
}

function readList(value: unknown): unknown {
  if (typeof value !== "string") return value ?? undefined;
  const items = value
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length === 0 ? undefined : items;
}

class RecordReader<R> {
  private readonly plan: ResolvedPlan<R>;
  private readonly settings: CommonOptions;
  private readonly attributeColumns: readonly string[];
  private readonly order: ReadonlyMap<string, number>;
  private readonly decimals = new DecimalReader();
  private row = 0;
  private issues: Issue[] = [];
  private notices: Issue[] = [];
  private failed = new Set<string>();
  private readonly moneyComplaint: MoneyComplaint = (code, field, params) => {
    if (code === "amount.rounded") this.notices.push(makeIssue(code, [field], params, this.row));
    else this.complain(code, field, params);
  };

  constructor(plan: ResolvedPlan<R>, settings: CommonOptions, attributeColumns: readonly string[]) {
    this.plan = plan;
    this.settings = settings;
    this.attributeColumns = attributeColumns;
    const order = new Map<string, number>();
    for (const field of plan.fields) {
      const name = field.target ?? field.column;
      if (!order.has(name)) order.set(name, order.size);
    }
    this.order = order;
  }

  private complain(code: IssueCode, field: string, params: Record<string, string | number>): void {
    this.failed.add(field);
    this.issues.push(makeIssue(code, [field], params, this.row));
  }

  private money(value: unknown, field: string, draft: Draft): unknown {
    const own = draft.currency;
    const currency = typeof own === "string" ? own : this.settings.currency;
    if (currency === undefined) {
      if (!this.failed.has("currency")) this.complain("field.missing", "currency", { field: "currency" });
      this.failed.add(field);
      return FAILED;
    }
    if (!isCurrencyCode(currency)) {
      this.failed.add(field); // the schema reports the currency
      return FAILED;
    }
    const minor = readMoney(
      this.decimals,
      value,
      field,
      currency,
      currencyDigits(currency),
      this.settings.rounding,
      this.moneyComplaint,
    );
    if (minor === undefined) return FAILED;
    if (draft.currency === undefined) draft.currency = currency;
    return minor;
  }

  private read(kind: CellKind, value: unknown, field: string, draft: Draft): unknown {
    if (kind === "value") return isBlank(value) ? undefined : value;
    if (kind === "number") return readNumber(value);
    if (kind === "list") return readList(value);
    if (kind === "timestamp") return readTimestamp(value);
    if (isBlank(value)) return undefined;
    if (kind === "money") return this.money(value, field, draft);
    if (kind === "day") {
      const day = parseDay(value, this.settings.dateFormat);
      if (day !== undefined) return formatDay(day);
      const expected = this.settings.dateFormat === "auto" ? "YYYY-MM-DD" : this.settings.dateFormat;
      this.complain("date.invalid", field, { value: describeValue(value), expected });
      return FAILED;
    }
    const text = kind === "id" ? readId(value) : readText(value);
    if (text === null) {
      this.complain("field.invalid", field, { field, value: describeValue(value), reason: "expected text" });
      return FAILED;
    }
    if (kind === "birthday") {
      const day = parseDay(text, this.settings.dateFormat);
      return day === undefined ? text : formatDay(day);
    }
    return text;
  }

  /** Reads one row; returns the record, or undefined when the row is rejected (issues in `issues`). */
  draft(
    cells: readonly unknown[],
    rowNumber: number,
  ): { record: R | undefined; issues: Issue[]; notices: Issue[] } {
    this.row = rowNumber;
    this.issues = [];
    this.notices = [];
    this.failed = new Set();
    const plan = this.plan;
    const draft: Draft = {};
    const values: Record<string, unknown> = {};
    const sources: Record<string, string> = {};
    for (const [index, field] of plan.fields.entries()) {
      const source = this.settings.columns[field.column] ?? field.column;
      const target = field.target === undefined ? field.column : field.target;
      const raw = cells[index];
      const value = this.read(field.kind, raw, target ?? field.column, draft);
      if (value === FAILED) continue;
      values[field.column] = value;
      if (target === null || value === undefined) continue;
      const earlier = sources[target];
      if (earlier !== undefined) {
        const reason = `both ${earlier} and ${source} are given`;
        this.complain("field.invalid", target, { field: target, value: describeValue(raw), reason });
        continue;
      }
      sources[target] = source;
      draft[target] = value;
    }
    if (plan.assemble !== undefined)
      plan.assemble(draft, values, (code, field, params) => this.complain(code, field, params), this.failed);
    if (plan.attributes) this.addAttributes(cells.slice(plan.fields.length), draft);
    if (plan.currencyRequired && draft.currency === undefined && this.settings.currency !== undefined)
      draft.currency = this.settings.currency;
    const parsed = z.safeParse(plan.schema, draft);
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) {
        const head = zodIssue.path[0];
        if (typeof head === "string" && this.failed.has(head)) continue;
        this.issues.push(...issuesFromZod(zodIssue, draft, rowNumber, plan));
      }
    }
    const rank = (issue: Issue) => this.order.get(String(issue.path[0])) ?? this.order.size;
    this.issues.sort((a, b) => rank(a) - rank(b));
    return { record: parsed.success ? parsed.data : undefined, issues: this.issues, notices: this.notices };
  }

  private addAttributes(cells: readonly unknown[], draft: Draft): void {
    if (this.attributeColumns.length === 0) return;
    const given = draft.attributes;
    const attributes: Record<string, unknown> =
      typeof given === "object" && given !== null && !Array.isArray(given) ? { ...given } : {};
    if (given !== undefined && (typeof given !== "object" || given === null || Array.isArray(given))) return;
    for (const [index, name] of this.attributeColumns.entries()) {
      const raw = cells[index];
      const text = readText(raw);
      if (text === null)
        this.complain("field.invalid", "attributes", {
          field: name,
          value: describeValue(raw),
          reason: "expected text",
        });
      else if (text !== undefined) attributes[name] = text;
    }
    if (Object.keys(attributes).length > 0) draft.attributes = attributes;
  }
}

/** A record ingest that takes its rows one at a time (a file read row by row), then gives the result. */
export interface RecordIngest<R> {
  /** Reads one row into a record or a rejection. */
  add(row: Row): void;
  /** The records and the report. */
  finish(): IngestResult<R>;
}

/**
 * Checks the options and starts an ingest that reads rows one at a time into records or rejections, and rejects
 * repeated ids and (when `knownCustomers` is given) rows of unknown customers.
 *
 * @param options - The options as given.
 * @param recordPlan - The record type.
 * @param keep - Where each accepted record goes, in row order, instead of the result's `records` (which then
 *   stays empty): for a caller that keeps the records in a form of its own.
 * @returns The ingest.
 * @throws {@link KeyAccountError} listing every problem with the options.
 */
export function recordIngest<R extends { id?: string | undefined }>(
  options: unknown,
  recordPlan: RecordPlan<R>,
  keep?: (record: R) => void,
): RecordIngest<R> {
  const plan: ResolvedPlan<R> = {
    customerField: "customerId",
    dateOrder: {},
    ranges: {},
    currencyRequired: false,
    checksCustomers: true,
    attributes: false,
    ...recordPlan,
  };
  const problems = new OptionProblems();
  const extraKeys = plan.attributes ? ["attributeColumns"] : [];
  const settings = checkCommonOptions(
    problems,
    options,
    plan.fields.map((field) => field.column),
    extraKeys,
  );
  if (!plan.checksCustomers && settings.knownCustomers !== undefined)
    problems.add("knownCustomers", "unknown option");
  const attributeColumns = plan.attributes ? checkColumnList(problems, options, "attributeColumns") : [];
  problems.throwIfAny();

  const tally = new ReportTally(plan.kind, settings.maxIssues);
  const names = plan.fields.map((field) =>
    field.column in settings.columns ? settings.columns[field.column] : field.column,
  );
  const cells = new RowCells([...names, ...attributeColumns]);
  const reader = new RecordReader(plan, settings, attributeColumns);
  const ids = new Map<string, number>();
  const records: R[] = [];
  const accepted = keep ?? ((record: R) => records.push(record));
  return {
    add(row: Row): void {
      const rowNumber = ++tally.input;
      const extra = cells.load(row, settings.rejectExtraColumns);
      const { record, issues, notices } = reader.draft(cells.values, rowNumber);
      for (const name of extra ?? [])
        issues.push(makeIssue("field.unknown", [name], { field: name }, rowNumber));
      if (record === undefined || issues.length > 0) {
        tally.reject(issues);
        return;
      }
      const customerId = (record as Record<string, unknown>)[plan.customerField];
      if (plan.checksCustomers && settings.knownCustomers !== undefined && typeof customerId === "string") {
        if (!settings.knownCustomers.has(customerId)) {
          tally.reject([
            makeIssue("reference.unknown-customer", [plan.customerField], { value: customerId }, rowNumber),
          ]);
          return;
        }
      }
      if (record.id !== undefined) {
        const firstRow = ids.get(record.id);
        if (firstRow !== undefined) {
          tally.reject([makeIssue("id.duplicate", ["id"], { value: record.id, firstRow }, rowNumber)]);
          return;
        }
        ids.set(record.id, rowNumber);
      }
      tally.accept(notices.length > 0 ? notices : undefined);
      accepted(record);
    },
    finish(): IngestResult<R> {
      return { records, report: tally.report(cells.ignored) };
    },
  };
}

/**
 * Checks the options, reads every row into a record or a rejection, and rejects repeated ids and (when
 * `knownCustomers` is given) rows of unknown customers.
 *
 * @param rows - The rows.
 * @param options - The options as given.
 * @param recordPlan - The record type.
 * @returns The records and the report.
 * @throws {@link KeyAccountError} listing every problem with the options.
 */
export function ingestRecords<R extends { id?: string | undefined }>(
  rows: Iterable<Row>,
  options: unknown,
  recordPlan: RecordPlan<R>,
): IngestResult<R> {
  const ingest = recordIngest(options, recordPlan);
  for (const row of rows) ingest.add(row);
  return ingest.finish();
}
