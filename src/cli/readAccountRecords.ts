import type { IngestReport, IngestResult } from "../ingest/IngestReport.js";
import { customerRecordPlan } from "../ingest/ingestCustomers.js";
import { interactionRecordPlan } from "../ingest/ingestInteractions.js";
import { invoiceRecordPlan } from "../ingest/ingestInvoices.js";
import { qualificationRecordPlan } from "../ingest/ingestQualifications.js";
import { type RecordPlan, recordIngest } from "../ingest/recordIngest.js";
import type { Customer } from "../model/customer.js";
import { formatMessage } from "../model/formatMessage.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Locale } from "../model/locale.js";
import type { Qualification } from "../model/qualification.js";
import { TextIndex } from "../model/TextIndex.js";
import { LazyList } from "../signals/LazyList.js";
import type { PoolState } from "../signals/SignalAccount.js";
import { CellColumns } from "./CellColumns.js";
import { customerText } from "./customerText.js";
import { fileError } from "./fileError.js";
import { IdMap } from "./IdMap.js";
import { listText } from "./listText.js";
import { inputFormatOf, readRows } from "./readRows.js";
import { readTableRows } from "./readTableRows.js";
import type { FlagValues } from "./runCli.js";
import { SpilledTexts } from "./SpilledTexts.js";
import { yesNoCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";

/** The record files' flags (node:util parseArgs form). */
export const ACCOUNT_RECORD_FLAGS = {
  customers: { type: "string" },
  interactions: { type: "string" },
  invoices: { type: "string" },
  qualifications: { type: "string" },
  pool: { type: "string" },
} as const;

/** The help lines of {@link ACCOUNT_RECORD_FLAGS}, in English and Chinese. */
export const ACCOUNT_RECORD_HELP: Readonly<Record<Locale, string>> = {
  en: `Records (CSV, TSV or JSON Lines; each row accepted or rejected with its reason)
  --customers FILE       customer records: names, contacts, birthdays, important dates, credit limits
  --interactions FILE    visits, calls, care, complaints (with timestamps), feedback (satisfaction, NPS)
  --invoices FILE        invoices with due dates and payments
  --qualifications FILE  licences, authorisations, certificates with expiry and verification
  --pool FILE            the shared-pool state: id, claimed_date, locked, won
`,
  "zh-CN": `记录文件（CSV、TSV 或 JSON Lines；逐行导入或剔除，剔除的行注明原因）
  --customers FILE       客户档案：名称、联系人、生日、重要日期、信用额度
  --interactions FILE    拜访、电话、关怀、投诉（带时间戳）、反馈（满意度、NPS）
  --invoices FILE        发票，含到期日和付款记录
  --qualifications FILE  许可证、授权书、证书，含有效期和核验信息
  --pool FILE            公海状态：id、claimed_date、locked、won
`,
};

/**
 * Every kind of account record read, with its ingest report, and the shared-pool states by id. The customer records
 * are kept as short JSON texts ({@link customerText}), in a temporary file ({@link SpilledTexts}), and made again
 * when read: a customer object with its contacts and dates takes about twice the memory of its text. `close`
 * lets the file go once the records are no longer read.
 */
export interface AccountRecords {
  customers?: { records: LazyList<Customer>; report: IngestReport; close(): void } | undefined;
  interactions?: IngestResult<Interaction> | undefined;
  invoices?: IngestResult<Invoice> | undefined;
  qualifications?: IngestResult<Qualification> | undefined;
  pool: ReadonlyMap<string, PoolState>;
}

// Reads one record file row by row into its ingest: the file's rows are never all held, only the records (handed
// to `keep` when given, instead of the result's list).
async function readRecords<T extends { id?: string | undefined }>(
  path: string | undefined,
  plan: RecordPlan<T>,
  options: Readonly<Record<string, unknown>>,
  keep?: (record: T) => void,
): Promise<IngestResult<T> | undefined> {
  if (path === undefined) return undefined;
  const ingest = recordIngest(options, plan, keep);
  let rows = 0;
  try {
    await readRows(path, { format: inputFormatOf(path), keepTexts: true }, (row, problem) => {
      rows++;
      if (problem !== undefined)
        throw new UsageError("cli.file.row-unreadable", { path, row: rows, problem });
      ingest.add(row);
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw fileError(path, error);
  }
  return ingest.finish();
}

// The customer records, each kept as a short JSON text (a record holds only texts, finite numbers, booleans and
// nulls, so it reads back equal, but for a custom attribute of −0, which reads back as 0): in a temporary file
// (SpilledTexts), or in memory when none can be made.
async function readCustomers(
  path: string | undefined,
  options: Readonly<Record<string, unknown>>,
): Promise<AccountRecords["customers"]> {
  if (path === undefined) return undefined;
  const spilled = SpilledTexts.open();
  const kept: string[] = [];
  const keep = (customer: Customer): void => {
    const text = customerText.write(customer);
    if (spilled === undefined) kept.push(text);
    else spilled.push(text);
  };
  const read = await readRecords(path, customerRecordPlan(), options, keep).catch((error: unknown) => {
    spilled?.close();
    throw error;
  });
  const count = spilled?.length ?? kept.length;
  const records = new LazyList(count, (k) =>
    customerText.read(spilled === undefined ? (kept[k] as string) : spilled.at(k)),
  );
  return { records, report: (read as IngestResult<Customer>).report, close: () => spilled?.close() };
}

// The shared-pool states by id, kept in columns (see IdMap): each state is made when read.
async function readPool(path: string | undefined): Promise<IdMap<PoolState>> {
  const ids = new TextIndex();
  const cells = new CellColumns(["text", "yesNo", "yesNo"]);
  if (path !== undefined) {
    await readTableRows(path, ["id"], (row) =>
      cells.set(ids.entry(row.id as string), [
        row.claimed_date || undefined,
        yesNoCell(row.locked),
        yesNoCell(row.won),
      ]),
    );
  }
  return new IdMap(ids, (entry) => {
    const state: PoolState = {};
    const claimed = cells.cell(entry, 0);
    const locked = cells.cell(entry, 1);
    const won = cells.cell(entry, 2);
    if (claimed !== undefined) state.claimedDate = claimed as string;
    if (locked !== undefined) state.locked = locked as boolean;
    if (won !== undefined) state.won = won as boolean;
    return state;
  });
}

/** Reads the record files the flags name; `currency` is the currency of amounts without one. */
export async function readAccountRecords(
  values: FlagValues,
  currency: string | undefined,
): Promise<AccountRecords> {
  const ingestOptions = currency === undefined ? {} : { currency };
  return {
    customers: await readCustomers(values.customers as string | undefined, ingestOptions),
    interactions: await readRecords(values.interactions as string | undefined, interactionRecordPlan(), {}),
    invoices: await readRecords(values.invoices as string | undefined, invoiceRecordPlan(), ingestOptions),
    qualifications: await readRecords(
      values.qualifications as string | undefined,
      qualificationRecordPlan(),
      {},
    ),
    pool: await readPool(values.pool as string | undefined),
  };
}

/** Each record file's ingest report with its kind, in reading order. */
export function recordReports(records: AccountRecords): [string, IngestReport][] {
  const reports: [string, IngestReport][] = [];
  for (const kind of ["customers", "interactions", "invoices", "qualifications"] as const) {
    const ingested = records[kind];
    if (ingested !== undefined) reports.push([kind, ingested.report]);
  }
  return reports;
}

const KIND_CODES = {
  transactions: "cli.kind.transactions",
  customers: "cli.kind.customers",
  interactions: "cli.kind.interactions",
  invoices: "cli.kind.invoices",
  qualifications: "cli.kind.qualifications",
} as const;

/**
 * What a report's records are called in a language: transactions, customers … (交易明细, 客户档案 …).
 *
 * @param report - The ingest report; its `kind` names the records.
 * @param locale - The language.
 * @returns The name.
 *
 * @example
 * ```ts
 * recordKindLabel(interactions.report, "zh-CN"); // => "跟进记录"
 * ```
 */
export function recordKindLabel(report: IngestReport, locale: Locale): string {
  return formatMessage(KIND_CODES[report.kind], {}, locale);
}

/**
 * One line of row accounting for a record file: read, used, rejected (by reason), in the user's language.
 *
 * @param report - The file's ingest report.
 * @param locale - The language.
 * @returns The line, with its line break.
 *
 * @example
 * ```ts
 * reportLine(invoices.report, "en"); // => "invoices: rows read 12: used 11, rejected 1 (amount.invalid 1)\n"
 * ```
 */
export function reportLine(report: IngestReport, locale: Locale): string {
  const reasons = Object.entries(report.rejectedByCode).map(([code, count]) =>
    formatMessage("cli.ingest.reason-count", { code, count }, locale),
  );
  const read = report.input;
  const used = report.accepted;
  const rejected = report.rejected;
  const text =
    reasons.length > 0
      ? formatMessage(
          "cli.ingest.rows-by-reason",
          { read, used, rejected, reasons: listText(reasons, locale) },
          locale,
        )
      : formatMessage("cli.ingest.rows", { read, used, rejected }, locale);
  return `${formatMessage("cli.labelled", { label: recordKindLabel(report, locale), text }, locale)}\n`;
}
