import { UsageError } from "./UsageError.js";

/** Where a table cell is: its file, its 1-based row (the header not counted) and its column. */
export interface CellPlace {
  path: string;
  row: number;
  column: string;
}

/** A table cell read as a finite number; anything else is a {@link UsageError} that names the cell. */
export function numberCell(text: string, place: CellPlace): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new UsageError("cli.file.cell-not-number", {
      path: place.path,
      row: place.row,
      column: place.column,
      value: text,
    });
  return value;
}

/** A yes/no table cell (1, true, yes, y — any case — are yes); `undefined` when empty or absent. */
export function yesNoCell(text: string | undefined): boolean | undefined {
  return text === undefined || text === ""
    ? undefined
    : ["1", "true", "yes", "y"].includes(text.toLowerCase());
}
