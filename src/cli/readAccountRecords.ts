import type { IngestReport, IngestResult } from "../ingest/IngestReport.js";
import { ingestCustomers } from "../ingest/ingestCustomers.js";
import { ingestInteractions } from "../ingest/ingestInteractions.js";
import { ingestInvoices } from "../ingest/ingestInvoices.js";
import { ingestQualifications } from "../ingest/ingestQualifications.js";
import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Qualification } from "../model/qualification.js";
import type { PoolState } from "../signals/SignalAccount.js";
import { inputFormatOf, readRows } from "./readRows.js";
import { readTableFile } from "./readTableFile.js";
import type { FlagValues } from "./runCli.js";
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

/** The help lines of {@link ACCOUNT_RECORD_FLAGS}. */
export const ACCOUNT_RECORD_HELP = `Records (CSV, TSV or JSON Lines; each row accepted or rejected with its reason)
  --customers FILE       customer records: names, contacts, birthdays, important dates, credit limits
  --interactions FILE    visits, calls, care, complaints (with timestamps), feedback (satisfaction, NPS)
  --invoices FILE        invoices with due dates and payments
  --qualifications FILE  licences, authorisations, certificates with expiry and verification
  --pool FILE            the shared-pool state: id, claimed_date, locked, won
`;

/** Every kind of account record read, with its ingest report, and the shared-pool states by id. */
export interface AccountRecords {
  customers?: IngestResult<Customer> | undefined;
  interactions?: IngestResult<Interaction> | undefined;
  invoices?: IngestResult<Invoice> | undefined;
  qualifications?: IngestResult<Qualification> | undefined;
  pool: Map<string, PoolState>;
}

type Ingest<T> = (rows: Iterable<Readonly<Record<string, unknown>>>) => IngestResult<T>;

// Reads one record file (rows held in memory: record files are per account, not per line of sales).
async function readRecords<T>(
  path: string | undefined,
  flag: string,
  ingest: Ingest<T>,
): Promise<IngestResult<T> | undefined> {
  if (path === undefined) return undefined;
  const rows: Readonly<Record<string, unknown>>[] = [];
  try {
    await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
      if (problem !== undefined)
        throw new UsageError(`--${flag}: ${path} row ${rows.length + 1}: ${problem}`);
      rows.push(row);
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--${flag}: cannot read the file "${path}": ${(error as Error).message}`);
  }
  return ingest(rows);
}

async function readPool(path: string | undefined): Promise<Map<string, PoolState>> {
  const pool = new Map<string, PoolState>();
  if (path === undefined) return pool;
  for (const row of await readTableFile(path, "--pool", ["id"])) {
    const state: PoolState = {};
    if (row.claimed_date) state.claimedDate = row.claimed_date;
    const locked = yesNoCell(row.locked);
    const won = yesNoCell(row.won);
    if (locked !== undefined) state.locked = locked;
    if (won !== undefined) state.won = won;
    pool.set(row.id as string, state);
  }
  return pool;
}

/** Reads the record files the flags name; `currency` is the currency of amounts without one. */
export async function readAccountRecords(
  values: FlagValues,
  currency: string | undefined,
): Promise<AccountRecords> {
  const ingestOptions = currency === undefined ? {} : { currency };
  return {
    customers: await readRecords(values.customers as string | undefined, "customers", (rows) =>
      ingestCustomers(rows, ingestOptions),
    ),
    interactions: await readRecords(values.interactions as string | undefined, "interactions", (rows) =>
      ingestInteractions(rows),
    ),
    invoices: await readRecords(values.invoices as string | undefined, "invoices", (rows) =>
      ingestInvoices(rows, ingestOptions),
    ),
    qualifications: await readRecords(values.qualifications as string | undefined, "qualifications", (rows) =>
      ingestQualifications(rows),
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

/** One line of row accounting for a record file: read, used, rejected (by reason). */
export function reportLine(kind: string, report: IngestReport): string {
  const reasons = Object.entries(report.rejectedByCode).map(([code, count]) => `${code} ${count}`);
  return `${kind}: rows read ${report.input}, used ${report.accepted}, rejected ${report.rejected}${
    reasons.length > 0 ? ` (${reasons.join(", ")})` : ""
  }\n`;
}
