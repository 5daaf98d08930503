import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";
import { GRID_SEGMENTS } from "../rfm/gridSegments.js";
import { rfm } from "../rfm/rfm.js";
import { RFM_EIGHT_CLASS_SEGMENTS } from "../rfm/rfmEightClassSegments.js";
import { RFM_PACKAGE_SEGMENTS } from "../rfm/rfmPackageSegments.js";
import { SCORE_METHODS, type ScoreMethod } from "../rfm/ScoreMethod.js";
import { SEGMENT_LABELS } from "../rfm/segmentLabels.js";
import type { SegmentMapDefinition } from "../rfm/segmentMapSchema.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { readJsonFile } from "./readJsonFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { summaryMeta } from "./summaryMeta.js";
import { UsageError } from "./UsageError.js";
import { type Cell, OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const METHODS = SCORE_METHODS.filter((method) => method !== "fixed");

const RFM_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount rfm <file> [options]

Reads a transaction file like "keyaccount summarize", scores every customer's recency (days since the last sale;
recent = high), frequency (orders) and monetary value (net revenue) 1..k, and puts each in a segment. Writes
id, recency, frequency, monetary, r, f, m, rfm, segment. The break points, the segment counts and revenue shares
and any score cells the segment map leaves uncovered go to standard error.

