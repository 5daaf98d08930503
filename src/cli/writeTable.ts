import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** The output formats of the command line: CSV with a header, one JSON array, or JSON Lines. */
export type OutputFormat = "csv" | "json" | "jsonl";

/** Every {@link OutputFormat}. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["csv", "json", "jsonl"];

/** A table cell: text, a number, or empty. */
export type Cell = string | number | boolean | null | undefined;

/** Rows made one at a time, for a table too large to hold: `row(i)` for 0 ≤ i < `length`. */
export interface RowSource {
  length: number;
  row(index: number): readonly Cell[];
}

/** The rows of a list, each made from its item when written. */
export function rowSource<T>(
  items: { readonly length: number; at(index: number): T | undefined },
  toRow: (item: T) => readonly Cell[],
): RowSource {
  return { length: items.length, row: (i) => toRow(items.at(i) as T) };
}

const BATCH = 10_000;

// A CSV field is quoted when it holds a delimiter, a quote, a line break or edge spaces (RFC 4180, as
// spreadsheets read it); quotes inside are doubled. Writing is this simple; reading CSV is left to papaparse.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "string") return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function serialise(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  format: OutputFormat,
  first: boolean,
): string {
  if (format === "csv") {
    const lines = rows.map((row) => columns.map((_, i) => csvField(row[i])).join(","));
    if (first) lines.unshift(columns.map(csvField).join(","));
    return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
  }
  const objects = rows.map((row) => {
    const object: Record<string, Cell> = {};
    columns.forEach((name, i) => {
      object[name] = row[i] ?? null;
    });
    return JSON.stringify(object);
  });
  if (format === "jsonl") return objects.map((line) => `${line}\n`).join("");
  const body = objects.join(",\n");
  return `${first ? "[\n" : rows.length > 0 ? ",\n" : ""}${body}`;
}

/**
 * Writes a table to a file (or to standard output when `path` is undefined) in batches, so a table with
 * millions of rows is never one string; rows given as a {@link RowSource} are made batch by batch.
 */
export async function writeTable(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[] | RowSource,
  format: OutputFormat,
  path: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const out = path === undefined ? stdout : createWriteStream(path, { encoding: "utf8" });
  for (let start = 0; start === 0 || start < rows.length; start += BATCH) {
    const batch =
      "row" in rows
        ? Array.from({ length: Math.min(BATCH, rows.length - start) }, (_, k) => rows.row(start + k))
        : rows.slice(start, start + BATCH);
    const text = serialise(columns, batch, format, start === 0);
    if (!out.write(text)) await once(out, "drain");
  }
  if (format === "json") out.write("\n]\n");
  if (path !== undefined) {
    out.end();
    await once(out, "finish");
  }
}
