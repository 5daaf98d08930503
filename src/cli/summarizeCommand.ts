import { writeFile } from "node:fs/promises";
import { featureTable } from "../features/featureTable.js";
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
const SUMMARIZE_HELP = `keyaccount summarize <file> [options]

Reads a transaction file (CSV, TSV, whitespace-separated or JSON Lines; streamed, any size), checks every row,
and writes one row per customer: the BTYD summary (id, frequency, recency, T, monetary_value — lifetimes'
columns) and the key-account facts (revenue, margin, orders, intervals, recent revenue and trend …).
The ingest report (rows read / used / rejected by reason) goes to standard error or to --report.

${TRANSACTION_FLAGS_HELP}Output
  --format F             csv | json | jsonl (default csv)
  --out FILE             write the summary to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE

Example
  keyaccount summarize CDNOW_sample.txt --columns master_id,id,date,cds,spent --customer-col id \\
    --amount-col spent --duplicate-rows keep --zero-amounts accept \\
    --as-of 1998-06-30 --calibration-end 1997-09-30 --time-unit week
`;

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
  summary: "per-customer summary: BTYD x, t_x, T, spend and key-account facts",
  help: SUMMARIZE_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    format: { type: "string" },
    out: { type: "string" },
    report: { type: "string" },
  },
  run: summarize,
};
