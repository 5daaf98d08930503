import { access } from "node:fs/promises";
import { featureTable } from "../features/featureTable.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { fileError } from "./fileError.js";
import { inputFormatOf, readRows } from "./readRows.js";
import type { CliIo, FlagValues } from "./runCli.js";
import { summarizeTransactionFile } from "./summarizeTransactionFile.js";
import { numberCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";

/** One row of a BTYD summary file: a customer (or a weighted group), or one period's survivor count (sBG). */
export interface SummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  weight?: number | undefined;
  monetaryValue?: number | undefined;
  survivors?: number | undefined;
}

/** A summary file's rows and the time unit of recency and T, when the input says it. */
export interface SummaryInput {
  rows: SummaryRow[];
  timeUnit?: TimeUnit | undefined;
}

// Accepted header names (lower case) for each field: the issue's names, lifetimes' and Fader & Hardie's.
const ALIASES: Record<keyof Omit<SummaryRow, "id"> | "id" | "periods", readonly string[]> = {
  id: ["id", "customer_id", "customerid"],
  frequency: ["frequency", "x"],
  recency: ["recency", "t_x"],
  T: ["t"],
  periods: ["periods", "n"],
  weight: ["weight", "weights", "count"],
  monetaryValue: ["monetary_value", "zbar", "monetaryvalue"],
  survivors: ["survivors", "customers", "alive"],
};

function toRows(path: string, records: readonly Readonly<Record<string, unknown>>[]): SummaryRow[] {
  const first = records[0];
  if (first === undefined) throw new UsageError("cli.file.empty", { path });
  const byLower = new Map(Object.keys(first).map((name) => [name.trim().toLowerCase(), name]));
  const column = (field: keyof typeof ALIASES): string | undefined => {
    for (const alias of ALIASES[field]) {
      const name = byLower.get(alias);
      if (name !== undefined) return name;
    }
    return undefined;
  };
  const id = column("id");
  const frequency = column("frequency");
  const recency = column("recency");
  const T = column("T") ?? column("periods");
  const weight = column("weight");
  const monetary = column("monetaryValue");
  const survivors = column("survivors");
  if (
    survivors === undefined &&
    (frequency === undefined || (recency === undefined && monetary === undefined))
  ) {
    throw new UsageError("cli.summary.columns", { path, columns: Object.keys(first).join(", ") });
  }
  return records.map((record, index) => {
    const row = index + 1;
    const get = (name: string | undefined): number | undefined =>
      name === undefined ? undefined : numberCell(String(record[name] ?? ""), { path, row, column: name });
    return {
      id: id === undefined ? String(row) : String(record[id] ?? ""),
      frequency: get(frequency) ?? 0,
      recency: get(recency) ?? 0,
      T: get(T) ?? 0,
      weight: get(weight),
      monetaryValue: get(monetary),
      survivors: get(survivors),
    };
  });
}

/**
 * Reads the input of `fit`, `predict` and `clv`: a BTYD summary CSV (header names matched case-insensitively,
 * `ID`/`customer_id` for the id, `periods` for BG/BB's T, `weight(s)` for grouped rows), or — when `--as-of` is
 * given — a transaction file summarised with the `summarize` flags.
 */
export async function readSummaryFile(path: string, values: FlagValues, io: CliIo): Promise<SummaryInput> {
  if (values["as-of"] !== undefined) {
    const { summary, report, started } = await summarizeTransactionFile(path, values, io);
    const table = featureTable(summary);
    io.stderr.write(describeIngestReport(report, table.meta, Date.now() - started, io.locale ?? "en"));
    const records = table.rows
      .map((cells) => Object.fromEntries(table.columns.map((name, i) => [name, cells[i]])))
      .filter((record) => record.frequency !== null && record.frequency !== undefined);
    return { rows: toRows(path, records), timeUnit: summary.timeUnit };
  }
  try {
    await access(path);
  } catch (error) {
    throw fileError(path, error);
  }
  const records: Readonly<Record<string, unknown>>[] = [];
  await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
    if (problem !== undefined)
      throw new UsageError("cli.file.row-unreadable", { path, row: records.length + 1, problem });
    records.push(row);
  });
  const unit = values["time-unit"] as string | undefined;
  if (unit !== undefined && !(TIME_UNITS as readonly string[]).includes(unit)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--time-unit",
      allowed: TIME_UNITS.join(", "),
      value: unit,
    });
  }
  return { rows: toRows(path, records), timeUnit: unit as TimeUnit | undefined };
}
