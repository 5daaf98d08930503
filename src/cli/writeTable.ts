import { once } from "node:events";
import { createWriteStream } from "node:fs";
import Papa from "papaparse";

/** The output formats of the command line: CSV with a header, one JSON array, or JSON Lines. */
export type OutputFormat = "csv" | "json" | "jsonl";

/** Every {@link OutputFormat}. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["csv", "json", "jsonl"];

/** A table cell: text, a number, or empty. */
export type Cell = string | number | boolean | null | undefined;

const BATCH = 10_000;

function serialise(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  format: OutputFormat,
  first: boolean,
): string {
  if (format === "csv") {
    const text = Papa.unparse(
      { fields: [...columns], data: rows.map((row) => [...row]) },
      { header: first, newline: "\n" },
    );
    return rows.length === 0 && !first ? "" : `${text}\n`;
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
 * millions of rows is never one string. CSV quoting is papaparse's.
 */
export async function writeTable(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  format: OutputFormat,
  path: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const out = path === undefined ? stdout : createWriteStream(path, { encoding: "utf8" });
  for (let start = 0; start === 0 || start < rows.length; start += BATCH) {
    const text = serialise(columns, rows.slice(start, start + BATCH), format, start === 0);
    if (!out.write(text)) await once(out, "drain");
  }
  if (format === "json") out.write("\n]\n");
  if (path !== undefined) {
    out.end();
    await once(out, "finish");
  }
}
