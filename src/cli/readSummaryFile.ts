import { access } from "node:fs/promises";
import { featureTable } from "../features/featureTable.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { inputFormatOf, readRows } from "./readRows.js";
import type { CliIo, FlagValues } from "./runCli.js";
import { summarizeTransactionFile } from "./summarizeTransactionFile.js";
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

function numberOf(value: unknown, field: string, row: number): number {
  const parsed = typeof value === "number" ? value : Number(String(value ?? "").trim());
  if (String(value ?? "").trim() === "" || !Number.isFinite(parsed)) {
    throw new UsageError(`row ${row}: ${field} "${String(value ?? "")}" is not a number`);
  }
  return parsed;
}

function toRows(records: readonly Readonly<Record<string, unknown>>[]): SummaryRow[] {
  const first = records[0];
  if (first === undefined) throw new UsageError("the summary file has no rows");
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
    throw new UsageError(
      `the summary file needs the columns frequency, recency and T (or periods), or frequency and monetary_value, or survivors; its columns are: ${Object.keys(first).join(", ")}`,
    );
  }
  return records.map((record, index) => {
    const row = index + 1;
    const get = (name: string | undefined, field: string): number | undefined =>
      name === undefined ? undefined : numberOf(record[name], field, row);
    return {
      id: id === undefined ? String(row) : String(record[id] ?? ""),
      frequency: get(frequency, "frequency") ?? 0,
      recency: get(recency, "recency") ?? 0,
      T: get(T, "T") ?? 0,
      weight: get(weight, "weight"),
      monetaryValue: get(monetary, "monetary_value"),
      survivors: get(survivors, "survivors"),
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
    io.stderr.write(describeIngestReport(report, table.meta, Date.now() - started));
    const records = table.rows
      .map((cells) => Object.fromEntries(table.columns.map((name, i) => [name, cells[i]])))
      .filter((record) => record.frequency !== null && record.frequency !== undefined);
    return { rows: toRows(records), timeUnit: summary.timeUnit };
  }
  try {
    await access(path);
  } catch {
    throw new UsageError(`cannot read the file "${path}"`);
  }
  const records: Readonly<Record<string, unknown>>[] = [];
  await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
    if (problem !== undefined) throw new UsageError(`the summary file cannot be read: ${problem}`);
    records.push(row);
  });
  const unit = values["time-unit"] as string | undefined;
  if (unit !== undefined && !(TIME_UNITS as readonly string[]).includes(unit)) {
    throw new UsageError(`--time-unit must be one of ${TIME_UNITS.join(", ")}; got "${unit}"`);
  }
  return { rows: toRows(records), timeUnit: unit as TimeUnit | undefined };
}
