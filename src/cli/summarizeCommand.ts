import { writeFile } from "node:fs/promises";
import { featureTable } from "../features/featureTable.js";
import type { Locale } from "../model/locale.js";
import { describeIngestReport } from "./describeIngestReport.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";
import { OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

/** The help text of `keyaccount summarize`. */
const SUMMARIZE_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount summarize <file> [options]

Reads a transaction file (CSV, TSV, whitespace-separated or JSON Lines; streamed, any size), checks every row,
and writes one row per customer: the BTYD summary (id, frequency, recency, T, monetary_value — lifetimes'
columns) and the key-account facts (revenue, margin, orders, intervals, recent revenue and trend …).
The ingest report (rows read / used / rejected by reason) goes to standard error or to --report.

${TRANSACTION_FLAGS_HELP.en}Output
  --format F             csv | json | jsonl (default csv)
  --out FILE             write the summary to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE

Example
  keyaccount summarize CDNOW_sample.txt --columns master_id,id,date,cds,spent --customer-col id \\
    --amount-col spent --duplicate-rows keep --zero-amounts accept \\
    --as-of 1998-06-30 --calibration-end 1997-09-30 --time-unit week
`,
  "zh-CN": `keyaccount summarize <file> [选项]

读取交易明细文件（CSV、TSV、空白分隔或 JSON Lines；流式读取，不限大小），逐行检查，并为每位客户
输出一行：BTYD 汇总（id、frequency、recency、T、monetary_value，与 lifetimes 库的列相同）以及
重点客户指标（销售额、毛利、订单数、购买间隔、近期销售额及趋势……）。
导入报告（读取 / 导入 / 按原因剔除的行数）输出到标准错误，或写入 --report 指定的文件。

${TRANSACTION_FLAGS_HELP["zh-CN"]}输出
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             把汇总写入 FILE（默认写到标准输出）
  --report FILE          把导入报告以 JSON 格式写入 FILE

示例
  keyaccount summarize CDNOW_sample.txt --columns master_id,id,date,cds,spent --customer-col id \\
    --amount-col spent --duplicate-rows keep --zero-amounts accept \\
    --as-of 1998-06-30 --calibration-end 1997-09-30 --time-unit week
`,
};

/** Writes one row per customer. */
async function summarize(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "summarize",
      usage: "keyaccount summarize <file> [options]",
    });
  if (extra.length > 0)
    throw new UsageError("cli.args.one-file", { command: "summarize", extra: extra.join(" ") });
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const { summary, report, started } = await summarizeTransactionFile(path, values, io);
  const table = featureTable(summary);
  const out = values.out as string | undefined;
  await writeTable(table.columns, table.rows, format as OutputFormat, out, io.stdout);
  const reportPath = values.report as string | undefined;
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  io.stderr.write(describeIngestReport(report, table.meta, Date.now() - started, io.locale ?? "en"));
  return 0;
}

/** `keyaccount summarize <file>`: the per-customer summary of a transaction file. */
export const summarizeCommand: Command = {
  summary: {
    en: "per-customer summary: BTYD x, t_x, T, spend and key-account facts",
    "zh-CN": "逐客户汇总：BTYD 的 x、t_x、T、消费额以及重点客户指标",
  },
  help: SUMMARIZE_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    format: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  },
  run: summarize,
};
