// The texts of a column with about as many distinct values as rows (line ids, order ids), packed: every row keeps
// where its text starts in one character buffer and its length, so ten million rows hold no string objects (a
// string cut from a CSV line would also keep the whole line alive). Rows that repeat the previous row's text —
// the lines of one order, as files list them — share its characters. The characters are one byte each until a
// text has one beyond U+00FF, then two. Internal (the feature accumulator's and the reversal ledger's).

import { type GrowableArray, growableArray, grownArray } from "./growableArray.js";

export class PackedTexts {
  /** Where each line's text starts in `chars`; −1 for a line without one. */
  start: Int32Array;
  /** Each line's text length. */
  length: Int32Array;
  private chars: Uint8Array | Uint16Array = growableArray(Uint8Array, 1024);
  private used = 0;
  private lastText = "";
  private lastStart = -1;

  /**
   * @param capacity - Lines to make room for (`grow` makes more).
   * @param shared - The character buffer of another column whose lines are rearranged here (see `rearranged`).
   */
  constructor(capacity: number, shared?: PackedTexts) {
    this.start = growableArray(Int32Array, capacity).fill(-1);
    this.length = growableArray(Int32Array, capacity);
    if (shared !== undefined) {
      this.chars = shared.chars;
      this.used = shared.used;
    }
  }

  /** Makes room for `capacity` lines. */
  grow(capacity: number): void {
    const from = this.start.length;
    this.start = grownArray(this.start, capacity).fill(-1, from);
    this.length = grownArray(this.length, capacity);
  }

  /** Sets line `row`'s text. */
  set(row: number, text: string): void {
    if (text === this.lastText && this.lastStart >= 0) {
      this.start[row] = this.lastStart;
      this.length[row] = text.length;
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
    this.length[row] = text.length;
    this.lastText = text;
    this.lastStart = at;
  }

  /** Line `row`'s text, undefined when it has none. */
  at(row: number): string | undefined {
    const from = this.start[row] ?? -1;
    if (from < 0) return undefined;
    return String.fromCharCode.apply(
      null,
      this.chars.subarray(from, from + (this.length[row] ?? 0)) as never,
    );
  }

  /** Whether line `row`'s text is `text`, compared in place. */
  matches(row: number, text: string): boolean {
    const from = this.start[row] ?? -1;
    if (from < 0 || this.length[row] !== text.length) return false;
    const chars = this.chars;
    for (let k = 0; k < text.length; k++) if (chars[from + k] !== text.charCodeAt(k)) return false;
    return true;
  }

  /**
   * The lines moved to `position[line]` (a column of `position.length` lines), sharing these characters; lines
   * beyond the position list are not moved.
   */
  rearranged(position: Int32Array): PackedTexts {
    const moved = new PackedTexts(position.length, this);
    for (let i = 0; i < position.length; i++) {
      const to = position[i] ?? 0;
      moved.start[to] = this.start[i] ?? -1;
      moved.length[to] = this.length[i] ?? 0;
    }
    return moved;
  }

  private reserve(count: number): void {
    if (this.used + count <= this.chars.length) return;
    this.chars = grownArray<GrowableArray>(this.chars, Math.max(this.chars.length * 2, this.used + count)) as
      | Uint8Array
      | Uint16Array;
  }
}
