import { writeFile } from "node:fs/promises";
import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import { summarize } from "../features/summarize.js";
import type { IngestReport, IngestResult } from "../ingest/IngestReport.js";
import { ingestCustomers } from "../ingest/ingestCustomers.js";
import { ingestInteractions } from "../ingest/ingestInteractions.js";
import { ingestInvoices } from "../ingest/ingestInvoices.js";
import { ingestQualifications } from "../ingest/ingestQualifications.js";
import type { Locale } from "../model/locale.js";
import type { Transaction } from "../model/transaction.js";
import { evaluateSignals, type SignalAlert } from "../signals/evaluateSignals.js";
import { parseSignalPolicy } from "../signals/parseSignalPolicy.js";
import { purchaseActivity } from "../signals/purchaseActivity.js";
import type { PoolState, SignalAccount } from "../signals/SignalAccount.js";
import type { SignalEvidence } from "../signals/SignalEvidence.js";
import { signalKpis } from "../signals/signalKpis.js";
import { SIGNAL_PACKS } from "../signals/signalPacks.js";
import type { SignalPackName, SignalPolicy } from "../signals/signalPolicySchema.js";
import { signalTasks } from "../signals/signalTasks.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { readJsonFile } from "./readJsonFile.js";
import { inputFormatOf, readRows } from "./readRows.js";
import { readTableFile } from "./readTableFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { numberCell, yesNoCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";
import { type Cell, OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const PACKS = Object.keys(SIGNAL_PACKS) as SignalPackName[];
const LOCALES: readonly Locale[] = ["en", "zh-CN"];

const SIGNALS_HELP = `keyaccount signals [transactions] --as-of DATE --policy P [record files] [options]

Evaluates the signal rules (churn early warning, credit risk, complaints, follow-up cadence and shared-pool
return, care dates, qualification documents, or your own) for every customer found in the files, and writes the
alerts sorted by severity: severity, category, customer_id, rule, message, evidence, key. With --tasks N it
also lists the follow-ups, pool returns, care dates and document renewals due in the next N days.

Records (each optional; CSV, TSV or JSON Lines in the record shapes of docs/model.md)
  [transactions]         a transaction file, read with the summarize flags below
  --customers FILE       customer records (contacts and birthdays, important dates, credit limit, reviewedDate)
  --interactions FILE    visits, calls, e-mails, meetings, care, complaints, feedback
  --invoices FILE        invoices with payments
  --qualifications FILE  licences, authorisations, certificates
  --tiers FILE           id, tier and optionally segment (e.g. the output of "keyaccount tier")
  --clv FILE             id and p_alive (e.g. the output of "keyaccount clv"), for the P(alive) rule
  --pool FILE            the shared-pool state: id, claimed_date, locked (1/0), won (1/0)

Policy
  --policy P             a signal policy JSON file, or built-in packs: all | a comma-separated list of
                         ${PACKS.join(", ")}
  --print-pack NAME      print a built-in pack's JSON (to copy and edit) and stop
  --locale L             language of the messages: ${LOCALES.join(" | ")} (default en)

${TRANSACTION_FLAGS_HELP}Output
  --format F             csv | json | jsonl (default csv)
  --out FILE             write the alerts to FILE (default standard output)
  --tasks N              the task list of the next N days: to --tasks-out, else to standard output (then the
                         alerts are written only with --out)
  --tasks-out FILE       where the task list goes
  --kpis FILE            write the satisfaction and loyalty KPIs (portfolio and per tier) as JSON to FILE:
                         satisfaction, NPS, repeat-purchase rate, retention, complaint response and
                         resolution times against the policy's targets, follow-up compliance with its cadences
  --report FILE          write the ingest reports as JSON to FILE

Example
  keyaccount signals sales.csv --as-of 2024-06-30 --policy policy.json --customers customers.jsonl \\
    --interactions interactions.csv --invoices invoices.jsonl --tiers tiers.csv --out alerts.csv \\
    --tasks 14 --tasks-out tasks.csv
`;

async function loadPolicy(value: string | undefined): Promise<SignalPolicy> {
  if (value === undefined) {
    throw new UsageError(`--policy is required: a policy JSON file, "all", or packs (${PACKS.join(", ")})`);
  }
  if (value.toLowerCase().endsWith(".json")) return parseSignalPolicy(await readJsonFile(value, "policy"));
  const names = value === "all" ? PACKS : value.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(PACKS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`--policy: unknown pack ${unknown.join(", ")}; the packs are ${PACKS.join(", ")}`);
  }
  return { version: 1, include: names as SignalPackName[] };
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

function groupBy<T extends { customerId: string }>(records: readonly T[] | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records ?? []) {
    const list = groups.get(record.customerId);
    if (list === undefined) groups.set(record.customerId, [record]);
    else list.push(record);
  }
  return groups;
}

