import { readFile, writeFile } from "node:fs/promises";
import { formatMoney } from "../model/formatMoney.js";
import { GRID_SEGMENTS } from "../rfm/gridSegments.js";
import { rfm } from "../rfm/rfm.js";
import { RFM_EIGHT_CLASS_SEGMENTS } from "../rfm/rfmEightClassSegments.js";
import { RFM_PACKAGE_SEGMENTS } from "../rfm/rfmPackageSegments.js";
import { SCORE_METHODS, type ScoreMethod } from "../rfm/ScoreMethod.js";
import type { SegmentMapDefinition } from "../rfm/segmentMapSchema.js";
import { describeIngestReport } from "./describeIngestReport.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";
import { type Cell, OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const METHODS = SCORE_METHODS.filter((method) => method !== "fixed");

const RFM_HELP = `keyaccount rfm <file> [options]

Reads a transaction file like "keyaccount summarize", scores every customer's recency (days since the last sale;
recent = high), frequency (orders) and monetary value (net revenue) 1..k, and puts each in a segment. Writes
id, recency, frequency, monetary, r, f, m, rfm, segment. The break points, the segment counts and revenue shares
and any score cells the segment map leaves uncovered go to standard error.

${TRANSACTION_FLAGS_HELP}RFM
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
`;

async function segmentMap(value: string | undefined): Promise<SegmentMapDefinition | undefined> {
  if (value === undefined) return undefined;
  if (value === "grid") return GRID_SEGMENTS;
  if (value === "rfm-package") return RFM_PACKAGE_SEGMENTS;
  if (value === "eight-class") return RFM_EIGHT_CLASS_SEGMENTS;
  let text: string;
  try {
    text = await readFile(value, "utf8");
  } catch {
    throw new UsageError(
      `--segments must be grid, rfm-package, eight-class or a readable JSON file; cannot read "${value}"`,
    );
  }
  try {
    return JSON.parse(text) as SegmentMapDefinition;
  } catch (error) {
    throw new UsageError(`--segments file "${value}" is not JSON: ${(error as Error).message}`);
  }
}

/** Scores the customers of a transaction file. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError("rfm needs a file: keyaccount rfm <file> [options]");
  if (extra.length > 0) throw new UsageError(`rfm takes one file; also got: ${extra.join(" ")}`);
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}; got "${format}"`);
  }
  const bins = values.bins as string | undefined;
  if (bins !== undefined && !/^[2-9]$/.test(bins)) {
    throw new UsageError(`--bins must be a whole number 2..9; got "${bins}"`);
  }
  const method = values.method as string | undefined;
  if (method !== undefined && !(METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method must be one of ${METHODS.join(", ")}; got "${method}"`);
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
  const { features: _features, columns: _columns, ...meta } = summary;
  const { breaks } = result;
  const lines = [
    `scored ${result.ids.length} customers (${result.excluded.withoutPurchase} without a sale, ${result.excluded.mixedCurrencies} with mixed currencies left out)`,
    `break points (${breaks.recency.method}): recency ${breaks.recency.breaks.join(" ")} days (${breaks.recency.closed}-closed); frequency ${breaks.frequency.breaks.join(" ")} orders (${breaks.frequency.closed}-closed); monetary ${breaks.monetary.breaks.join(" ")} minor units (${breaks.monetary.closed}-closed)`,
    ...result.segments.map(
      (s) =>
        `  ${s.segment}: ${s.customers} customers (${(s.customerShare * 100).toFixed(1)} %), ${(s.revenueShare * 100).toFixed(1)} % of revenue`,
    ),
  ];
  if (result.map.uncovered.length > 0) {
    lines.push(
      `segment map "${result.map.name}" leaves ${result.map.uncovered.length} score cells uncovered (customers there are "${result.map.fallback}"): ${result.map.uncovered.join(" ")}`,
    );
  }
  if (result.map.overlaps.length > 0) {
    lines.push(
      `segment map "${result.map.name}": ${result.map.overlaps.length} score cells match several rules (the first wins)`,
    );
  }
  for (const issue of result.issues) lines.push(issue.message);
  io.stderr.write(`${lines.join("\n")}\n`);
  io.stderr.write(describeIngestReport(report, meta, Date.now() - started));
  return 0;
}

/** `keyaccount rfm <file>`: RFM scores and segments of a transaction file's customers. */
export const rfmCommand: Command = {
  summary: "RFM scores and segments (R×FM grid, R rfm's rules, the Chinese 8-class model or your own map)",
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
