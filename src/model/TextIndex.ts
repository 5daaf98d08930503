// Texts → entries 0, 1, 2 … in the order they were first kept: an open-addressing hash table (at most three
// quarters full) whose texts are packed (PackedTexts), so ten million ids hold no string objects — a Map of them
// would hold ten million strings, each cut from a CSV chunk and keeping the whole chunk alive. Texts are compared
// in full, never by hash alone; the hashes are not kept but read again from the packed texts when the table grows.
// Internal (the ingest's line ids and the reversal ledger's customers).
import { growableArray, grownArray, releaseArray } from "./growableArray.js";
import { PackedTexts } from "./PackedTexts.js";
import { textHash } from "./textHash.js";

export class TextIndex {
  private readonly texts = new PackedTexts(1024);
  private capacity = 1024;
  private count = 0;
  /** Entry + 1 per slot; 0 for an empty slot. */
  private slots = growableArray(Int32Array, 4096);

  /** How many texts are kept; the one kept last is entry `size − 1`. */
  get size(): number {
    return this.count;
  }

  /** The entry of `text`, or −1 when it is not kept. */
  find(text: string): number {
    return (this.slots[this.slotOf(text)] as number) - 1;
  }

  /** The entry of `text`, which is kept as entry `size` when it is new. */
  entry(text: string): number {
    const slots = this.slots;
    const at = this.slotOf(text);
    if (slots[at] !== 0) return (slots[at] as number) - 1;
    const entry = this.count;
    if (entry === this.capacity) {
      this.capacity = Math.ceil(this.capacity * 1.5);
      this.texts.grow(this.capacity);
    }
    this.texts.set(entry, text);
    slots[at] = entry + 1;
    this.count = entry + 1;
    if (this.count * 4 > slots.length * 3) this.rehash();
    return entry;
  }

  /** Whether entry `entry`'s text is `text`. */
  matches(entry: number, text: string): boolean {
    return this.texts.matches(entry, text);
  }

  /** Entry `entry`'s text. */
  text(entry: number): string {
    return this.texts.at(entry) as string;
  }

  /** Gives the index's memory back now (see `releaseArray`); it is empty afterwards and must not be used. */
  release(): void {
    this.texts.release();
    releaseArray(this.slots);
  }

  // The slot holding `text`'s entry, else the empty slot where it would go.
  private slotOf(text: string): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let at = textHash(text) & mask;
    while (slots[at] !== 0 && !this.texts.matches((slots[at] as number) - 1, text)) at = (at + 1) & mask;
    return at;
  }

  // Twice the slots, emptied, the entries placed again by the hashes of their texts.
  private rehash(): void {
    const slots = grownArray(this.slots, this.slots.length * 2).fill(0);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let at = this.texts.hash(entry) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
    }
    this.slots = slots;
  }
}
