// Customer id → dense index (0, 1, 2 … in order of first appearance). Looking a customer up is the one random
// memory access per transaction line, so short ids — up to 8 ASCII characters (no NUL), which covers numeric
// ids, zero-padded ids and most CRM codes — are turned into a pair of integers, exactly and in code-unit order
// (7 bits a character, 4 characters a half), and kept in an open-addressing table of integers: one cache line
// per lookup, no string comparison. Other ids (longer, or non-ASCII) go through a Map. Internal to features.

/** Ids of up to this many characters can be coded. */
const CODED_LENGTH = 8;
/** Characters per half of a code; each half is below 2^28. */
const HALF_LENGTH = 4;
const MINIMUM_BITS = 10;
/** The table is sized for at most this many customers up front (it grows beyond). */
const MAXIMUM_INITIAL_BITS = 18;
/** Radix sort of codes: 14-bit digits, two passes per 28-bit half. */
const RADIX = 1 << 14;
const RADIX_PASSES: readonly (readonly [half: 0 | 1, shift: number])[] = [
  [0, 0],
  [0, 14],
  [1, 0],
  [1, 14],
];
/** Int32 entries per slot: high half + 1 (0 marks an empty slot), low half, customer index, unused. */
const SLOT = 4;

function slotOf(high: number, low: number, bits: number): number {
  return Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
}

export class CustomerIndex {
  /** The ids, by index. */
  readonly names: string[] = [];
  /** The code halves of each index's id; high is -1 for an id that cannot be coded. */
  private highs: Int32Array;
  private lows: Int32Array;
  private slots: Int32Array;
  private bits: number;
  private codedCount = 0;
  private others: Map<string, number> | undefined = undefined;
  private lastId: string | undefined = undefined;
  private lastIndex = 0;

  /** @param expectedLines - The expected number of transaction lines (a bound on the customers), 0 if unknown. */
  constructor(expectedLines = 0) {
    // Room for one customer per 8 lines at most half full, so a typical log never rehashes.
    const bits = Math.ceil(Math.log2(Math.max(expectedLines / 4, 1)));
    this.bits = Math.min(MAXIMUM_INITIAL_BITS, Math.max(MINIMUM_BITS, bits));
    this.highs = new Int32Array(1 << this.bits);
    this.lows = new Int32Array(1 << this.bits);
    this.slots = new Int32Array(SLOT << this.bits);
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
    if (id === this.lastId) return this.lastIndex;
    const length = id.length;
    let high = 0;
    let low = 0;
    let coded = length <= CODED_LENGTH;
    // Characters 1..127 as 7-bit digits, left-aligned (0 pads a shorter id, so that a prefix sorts first).
    for (let k = 0; coded && k < CODED_LENGTH; k++) {
      const c = k < length ? id.charCodeAt(k) : 0;
      if (c > 127 || (c === 0 && k < length)) coded = false;
      else if (k < HALF_LENGTH) high = (high << 7) | c;
      else low = (low << 7) | c;
    }
    const index = coded ? this.coded(id, high, low) : this.other(id);
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  private add(id: string, high: number, low: number): number {
    const index = this.names.length;
    this.names.push(id);
    if (index === this.highs.length) {
      const highs = new Int32Array(index * 2);
      highs.set(this.highs);
      this.highs = highs;
      const lows = new Int32Array(index * 2);
      lows.set(this.lows);
      this.lows = lows;
    }
    this.highs[index] = high;
    this.lows[index] = low;
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
      const stored = slots[slot * SLOT] ?? 0;
      if (stored === 0 || (stored === high + 1 && slots[slot * SLOT + 1] === low)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private coded(id: string, high: number, low: number): number {
    const slot = this.find(high, low);
    const slots = this.slots;
    if (slots[slot * SLOT] !== 0) return slots[slot * SLOT + 2] ?? 0;
    const index = this.add(id, high, low);
    slots[slot * SLOT] = high + 1;
    slots[slot * SLOT + 1] = low;
    slots[slot * SLOT + 2] = index;
    this.codedCount++;
    if (this.codedCount * 2 > 1 << this.bits) this.rehash();
    return index;
  }

  private rehash(): void {
    const old = this.slots;
    this.bits++;
    this.slots = new Int32Array(SLOT << this.bits);
    for (let s = 0; s < old.length; s += SLOT) {
      const stored = old[s] ?? 0;
      if (stored === 0) continue;
      const slot = this.find(stored - 1, old[s + 1] ?? 0);
      this.slots[slot * SLOT] = stored;
      this.slots[slot * SLOT + 1] = old[s + 1] ?? 0;
      this.slots[slot * SLOT + 2] = old[s + 2] ?? 0;
    }
  }

  /** The indexes ordered by id, in code-unit order (the order of `Array.prototype.sort` on strings). */
  sortedIndexes(): Int32Array {
    const count = this.names.length;
    const order = new Int32Array(count);
    const names = this.names;
    if (this.others === undefined) {
      // All ids are coded: a stable radix sort of the indexes by code, low half first, 14 bits a pass.
      let from = order;
      for (let i = 0; i < count; i++) from[i] = i;
      let to = new Int32Array(count);
      const counts = new Int32Array(RADIX + 1);
      for (const [half, shift] of RADIX_PASSES) {
        const values = half === 0 ? this.lows : this.highs;
        counts.fill(0);
        for (let i = 0; i < count; i++) {
          const bucket = ((values[i] ?? 0) >>> shift) & (RADIX - 1);
          counts[bucket + 1] = (counts[bucket + 1] ?? 0) + 1;
        }
        for (let b = 1; b <= RADIX; b++) counts[b] = (counts[b] ?? 0) + (counts[b - 1] ?? 0);
        for (let i = 0; i < count; i++) {
          const index = from[i] ?? 0;
          const bucket = ((values[index] ?? 0) >>> shift) & (RADIX - 1);
          const position = counts[bucket] ?? 0;
          to[position] = index;
          counts[bucket] = position + 1;
        }
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
