import type { TextIndex } from "../model/TextIndex.js";

/**
 * A read-only Map from account ids to values made when read: the ids are packed in a {@link TextIndex} and each
 * value is made from its entry by `read` (from typed columns, see {@link CellColumns}). A million accounts' pool
 * states or ratings take about 20 bytes each instead of a Map entry, an id string and an object (about 140).
 * Every entry of the index is in the map. Internal (the command line's table files).
 *
 * @example
 * ```ts
 * const ids = new TextIndex();
 * const ratings = new CellColumns(["number"]);
 * ratings.set(ids.entry("C1"), [4]);
 * const map = new IdMap(ids, (entry) => ratings.cell(entry, 0));
 * map.get("C1"); // => 4
 * ```
 */
export class IdMap<T> implements ReadonlyMap<string, T> {
  private readonly ids: TextIndex;
  private readonly read: (entry: number) => T;

  /**
   * @param ids - The ids, each an entry.
   * @param read - Makes an entry's value.
   */
  constructor(ids: TextIndex, read: (entry: number) => T) {
    this.ids = ids;
    this.read = read;
  }

  /** How many ids. */
  get size(): number {
    return this.ids.size;
  }

  /** The value of `id`, made now; `undefined` when the map does not have it. */
  get(id: string): T | undefined {
    const entry = this.ids.find(id);
    return entry < 0 ? undefined : this.read(entry);
  }

  /** Whether the map has `id`. */
  has(id: string): boolean {
    return this.ids.find(id) >= 0;
  }

  /** The same ids with each value changed by `change` when read. */
  mapped<U>(change: (value: T) => U): IdMap<U> {
    return new IdMap(this.ids, (entry) => change(this.read(entry)));
  }

  /** Calls `visit` with each value and id, in the order the ids were first kept. */
  forEach(visit: (value: T, id: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [id, value] of this.entries()) visit(value, id, this);
  }

  /** The ids and their values, in the order the ids were first kept. */
  *entries(): MapIterator<[string, T]> {
    for (let entry = 0; entry < this.ids.size; entry++) yield [this.ids.text(entry), this.read(entry)];
  }

  /** The ids, in the order they were first kept. */
  *keys(): MapIterator<string> {
    for (let entry = 0; entry < this.ids.size; entry++) yield this.ids.text(entry);
  }

  /** The values, in the order their ids were first kept. */
  *values(): MapIterator<T> {
    for (let entry = 0; entry < this.ids.size; entry++) yield this.read(entry);
  }

  /** The ids and their values (see `entries`). */
  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}
