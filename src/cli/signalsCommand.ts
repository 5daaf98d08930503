import { writeFile } from "node:fs/promises";
import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import { summarize } from "../features/summarize.js";
import type { IngestReport } from "../ingest/IngestReport.js";
import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import type { Transaction } from "../model/transaction.js";
import { alertCategoryLabel } from "../report/alertCategoryLabel.js";
import { evaluateSignals, type SignalResult } from "../signals/evaluateSignals.js";
import { groupByCustomer } from "../signals/groupByCustomer.js";
import { parseSignalPolicy } from "../signals/parseSignalPolicy.js";
import { purchaseActivity } from "../signals/purchaseActivity.js";
import type { SignalAccount } from "../signals/SignalAccount.js";
import { signalKpis } from "../signals/signalKpis.js";
import { SIGNAL_PACKS } from "../signals/signalPacks.js";
import type { SignalPackName, SignalPolicy } from "../signals/signalPolicySchema.js";
import { signalTaskList } from "../signals/signalTaskList.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { listText } from "./listText.js";
import { LOCALES, localeFlag } from "./localeFlag.js";
import { ACCOUNT_RECORD_FLAGS, readAccountRecords, recordReports, reportLine } from "./readAccountRecords.js";
import { readJsonFile } from "./readJsonFile.js";
import { readTableFile } from "./readTableFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { alertTable, taskTable } from "./signalTables.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { summaryMeta } from "./summaryMeta.js";
import { numberCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";
import { OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const PACKS = Object.keys(SIGNAL_PACKS) as SignalPackName[];
const SIGNALS_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount signals [transactions] --as-of DATE --policy P [record files] [options]

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
  --locale L             language of the alerts, tasks and messages: ${LOCALES.join(" | ")} (default:
                         KEYACCOUNT_LOCALE, else en)

${TRANSACTION_FLAGS_HELP.en}Output
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
`,
  "zh-CN": `keyaccount signals [transactions] --as-of DATE --policy P [记录文件] [选项]

对文件中出现的每位客户执行预警规则（流失预警、信用风险、投诉、跟进周期和公海回收、关怀日期、
资质证照，或自定义规则），按严重程度排序输出预警：severity、category、customer_id、rule、message、
evidence、key。使用 --tasks N 时，还会列出未来 N 天内到期的跟进、公海回收、关怀日期和证照续期任务。

记录文件（均为可选；CSV、TSV 或 JSON Lines，记录格式见 docs/model.md）
  [transactions]         交易明细文件，按下面的 summarize 选项读取
  --customers FILE       客户档案（联系人和生日、重要日期、信用额度、reviewedDate）
  --interactions FILE    拜访、电话、邮件、会议、关怀、投诉、反馈
  --invoices FILE        发票及付款记录
  --qualifications FILE  许可证、授权书、证书
  --tiers FILE           id、tier，以及可选的 segment（例如“keyaccount tier”的输出）
  --clv FILE             id 和 p_alive（例如“keyaccount clv”的输出），供仍活跃概率（P(alive)）规则使用
  --pool FILE            公海状态：id、claimed_date、locked（1/0）、won（1/0）

策略
  --policy P             预警策略 JSON 文件，或内置规则包：all | 以逗号分隔的下列规则包：
                         ${PACKS.join(", ")}
  --print-pack NAME      输出某个内置规则包的 JSON（便于复制修改）后退出
  --locale L             预警、任务和提示信息的语言：${LOCALES.join(" | ")}（默认取
                         KEYACCOUNT_LOCALE，否则为 en）

${TRANSACTION_FLAGS_HELP["zh-CN"]}输出
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             把预警写入 FILE（默认写到标准输出）
  --tasks N              未来 N 天的任务清单：写入 --tasks-out，未指定时写到标准输出（此时只有指定
                         --out 才写出预警）
  --tasks-out FILE       任务清单的输出位置
  --kpis FILE            把满意度和忠诚度 KPI（整个组合及各等级）以 JSON 格式写入 FILE：满意度、
                         NPS、复购率、留存率、投诉响应和解决时长（对照策略中的目标）、按策略跟进
                         周期计算的按时跟进率
  --report FILE          把导入报告以 JSON 格式写入 FILE

示例
  keyaccount signals sales.csv --as-of 2024-06-30 --policy policy.json --customers customers.jsonl \\
    --interactions interactions.csv --invoices invoices.jsonl --tiers tiers.csv --out alerts.csv \\
    --tasks 14 --tasks-out tasks.csv
`,
};

async function loadPolicy(value: string | undefined): Promise<SignalPolicy> {
  if (value === undefined)
    throw new UsageError("cli.flag.required.choice-or-file", {
      flag: "--policy",
      allowed: ["all", ...PACKS].join(", "),
    });
  if (value.toLowerCase().endsWith(".json")) return parseSignalPolicy(await readJsonFile(value));
  const names = value === "all" ? PACKS : value.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(PACKS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new UsageError("cli.flag.unknown-pack", {
      flag: "--policy",
      value: unknown.join(", "),
      packs: PACKS.join(", "),
    });
  return { version: 1, include: names as SignalPackName[] };
}

// The alerts counted by severity, and by category when there are any.
function countsLine(counts: SignalResult["counts"], customers: number, asOf: string, locale: Locale): string {
  const { critical, warning, info } = counts;
  const categories = Object.entries(counts.byCategory).map(([category, count]) =>
    formatMessage(
      "cli.signals.category-count",
      { category: alertCategoryLabel(category, locale), count },
      locale,
    ),
  );
  return categories.length > 0
    ? formatMessage(
        "cli.signals.counts-by-category",
        { customers, asOf, critical, warning, info, categories: listText(categories, locale) },
        locale,
      )
    : formatMessage("cli.signals.counts", { customers, asOf, critical, warning, info }, locale);
}

/** Evaluates the signal rules over the customers of the record files. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const printPack = values["print-pack"] as string | undefined;
  if (printPack !== undefined) {
    if (!(PACKS as readonly string[]).includes(printPack)) {
      throw new UsageError("cli.flag.unknown-pack", {
        flag: "--print-pack",
        value: printPack,
        packs: PACKS.join(", "),
      });
    }
    io.stdout.write(`${JSON.stringify(SIGNAL_PACKS[printPack as SignalPackName], null, 2)}\n`);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError("cli.args.one-file", { command: "signals", extra: extra.join(" ") });
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const locale = localeFlag(values, io) ?? "en";
  const asOf = values["as-of"] as string | undefined;
  if (asOf === undefined)
    throw new UsageError("cli.flag.required.day", { flag: "--as-of", example: "2024-06-30" });
  const taskText = values.tasks as string | undefined;
  const taskDays = taskText === undefined ? undefined : Number(taskText);
  if (taskDays !== undefined && !(Number.isInteger(taskDays) && taskDays >= 0)) {
    throw new UsageError("cli.flag.whole-days", { flag: "--tasks", value: String(taskText) });
  }
  const policy = await loadPolicy(values.policy as string | undefined);
  const read = await readAccountRecords(values, values.currency as string | undefined);
  const { customers, interactions, invoices, qualifications, pool } = read;
  const records = {
    customers: customers?.records.toArray() ?? [],
    interactions: interactions?.records ?? [],
    invoices: invoices?.records ?? [],
  };
  customers?.close();
  const transactions: Transaction[] = [];
  const file =
    path === undefined
      ? undefined
      : await summarizeTransactionFile(path, values, io, (record) => transactions.push(record), records);
  const summary = file?.summary ?? summarize({ transactions: [], ...records }, { asOf });
  const tiers = new Map<string, { tier?: string; segment?: string }>();
  if (values.tiers !== undefined) {
    for (const row of await readTableFile(values.tiers as string, ["id", "tier"])) {
      tiers.set(row.id as string, {
        ...(row.tier ? { tier: row.tier } : {}),
        ...(row.segment ? { segment: row.segment } : {}),
      });
    }
  }
  const pAlive = new Map<string, number>();
  if (values.clv !== undefined) {
    const path = values.clv as string;
    const rows = await readTableFile(path, ["id", "p_alive"]);
    for (const [index, row] of rows.entries()) {
      pAlive.set(
        row.id as string,
        numberCell(row.p_alive as string, { path, row: index + 1, column: "p_alive" }),
      );
    }
  }
  const activity = purchaseActivity(transactions, { asOf });
  const featuresById = new Map<string, CustomerFeatures>(summary.features.map((f) => [f.id, f]));
  const customerById = new Map(records.customers.map((customer) => [customer.id, customer]));
  const interactionsById = groupByCustomer(interactions?.records);
  const invoicesById = groupByCustomer(invoices?.records);
  const qualificationsById = groupByCustomer(qualifications?.records);
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
  const result = evaluateSignals(accounts, policy, { asOf, locale });
  const out = values.out as string | undefined;
  const tasksOut = values["tasks-out"] as string | undefined;
  if (out !== undefined || taskDays === undefined || tasksOut !== undefined) {
    const { columns, rows } = alertTable(result.alertList);
    await writeTable(columns, rows, format as OutputFormat, out, io.stdout);
  }
  if (taskDays !== undefined) {
    const tasks = signalTaskList(accounts, policy, { asOf, days: taskDays, locale });
    const { columns, rows } = taskTable(tasks);
    await writeTable(columns, rows, format as OutputFormat, tasksOut, io.stdout);
    io.stderr.write(
      `${formatMessage("cli.signals.tasks", { days: taskDays, count: tasks.length }, locale)}\n`,
    );
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
  io.stderr.write(`${countsLine(result.counts, accounts.length, asOf, locale)}\n`);
  const reports: IngestReport[] = [];
  for (const [, report] of recordReports(read)) {
    reports.push(report);
    io.stderr.write(reportLine(report, locale));
  }
  if (file !== undefined) {
    reports.unshift(file.report);
    const meta = summaryMeta(file.summary);
    io.stderr.write(describeIngestReport(file.report, meta, Date.now() - file.started, locale));
  }
  const reportPath = values.report as string | undefined;
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(reports, null, 2)}\n`);
  return 0;
}

/** `keyaccount signals`: alerts and tasks from the signal rules. */
export const signalsCommand: Command = {
  summary: {
    en: "alerts (churn, credit, complaints, follow-up and pool, care, documents) and the task list",
    "zh-CN": "预警（流失、信用、投诉、跟进和公海、关怀、资质证照）和任务清单",
  },
  help: SIGNALS_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    ...ACCOUNT_RECORD_FLAGS,
    tiers: { type: "string" },
    clv: { type: "string" },
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