function evidenceText(evidence: readonly SignalEvidence[]): string {
  return evidence
    .map((item) => {
      const threshold = Array.isArray(item.threshold)
        ? `[${item.threshold.join(", ")}]`
        : String(item.threshold);
      const ref =
        item.ref === undefined
          ? ""
          : ` (${item.ref.metric} ${item.ref.value} × ${item.ref.times} + ${item.ref.plus})`;
      return `${item.negated ? "not " : ""}${item.metric}=${item.value ?? "missing"} ${item.test} ${threshold}${ref}`;
    })
    .join("; ");
}

function reportLine(kind: string, report: IngestReport): string {
  const reasons = Object.entries(report.rejectedByCode).map(([code, count]) => `${code} ${count}`);
  return `${kind}: rows read ${report.input}, used ${report.accepted}, rejected ${report.rejected}${
    reasons.length > 0 ? ` (${reasons.join(", ")})` : ""
  }\n`;
}

/** Evaluates the signal rules over the customers of the record files. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const printPack = values["print-pack"] as string | undefined;
  if (printPack !== undefined) {
    if (!(PACKS as readonly string[]).includes(printPack)) {
      throw new UsageError(`--print-pack: unknown pack "${printPack}"; the packs are ${PACKS.join(", ")}`);
    }
    io.stdout.write(`${JSON.stringify(SIGNAL_PACKS[printPack as SignalPackName], null, 2)}\n`);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`signals takes at most one transaction file; also got: ${extra.join(" ")}`);
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}; got "${format}"`);
  }
  const locale = (values.locale as string | undefined) ?? "en";
  if (!(LOCALES as readonly string[]).includes(locale)) {
    throw new UsageError(`--locale must be one of ${LOCALES.join(", ")}; got "${locale}"`);
  }
  const asOf = values["as-of"] as string | undefined;
  if (asOf === undefined)
    throw new UsageError("--as-of is required: the day of the signals, e.g. --as-of 2024-06-30");
  const taskText = values.tasks as string | undefined;
  const taskDays = taskText === undefined ? undefined : Number(taskText);
  if (taskDays !== undefined && !(Number.isInteger(taskDays) && taskDays >= 0)) {
    throw new UsageError(`--tasks must be a whole number of days; got "${taskText}"`);
  }
  const policy = await loadPolicy(values.policy as string | undefined);
  const currency = values.currency as string | undefined;
  const ingestOptions = currency === undefined ? {} : { currency };
  const customers = await readRecords(values.customers as string | undefined, "customers", (rows) =>
    ingestCustomers(rows, ingestOptions),
  );
  const interactions = await readRecords(values.interactions as string | undefined, "interactions", (rows) =>
    ingestInteractions(rows),
  );
  const invoices = await readRecords(values.invoices as string | undefined, "invoices", (rows) =>
    ingestInvoices(rows, ingestOptions),
  );
  const qualifications = await readRecords(
    values.qualifications as string | undefined,
    "qualifications",
    (rows) => ingestQualifications(rows),
  );
  const records = {
    customers: customers?.records ?? [],
    interactions: interactions?.records ?? [],
    invoices: invoices?.records ?? [],
  };
  const transactions: Transaction[] = [];
  const file =
    path === undefined
      ? undefined
      : await summarizeTransactionFile(path, values, io, (record) => transactions.push(record), records);
  const summary = file?.summary ?? summarize({ transactions: [], ...records }, { asOf });
  const tiers = new Map<string, { tier?: string; segment?: string }>();
  if (values.tiers !== undefined) {
    for (const row of await readTableFile(values.tiers as string, "--tiers", ["id", "tier"])) {
      tiers.set(row.id as string, {
        ...(row.tier ? { tier: row.tier } : {}),
        ...(row.segment ? { segment: row.segment } : {}),
      });
    }
  }
  const pAlive = new Map<string, number>();
  if (values.clv !== undefined) {
    for (const row of await readTableFile(values.clv as string, "--clv", ["id", "p_alive"])) {
      pAlive.set(row.id as string, numberCell(row.p_alive as string, `--clv ${row.id} p_alive`));
    }
  }
  const pool = new Map<string, PoolState>();
  if (values.pool !== undefined) {
    for (const row of await readTableFile(values.pool as string, "--pool", ["id"])) {
      const state: PoolState = {};
      if (row.claimed_date) state.claimedDate = row.claimed_date;
      const locked = yesNoCell(row.locked);
      const won = yesNoCell(row.won);
      if (locked !== undefined) state.locked = locked;
      if (won !== undefined) state.won = won;
      pool.set(row.id as string, state);
    }
  }
  const activity = purchaseActivity(transactions, { asOf });
  const featuresById = new Map<string, CustomerFeatures>(summary.features.map((f) => [f.id, f]));
  const customerById = new Map((customers?.records ?? []).map((customer) => [customer.id, customer]));
  const interactionsById = groupBy(interactions?.records);
  const invoicesById = groupBy(invoices?.records);
  const qualificationsById = groupBy(qualifications?.records);
  const ids = [
    ...new Set([...featuresById.keys(), ...customerById.keys(), ...qualificationsById.keys()]),
  ].sort();
  const accounts: SignalAccount[] = ids.map((id) => ({
    id,
    customer: customerById.get(id),
    features: featuresById.get(id),
    activity: activity.get(id),
    interactions: interactionsById.get(id),
    invoices: invoicesById.get(id),
    qualifications: qualificationsById.get(id),
    pAlive: pAlive.get(id),
    pool: pool.get(id),
    ...tiers.get(id),
  }));
  const result = evaluateSignals(accounts, policy, { asOf, locale: locale as Locale });
  const out = values.out as string | undefined;
  const tasksOut = values["tasks-out"] as string | undefined;
  if (out !== undefined || taskDays === undefined || tasksOut !== undefined) {
    const columns = ["severity", "category", "customer_id", "rule", "message", "evidence", "key"];
    const rows: Cell[][] = result.alerts.map((alert: SignalAlert) => [
      alert.severity,
      alert.category,
      alert.customerId,
      alert.rule,
      alert.message,
      evidenceText(alert.evidence),
      alert.key,
    ]);
    await writeTable(columns, rows, format as OutputFormat, out, io.stdout);
  }
  if (taskDays !== undefined) {
    const tasks = signalTasks(accounts, policy, { asOf, days: taskDays, locale: locale as Locale });
    const columns = ["due_date", "days_until", "kind", "occasion", "customer_id", "message", "key"];
    const rows: Cell[][] = tasks.map((task) => [
      task.dueDate,
      task.daysUntil,
      task.kind,
      task.occasion,
      task.customerId,
      task.message,
      task.key,
    ]);
    await writeTable(columns, rows, format as OutputFormat, tasksOut, io.stdout);
    io.stderr.write(`tasks due in the next ${taskDays} days: ${tasks.length}\n`);
  }
  const kpisPath = values.kpis as string | undefined;
  if (kpisPath !== undefined) {
    const settings = policy.settings ?? {};
    const kpis = signalKpis(accounts, {
      asOf,
      responseTargetHours: settings.responseTargetHours,
      resolutionTargetHours: settings.resolutionTargetHours,
      followUpCadenceDays: settings.followUpCadenceDays,
    });
    await writeFile(kpisPath, `${JSON.stringify(kpis, null, 2)}\n`);
  }
  const { counts } = result;
  const categories = Object.entries(counts.byCategory).map(([category, count]) => `${category} ${count}`);
  io.stderr.write(
    `signals for ${accounts.length} customers as of ${asOf}: ${counts.critical} critical, ${counts.warning} warning, ${counts.info} info${
      categories.length > 0 ? ` (${categories.join(", ")})` : ""
    }\n`,
  );
  const reports: IngestReport[] = [];
  for (const [kind, ingested] of [
    ["customers", customers],
    ["interactions", interactions],
    ["invoices", invoices],
    ["qualifications", qualifications],
  ] as const) {
    if (ingested === undefined) continue;
    reports.push(ingested.report);
    io.stderr.write(reportLine(kind, ingested.report));
  }
  if (file !== undefined) {
    reports.unshift(file.report);
    const { features: _features, ...meta } = file.summary;
    io.stderr.write(describeIngestReport(file.report, meta, Date.now() - file.started));
  }
  const reportPath = values.report as string | undefined;
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(reports, null, 2)}\n`);
  return 0;
}

/** `keyaccount signals`: alerts and tasks from the signal rules. */
export const signalsCommand: Command = {
  summary: "alerts (churn, credit, complaints, follow-up and pool, care, documents) and the task list",
  help: SIGNALS_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    customers: { type: "string" },
    interactions: { type: "string" },
    invoices: { type: "string" },
    qualifications: { type: "string" },
    tiers: { type: "string" },
    clv: { type: "string" },
    pool: { type: "string" },
    policy: { type: "string" },
    "print-pack": { type: "string" },
    locale: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    tasks: { type: "string" },
    "tasks-out": { type: "string" },
    kpis: { type: "string" },
    report: { type: "string" },
  },
  run,
};
