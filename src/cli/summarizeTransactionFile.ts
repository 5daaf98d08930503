import { access } from "node:fs/promises";
import { createFeatureAccumulator } from "../features/createFeatureAccumulator.js";
import type { FeatureOptions } from "../features/FeatureOptions.js";
import type { FeatureSummary } from "../features/FeatureSummary.js";
import type { SummarizeInput } from "../features/summarize.js";
import { createTransactionIngest, type TransactionColumn } from "../ingest/createTransactionIngest.js";
import type { IngestReport } from "../ingest/IngestReport.js";
import { DATE_FORMATS, type DateFormat } from "../model/dateFormat.js";
import type { Locale } from "../model/locale.js";
import { PERIODS, type Period } from "../model/period.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import type { Transaction } from "../model/transaction.js";
import { fileError } from "./fileError.js";
import { createProgress } from "./progress.js";
import { INPUT_FORMATS, type InputFormat, inputFormatOf, readRows } from "./readRows.js";
import type { CliIo, FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

/** The flags that say how to read a transaction file (node:util parseArgs form), with `--as-of`. */
export const TRANSACTION_READ_FLAGS = {
  "customer-col": { type: "string" },
  "date-col": { type: "string" },
  "amount-col": { type: "string" },
  "quantity-col": { type: "string" },
  "price-col": { type: "string" },
  "order-col": { type: "string" },
  "product-col": { type: "string" },
  "category-col": { type: "string" },
  "cost-col": { type: "string" },
  "id-col": { type: "string" },
  "currency-col": { type: "string" },
  "date-format": { type: "string" },
  "input-format": { type: "string" },
  delimiter: { type: "string" },
  columns: { type: "string" },
  currency: { type: "string" },
  "cancellation-prefix": { type: "string" },
  "duplicate-rows": { type: "string" },
  "zero-amounts": { type: "string" },
  "as-of": { type: "string" },
} as const;

/**
 * The flags that say how to read a transaction file and summarise it per customer, shared by every command
 * that starts from transactions (node:util parseArgs form).
 */
export const TRANSACTION_FLAGS = {
  ...TRANSACTION_READ_FLAGS,
  "calibration-end": { type: "string" },
  period: { type: "string" },
  "time-unit": { type: "string" },
  "recent-days": { type: "string" },
} as const;

/** The help lines of {@link TRANSACTION_READ_FLAGS} but `--as-of`, in English and Chinese. */
export const TRANSACTION_READ_HELP: Readonly<Record<Locale, string>> = {
  en: `Input
  --input-format F       csv | tsv | whitespace | jsonl (default: from the file name; .txt is whitespace)
  --delimiter C          CSV delimiter (default: detected)
  --columns a,b,c        column names of a file without a header line
  --customer-col NAME    customer id column (default customerId)
  --date-col NAME        date column (default date)
  --amount-col NAME      line amount column (default amount) ...
  --quantity-col NAME    ... or quantity and unit price columns: amount = quantity × price, exactly
  --price-col NAME
  --order-col NAME       order / invoice number (lines of one order are one order)
  --product-col NAME     product or SKU (for cancellation matching and breadth)
  --category-col NAME    product category
  --cost-col NAME        cost of goods (for the gross margin)
  --id-col NAME          transaction line id (duplicates are rejected)
  --currency-col NAME    currency per row
  --currency CODE        currency when there is no currency column (ISO 4217, default USD)
  --date-format F        ${DATE_FORMATS.join(" | ")} (default auto)
  --cancellation-prefix P  an order number starting with P is a cancellation (UCI Online Retail: C)
  --duplicate-rows D     a line repeating an earlier line exactly: reject (default) | notice | keep
  --zero-amounts Z       sales of 0.00: reject (default) | accept (free items are purchases, as in CDNOW)

`,
  "zh-CN": `输入
  --input-format F       csv | tsv | whitespace | jsonl（默认按文件名判断；.txt 为 whitespace）
  --delimiter C          CSV 分隔符（默认自动识别）
  --columns a,b,c        没有表头行的文件的列名
  --customer-col NAME    客户编号列（默认 customerId）
  --date-col NAME        日期列（默认 date）
  --amount-col NAME      明细金额列（默认 amount）……
  --quantity-col NAME    ……或者数量列和单价列：金额 = 数量 × 单价，精确计算
  --price-col NAME
  --order-col NAME       订单号 / 发票号（同一订单的各行算作一笔订单）
  --product-col NAME     产品或 SKU（用于匹配取消记录和计算购买广度）
  --category-col NAME    产品类别
  --cost-col NAME        商品成本（用于计算毛利）
  --id-col NAME          交易明细行编号（编号重复的行会被剔除）
  --currency-col NAME    每行的币种
  --currency CODE        没有币种列时使用的币种（ISO 4217，默认 USD）
  --date-format F        ${DATE_FORMATS.join(" | ")}（默认 auto）
  --cancellation-prefix P  以 P 开头的订单号视为取消（UCI Online Retail 为 C）
  --duplicate-rows D     与前面某行完全相同的行：reject（默认）| notice | keep
  --zero-amounts Z       金额为 0.00 的销售：reject（默认）| accept（赠品也算购买，与 CDNOW 相同）

`,
};

/** The help lines of {@link TRANSACTION_FLAGS}, in English and Chinese. */
export const TRANSACTION_FLAGS_HELP: Readonly<Record<Locale, string>> = {
  en: `${TRANSACTION_READ_HELP.en}Summary
  --as-of DATE           the day the summary is made (required); later rows are rejected
  --calibration-end DATE split: BTYD summary up to DATE, holdout columns for (DATE, as-of]
  --period P             purchase grouping: ${PERIODS.join(" | ")} (default day)
  --time-unit U          unit of recency and T: ${TIME_UNITS.join(" | ")} (default day)
  --recent-days N        window of the recent-revenue trend (default 90)

`,
  "zh-CN": `${TRANSACTION_READ_HELP["zh-CN"]}汇总
  --as-of DATE           汇总的统计截止日（必填）；晚于该日的行会被剔除
  --calibration-end DATE 划分校准期：BTYD 汇总截至 DATE，验证期各列统计 (DATE, as-of] 区间
  --period P             购买归并周期：${PERIODS.join(" | ")}（默认 day）
  --time-unit U          recency 和 T 的单位：${TIME_UNITS.join(" | ")}（默认 day）
  --recent-days N        近期销售额趋势的统计窗口（默认 90）

`,
};

type Values = { [K in keyof typeof TRANSACTION_FLAGS]?: string | undefined };

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError("cli.flag.choice", { flag: `--${flag}`, allowed: allowed.join(", "), value });
}

