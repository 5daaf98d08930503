import { readTableRows } from "./readTableRows.js";

/**
 * Reads a table file (overrides, potentials, a features file) as rows of trimmed text, and checks that it has the
 * columns required; see {@link readTableRows}, which reads a file too large to hold row by row.
 *
 * @param path - The file (CSV, TSV or JSON Lines, by its extension).
 * @param required - The columns it must have.
 * @returns Its rows.
 *
 * @example
 * ```ts
 * const overrides = await readTableFile("overrides.csv", ["id", "tier", "reason", "author"]);
 * ```
 */
export async function readTableFile(
  path: string,
  required: readonly string[],
): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  await readTableRows(path, required, (row) => rows.push(row));
  return rows;
}
