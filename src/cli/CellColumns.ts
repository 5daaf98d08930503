import { growableArray, grownArray } from "../model/growableArray.js";

/** How a column's cells are kept: numbers as they are, yes/no as 1/0, texts as codes into one list of texts. */
export type CellKind = "number" | "yesNo" | "text";

/** One cell's value; `undefined` when the cell is empty. */
export type Cell = number | boolean | string | undefined;

/**
 * A table's cells kept by row in typed columns, not as one object a row: a million rows of a previous-tiers or
 * shared-pool file take 8 bytes a number, 4 a text and 1 a yes/no instead of an object, its strings and a Map
 * entry (about 100 bytes a row). A text column is for texts with few distinct values (a tier, a day): each
 * distinct text is kept once, and a cell keeps its code. Internal (the command line's table files).
 *
 * @example
 * ```ts
 * const cells = new CellColumns(["text", "number", "yesNo"]);
 * cells.set(0, ["key", 2, undefined]);
 * [cells.cell(0, 0), cells.cell(0, 1), cells.cell(0, 2)]; // => ["key", 2, undefined]
 * ```
 */
export class CellColumns {
  private readonly kinds: readonly CellKind[];
  /** Per kind: a number (NaN when empty); 1 + a text's code; 2 for yes, 1 for no (0 when empty). */
  private columns: (Float64Array | Int32Array | Uint8Array)[];
  private capacity = 1024;
  private readonly codes = new Map<string, number>();
  private readonly texts: string[] = [];

  /** @param kinds - Each column's kind, in order. */
  constructor(kinds: readonly CellKind[]) {
    this.kinds = kinds;
    this.columns = kinds.map((kind) =>
      kind === "number"
        ? growableArray(Float64Array, this.capacity)
        : kind === "text"
          ? growableArray(Int32Array, this.capacity)
          : growableArray(Uint8Array, this.capacity),
    );
  }

  /** Sets row `row`'s cells, one per column in order (a row set before is replaced whole). */
  set(row: number, cells: readonly Cell[]): void {
    if (row >= this.capacity) {
      this.capacity = Math.max(row + 1, this.capacity * 2);
      this.columns = this.columns.map((column) => grownArray(column, this.capacity));
    }
    for (let k = 0; k < this.kinds.length; k++)
      (this.columns[k] as Float64Array)[row] = this.code(k, cells[k]);
  }

  /** Row `row`'s cell in column `column`; `undefined` when it is empty. */
  cell(row: number, column: number): Cell {
    const value = (this.columns[column] as Float64Array)[row] as number;
    const kind = this.kinds[column];
    if (kind === "number") return Number.isNaN(value) ? undefined : value;
    if (value === 0) return undefined;
    return kind === "yesNo" ? value === 2 : this.texts[value - 1];
  }

  // A cell as its column keeps it.
  private code(column: number, cell: Cell): number {
    const kind = this.kinds[column];
    if (kind === "number") return cell === undefined ? Number.NaN : (cell as number);
    if (cell === undefined) return 0;
    if (kind === "yesNo") return cell === true ? 2 : 1;
    const text = cell as string;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }
}
