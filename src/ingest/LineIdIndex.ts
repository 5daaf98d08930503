// The line ids read so far, each with the row it was first read on, to find an id read again: a TextIndex of the
// ids (packed, no string objects) and each entry's row. Internal.
import { growableArray, grownArray, releaseArray } from "../model/growableArray.js";
import { TextIndex } from "../model/TextIndex.js";

export class LineIdIndex {
  private readonly ids = new TextIndex();
  /** Each entry's first row. */
  private rows = growableArray(Int32Array, 1024);

  /** The row `id` was first read on, or 0 when it is new (it is then kept, with `row`, as entry `size − 1`). */
  firstRow(id: string, row: number): number {
    const kept = this.ids.size;
    const entry = this.ids.entry(id);
    if (entry < kept) return this.rows[entry] as number;
    // Half as many entries again.
    if (entry === this.rows.length) this.rows = grownArray(this.rows, Math.ceil(entry * 1.5));
    this.rows[entry] = row;
    return 0;
  }

  /** How many ids are kept. */
  get size(): number {
    return this.ids.size;
  }

  /** Whether entry `entry`'s id is `text`. */
  matches(entry: number, text: string): boolean {
    return this.ids.matches(entry, text);
  }

  /** Entry `entry`'s id. */
  text(entry: number): string {
    return this.ids.text(entry);
  }

  /** Gives the index's memory back now (see `releaseArray`): it must not be used afterwards. */
  release(): void {
    this.ids.release();
    releaseArray(this.rows);
  }
}
