// Customer id → dense index (0, 1, 2 … in order of first appearance). Looking a customer up is the one random
// memory access per transaction line, so short ids — up to 8 ASCII characters (no NUL), which covers numeric
// ids, zero-padded ids and most CRM codes — are turned into a pair of integers, exactly and in code-unit order
// (7 bits a character, 4 characters a half), and kept in an open-addressing table of integers, no string
// comparison. A slot holds the code and index + 1 side by side, so that a lookup reads one cache line (the codes
// are also kept by index, for sorting). Other ids (longer, or non-ASCII) go through a Map. Internal to features.

import { prefixSums } from "./prefixSums.js";

/** Ids of up to this many characters can be coded. */
const CODED_LENGTH = 8;
/** Characters per half of a code; each half is below 2^28. */
const HALF_LENGTH = 4;
const MINIMUM_BITS = 10;
/** The table is sized for at most this many customers up front (it grows beyond). */
const MAXIMUM_INITIAL_BITS = 18;
/** Radix sort of codes: 14-bit digits, two passes per 28-bit half (low half first: offset 1 in `codes`). */
const RADIX = 1 << 14;
const RADIX_PASSES: readonly (readonly [offset: 0 | 1, shift: number])[] = [
  [1, 0],
  [1, 14],
  [0, 0],
  [0, 14],
];

function slotOf(high: number, low: number, bits: number): number {
  return Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
}

// Loops over all customers are functions of their own, with nothing after the loop: see groupRows.ts.

/** Fills `order` with 0, 1, 2 …. */
function identity(order: Int32Array): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

/**
 * One stable pass of a radix sort of customer indexes by a 14-bit digit of their codes, from `from` into `to`:
 * `codes[2·index + offset] >>> shift` holds the digit.
 */
function radixPass(
  codes: Int32Array,
  offset: number,
  shift: number,
  from: Int32Array,
  to: Int32Array,
  counts: Int32Array,
): void {
  counts.fill(0);
  const next = prefixSums(digitCounts(codes, offset, shift, from.length, counts));
  for (let i = 0; i < from.length; i++) {
    const index = from[i] ?? 0;
    const bucket = ((codes[index * 2 + offset] ?? 0) >>> shift) & (RADIX - 1);
    const position = next[bucket] ?? 0;
    to[position] = index;
    next[bucket] = position + 1;
  }
}

/** The number of the first `count` customers' codes with each digit d, at `counts[d + 1]`. */
function digitCounts(
  codes: Int32Array,
  offset: number,
  shift: number,
  count: number,
  counts: Int32Array,
): Int32Array {
  for (let i = 0; i < count; i++) {
    const bucket = ((codes[i * 2 + offset] ?? 0) >>> shift) & (RADIX - 1);
    counts[bucket + 1] = (counts[bucket + 1] ?? 0) + 1;
  }
  return counts;
}

export class CustomerIndex {
  /**
   * The ids, by index. An empty array that already has the kind of elements of strings (an empty literal is one of
   * small integers, which changes at the first id): the code adding ids runs unchanged on the next index's array.
   */
  readonly names: string[] = [""].slice(1);
  /** The code halves of each index's id, high at 2·index and low at 2·index + 1; high is -1 for an uncoded id. */
  private codes: Int32Array;
  /** Three integers per slot: the code's high and low halves and customer index + 1 (0 marks an empty slot). */
  private slots: Int32Array;
  private bits: number;
  private codedCount = 0;
  private others: Map<string, number> | undefined = undefined;
  /**
   * The last coded id's code and index: consecutive lines of one customer (an order's lines) skip the table, at
   * the price of comparing two integers rather than two strings.
   */
  private lastHigh = -1;
  private lastLow = 0;
  private lastIndex = 0;

  /** @param expectedLines - The expected number of transaction lines (a bound on the customers), 0 if unknown. */
  constructor(expectedLines = 0) {
    // Room for one customer per 8 lines at most half full, so a typical log never rehashes.
    const bits = Math.ceil(Math.log2(Math.max(expectedLines / 4, 1)));
    this.bits = Math.min(MAXIMUM_INITIAL_BITS, Math.max(MINIMUM_BITS, bits));
    // Room for the codes of as many customers as the table holds before it grows (half its slots).
    this.codes = new Int32Array(1 << this.bits);
    this.slots = new Int32Array(3 << this.bits);
  }

