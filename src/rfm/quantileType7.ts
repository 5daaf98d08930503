/**
 * The quantile of sorted values by Hyndman & Fan's type 7 (R's and NumPy's default): with h = (n − 1)·p, the
 * value at index ⌊h⌋ plus the fraction h − ⌊h⌋ of the step to the next value. Give p as a fraction `p / of` of
 * whole numbers (e.g. 4 / 5) to get the exact fraction: 0.8 itself is not exact in binary.
 *
 * @param sorted - Finite values in ascending order, at least one.
 * @param p - The probability (0..1), or its numerator when `of` is given.
 * @param of - The denominator of the probability; default 1.
 * @returns The quantile.
 *
 * @example
 * ```ts
 * quantileType7([1, 2, 3, 4], 0.5); // => 2.5
 * quantileType7([1, 10, 30, 60, 200], 4, 5); // => 88
 * quantileType7([1, 10, 30, 60, 200], 0.8); // => 88.00000000000003
 * ```
 */
export function quantileType7(sorted: ArrayLike<number>, p: number, of = 1): number {
  const scaled = (sorted.length - 1) * p;
  const lo = Math.floor(scaled / of);
  const low = sorted[lo] as number;
  const fraction = (scaled - lo * of) / of;
  if (fraction === 0 || lo + 1 >= sorted.length) return low;
  return low + fraction * ((sorted[lo + 1] as number) - low);
}
