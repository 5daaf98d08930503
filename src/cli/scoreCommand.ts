import { constants } from "node:fs";
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { IngestReport } from "../ingest/IngestReport.js";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";
import { createPortfolioAccumulator } from "../pipeline/createPortfolioAccumulator.js";
import type { PortfolioAccount, PortfolioRecords, PortfolioResult } from "../pipeline/PortfolioResult.js";
import { parsePortfolioPolicy } from "../pipeline/parsePortfolioPolicy.js";
import { portfolioReport } from "../pipeline/portfolioReport.js";
import { TIER_PRESETS } from "../tier/tierPresets.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { fileError } from "./fileError.js";
import { listText } from "./listText.js";
import { LOCALES, localeFlag } from "./localeFlag.js";
import { padText } from "./padText.js";
import {
  ACCOUNT_RECORD_FLAGS,
  ACCOUNT_RECORD_HELP,
  readAccountRecords,
  recordKindLabel,
  recordReports,
  reportLine,
} from "./readAccountRecords.js";
import { readJsonFile } from "./readJsonFile.js";
import { readOverrides, readPrevious, readRatings } from "./readTierFiles.js";
import { renderReportHtml } from "./renderReportHtml.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { alertTable, taskTable } from "./signalTables.js";
import {
  streamTransactionFile,
  TRANSACTION_READ_FLAGS,
  TRANSACTION_READ_HELP,
} from "./summarizeTransactionFile.js";
import { summaryMeta } from "./summaryMeta.js";
import { UsageError } from "./UsageError.js";
import { type Cell, type RowSource, writeTable } from "./writeTable.js";

const SCORE_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount score --transactions FILE --policy policy.json --as-of DATE --out DIR [options]

The whole job in one run: per-customer features, RFM, predictive CLV (fitted when there are enough repeat
buyers, with a calibration/holdout check), the customer P&L, ABC classes, the scorecard and tiers (hysteresis
against --previous, overrides), the signal rules, tasks and KPIs. The transaction file streams: it is never held
in memory. Writes to DIR:
  customers.csv   one row per account: tier, score and dimension scores, RFM, revenue, margin, profit, CLV,
                  P(alive), alert counts and the reasons of the tier
  alerts.csv      the alerts, critical first, with their evidence and de-duplication key
  tasks.csv       follow-ups, pool returns, care dates and renewals due within the policy's task window
  tiers.csv       id, tier, periods_below, score: the next run's --previous
  summary.json    totals, accounts and revenue per tier, the fitted models and their check, KPIs, migration,
                  notices, the row accounting of every file and the time of each stage
  report.html     the portfolio report, self-contained (opens offline): KPIs, tiers, RFM grid, whale curve,
                  migration, model check, alerts, tasks and a section per account with its reasons
Prints the headline (accounts per tier, the top accounts, critical alerts) and ends with the row accounting.