  /** The number of customers. */
  get size(): number {
    return this.names.length;
  }

  /**
   * The index of an id, adding the id when it is new. The code is computed here, in integers: a double passed to
   * or returned from a call that is not inlined would be boxed, one allocation per line.
   */
  indexOf(id: string): number {
    const length = id.length;
    if (length > CODED_LENGTH) return this.other(id);
    // Characters 1..127 as 7-bit digits, left-aligned (0 pads a shorter id, so that a prefix sorts first);
    // `outside` goes negative on a character 0 or above 127.
    let high = 0;
    let low = 0;
    let outside = 0;
    for (let k = 0; k < length; k++) {
      const c = id.charCodeAt(k);
      outside |= (c - 1) | (127 - c);
      if (k < HALF_LENGTH) high = (high << 7) | c;
      else low = (low << 7) | c;
    }
    if (outside < 0) return this.other(id);
    if (length < HALF_LENGTH) high <<= 7 * (HALF_LENGTH - length);
    else low <<= 7 * (CODED_LENGTH - length);
    if (high === this.lastHigh && low === this.lastLow) return this.lastIndex;
    const index = this.coded(id, high, low);
    this.lastHigh = high;
    this.lastLow = low;
    this.lastIndex = index;
    return index;
  }

  private add(id: string, high: number, low: number): number {
    const index = this.names.length;
    this.names.push(id);
    if (index * 2 === this.codes.length) {
      const codes = new Int32Array(index * 4);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[index * 2] = high;
    this.codes[index * 2 + 1] = low;
    return index;
  }

  private other(id: string): number {
    this.others ??= new Map();
    const others = this.others;
    let index = others.get(id);
    if (index === undefined) {
      index = this.add(id, -1, 0);
      others.set(id, index);
    }
    return index;
  }

  /** The slot holding a code, or the empty slot where it would go. */
  private find(high: number, low: number): number {
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    let slot = slotOf(high, low, this.bits);
    for (;;) {
      const at = slot * 3;
      if (slots[at + 2] === 0 || (slots[at] === high && slots[at + 1] === low)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private coded(id: string, high: number, low: number): number {
    const at = this.find(high, low) * 3;
    const slots = this.slots;
    const stored = slots[at + 2] ?? 0;
    if (stored !== 0) return stored - 1;
    const index = this.add(id, high, low);
    slots[at] = high;
    slots[at + 1] = low;
    slots[at + 2] = index + 1;
    this.codedCount++;
    if (this.codedCount * 2 > 1 << this.bits) this.rehash();
    return index;
  }

  private rehash(): void {
    this.bits++;
    const slots = new Int32Array(3 << this.bits);
    this.slots = slots;
    const codes = this.codes;
    for (let index = 0; index < this.names.length; index++) {
      const high = codes[index * 2] ?? 0;
      const low = codes[index * 2 + 1] ?? 0;
      if (high < 0) continue;
      const at = this.find(high, low) * 3;
      slots[at] = high;
      slots[at + 1] = low;
      slots[at + 2] = index + 1;
    }
  }

  /** The indexes ordered by id, in code-unit order (the order of `Array.prototype.sort` on strings). */
  sortedIndexes(): Int32Array {
    const count = this.names.length;
    const order = new Int32Array(count);
    const names = this.names;
    if (this.others === undefined) {
      // All ids are coded: a stable radix sort of the indexes by code, low half first, 14 bits a pass.
      let from: Int32Array = identity(order);
      let to: Int32Array = new Int32Array(count);
      const counts = new Int32Array(RADIX + 1);
      for (const [offset, shift] of RADIX_PASSES) {
        radixPass(this.codes, offset, shift, from, to, counts);
        const swap = from;
        from = to;
        to = swap;
      }
      return from;
    }
    const indexes = Array.from(names.keys()).sort((a, b) => {
      const x = names[a] ?? "";
      const y = names[b] ?? "";
      return x < y ? -1 : x > y ? 1 : 0;
    });
    order.set(indexes);
    return order;
  }
}
