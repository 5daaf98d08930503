// Customer id → dense index (0, 1, 2 … in order of first appearance). Looking a customer up is the one random
// memory access per transaction line, so short ids — up to 8 characters from [-0-9A-Z_a-z], which covers
// numeric ids, zero-padded ids and most CRM codes — are turned into a number, exactly and in code-unit order,
// and kept in an open-addressing table of numbers: one cache line per lookup, no string comparison. Other ids
// (longer, or with other characters) go through a Map. Internal to features.

/** Ids of up to this many characters can be coded. */
const CODED_LENGTH = 8;
/** Each character is a digit 1..64 in base 65; 0 pads a shorter id (so that a prefix sorts first). */
const BASE = 65;
/** A code is two halves of 4 digits each (below 65^4 < 2^31, so plain integers), high half first. */
const HALF = BASE ** 4;
const MINIMUM_BITS = 10;
/** The table is sized for at most this many customers up front (it grows beyond). */
const MAXIMUM_INITIAL_BITS = 17;
/** Int32 entries per slot: high half + 1 (0 marks an empty slot), low half, customer index, unused. */
const SLOT = 4;

/** The base-65 digit of a character code (ASCII order: -, 0-9, A-Z, _, a-z), or 0 when it has none. */
function digit(c: number): number {
  if (c >= 97) return c <= 122 ? c - 58 : 0; // a-z → 39..64
  if (c >= 65) return c <= 90 ? c - 53 : c === 95 ? 38 : 0; // A-Z → 12..37, _ → 38
  if (c >= 48) return c <= 57 ? c - 46 : 0; // 0-9 → 2..11
  return c === 45 ? 1 : 0; // - → 1
}

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
    const bits = Math.ceil(Math.log2(Math.max(expectedLines, 1)));
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
    for (let k = 0; coded && k < CODED_LENGTH; k++) {
      let d = 0;
      if (k < length) {
        d = digit(id.charCodeAt(k));
        if (d === 0) coded = false;
      }
      if (k < 4) high = high * BASE + d;
      else low = low * BASE + d;
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
    const others = (this.others ??= new Map());
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
      // All ids are coded: sort the codes as numbers (exact below 65^8 < 2^53), then find each one's index.
      const codes = new Float64Array(count);
      for (let i = 0; i < count; i++) codes[i] = (this.highs[i] ?? 0) * HALF + (this.lows[i] ?? 0);
      codes.sort();
      for (let i = 0; i < count; i++) {
        const code = codes[i] ?? 0;
        const high = Math.floor(code / HALF);
        const slot = this.find(high, code - high * HALF);
        order[i] = this.slots[slot * SLOT + 2] ?? 0;
      }
      return order;
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
