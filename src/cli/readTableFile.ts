import { access } from "node:fs/promises";
import { inputFormatOf, readRows } from "./readRows.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a table file (ratings, previous tiers, overrides, a features file) as rows of trimmed text, and checks
 * that it has the columns required. A missing file, an unreadable line or a missing column is a
 * {@link UsageError} that begins with `what` (e.g. `--ratings`).
 */
export async function readTableFile(
  path: string,
  what: string,
  required: readonly string[],
): Promise<Record<string, string>[]> {
  try {
    await access(path);
  } catch {
    throw new UsageError(`${what}: cannot read the file "${path}"`);
  }
  const rows: Record<string, string>[] = [];
  await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
    if (problem !== undefined) throw new UsageError(`${what}: ${path} row ${rows.length + 1}: ${problem}`);
    rows.push(
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim(), String(value ?? "").trim()])),
    );
  });
  const first = rows[0];
  const missing = first === undefined ? [] : required.filter((column) => !Object.hasOwn(first, column));
  if (missing.length > 0) {
    throw new UsageError(
      `${what}: ${path} has no column ${missing.join(", ")}; its columns are: ${Object.keys(first ?? {}).join(", ")}`,
    );
  }
  return rows;
}
