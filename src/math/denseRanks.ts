/** {@link denseRanks}'s result. */
export interface DenseRanks {
  /** The rank of each value among the distinct values: 0 for the smallest; equal values share a rank. */
  ranks: Int32Array;
  /** The distinct values in ascending order: `distinct[ranks[i]] === values[i]`. */
  distinct: Float64Array;
}

// An open-addressing hash table from a number's 64 bits to the order in which it was first seen, at most half full.
class FirstSeen {
  private readonly word = new Float64Array(1);
  private readonly bits = new Uint32Array(this.word.buffer);
  private shift = 22;
  private slots = new Int32Array(1 << (32 - this.shift)).fill(-1);
  /** The values in the order first seen: the first `count` entries. */
  values = new Float64Array(this.slots.length >> 1);
  count = 0;

  private slotOf(value: number): number {
    this.word[0] = value;
    const mixed = Math.imul(
      (this.bits[0] as number) ^ Math.imul(this.bits[1] as number, 0x85ebca6b),
      0x9e3779b1,
    );
    return (mixed ^ (mixed >>> 15)) >>> this.shift;
  }

  idOf(value: number): number {
    const mask = this.slots.length - 1;
    for (let slot = this.slotOf(value); ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id < 0) {
        if (this.count === this.values.length) {
          this.grow();
          return this.idOf(value);
        }
        this.slots[slot] = this.count;
        this.values[this.count] = value;
        return this.count++;
      }
      if (this.values[id] === value) return id;
    }
  }

  // Doubles the table and re-inserts the values.
  private grow(): void {
    this.shift--;
    this.slots = new Int32Array(1 << (32 - this.shift)).fill(-1);
    const values = new Float64Array(this.slots.length >> 1);
    values.set(this.values);
    this.values = values;
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.slotOf(values[id] as number);
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/**
 * The dense rank of every value (equal values share a rank, ranks are consecutive from 0) and the distinct values
 * in ascending order. One hash-table lookup per value and a (native) sort of the distinct values, so it is linear in
 * the number of values when few are distinct (a column of counts, or of days): the keys of counting sorts and the
 * indices of per-distinct-value tables. 0 and −0 are one value.
 *
 * @param values - Finite numbers (not NaN).
 * @returns The ranks and the distinct values.
 *
 * @example
 * ```ts
 * denseRanks([3, 1, 3, 2]);
 * // => { ranks: Int32Array [2, 0, 2, 1], distinct: Float64Array [1, 2, 3] }
 * ```
 */
export function denseRanks(values: ArrayLike<number>): DenseRanks {
  const n = values.length;
  const ranks = new Int32Array(n);
  const firstSeen = new FirstSeen();
  // + 0 turns −0 into 0, so both have one bit pattern. A repeat of the previous value (sorted input) skips the table.
  let previous = Number.NaN;
  let previousId = -1;
  for (let i = 0; i < n; i++) {
    const value = (values[i] as number) + 0;
    if (value !== previous) {
      previous = value;
      previousId = firstSeen.idOf(value);
    }
    ranks[i] = previousId;
  }
  const distinct = firstSeen.values.slice(0, firstSeen.count).sort();
  const rankOfId = new Int32Array(distinct.length);
  for (let rank = 0; rank < distinct.length; rank++)
    rankOfId[firstSeen.idOf(distinct[rank] as number)] = rank;
  for (let i = 0; i < n; i++) ranks[i] = rankOfId[ranks[i] as number] as number;
  return { ranks, distinct };
}
