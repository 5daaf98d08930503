import { access } from "node:fs/promises";
import { createFeatureAccumulator } from "../features/createFeatureAccumulator.js";
import type { FeatureOptions } from "../features/FeatureOptions.js";
import type { FeatureSummary } from "../features/FeatureSummary.js";
import type { SummarizeInput } from "../features/summarize.js";
import { createTransactionIngest, type TransactionColumn } from "../ingest/createTransactionIngest.js";
import type { IngestReport } from "../ingest/IngestReport.js";
import { DATE_FORMATS, type DateFormat } from "../model/dateFormat.js";
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

/** The help lines of {@link TRANSACTION_READ_FLAGS} but `--as-of`. */
export const TRANSACTION_READ_HELP = `Input
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

`;

/** The help lines of {@link TRANSACTION_FLAGS}. */
export const TRANSACTION_FLAGS_HELP = `${TRANSACTION_READ_HELP}Summary
  --as-of DATE           the day the summary is made (required); later rows are rejected
  --calibration-end DATE split: BTYD summary up to DATE, holdout columns for (DATE, as-of]
  --period P             purchase grouping: ${PERIODS.join(" | ")} (default day)
  --time-unit U          unit of recency and T: ${TIME_UNITS.join(" | ")} (default day)
  --recent-days N        window of the recent-revenue trend (default 90)

`;

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
