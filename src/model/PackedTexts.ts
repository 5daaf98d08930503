// The texts of a column with about as many distinct values as rows (line ids, order ids), packed: every row keeps
// where its text starts in one character buffer and its length, so ten million rows hold no string objects (a
// string cut from a CSV line would also keep the whole line alive). Rows that repeat the previous row's text —
// the lines of one order, as files list them — share its characters. The characters are one byte each until a
// text has one beyond U+00FF, then two; the lengths are one byte each until a text is longer than 254 characters,
// then four. Nothing is written for a row without a text, so room made for rows not yet set takes no memory.
// Internal (the feature accumulator's and the ingest's).

import { type GrowableArray, growableArray, grownArray, releaseArray } from "./growableArray.js";

/** The longest text whose span fits a byte. */
const BYTE_SPAN = 0xff;

export class PackedTexts {
  /** Where each line's text starts in `chars` (read only where the line has a text). */
  start: Int32Array;
  /** Each line's text length + 1; 0 for a line without a text. */
  span: Uint8Array | Int32Array;
  private chars: Uint8Array | Uint16Array = growableArray(Uint8Array, 1024);
  private used = 0;
  private lastText = "";
  private lastStart = -1;

  /**
   * @param capacity - Lines to make room for (`grow` makes more).
   * @param shared - The character buffer of another column whose lines are rearranged here (see `rearranged`).
   */
  constructor(capacity: number, shared?: PackedTexts) {
    this.start = growableArray(Int32Array, capacity);
    this.span =
      shared?.span instanceof Int32Array
        ? growableArray(Int32Array, capacity)
        : growableArray(Uint8Array, capacity);
    if (shared !== undefined) {
      this.chars = shared.chars;
      this.used = shared.used;
    }
  }

  /** Makes room for `capacity` lines. */
  grow(capacity: number): void {
    this.start = grownArray(this.start, capacity);
    this.span = grownArray<GrowableArray>(this.span, capacity) as Uint8Array | Int32Array;
  }

  /** Sets line `row`'s text. */
  set(row: number, text: string): void {
    if (text.length >= BYTE_SPAN && this.span instanceof Uint8Array) {
      const wide = growableArray(Int32Array, this.span.length);
      wide.set(this.span);
      this.span = wide;
    }
    this.span[row] = text.length + 1;
    if (text === this.lastText && this.lastStart >= 0) {
      this.start[row] = this.lastStart;
      return;
    }
    const at = this.used;
    this.reserve(text.length);
    let chars = this.chars;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code > 0xff && chars instanceof Uint8Array) {
        const wide = growableArray(Uint16Array, chars.length);
        wide.set(chars);
        chars = wide;
        this.chars = chars;
      }
      chars[at + k] = code;
    }
    this.used = at + text.length;
    this.start[row] = at;
    this.lastText = text;
    this.lastStart = at;
  }

  /** Line `row`'s text, undefined when it has none. */
  at(row: number): string | undefined {
    const span = this.span[row] ?? 0;
    if (span === 0) return undefined;
    const from = this.start[row] ?? 0;
    return String.fromCharCode.apply(null, this.chars.subarray(from, from + span - 1) as never);
  }

  /** Whether line `row`'s text is `text`, compared in place. */
  matches(row: number, text: string): boolean {
    if (this.span[row] !== text.length + 1) return false;
    const from = this.start[row] ?? 0;
    const chars = this.chars;
    for (let k = 0; k < text.length; k++) if (chars[from + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /** The hash of line `row`'s text (a line without one hashes as ""): `textHash` of the text, read in place. */
  hash(row: number): number {
    const from = this.start[row] ?? 0;
    const to = from + Math.max(0, (this.span[row] ?? 0) - 1);
    const chars = this.chars;
    let hash = 0x811c9dc5;
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ (chars[k] ?? 0), 0x01000193);
    return hash >>> 0;
  }

  /**
   * The lines moved to `position[line]` (a column of `position.length` lines), sharing these characters; lines
   * beyond the position list are not moved.
   */
  rearranged(position: Int32Array): PackedTexts {
    const moved = new PackedTexts(position.length, this);
    for (let i = 0; i < position.length; i++) {
      const to = position[i] ?? 0;
      moved.start[to] = this.start[i] ?? 0;
      moved.span[to] = this.span[i] ?? 0;
    }
    return moved;
  }

  /**
   * Gives the column's memory back now (see `releaseArray`); it reads as empty afterwards. `withChars` false keeps
   * the characters, for a column whose characters a rearranged one still reads.
   */
  release(withChars = true): void {
    releaseArray(this.start);
    releaseArray(this.span);
    if (withChars) releaseArray(this.chars);
  }

  private reserve(count: number): void {
    if (this.used + count <= this.chars.length) return;
    this.chars = grownArray<GrowableArray>(this.chars, Math.max(this.chars.length * 2, this.used + count)) as
      | Uint8Array
      | Uint16Array;
  }
}
