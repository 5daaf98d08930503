// The line ids read so far, each with the row it was first read on, to find an id read again: an open-addressing
// hash table of entries whose texts are packed (PackedTexts), so ten million ids hold no string objects — a Map
// of them would hold ten million strings, each cut from a CSV chunk and keeping the whole chunk alive. Ids are
// compared in full, never by hash alone: a valid line is never taken for a repeat. Internal.
import { growableArray, grownArray } from "../model/growableArray.js";
import { PackedTexts } from "../model/PackedTexts.js";
import { textHash } from "../model/textHash.js";

export class LineIdIndex {
  private texts = new PackedTexts(1024);
  /** Each entry's row and its id's hash. */
  private rows = growableArray(Int32Array, 1024);
  private hashes = growableArray(Int32Array, 1024);
  private count = 0;
  /** Entry + 1 per slot; 0 for an empty slot. At most three quarters full. */
  private slots = growableArray(Int32Array, 4096);

  /** The row `id` was first read on, or 0 when it is new (it is then kept, with `row`). */
  firstRow(id: string, row: number): number {
    const hash = textHash(id);
    const mask = this.slots.length - 1;
    let at = hash & mask;
    for (let entry = this.slots[at] as number; entry !== 0; entry = this.slots[at] as number) {
      if (this.hashes[entry - 1] === (hash | 0) && this.texts.matches(entry - 1, id))
        return this.rows[entry - 1] as number;
      at = (at + 1) & mask;
    }
    const entry = this.count;
    if (entry === this.rows.length) this.grow();
    this.texts.set(entry, id);
    this.rows[entry] = row;
    this.hashes[entry] = hash;
    this.slots[at] = entry + 1;
    this.count = entry + 1;
    if (this.count * 4 > this.slots.length * 3) this.rehash();
    return 0;
  }

  /** How many ids are kept; the id kept last is entry `size − 1`. */
  get size(): number {
    return this.count;
  }

  /** Whether entry `entry`'s id is `text`. */
  matches(entry: number, text: string): boolean {
    return this.texts.matches(entry, text);
  }

  /** Entry `entry`'s id. */
  text(entry: number): string {
    return this.texts.at(entry) as string;
  }

  // Room for half as many entries again.
  private grow(): void {
    const capacity = Math.ceil(this.rows.length * 1.5);
    this.texts.grow(capacity);
    this.rows = grownArray(this.rows, capacity);
    this.hashes = grownArray(this.hashes, capacity);
  }

  // Twice the slots, emptied, the entries placed again by their kept hashes.
  private rehash(): void {
    const slots = grownArray(this.slots, this.slots.length * 2).fill(0);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let at = (this.hashes[entry] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
    }
    this.slots = slots;
  }
}
