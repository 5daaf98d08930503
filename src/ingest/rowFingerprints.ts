// Exact-duplicate row detection in compact memory: each remembered row costs a 64-bit fingerprint and its row
// number (12 bytes, in typed arrays at most three quarters full), never the row, so millions of rows stream
// through.

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
  private high = new Int32Array(1024);
  private low = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;

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
    const mask = this.rows.length - 1;
    let slot = high & mask;
    for (;;) {
      const seen = this.rows[slot] ?? 0;
      if (seen === 0) break;
      if (this.high[slot] === high && this.low[slot] === low) return seen;
      slot = (slot + 1) & mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.rows[slot] = row;
    this.size++;
    if (this.size * 4 > this.rows.length * 3) this.grow();
    return 0;
  }

  private grow(): void {
    const { high, low, rows } = this;
    const capacity = rows.length * 2;
    this.high = new Int32Array(capacity);
    this.low = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0;
      if (row === 0) continue;
      const h = high[i] ?? 0;
      let slot = h & mask;
      while ((this.rows[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.high[slot] = h;
      this.low[slot] = low[i] ?? 0;
      this.rows[slot] = row;
    }
  }
}
