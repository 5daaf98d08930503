import { access } from "node:fs/promises";
import { fileError } from "./fileError.js";
import { inputFormatOf, readRows } from "./readRows.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a table file (ratings, previous tiers, the shared pool, overrides, a features file) row by row, each row
 * as trimmed text handed to `visit` with its number from 1, and checks at the first row that the file has the
 * columns required. The rows are not kept: a million-row file is read in the memory of one. A missing file, an
 * unreadable line or a missing column is a {@link UsageError} that names the file.
 *
 * @param path - The file (CSV, TSV or JSON Lines, by its extension).
 * @param required - The columns it must have.
 * @param visit - Called with each row and its number.
 * @returns How many rows were read.
 *
 * @example
 * ```ts
 * const tiers = new Map<string, string>();
 * await readTableRows("tiers.csv", ["id", "tier"], (row) => tiers.set(row.id as string, row.tier as string));
 * ```
 */
export async function readTableRows(
  path: string,
  required: readonly string[],
  visit: (row: Record<string, string>, number: number) => void,
): Promise<number> {
  try {
    await access(path);
  } catch (error) {
    throw fileError(path, error);
  }
  let rows = 0;
  await readRows(path, { format: inputFormatOf(path) }, (cells, problem) => {
    if (problem !== undefined)
      throw new UsageError("cli.file.row-unreadable", { path, row: rows + 1, problem });
    const row: Record<string, string> = Object.fromEntries(
      Object.entries(cells).map(([key, value]) => [key.trim(), String(value ?? "").trim()]),
    );
    if (rows === 0) {
      const missing = required.filter((column) => !Object.hasOwn(row, column));
      if (missing.length > 0) {
        throw new UsageError("cli.file.columns-missing", {
          path,
          missing: missing.join(", "),
          columns: Object.keys(row).join(", "),
        });
      }
    }
    rows++;
    visit(row, rows);
  });
  return rows;
}