Memory: the customer records wait in a temporary file (mode 600, in TMPDIR, removed however the run ends; in
memory when none can be made). A million accounts and ten million lines run within 2 GB when Node's heap is
limited to 1 GB: NODE_OPTIONS=--max-old-space-size=1024 keyaccount score … (a larger limit lets the heap grow
further before it is collected).

  --transactions FILE    sales, returns and cancellations (required; the input flags below say how to read it)
  --policy FILE          the portfolio policy JSON (required): summary settings, RFM, CLV model, cost model,
                         tier policy or preset, signal rules or packs, task window, language
  --as-of DATE           the day of the run (required); later rows are rejected
  --out DIR              where the files go (required; created if missing)
  --ratings FILE         manager ratings: an id column and one column per rating the tier policy declares
  --previous FILE        the previous run's tiers.csv: hysteresis and the migration matrix
  --overrides FILE       manual overrides: id, tier, reason, author and an optional expires (YYYY-MM-DD)
  --locale L             language of the texts and messages: ${LOCALES.join(" | ")} (default: KEYACCOUNT_LOCALE,
                         else the policy's, else en)
  --include-personal-data  show contacts' names in the report (hidden by default)

${ACCOUNT_RECORD_HELP.en}
${TRANSACTION_READ_HELP.en}Example
  keyaccount score --transactions examples/data/portfolio/transactions.csv \\
    --customers examples/data/portfolio/customers.csv --policy examples/data/portfolio-policy.json \\
    --as-of 2026-11-30 --previous examples/data/portfolio/tiers.csv --out results
`,
  "zh-CN": `keyaccount score --transactions FILE --policy policy.json --as-of DATE --out DIR [选项]

一次运行完成全部工作：逐客户特征、RFM、预测性 CLV（重复购买客户足够多时拟合，并做校准期 / 验证期
检验）、客户损益、ABC 分类、评分卡和分级（对照 --previous 做升降级缓冲，支持人工调整）、预警规则、
任务和 KPI。交易明细文件以流式读取，从不整体载入内存。在 DIR 中写入：
  customers.csv   每个客户一行：等级、综合得分和各维度得分、RFM、销售额、毛利、利润、CLV、
                  仍活跃概率（P(alive)）、预警数以及分级依据
  alerts.csv      预警，按严重程度从高到低排列，附证据和去重键
  tasks.csv       在策略的任务时间窗口内到期的跟进、公海回收、关怀日期和续签
  tiers.csv       id、tier、periods_below、score：下次运行的 --previous
  summary.json    合计、各等级的客户数和销售额、已拟合的模型及其检验、KPI、分级迁移、提示、
                  每个文件的行数统计以及各阶段用时
  report.html     客户组合报告，自包含（可离线打开）：KPI、分级、RFM 网格、鲸鱼曲线、分级迁移、
                  模型检验、预警、任务，以及每个客户一节并附分级依据
在终端输出概要（各等级客户数、排名靠前的客户、严重预警），最后给出行数统计。

内存：客户档案暂存在临时文件中（权限 600，位于 TMPDIR，无论运行如何结束都会删除；无法创建临时
文件时放在内存中）。把 Node 的堆内存限制为 1 GB 时，一百万个客户、一千万行明细可在 2 GB 内运行
完毕：NODE_OPTIONS=--max-old-space-size=1024 keyaccount score …（限制设得更大，堆会增长得更多
才被回收）。

  --transactions FILE    销售、退货和取消记录（必填；下面的输入选项说明如何读取）
  --policy FILE          组合策略 JSON（必填）：汇总设置、RFM、CLV 模型、成本模型、分级策略或预设、
                         预警规则或规则包、任务时间窗口、语言
  --as-of DATE           本次运行的统计截止日（必填）；晚于该日的行会被剔除
  --out DIR              输出文件的目录（必填；不存在时自动创建）
  --ratings FILE         经理评分：一个 id 列，以及分级策略声明的每项评分各占一列
  --previous FILE        上次运行的 tiers.csv：用于升降级缓冲和分级迁移矩阵
  --overrides FILE       人工调整：id、tier、reason、author，以及可选的 expires（YYYY-MM-DD）
  --locale L             文本和提示信息的语言：${LOCALES.join(" | ")}（默认取 KEYACCOUNT_LOCALE，
                         其次取策略中的设置，否则为 en）
  --include-personal-data  在报告中显示联系人姓名（默认隐藏）

${ACCOUNT_RECORD_HELP["zh-CN"]}
${TRANSACTION_READ_HELP["zh-CN"]}示例
  keyaccount score --transactions examples/data/portfolio/transactions.csv \\
    --customers examples/data/portfolio/customers.csv --policy examples/data/portfolio-policy.json \\
    --as-of 2026-11-30 --previous examples/data/portfolio/tiers.csv --out results
`,
};

const money = (minor: number | undefined, currency: string): Cell =>
  minor === undefined ? undefined : formatMoney(Math.round(minor), currency);

const rounded = (value: number | undefined, digits: number): Cell =>
  value === undefined || Number.isNaN(value) ? undefined : Number(value.toFixed(digits));

// One row per account, each made when written (the accounts of a large portfolio are never all held) and
// offered to `seen`.
function customerTable(
  result: PortfolioResult,
  seen: (account: PortfolioAccount) => void,
): { columns: string[]; rows: RowSource } {
  const dimensions = result.scorecard.policy.dimensions.map((dimension) => dimension.name);
  const { currency } = result;
  return {
    columns: [
      "id",
      "name",
      "owner",
      "tier",
      "tier_label",
      "previous_tier",
      "changed",
      "score",
      ...dimensions.map((name) => `score_${name}`),
      "rfm_segment",
      "rfm_segment_label",
      "rfm_code",
      "revenue",
      "gross_margin",
      "cost_to_serve",
      "profit",
      "abc",
      "clv",
      "p_alive",
      "expected_purchases",
      "alerts",
      "critical_alerts",
      "reason",
    ],
    rows: {
      length: result.totals.accounts,
      row: (i) => {
        const account = result.account(i);
        seen(account);
        return customerRow(account, dimensions, currency);
      },
    },
  };
}

// tiers.csv, from the columns: id, tier, periods below, score.
function tierRows(result: PortfolioResult): RowSource {
  const { ids, tiers, tierIndex, periodsBelow } = result.tiers;
  const { score } = result.scorecard;
  return {
    length: ids.length,
    row: (i) => [ids[i], tiers[tierIndex[i] as number], periodsBelow[i], rounded(score[i], 2)],
  };
}

function customerRow(account: PortfolioAccount, dimensions: readonly string[], currency: string): Cell[] {
  return [
    account.id,
    account.name,
    account.owner,
    account.tier,
    account.tierLabel,
    account.previousTier,
    account.changed,
    rounded(account.score, 2),
    ...dimensions.map((name) => rounded(account.dimensions[name], 2)),
    account.rfm?.segment,
    account.rfm?.segmentLabel,
    account.rfm?.code,
    money(account.revenueMinor, currency),
    money(account.grossMarginMinor, currency),
    money(account.costToServeMinor, currency),
    money(account.profitMinor, currency),
    account.abc,
    money(account.clvMinor, currency),
    rounded(account.pAlive, 4),
    rounded(account.expectedPurchases, 3),
    account.alertCounts.critical + account.alertCounts.warning + account.alertCounts.info,
    account.alertCounts.critical,
    account.reasonText,
  ];
}

// The most valuable accounts (CLV, else revenue; ties by id) among those offered, one at a time.
function topAccounts(count: number): { offer(account: PortfolioAccount): void; list: PortfolioAccount[] } {
  const value = (account: PortfolioAccount): number => account.clvMinor ?? account.revenueMinor;
  const before = (a: PortfolioAccount, b: PortfolioAccount): boolean =>
    value(a) > value(b) || (value(a) === value(b) && a.id < b.id);
  const list: PortfolioAccount[] = [];
  return {
    offer(account) {
      if (list.length === count) {
        if (!before(account, list[count - 1] as PortfolioAccount)) return;
        list.pop();
      }
      let at = list.length;
      while (at > 0 && before(account, list[at - 1] as PortfolioAccount)) at--;
      list.splice(at, 0, account);
    },
    list,
  };
}

// The headline, in the run's language: accounts and revenue per tier, the five most valuable accounts, the
// critical alerts.
function headline(result: PortfolioResult, top: readonly PortfolioAccount[]): string {
  const { currency, locale } = result;
  const lines = [
    formatMessage(
      "cli.score.headline",
      { policy: result.policyName, asOf: result.asOf, accounts: result.totals.accounts },
      locale,
    ),
  ];
  for (const row of result.byTier) {
    lines.push(
      formatMessage(
        "cli.score.tier",
        {
          tier: padText(row.label, 20, "end"),
          accounts: String(row.accounts).padStart(7),
          revenue: formatMoney(Math.round(row.revenueMinor), currency),
          currency,
        },
        locale,
      ),
    );
  }
  lines.push(formatMessage(result.clv.fitted ? "cli.score.top-clv" : "cli.score.top-revenue", {}, locale));
  for (const account of top) {
    const value = formatMoney(Math.round(account.clvMinor ?? account.revenueMinor), currency);
    lines.push(
      formatMessage(
        "cli.score.top-account",
        { id: account.id, name: account.name ?? "", tier: account.tierLabel, value, currency },
        locale,
      ),
    );
  }
  // The alerts are sorted most severe first: the critical ones lead the list.
  const { counts, alertList } = result.signals;
  lines.push(
    formatMessage("cli.score.critical", { critical: counts.critical, warnings: counts.warning }, locale),
  );
  for (const alert of alertList.slice(0, Math.min(5, counts.critical)))
    lines.push(
      formatMessage("cli.score.alert", { customer: alert.customerId, message: alert.message }, locale),
    );
  if (counts.critical > 5)
    lines.push(formatMessage("cli.score.more-alerts", { count: counts.critical - 5 }, locale));
  return `${lines.join("\n")}\n`;
}

function summaryJson(result: PortfolioResult, reports: Record<string, IngestReport>): unknown {
  return {
    asOf: result.asOf,
    policy: result.policyName,
    locale: result.locale,
    currency: result.currency,
    totals: result.totals,
    byTier: result.byTier,
    clv: result.clv,
    rfmSegments: result.rfm.segments,
    migration: result.migration === undefined ? undefined : { ...result.migration, moved: undefined },
    alerts: result.signals.counts,
    tasks: result.taskList.length,
    kpis: result.kpis,
    issues: result.issues,
    ingest: Object.fromEntries(
      Object.entries(reports).map(([kind, report]) => [
        kind,
        { ...report, issues: report.issues.slice(0, 100) },
      ]),
    ),
    timings: result.timings,
  };
}

/** Runs the whole chain on the record files and writes the results. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError("cli.args.none", { command: "score", extra: positionals.join(" ") });
  const transactionsPath = values.transactions;
  if (typeof transactionsPath !== "string")
    throw new UsageError("cli.flag.required.file", { flag: "--transactions" });
  const policyPath = values.policy;
  if (typeof policyPath !== "string") throw new UsageError("cli.flag.required.file", { flag: "--policy" });
  const asOf = values["as-of"];
  if (typeof asOf !== "string")
    throw new UsageError("cli.flag.required.day", { flag: "--as-of", example: "2026-11-30" });
  const out = values.out;
  if (typeof out !== "string") throw new UsageError("cli.flag.required.folder", { flag: "--out" });
  const locale = localeFlag(values, io);
  const started = performance.now();
  const policy = parsePortfolioPolicy(await readJsonFile(policyPath));
  const tierPolicy = typeof policy.tiers === "string" ? TIER_PRESETS[policy.tiers] : policy.tiers;
  // The record files are read after the transactions stream, so that the reversal ledger of the stream and the
  // records are never in memory together; they are checked to be readable first, so a missing one fails at once.
  // (The previous tiers and the overrides are read before the stream.)
  const recordPaths = [...Object.keys(ACCOUNT_RECORD_FLAGS), "ratings"]
    .map((flag) => values[flag])
    .filter((path): path is string => typeof path === "string");
  for (const path of recordPaths)
    await access(path, constants.R_OK).catch((error) => Promise.reject(fileError(path, error)));
  // The pipeline's clock stands still while the records are read: its first stage times the transactions.
  let recordsMilliseconds = 0;
  const run = createPortfolioAccumulator(policy, {
    asOf,
    previous: await readPrevious(values.previous as string | undefined),
    overrides: await readOverrides(values.overrides as string | undefined),
    locale,
    now: () => performance.now() - recordsMilliseconds,
  });
  const streamed = await streamTransactionFile(transactionsPath, values, io, asOf, (transaction) =>
    run.addTransaction(transaction),
  );
  const readMilliseconds = Date.now() - streamed.started;
  const recordsStarted = performance.now();
  const reports: Record<string, IngestReport> = { transactions: streamed.report };
  // The record files' lists are let go once the pipeline has grouped them: only their reports are kept here.
  // The customer records are read until the report is written; then their file goes.
  let closeCustomers = (): void => {};
  const records = async (): Promise<PortfolioRecords> => {
    const read = await readAccountRecords(values, (values.currency as string | undefined) ?? policy.currency);
    closeCustomers = () => read.customers?.close();
    for (const [kind, report] of recordReports(read)) reports[kind] = report;
    const ratings = (await readRatings(values.ratings as string | undefined, tierPolicy)).mapped(
      (entry) => entry.ratings ?? {},
    );
    recordsMilliseconds = performance.now() - recordsStarted;
    // The pipeline reads the ratings once, to score the accounts. They are handed over then, so that they go once
    // scored: the records object itself stays referenced while the pipeline runs.
    let held: typeof ratings | undefined = ratings;
    return {
      customers: read.customers?.records,
      interactions: read.interactions?.records,
      invoices: read.invoices?.records,
      qualifications: read.qualifications?.records,
      pool: read.pool,
      get ratings() {
        const given = held;
        held = undefined;
        return given;
      },
    };
  };
  let result: PortfolioResult;
  try {
    result = run.result(await records());
    result.timings.records = recordsMilliseconds;
    await mkdir(out, { recursive: true });
    const top = topAccounts(5);
    const customers = customerTable(result, (account) => top.offer(account));
    await writeTable(customers.columns, customers.rows, "csv", join(out, "customers.csv"), io.stdout);
    const alerts = alertTable(result.signals.alertList);
    await writeTable(alerts.columns, alerts.rows, "csv", join(out, "alerts.csv"), io.stdout);
    const tasks = taskTable(result.taskList);
    await writeTable(tasks.columns, tasks.rows, "csv", join(out, "tasks.csv"), io.stdout);
    await writeTable(
      ["id", "tier", "periods_below", "score"],
      tierRows(result),
      "csv",
      join(out, "tiers.csv"),
      io.stdout,
    );
    await writeFile(join(out, "summary.json"), `${JSON.stringify(summaryJson(result, reports), null, 2)}\n`);
    const report = portfolioReport(result, { includePersonalData: values["include-personal-data"] === true });
    await writeFile(join(out, "report.html"), await renderReportHtml(report));
    const reportPath = formatMessage("cli.score.report", { path: join(out, "report.html") }, result.locale);
    io.stdout.write(`${headline(result, top.list)}${reportPath}\n`);
  } finally {
    closeCustomers();
  }
  const language = result.locale;
  for (const issue of result.issues.slice(0, 5)) {
    const message = localizeIssue(issue, language).message;
    io.stderr.write(`${formatMessage("cli.score.note", { message }, language)}\n`);
  }
  const meta = summaryMeta(result.features);
  const accounting = formatMessage(
    "cli.labelled",
    {
      label: recordKindLabel(streamed.report, language),
      text: describeIngestReport(streamed.report, meta, readMilliseconds, language),
    },
    language,
  );
  io.stderr.write(accounting);
  for (const [kind, report] of Object.entries(reports))
    if (kind !== "transactions") io.stderr.write(reportLine(report, language));
  const files = listText(
    ["customers.csv", "alerts.csv", "tasks.csv", "tiers.csv", "summary.json", "report.html"],
    language,
  );
  io.stderr.write(`${formatMessage("cli.score.results", { folder: out, files }, language)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.stderr.write(`${formatMessage("cli.score.whole-run", { seconds }, language)}\n`);
  return 0;
}

/** `keyaccount score`: the whole job — tiers, values, alerts, tasks and the summary — in one run. */
export const scoreCommand: Command = {
  summary: {
    en: "the whole job: features, RFM, CLV, profit, tiers, signals, tasks, KPIs and the report",
    "zh-CN": "一次完成全部工作：特征、RFM、CLV、利润、分级、预警、任务、KPI 和报告",
  },
  help: SCORE_HELP,
  options: {
    ...TRANSACTION_READ_FLAGS,
    ...ACCOUNT_RECORD_FLAGS,
    transactions: { type: "string" },
    policy: { type: "string" },
    out: { type: "string" },
    ratings: { type: "string" },
    previous: { type: "string" },
    overrides: { type: "string" },
    locale: { type: "string" },
    "include-personal-data": { type: "boolean" },
  },
  run,
};
