/**
 * The order of values from largest to smallest, equal values in input order (stable): an LSD radix sort on the
 * values' IEEE-754 bits, four passes of 16 bits, so a million customers are ranked in a few tens of
 * milliseconds without a comparator.
 *
 * @param values - Finite numbers.
 * @returns The indexes of `values`, largest value first.
 *
 * @example
 * ```ts
 * Array.from(argsortDescending(Float64Array.from([3, -1, 7, 3]))); // => [2, 0, 3, 1]
 * ```
 */
export function argsortDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  // Keys that sort ascending in the order wanted: the float's bits made monotone, then complemented (descending).
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    bits[0] = (values[i] as number) + 0; // −0 → 0
    let h = words[1] as number;
    let l = words[0] as number;
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
    index[i] = i;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let index2 = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((source[i] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const digit = ((source[i] as number) >>> shift) & 0xffff;
      const to = counts[digit] as number;
      counts[digit] = to + 1;
      hi2[to] = hi[i] as number;
      lo2[to] = lo[i] as number;
      index2[to] = index[i] as number;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [index, index2] = [index2, index];
  }
  return index;
}
