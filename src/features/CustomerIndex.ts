// Customer id → dense index (0, 1, 2 … in order of first appearance). Looking a customer up is the one random
// memory access per transaction line, so short ids — up to 8 characters from [-0-9A-Z_a-z], which covers
// numeric ids, zero-padded ids and most CRM codes — are turned into a number, exactly and in code-unit order,
// and kept in an open-addressing table of numbers: one cache line per lookup, no string comparison. Other ids
// (longer, or with other characters) go through a Map. Internal to features.

/** Ids of up to this many characters can be coded. */
const CODED_LENGTH = 8;
/** Each character is a digit 1..64 in base 65; 0 pads a shorter id (so a prefix sorts first). */
const BASE = 65;
const MINIMUM_BITS = 10;
/** The table is sized for at most this many customers up front (it grows beyond). */
const MAXIMUM_INITIAL_BITS = 17;

/** The base-65 digit of a character code (ASCII order: -, 0-9, A-Z, _, a-z), or 0 when it has none. */
function digit(c: number): number {
  if (c >= 97) return c <= 122 ? c - 58 : 0; // a-z → 39..64
  if (c >= 65) return c <= 90 ? c - 53 : c === 95 ? 38 : 0; // A-Z → 12..37, _ → 38
  if (c >= 48) return c <= 57 ? c - 46 : 0; // 0-9 → 2..11
  return c === 45 ? 1 : 0; // - → 1
}

/**
 * The number of an id: its characters as base-65 digits, left-aligned in 8 places, so that numbers compare
 * like the ids (code-unit order). -1 when the id cannot be coded. At most 65^8 ≈ 3.2e14, an exact double.
 */
function idCode(id: string): number {
  const length = id.length;
  if (length > CODED_LENGTH) return -1;
  let code = 0;
  for (let k = 0; k < CODED_LENGTH; k++) {
    let d = 0;
    if (k < length) {
      d = digit(id.charCodeAt(k));
      if (d === 0) return -1;
    }
    code = code * BASE + d;
  }
  return code;
}

function slotOf(code: number, bits: number): number {
  const high = Math.floor(code / 4294967296);
  const mixed = Math.imul((code >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1);
  return mixed >>> (32 - bits);
}

export class CustomerIndex {
  /** The ids, by index. */
  readonly names: string[] = [];
  /** The code of each index's id, -1 for an id that cannot be coded. */
  private codes: Float64Array;
  /** Pairs (code + 1, index) per slot; code + 1 = 0 marks an empty slot. */
  private slots: Float64Array;
  private bits: number;
  private codedCount = 0;
  private others: Map<string, number> | undefined = undefined;
  private lastId: string | undefined = undefined;
  private lastIndex = 0;

  /** @param expectedLines - The expected number of transaction lines (a bound on the customers), 0 if unknown. */
  constructor(expectedLines = 0) {
    const bits = Math.ceil(Math.log2(Math.max(expectedLines, 1)));
    this.bits = Math.min(MAXIMUM_INITIAL_BITS, Math.max(MINIMUM_BITS, bits));
    this.codes = new Float64Array(1 << this.bits);
    this.slots = new Float64Array(2 << this.bits);
  }

  /** The number of customers. */
  get size(): number {
    return this.names.length;
  }

  /** The index of an id, adding the id when it is new. */
  indexOf(id: string): number {
    if (id === this.lastId) return this.lastIndex;
    const code = idCode(id);
    const index = code < 0 ? this.other(id) : this.coded(id, code);
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  private add(id: string, code: number): number {
    const index = this.names.length;
    this.names.push(id);
    if (index === this.codes.length) {
      const codes = new Float64Array(index * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[index] = code;
    return index;
  }

  private other(id: string): number {
    const others = (this.others ??= new Map());
    let index = others.get(id);
    if (index === undefined) {
      index = this.add(id, -1);
      others.set(id, index);
    }
    return index;
  }

  private coded(id: string, code: number): number {
    const key = code + 1;
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    let slot = slotOf(code, this.bits);
    for (;;) {
      const stored = slots[slot * 2] ?? 0;
      if (stored === key) return slots[slot * 2 + 1] ?? 0;
      if (stored === 0) break;
      slot = (slot + 1) & mask;
    }
    const index = this.add(id, code);
    slots[slot * 2] = key;
    slots[slot * 2 + 1] = index;
    this.codedCount++;
    if (this.codedCount * 2 > 1 << this.bits) this.rehash();
    return index;
  }

  private rehash(): void {
    const old = this.slots;
    this.bits++;
    const mask = (1 << this.bits) - 1;
    const slots = new Float64Array(2 << this.bits);
    for (let s = 0; s < old.length; s += 2) {
      const key = old[s] ?? 0;
      if (key === 0) continue;
      let slot = slotOf(key - 1, this.bits);
      while ((slots[slot * 2] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = key;
      slots[slot * 2 + 1] = old[s + 1] ?? 0;
    }
    this.slots = slots;
  }

  /** The indexes ordered by id, in code-unit order (the order of `Array.prototype.sort` on strings). */
  sortedIndexes(): Int32Array {
    const count = this.names.length;
    const order = new Int32Array(count);
    const names = this.names;
    if (this.others === undefined) {
      // All ids are coded: sort the numbers, then find each number's index.
      const codes = this.codes.slice(0, count).sort();
      const mask = (1 << this.bits) - 1;
      for (let i = 0; i < count; i++) {
        const key = (codes[i] ?? 0) + 1;
        let slot = slotOf(key - 1, this.bits);
        while ((this.slots[slot * 2] ?? 0) !== key) slot = (slot + 1) & mask;
        order[i] = this.slots[slot * 2 + 1] ?? 0;
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
