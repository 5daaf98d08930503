import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { type GrowthFeatures, growthFeatures } from "../growth/growthFeatures.js";
import { currencyDigits } from "../model/currencyDigits.js";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";
import { parseMoney } from "../model/parseMoney.js";
import type { Transaction } from "../model/transaction.js";
import { customerProfit } from "../profit/customerProfit.js";
import { parseCostModel } from "../profit/parseCostModel.js";
import { profitInputFromFeatures } from "../profit/profitInputFromFeatures.js";
import { rfm } from "../rfm/rfm.js";
import { assignTiers, type TierAssignment } from "../tier/assignTiers.js";
import { explainScore } from "../tier/explainScore.js";
import { GROWTH_METRICS } from "../tier/growthMetrics.js";
import { parseTierPolicy } from "../tier/parseTierPolicy.js";
import { policyMetricNames } from "../tier/policyMetricNames.js";
import { type Scorecard, scoreAccounts } from "../tier/scoreAccounts.js";
import type { TierInput } from "../tier/TierInput.js";
import { tierLabel } from "../tier/tierLabel.js";
import { TIER_METRICS, type TierMetricName } from "../tier/tierMetrics.js";
import { tierMigration } from "../tier/tierMigration.js";
import type { TierPolicy } from "../tier/tierPolicySchema.js";
import { TIER_PRESETS, type TierPresetName } from "../tier/tierPresets.js";
import { tierReasonText } from "../tier/tierReasonText.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { displayWidth } from "./displayWidth.js";
import { listText } from "./listText.js";
import { LOCALES, localeFlag } from "./localeFlag.js";
import { padText } from "./padText.js";
import { isFeatureFile, readFeatureFile } from "./readFeatureFile.js";
import { readJsonFile } from "./readJsonFile.js";
import { readTableFile } from "./readTableFile.js";
import { readOverrides, readPrevious, readRatings } from "./readTierFiles.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { summaryMeta } from "./summaryMeta.js";
import { numberCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";
import { type Cell, OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const PRESETS = Object.keys(TIER_PRESETS) as TierPresetName[];
const TIER_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount tier <features.csv | transactions> --policy POLICY --as-of DATE [options]

Reads a features table written by "keyaccount summarize" (recognised by its revenue and order_count columns) or
a transaction file (read with the summarize flags below), scores every customer on the policy's scorecard and
puts it in a tier, against the previous run's tiers when given (hysteresis, overrides, new-account grace). Writes
id, tier, score, previous_tier, changed, periods_below, reason and one score_DIMENSION column per dimension;
the counts per tier go to standard error.

${TRANSACTION_FLAGS_HELP.en}Tiering
  --policy P             a preset (${PRESETS.join(" | ")}) or a policy JSON file
                         ("keyaccount policy --schema" prints its JSON Schema)
  --previous FILE        the previous run's output (id, tier, periods_below): hysteresis and migration
  --ratings FILE         manager ratings: an id column and one column per rating the policy declares, and an
                         optional qualified column (1/0)
  --overrides FILE       manual overrides: id, tier, reason, author and an optional expires (YYYY-MM-DD)
  --cost-model FILE      a cost model JSON (see "keyaccount profit") for the profit metrics
  --clv FILE             CLV from a fitted model: the table "keyaccount clv" writes (id, clv in the currency,
                         expected_purchases, p_alive), for the metrics clv, expectedPurchases and pAlive
  --potentials FILE      each customer's yearly potential (budget, wallet): id and potential in the currency,
                         for shareOfWallet (transaction files only)
  --locale L             language of the reasons and messages: ${LOCALES.join(" | ")} (default: KEYACCOUNT_LOCALE,
                         else en)

Metrics
  From a transaction file, the growth metrics are computed when the policy names one (the file is then also
  held in memory): trendGrowthRate (monthly revenue over the last 12 complete months), yearOverYearGrowth (the
  last 12 complete months against the 12 before), crossSell (needs --category-col) and shareOfWallet (the last
  12 complete months' revenue ÷ the potential; needs --potentials). From a features table they are missing.
  The CLV metrics (clv, expectedPurchases, pAlive) are not fitted here: they are read from --clv (fit a model
  with "keyaccount fit", predict with "keyaccount clv --params"); without it they are missing, and so are
  referrals (they need customer records). A missing metric counts by the policy's missing-value rule.

Explain
  --explain ID           print one account's full breakdown: dimensions, metrics, raw values, points, reasons
  --migration            print the tier-to-tier matrix (accounts and revenue) and the accounts that moved
                         (with --explain or --migration, the table is written only with --out)

Output
  --format F             csv | json | jsonl (default csv)
  --out FILE             write the table to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE

Example
  keyaccount tier sales.csv --as-of 2024-12-31 --policy strategic-key-ordinary --previous tiers-2024-q3.csv \\
    --ratings ratings.csv --out tiers-2024-q4.csv
`,
  "zh-CN": `keyaccount tier <features.csv | transactions> --policy POLICY --as-of DATE [选项]

读取“keyaccount summarize”输出的特征表（通过其中的 revenue 和 order_count 列识别）或交易明细文件
（按下面的 summarize 选项读取），按策略的评分卡为每位客户评分并定级；给出上次运行的分级结果时，
据此做升降级缓冲、人工调整和新客保护。输出 id、tier、score、previous_tier、changed、periods_below、
reason，以及每个维度一列 score_DIMENSION；各等级的客户数输出到标准错误。

${TRANSACTION_FLAGS_HELP["zh-CN"]}分级
  --policy P             预设策略（${PRESETS.join(" | ")}）或策略 JSON 文件
                         （“keyaccount policy --schema”可输出其 JSON Schema）
  --previous FILE        上次运行的输出（id、tier、periods_below）：用于升降级缓冲和分级迁移
  --ratings FILE         经理评分：一个 id 列、策略声明的每项评分各占一列，以及可选的
                         qualified 列（1/0）
  --overrides FILE       人工调整：id、tier、reason、author，以及可选的 expires（YYYY-MM-DD）
  --cost-model FILE      成本模型 JSON（见“keyaccount profit”），用于利润类指标
  --clv FILE             已拟合模型给出的 CLV：“keyaccount clv”输出的表（id、以该币种计的 clv、
                         expected_purchases、p_alive），用于 clv、expectedPurchases 和 pAlive 指标
  --potentials FILE      每位客户的年度潜力（预算、钱包）：id 和以该币种计的 potential，
                         用于 shareOfWallet（仅限交易明细文件）
  --locale L             分级依据和提示信息的语言：${LOCALES.join(" | ")}（默认取 KEYACCOUNT_LOCALE，
                         否则为 en）

指标
  从交易明细文件读取时，策略用到增长类指标才会计算（此时文件也会整体载入内存）：trendGrowthRate
  （最近 12 个完整月的月销售额趋势）、yearOverYearGrowth（最近 12 个完整月与之前 12 个月对比）、
  crossSell（需要 --category-col）和 shareOfWallet（最近 12 个完整月的销售额 ÷ 潜力；需要
  --potentials）。从特征表读取时这些指标缺失。CLV 类指标（clv、expectedPurchases、pAlive）不在
  这里拟合，而是从 --clv 读取（用“keyaccount fit”拟合模型，用“keyaccount clv --params”预测）；
  不提供时这些指标缺失，转介绍（referrals）也一样（它需要客户档案）。缺失的指标按策略的缺失值规则计分。

分级说明
  --explain ID           输出某个客户的完整明细：维度、指标、原始值、得分、分级依据
  --migration            输出等级迁移矩阵（客户数和销售额）以及等级有变动的客户
                         （使用 --explain 或 --migration 时，只有指定 --out 才写出表格）

输出
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             把表格写入 FILE（默认写到标准输出）
  --report FILE          把导入报告以 JSON 格式写入 FILE

示例
  keyaccount tier sales.csv --as-of 2024-12-31 --policy strategic-key-ordinary --previous tiers-2024-q3.csv \\
    --ratings ratings.csv --out tiers-2024-q4.csv
`,
};

async function loadPolicy(value: string | undefined): Promise<TierPolicy> {
  if (value === undefined)
    throw new UsageError("cli.flag.required.choice-or-file", {
      flag: "--policy",
      allowed: PRESETS.join(", "),
    });
  if ((PRESETS as readonly string[]).includes(value)) return TIER_PRESETS[value as TierPresetName];
  if (!existsSync(value))
    throw new UsageError("cli.flag.choice-or-file", { flag: "--policy", allowed: PRESETS.join(", "), value });
  return parseTierPolicy(await readJsonFile(value));
}

// The potentials file's rows: each customer's yearly potential in the currency, in minor units.
function potentialAmounts(
  path: string,
  rows: readonly Record<string, string>[],
  currency: string,
): Map<string, number> {
  return new Map(
    rows.map((row, index) => {
      const value = row.potential as string;
      const parsed = parseMoney(value, currency);
      if (!parsed.ok)
        throw new UsageError("cli.file.cell-not-amount", {
          path,
          row: index + 1,
          column: "potential",
          value,
          currency,
        });
      return [row.id as string, parsed.minor];
    }),
  );
}

type Clv = NonNullable<TierInput["clv"]>;

// A CLV table written by "keyaccount clv" (a fitted model's predictions): clv in the currency → minor units.
async function readClv(path: string | undefined, currency: string): Promise<Map<string, Clv>> {
  const clv = new Map<string, Clv>();
  if (path === undefined) return clv;
  const scale = 10 ** currencyDigits(currency);
  const rows = await readTableFile(path, ["id", "clv", "expected_purchases", "p_alive"]);
  for (const [index, row] of rows.entries()) {
    const cell = (column: string): number =>
      numberCell(row[column] as string, { path, row: index + 1, column });
    clv.set(row.id as string, {
      clv: cell("clv") * scale,
      expectedPurchases: cell("expected_purchases"),
      pAlive: cell("p_alive"),
    });
  }
  return clv;
}

const fixed = (value: number | undefined, digits = 2): string =>
  value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits);

// A raw metric value as people read it: money in the currency, other values as they are.
function rawText(metric: string, raw: number, currency: string): string {
  const money =
    Object.hasOwn(TIER_METRICS, metric) && TIER_METRICS[metric as TierMetricName].unit === "minor";
  return money ? `${formatMoney(Math.round(raw), currency)} ${currency}` : String(raw);
}

function explanation(
  card: Scorecard,
  result: TierAssignment,
  id: string,
  locale: Locale,
  currency: string,
): string {
  // The one account read by its index: the per-account objects of every account are not built for it.
  const i = result.ids.indexOf(id);
  if (i < 0) throw new UsageError("cli.tier.explain-unknown", { id });
  const label = (index: number): string => tierLabel(card.policy, result.tiers[index] as string, locale);
  const tier = result.tierIndex[i] as number;
  const before = result.previousIndex[i] as number;
  const breakdown = explainScore(card, id);
  const score = fixed(breakdown.score);
  const head =
    before < 0
      ? formatMessage("cli.tier.explain.head", { id, tier: label(tier), score }, locale)
      : formatMessage(
          before !== tier ? "cli.tier.explain.head-changed" : "cli.tier.explain.head-unchanged",
          { id, tier: label(tier), score, previous: label(before) },
          locale,
        );
  const lines = [head, formatMessage("cli.tier.explain.reasons", {}, locale)];
  for (const reason of result.reasons(i)) lines.push(`  - ${tierReasonText([reason], card.policy, locale)}`);
  lines.push(formatMessage("cli.tier.explain.header", {}, locale));
  for (const dimension of breakdown.dimensions) {
    lines.push(
      `${padText(dimension.name, 30, "end")} ${fixed(dimension.weight * 100, 1).padStart(6)} %  ${fixed(dimension.score).padStart(7)}  ${fixed(dimension.contribution).padStart(12)}`,
    );
    for (const metric of dimension.metrics) {
      const raw =
        metric.raw === undefined
          ? formatMessage("cli.tier.explain.missing", { rule: metric.missing ?? "" }, locale)
          : rawText(metric.metric, metric.raw, currency);
      lines.push(
        `  ${padText(metric.metric, 28, "end")} ${fixed(metric.weight * 100, 1).padStart(6)} %  ${fixed(metric.points).padStart(7)}  ${fixed(metric.contribution).padStart(12)}  ${raw}`,
      );
    }
  }
  lines.push(
    `${padText(formatMessage("cli.tier.explain.total", {}, locale), 51, "end")}${score.padStart(12)}`,
  );
  return `${lines.join("\n")}\n`;
}

function migrationText(result: TierAssignment, policy: TierPolicy, currency: string, locale: Locale): string {
  const migration = tierMigration(result);
  const { counts } = migration;
  const label = (tier: string): string => tierLabel(policy, tier, locale);
  // The rows end with the accounts new in this run, the columns with those gone since the previous one.
  const rowNames = [
    ...migration.from.slice(0, -1).map(label),
    formatMessage("report.label.new-account", {}, locale),
  ];
  const columnNames = [
    ...migration.to.slice(0, -1).map(label),
    formatMessage("report.label.departed", {}, locale),
  ];
  const width = Math.max(12, ...[...rowNames, ...columnNames].map((name) => displayWidth(name) + 2));
  const matrix = (cells: number[][], format: (value: number) => string): string[] => [
    `${padText(formatMessage("cli.tier.migration.corner", {}, locale), width, "end")}${columnNames
      .map((name) => padText(name, width, "start"))
      .join("")}`,
    ...rowNames.map(
      (name, row) =>
        `${padText(name, width, "end")}${(cells[row] ?? []).map((value) => format(value).padStart(width)).join("")}`,
    ),
  ];
  const lines = [
    formatMessage(
      "cli.tier.migration.summary",
      {
        up: counts.up,
        down: counts.down,
        unchanged: counts.unchanged,
        new: counts.new,
        departed: counts.departed,
      },
      locale,
    ),
    formatMessage("cli.tier.migration.accounts", {}, locale),
    ...matrix(migration.accounts, String),
    formatMessage("cli.tier.migration.revenue", { currency }, locale),
    ...matrix(migration.revenueMinor, (value) => formatMoney(value, currency)),
    formatMessage("cli.tier.migration.moved", {}, locale),
    ...migration.moved.map((move) =>
      formatMessage(
        move.up ? "cli.tier.migration.up" : "cli.tier.migration.down",
        {
          id: move.id,
          from: label(move.from),
          to: label(move.to),
          reasons: tierReasonText(move.reasons, policy, locale),
        },
        locale,
      ),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Scores and tiers the customers of a transaction file. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "tier",
      usage: "keyaccount tier <file> --policy P --as-of DATE",
    });
  if (extra.length > 0)
    throw new UsageError("cli.args.one-file", { command: "tier", extra: extra.join(" ") });
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const locale = localeFlag(values, io) ?? "en";
  if (values.migration === true && values.previous === undefined)
    throw new UsageError("cli.tier.migration-needs-previous");
  const policy = await loadPolicy(values.policy as string | undefined);
  const ratings = await readRatings(values.ratings as string | undefined, policy);
  const previous = await readPrevious(values.previous as string | undefined);
  const overrides = await readOverrides(values.overrides as string | undefined);
  const costPath = values["cost-model"] as string | undefined;
  const costs = costPath === undefined ? undefined : parseCostModel(await readJsonFile(costPath));
  const asOf = values["as-of"] as string | undefined;
  if (asOf === undefined)
    throw new UsageError("cli.flag.required.day", { flag: "--as-of", example: "2024-12-31" });
  const fromFeatures = await isFeatureFile(path);
  const potentialsPath = values.potentials as string | undefined;
  if (potentialsPath !== undefined && fromFeatures)
    throw new UsageError("cli.tier.potentials-needs-transactions");
  const potentialRows =
    potentialsPath === undefined ? undefined : await readTableFile(potentialsPath, ["id", "potential"]);
  // The accepted transactions are kept only when a growth metric needs them.
  const transactions: Transaction[] | undefined =
    !fromFeatures && policyMetricNames(policy).some((name) => GROWTH_METRICS.includes(name)) ? [] : undefined;
  const file = fromFeatures
    ? undefined
    : await summarizeTransactionFile(
        path,
        values,
        io,
        transactions && ((record) => transactions.push(record)),
      );
  const currency = file?.summary.currency ?? (values.currency as string | undefined) ?? "USD";
  const features = (file?.summary.features ?? (await readFeatureFile(path, currency))).filter(
    (f) => !f.mixedCurrencies,
  );
  const potentials =
    potentialsPath === undefined || potentialRows === undefined
      ? undefined
      : potentialAmounts(potentialsPath, potentialRows, currency);
  const clvById = await readClv(values.clv as string | undefined, currency);
  const growthById = new Map<string, GrowthFeatures>(
    transactions === undefined
      ? []
      : growthFeatures(transactions, [], { asOf, potentials }).map((g) => [g.id, g]),
  );
  const scores = features.length > 0 ? rfm(features).customers : [];
  const rfmById = new Map(scores.map((customer) => [customer.id, customer]));
  const pnls = costs === undefined ? [] : customerProfit(features.map(profitInputFromFeatures), costs);
  const pnlById = new Map(pnls.map((pnl) => [pnl.id, pnl]));
  const inputs: TierInput[] = features.map((f) => ({
    id: f.id,
    features: f,
    rfm: rfmById.get(f.id),
    profit: pnlById.get(f.id),
    growth: growthById.get(f.id),
    clv: clvById.get(f.id),
    ...ratings.get(f.id),
  }));
  const card = scoreAccounts(inputs, policy);
  const result = assignTiers(card, { asOf, previous, overrides });
  const explain = values.explain as string | undefined;
  const out = values.out as string | undefined;
  if (out !== undefined || (explain === undefined && values.migration !== true)) {
    const dimensions = card.policy.dimensions.map((dimension) => dimension.name);
    const columns = ["id", "tier", "score", "previous_tier", "changed", "periods_below", "reason"];
    columns.push(...dimensions.map((name) => `score_${name}`));
    const rows: Cell[][] = result.accounts.map((account, i) => [
      account.id,
      account.tier,
      Math.round(account.score * 100) / 100,
      account.previousTier,
      account.changed,
      account.periodsBelow,
      tierReasonText(account.reasons, card.policy, locale),
      ...card.dimensionScores.map((scores) => {
        const score = scores[i] as number;
        return Number.isNaN(score) ? undefined : Math.round(score * 100) / 100;
      }),
    ]);
    await writeTable(columns, rows, format as OutputFormat, out, io.stdout);
  }
  if (explain !== undefined) io.stdout.write(explanation(card, result, explain, locale, currency));
  if (values.migration === true) io.stdout.write(migrationText(result, card.policy, currency, locale));
  const tally = result.tiers.map((tier, t) =>
    formatMessage(
      "cli.tier.count",
      {
        tier: tierLabel(card.policy, tier, locale),
        count: result.tierIndex.filter((index) => index === t).length,
      },
      locale,
    ),
  );
  const lines = [
    formatMessage(
      "cli.tier.tally",
      { customers: result.ids.length, policy: card.policy.name, tiers: listText(tally, locale) },
      locale,
    ),
  ];
  for (const issue of [...card.issues, ...result.issues]) lines.push(localizeIssue(issue, locale).message);
  io.stderr.write(`${lines.join("\n")}\n`);
  if (file !== undefined) {
    const reportPath = values.report as string | undefined;
    if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(file.report, null, 2)}\n`);
    const meta = summaryMeta(file.summary);
    io.stderr.write(describeIngestReport(file.report, meta, Date.now() - file.started, locale));
  }
  return 0;
}

/** `keyaccount tier <file>`: scorecard, tiers, reasons and migration of a transaction file's customers. */
export const tierCommand: Command = {
  summary: {
    en: "scorecard and tiers (strategic / key / … with hysteresis, overrides, reasons, migration)",
    "zh-CN": "评分卡和分级（战略 / 重点 / …，含升降级缓冲、人工调整、分级依据、分级迁移）",
  },
  help: TIER_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    policy: { type: "string" },
    previous: { type: "string" },
    ratings: { type: "string" },
    overrides: { type: "string" },
    "cost-model": { type: "string" },
    potentials: { type: "string" },
    clv: { type: "string" },
    locale: { type: "string" },
    explain: { type: "string" },
    migration: { type: "boolean" },
    format: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  },
  run,
};
