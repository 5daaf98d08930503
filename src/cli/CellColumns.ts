import { growableArray, grownArray } from "../model/growableArray.js";

/** How a column's cells are kept: numbers as they are, yes/no as 1/0, texts as codes into one list of texts. */
export type CellKind = "number" | "yesNo" | "text";

/** One cell's value; `undefined` when the cell is empty. */
export type Cell = number | boolean | string | undefined;

/**
 * A table's cells kept by row in typed columns, not as one object a row: a million rows of a previous-tiers or
 * shared-pool file take 8 bytes a cell instead of an object, its strings and a Map entry (about 100 bytes a row).
 * A text column is for texts with few distinct values (a tier, a day): each distinct text is kept once, and a
 * cell keeps its code. An empty cell is NaN. Internal (the command line's table files).
 *
 * @example
 * ```ts
 * const cells = new CellColumns(["text", "number"]);
 * cells.set(0, ["key", 2]);
 * [cells.cell(0, 0), cells.cell(0, 1)]; // => ["key", 2]
 * ```
 */
export class CellColumns {
  private readonly kinds: readonly CellKind[];
  private columns: Float64Array[];
  private capacity = 1024;
  private readonly codes = new Map<string, number>();
  private readonly texts: string[] = [];

  /** @param kinds - Each column's kind, in order. */
  constructor(kinds: readonly CellKind[]) {
    this.kinds = kinds;
    this.columns = kinds.map(() => growableArray(Float64Array, this.capacity));
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
    if (Number.isNaN(value)) return undefined;
    const kind = this.kinds[column];
    return kind === "yesNo" ? value === 1 : kind === "text" ? this.texts[value] : value;
  }

  // A cell's number: the value of a number, 1 or 0 for yes or no, a text's code (a new text gets the next one).
  private code(column: number, cell: Cell): number {
    if (cell === undefined) return Number.NaN;
    const kind = this.kinds[column];
    if (kind === "number") return cell as number;
    if (kind === "yesNo") return cell === true ? 1 : 0;
    const text = cell as string;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.push(text) - 1;
      this.codes.set(text, code);
    }
    return code;
  }
}
