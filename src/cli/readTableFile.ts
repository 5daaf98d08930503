import { access } from "node:fs/promises";
import { inputFormatOf, readRows } from "./readRows.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a small side table given by a flag (ratings, previous tiers, overrides) as rows of text, and checks
 * that it has the columns required. A missing file, an unreadable line or a missing column is a
 * {@link UsageError} naming the flag.
 */
export async function readTableFile(
  path: string,
  flag: string,
  required: readonly string[],
): Promise<Record<string, string>[]> {
  try {
    await access(path);
  } catch {
    throw new UsageError(`--${flag}: cannot read the file "${path}"`);
  }
  const rows: Record<string, string>[] = [];
  await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
    if (problem !== undefined) throw new UsageError(`--${flag}: ${path} row ${rows.length + 1}: ${problem}`);
    rows.push(
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim(), String(value ?? "").trim()])),
    );
  });
  const first = rows[0];
  const missing = first === undefined ? [] : required.filter((column) => !Object.hasOwn(first, column));
  if (missing.length > 0) {
    throw new UsageError(
      `--${flag}: ${path} has no column ${missing.join(", ")}; its columns are: ${Object.keys(first ?? {}).join(", ")}`,
    );
  }
  return rows;
}
