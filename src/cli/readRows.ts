import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import Papa from "papaparse";
import { ownText } from "./ownText.js";

/** The text formats the command line reads. */
export type InputFormat = "csv" | "tsv" | "whitespace" | "jsonl";

/** Every {@link InputFormat}. */
export const INPUT_FORMATS: readonly InputFormat[] = ["csv", "tsv", "whitespace", "jsonl"];

/** How to read an input file. */
export interface ReadRowsOptions {
  /** The file's format; see {@link inputFormatOf} for the default by file name. */
  format: InputFormat;
  /** A delimiter other than the format's own (CSV only). */
  delimiter?: string | undefined;
  /** The column names of a file without a header line; when absent, the first line is the header. */
  columns?: readonly string[] | undefined;
  /** Called now and then with the bytes read so far and the file's size. */
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
  /**
   * The rows' texts are to be kept (records, not lines summed as they stream): each value is copied out of the
   * text it was cut from, which a kept slice would hold whole, and a value repeated in a column is one text.
   */
  keepTexts?: boolean | undefined;
}

// Distinct values shared per column: enough for days, regions, owners and tags; a column of names or emails stops
// adding at this many (its values are still copied).
const SHARED_PER_COLUMN = 65_536;

// Each value copied once out of its parent text (ownText), and a value seen before in the column given as the same
// text.
function textKeeper(): (column: number, value: string) => string {
  const columns: Map<string, string>[] = [];
  return (column, value) => {
    if (value === "") return value;
    let seen = columns[column];
    if (seen === undefined) {
      seen = new Map();
      columns[column] = seen;
    }
    const known = seen.get(value);
    if (known !== undefined) return known;
    const own = ownText(value);
    if (seen.size < SHARED_PER_COLUMN) seen.set(own, own);
    return own;
  };
}

/** One input row, or the reason the line could not be read as a row. */
export type RowHandler = (row: Readonly<Record<string, unknown>>, problem?: string) => void;

/**
 * The format a file name suggests: `.tsv` → tsv, `.jsonl`/`.ndjson` → jsonl, `.txt`/`.dat` → whitespace
 * (as the CDNOW files), anything else → csv.
 */
export function inputFormatOf(path: string): InputFormat {
  const name = path.toLowerCase();
  if (name.endsWith(".tsv")) return "tsv";
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".txt") || name.endsWith(".dat")) return "whitespace";
  return "csv";
}

function zipRow(
  names: readonly string[],
  values: readonly string[],
  keep: ((column: number, value: string) => string) | undefined,
): Record<string, string> {
  const row: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) {
    const value = values[i] ?? "";
    row[names[i] as string] = keep === undefined ? value : keep(i, value);
  }
  return row;
}

function fieldCountProblem(expected: number, found: number): string | undefined {
  return found === expected ? undefined : `the line has ${found} fields where the header has ${expected}`;
}

/** Opens a file as a text stream that reports its progress to `options.onProgress`. */
function openTracked(path: string, total: number, options: ReadRowsOptions): NodeJS.ReadableStream {
  const stream = createReadStream(path, { encoding: "utf8" });
  const report = options.onProgress;
  if (report) {
    let bytesRead = 0;
    stream.on("data", (chunk: Buffer | string) => {
      bytesRead += chunk.length;
      report(bytesRead, total);
    });
  }
  return stream;
}

async function readDelimited(
  stream: NodeJS.ReadableStream,
  options: ReadRowsOptions,
  onRow: RowHandler,
): Promise<void> {
  let header: readonly string[] | undefined = options.columns;
  const keep = options.keepTexts === true ? textKeeper() : undefined;
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    Papa.parse<string[]>(stream, {
      delimiter: options.delimiter ?? (options.format === "tsv" ? "\t" : ""),
      skipEmptyLines: true,
      chunk(results) {
        const problems = new Map<number, string>();
        for (const error of results.errors)
          if (error.row !== undefined) problems.set(error.row, error.message);
        results.data.forEach((values, index) => {
          if (header === undefined) {
            header = values.map((name) => name.trim());
            return;
          }
          onRow(
            zipRow(header, values, keep),
            problems.get(index) ?? fieldCountProblem(header.length, values.length),
          );
        });
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
}

async function readLines(
  stream: NodeJS.ReadableStream,
  options: ReadRowsOptions,
  onRow: RowHandler,
): Promise<void> {
  let header: readonly string[] | undefined = options.columns;
  const keep = options.keepTexts === true ? textKeeper() : undefined;
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    const text = line.trim();
    if (text === "") continue;
    if (options.format === "jsonl") {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        onRow({}, `the line is not JSON (${(error as Error).message})`);
        continue;
      }
      const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
      onRow(
        isObject ? (value as Record<string, unknown>) : {},
        isObject ? undefined : "the line is not a JSON object",
      );
      continue;
    }
    const values = text.split(/\s+/);
    if (header === undefined) header = values;
    else onRow(zipRow(header, values, keep), fieldCountProblem(header.length, values.length));
  }
}

/**
 * Streams the rows of a CSV, TSV, whitespace-separated or JSON Lines file to `onRow`, one at a time, so a file
 * of any size is never held in memory. CSV is parsed by papaparse (quotes, embedded delimiters and newlines);
 * a line that cannot be read as a row is still handed over, with the problem, so it can be counted as rejected.
 *
 * @returns The file's size in bytes.
 */
export async function readRows(path: string, options: ReadRowsOptions, onRow: RowHandler): Promise<number> {
  const { size } = await stat(path);
  const stream = openTracked(path, size, options);
  if (options.format === "csv" || options.format === "tsv") await readDelimited(stream, options, onRow);
  else await readLines(stream, options, onRow);
  return size;
}
