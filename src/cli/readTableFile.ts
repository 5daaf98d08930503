import { access } from "node:fs/promises";
import { fileError } from "./fileError.js";
import { inputFormatOf, readRows } from "./readRows.js";
import { UsageError } from "./UsageError.js";

/**
 * Reads a table file (ratings, previous tiers, overrides, a features file) as rows of trimmed text, and checks
 * that it has the columns required. A missing file, an unreadable line or a missing column is a
 * {@link UsageError} that names the file.
 */
export async function readTableFile(
  path: string,
  required: readonly string[],
): Promise<Record<string, string>[]> {
  try {
    await access(path);
  } catch (error) {
    throw fileError(path, error);
  }
  const rows: Record<string, string>[] = [];
  await readRows(path, { format: inputFormatOf(path) }, (row, problem) => {
    if (problem !== undefined)
      throw new UsageError("cli.file.row-unreadable", { path, row: rows.length + 1, problem });
    rows.push(
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim(), String(value ?? "").trim()])),
    );
  });
  const first = rows[0];
  const missing = first === undefined ? [] : required.filter((column) => !Object.hasOwn(first, column));
  if (missing.length > 0) {
    throw new UsageError("cli.file.columns-missing", {
      path,
      missing: missing.join(", "),
      columns: Object.keys(first ?? {}).join(", "),
    });
  }
  return rows;
}
