// Exact-duplicate row detection in compact memory: each remembered row costs a 64-bit fingerprint and its row
// number (12 bytes, in typed arrays that grow in place) and a slot of a hash table at most three quarters full,
// never the row, so millions of rows stream through.
import { growableArray, grownArray, releaseArray } from "../model/growableArray.js";

function fmix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return typeof value === "symbol" ? value.toString() : String(value);
}

/**
 * Remembers a 64-bit fingerprint of every row it is shown (all its columns, names and values in order) and
 * finds the first earlier row with the same one. Two different rows share a fingerprint with a probability of
 * about n² / 2^65 (under one in a million for ten million rows).
 */
export class RowFingerprints {
  /** Each entry's fingerprint, in two halves, and its row. */
  private high = growableArray(Int32Array, 1024);
  private low = growableArray(Int32Array, 1024);
  private rows = growableArray(Int32Array, 1024);
  private size = 0;
  /** Entry + 1 per slot; 0 for an empty slot. At most three quarters full. */
  private slots = growableArray(Int32Array, 2048);

  /** Returns the first row with the same columns and values, or 0 after remembering this one as `row`. */
  firstRow(values: Readonly<Record<string, unknown>>, row: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x2545f491;
    for (const key in values) {
      const value = values[key];
      // The column name, a type tag, the value's text, a separator: two 32-bit multiplicative hashes.
      const text = typeof value === "string" ? value : valueText(value);
      const tag =
        typeof value === "string"
          ? 0
          : value === undefined
            ? 1
            : value === null
              ? 2
              : 3 + (typeof value).length;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(h2 + code, 0x5bd1e995);
      }
      h1 = Math.imul(h1 ^ (0x10000 + tag), 0x01000193);
      h2 = Math.imul(h2 ^ (h2 >>> 15), 0x5bd1e995) + tag;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 0x01000193);
        h2 = Math.imul(h2 + code, 0x5bd1e995);
      }
      h1 = Math.imul(h1 ^ 0x1ffff, 0x01000193);
      h2 = Math.imul(h2 ^ (h2 >>> 15), 0x5bd1e995);
    }
    const high = fmix(h1);
    const low = fmix(h2 ^ Math.imul(h1, 0x27d4eb2d));
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = high & mask;
    for (let entry = slots[slot] as number; entry !== 0; entry = slots[slot] as number) {
      if (this.high[entry - 1] === high && this.low[entry - 1] === low) return this.rows[entry - 1] as number;
      slot = (slot + 1) & mask;
    }
    const entry = this.size;
    if (entry === this.rows.length) {
      // Half as many entries again.
      const capacity = Math.ceil(entry * 1.5);
      this.high = grownArray(this.high, capacity);
      this.low = grownArray(this.low, capacity);
      this.rows = grownArray(this.rows, capacity);
    }
    this.high[entry] = high;
    this.low[entry] = low;
    this.rows[entry] = row;
    slots[slot] = entry + 1;
    this.size = entry + 1;
    if (this.size * 4 > slots.length * 3) this.rehash();
    return 0;
  }

  /** Gives the fingerprints' memory back now (see `releaseArray`): they must not be used afterwards. */
  release(): void {
    for (const column of [this.high, this.low, this.rows, this.slots]) releaseArray(column);
  }

  // Twice the slots, in place, emptied, the entries placed again by their fingerprints.
  private rehash(): void {
    const slots = grownArray(this.slots, this.slots.length * 2).fill(0);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = (this.high[entry] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}