${TRANSACTION_FLAGS_HELP.en}RFM
  --bins K               scores 1..K, 2..9 (default: the segment map's, 5 for grid and rfm-package)
  --method M             ${METHODS.join(" | ")} (default: the segment map's, else
                         quantile: type-7 quantiles; rfm-package: R rfm's rule, quantile + 1, left-closed;
                         mean, median: high (2) or low (1) against the mean or median, a value at it is low)
  --segments S           grid (default: the R×FM grid) | rfm-package (R rfm's ordered rules) | eight-class
                         (the Chinese 8-class model, 重要价值客户 … 一般挽留客户: R, F, M high or low against
                         the mean, or the median with --method median; the default for --method mean and median)
                         | FILE.json (a map: { "name", "bins", "method", "rules": [{ "segment", "r": [lo, hi],
                         "f", "m", "fm" }], "fallback" }; first matching rule wins)

Output
  --format F             csv | json | jsonl (default csv)
  --out FILE             write the table to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE

Example
  keyaccount rfm online_retail.csv --customer-col CustomerID --date-col InvoiceDate --quantity-col Quantity \\
    --price-col UnitPrice --order-col InvoiceNo --product-col StockCode --cancellation-prefix C \\
    --currency GBP --as-of 2011-12-09 --method rfm-package --segments rfm-package
  keyaccount rfm online_retail.csv … --segments eight-class
`,
  "zh-CN": `keyaccount rfm <file> [选项]

像“keyaccount summarize”一样读取交易明细文件，为每位客户的最近购买间隔（距上次销售的天数；
越近分越高）、购买频次（订单数）和消费金额（净销售额）打 1..k 分，并归入一个分群。输出
id、recency、frequency、monetary、r、f、m、rfm、segment。分段点、各分群的客户数和销售额占比，
以及分群方案未覆盖的评分组合输出到标准错误。

${TRANSACTION_FLAGS_HELP["zh-CN"]}RFM
  --bins K               评分为 1..K，K 取 2..9（默认取分群方案的设置；grid 和 rfm-package 为 5）
  --method M             ${METHODS.join(" | ")}（默认取分群方案的设置，否则为
                         quantile：type-7 分位数；rfm-package：R rfm 包的规则，分位数 + 1，左闭右开；
                         mean、median：与均值或中位数比较，高为 2、低为 1，恰好相等算低）
  --segments S           grid（默认：R×FM 网格）| rfm-package（R rfm 包的有序规则）| eight-class
                         （中国常用的八类客户模型，重要价值客户 … 一般挽留客户：R、F、M 与均值比较
                         分高低，使用 --method median 时与中位数比较；是 --method mean 和 median 的
                         默认分群）| FILE.json（自定义分群方案：{ "name", "bins", "method", "rules":
                         [{ "segment", "r": [lo, hi], "f", "m", "fm" }], "fallback" }；以第一条匹配的
                         规则为准）

输出
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             把表格写入 FILE（默认写到标准输出）
  --report FILE          把导入报告以 JSON 格式写入 FILE

示例
  keyaccount rfm online_retail.csv --customer-col CustomerID --date-col InvoiceDate --quantity-col Quantity \\
    --price-col UnitPrice --order-col InvoiceNo --product-col StockCode --cancellation-prefix C \\
    --currency GBP --as-of 2011-12-09 --method rfm-package --segments rfm-package
  keyaccount rfm online_retail.csv … --segments eight-class
`,
};

const BUILT_IN_MAPS: Readonly<Record<string, SegmentMapDefinition>> = {
  grid: GRID_SEGMENTS,
  "rfm-package": RFM_PACKAGE_SEGMENTS,
  "eight-class": RFM_EIGHT_CLASS_SEGMENTS,
};

async function segmentMap(value: string | undefined): Promise<SegmentMapDefinition | undefined> {
  if (value === undefined) return undefined;
  if (Object.hasOwn(BUILT_IN_MAPS, value)) return BUILT_IN_MAPS[value];
  if (!existsSync(value)) {
    const allowed = Object.keys(BUILT_IN_MAPS).join(", ");
    throw new UsageError("cli.flag.choice-or-file", { flag: "--segments", allowed, value });
  }
  return (await readJsonFile(value)) as SegmentMapDefinition;
}

// A segment as people read it: its label in the language when the built-in maps name it, else its name.
const segmentText = (segment: string, locale: Locale): string =>
  locale === "en" ? segment : (SEGMENT_LABELS[locale][segment] ?? segment);

/** Scores the customers of a transaction file. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "rfm",
      usage: "keyaccount rfm <file> [options]",
    });
  if (extra.length > 0) throw new UsageError("cli.args.one-file", { command: "rfm", extra: extra.join(" ") });
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const bins = values.bins as string | undefined;
  if (bins !== undefined && !/^[2-9]$/.test(bins)) {
    throw new UsageError("cli.flag.whole-range", { flag: "--bins", min: 2, max: 9, value: bins });
  }
  const method = values.method as string | undefined;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
    throw new UsageError("cli.flag.choice", { flag: "--method", allowed: METHODS.join(", "), value: method });
  }
  const segments = await segmentMap(values.segments as string | undefined);
  const { summary, report, started } = await summarizeTransactionFile(path, values, io);
  const features = summary.columns;
  const result = rfm(features, {
    bins: bins === undefined ? undefined : Number(bins),
    method: method as ScoreMethod | undefined,
    segments,
  });
  const currencies = new Map(features.ids.map((id, i) => [id, features.currency[i] ?? summary.currency]));
  const segmentNames = result.map.segments;
  const rows: Cell[][] = result.ids.map((id, i) => {
    const currency = currencies.get(id);
    const monetary = result.monetary[i] as number;
    const [r, f, m] = [result.r[i] as number, result.f[i] as number, result.m[i] as number];
    return [
      id,
      result.recency[i] as number,
      result.frequency[i] as number,
      currency === undefined ? monetary : formatMoney(monetary, currency),
      r,
      f,
      m,
      `${r}${f}${m}`,
      segmentNames[result.segmentIndex[i] as number] as string,
    ];
  });
  const columns = ["id", "recency", "frequency", "monetary", "r", "f", "m", "rfm", "segment"];
  await writeTable(columns, rows, format as OutputFormat, values.out as string | undefined, io.stdout);
  const reportPath = values.report as string | undefined;
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const meta = summaryMeta(summary);
  const { breaks, map } = result;
  const locale = io.locale ?? "en";
  const closed = (side: "left" | "right"): string =>
    formatMessage(side === "left" ? "cli.rfm.left-closed" : "cli.rfm.right-closed", {}, locale);
  const lines = [
    formatMessage(
      "cli.rfm.scored",
      {
        customers: result.ids.length,
        withoutSale: result.excluded.withoutPurchase,
        mixed: result.excluded.mixedCurrencies,
      },
      locale,
    ),
    formatMessage(
      "cli.rfm.breaks",
      {
        method: breaks.recency.method,
        recency: breaks.recency.breaks.join(" "),
        recencyClosed: closed(breaks.recency.closed),
        frequency: breaks.frequency.breaks.join(" "),
        frequencyClosed: closed(breaks.frequency.closed),
        monetary: breaks.monetary.breaks.join(" "),
        monetaryClosed: closed(breaks.monetary.closed),
      },
      locale,
    ),
    ...result.segments.map((s) =>
      formatMessage(
        "cli.rfm.segment",
        {
          segment: segmentText(s.segment, locale),
          customers: s.customers,
          share: (s.customerShare * 100).toFixed(1),
          revenueShare: (s.revenueShare * 100).toFixed(1),
        },
        locale,
      ),
    ),
  ];
  if (map.uncovered.length > 0) {
    lines.push(
      formatMessage(
        "cli.rfm.uncovered",
        {
          map: map.name,
          count: map.uncovered.length,
          fallback: segmentText(map.fallback, locale),
          cells: map.uncovered.join(" "),
        },
        locale,
      ),
    );
  }
  if (map.overlaps.length > 0)
    lines.push(formatMessage("cli.rfm.overlaps", { map: map.name, count: map.overlaps.length }, locale));
  for (const issue of result.issues) lines.push(localizeIssue(issue, locale).message);
  io.stderr.write(`${lines.join("\n")}\n`);
  io.stderr.write(describeIngestReport(report, meta, Date.now() - started, locale));
  return 0;
}

/** `keyaccount rfm <file>`: RFM scores and segments of a transaction file's customers. */
export const rfmCommand: Command = {
  summary: {
    en: "RFM scores and segments (R×FM grid, R rfm's rules, the Chinese 8-class model or your own map)",
    "zh-CN": "RFM 评分和分群（R×FM 网格、R rfm 包的规则、中国常用的八类客户模型或自定义分群方案）",
  },
  help: RFM_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    bins: { type: "string" },
    method: { type: "string" },
    segments: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  },
  run,
};