// Each field's column flag: a missing column is named with the flag that maps it.
const COLUMN_FLAGS: readonly (readonly [TransactionColumn, keyof Values])[] = [
  ["customerId", "customer-col"],
  ["date", "date-col"],
  ["amount", "amount-col"],
  ["quantity", "quantity-col"],
  ["unitPrice", "price-col"],
  ["orderId", "order-col"],
  ["product", "product-col"],
  ["category", "category-col"],
  ["cost", "cost-col"],
  ["id", "id-col"],
  ["currency", "currency-col"],
];

function columnMapping(values: Values): Partial<Record<TransactionColumn, string>> {
  const mapping: Partial<Record<TransactionColumn, string>> = {};
  for (const [field, flag] of COLUMN_FLAGS) {
    const column = values[flag];
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}

function featureOptions(values: Values): FeatureOptions {
  const asOf = values["as-of"];
  if (asOf === undefined)
    throw new UsageError("cli.flag.required.day", { flag: "--as-of", example: "2014-12-31" });
  const recentDays = values["recent-days"];
  if (recentDays !== undefined && !/^\d+$/.test(recentDays)) {
    throw new UsageError("cli.flag.whole-days", { flag: "--recent-days", value: recentDays });
  }
  return {
    asOf,
    calibrationEnd: values["calibration-end"],
    period: choice<Period>("period", values.period, PERIODS, "day"),
    timeUnit: choice<TimeUnit>("time-unit", values["time-unit"], TIME_UNITS, "day"),
    recentDays: recentDays === undefined ? undefined : Number(recentDays),
  };
}

/** Checks that the mapped columns exist in the file's header, before any row is judged. */
function checkColumns(
  path: string,
  header: readonly string[],
  mapping: Partial<Record<TransactionColumn, string>>,
): void {
  const wanted: Partial<Record<TransactionColumn, string>> = {
    customerId: "customerId",
    date: "date",
    ...mapping,
  };
  if (mapping.unitPrice === undefined) wanted.amount = mapping.amount ?? "amount";
  const names = new Set(header);
  const missing = COLUMN_FLAGS.filter(
    ([field]) => wanted[field] !== undefined && !names.has(wanted[field]),
  ).map(([field, flag]) => `"${wanted[field]}" (--${flag})`);
  if (missing.length > 0) {
    throw new UsageError("cli.file.columns-missing", {
      path,
      missing: missing.join(", "),
      columns: header.join(", "),
    });
  }
}

/** What {@link summarizeTransactionFile} returns: the per-customer summary and the accounting of every row. */
export interface FileSummary {
  summary: FeatureSummary;
  report: IngestReport;
  started: number;
}

/** What {@link streamTransactionFile} returns: the accounting of every row and when the reading started. */
export interface StreamedFile {
  report: IngestReport;
  started: number;
}

/**
 * Streams a transaction file through ingest: every accepted record goes to `onTransaction` as it is read, and
 * nothing is kept. Flag problems throw {@link UsageError}. Rows after `asOf` are rejected.
 */
export async function streamTransactionFile(
  path: string,
  flags: FlagValues,
  io: CliIo,
  asOf: string,
  onTransaction: (record: Transaction) => void,
): Promise<StreamedFile> {
  const values = flags as Values;
  try {
    await access(path);
  } catch (error) {
    throw fileError(path, error);
  }
  const inputFormat = choice<InputFormat>(
    "input-format",
    values["input-format"],
    INPUT_FORMATS,
    inputFormatOf(path),
  );
  const dateFormat = choice<DateFormat>("date-format", values["date-format"], DATE_FORMATS, "auto");
  const mapping = columnMapping(values);
  const ingest = createTransactionIngest(
    {
      columns: mapping,
      currency: values.currency ?? (mapping.currency === undefined ? "USD" : undefined),
      dateFormat,
      asOf,
      cancellationPrefix: values["cancellation-prefix"],
      duplicateRows: choice<"reject" | "notice" | "keep">(
        "duplicate-rows",
        values["duplicate-rows"],
        ["reject", "notice", "keep"],
        "reject",
      ),
      zeroAmounts: choice<"reject" | "accept">(
        "zero-amounts",
        values["zero-amounts"],
        ["reject", "accept"],
        "reject",
      ),
    },
    onTransaction,
  );
  const started = Date.now();
  const progress = createProgress(path, io.stderr, io.locale ?? "en");
  let checked = false;
  await readRows(
    path,
    {
      format: inputFormat,
      delimiter: values.delimiter,
      columns: values.columns?.split(",").map((name) => name.trim()),
      onProgress: progress.update,
    },
    (row, problem) => {
      if (!checked && inputFormat !== "jsonl") {
        checkColumns(path, Object.keys(row), mapping);
        checked = true;
      }
      if (problem === undefined) ingest.push(row);
      else ingest.pushUnreadable(problem);
    },
  );
  progress.done();
  return { report: ingest.finish(), started };
}

/**
 * Streams a transaction file through ingest into a feature accumulator: the first half of every command that
 * starts from transactions. Flag problems throw {@link UsageError}. `onTransaction` also receives every
 * accepted record (e.g. to keep them for the growth features); `records` are the other records of the customers
 * (their interactions, invoices and customer records), summarised with the transactions.
 */
export async function summarizeTransactionFile(
  path: string,
  flags: FlagValues,
  io: CliIo,
  onTransaction?: ((record: Transaction) => void) | undefined,
  records: Omit<SummarizeInput, "transactions"> = {},
): Promise<FileSummary> {
  const options = featureOptions(flags as Values);
  const accumulator = createFeatureAccumulator(options);
  const { report, started } = await streamTransactionFile(path, flags, io, options.asOf, (record) => {
    accumulator.addTransaction(record);
    onTransaction?.(record);
  });
  for (const interaction of records.interactions ?? []) accumulator.addInteraction(interaction);
  for (const invoice of records.invoices ?? []) accumulator.addInvoice(invoice);
  for (const customer of records.customers ?? []) accumulator.addCustomer(customer);
  return { summary: accumulator.summary(), report, started };
}
