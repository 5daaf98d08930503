/** {@link valueRange}'s result. */
export interface ValueRange {
  /** The smallest value (`Infinity` without values). */
  min: number;
  /** The largest value (`-Infinity` without values). */
  max: number;
  /** Whether every value is a whole number (true without values). */
  whole: boolean;
}

/**
 * The smallest and largest of some numbers and whether all are whole, in one pass: what a counting or radix
 * method needs to know before it picks its path.
 *
 * @param values - Numbers.
 * @returns The minimum, the maximum and whether every value is whole.
 *
 * @example
 * ```ts
 * valueRange([3, -1, 7]); // => { min: -1, max: 7, whole: true }
 * valueRange([0.5, 2]); // => { min: 0.5, max: 2, whole: false }
 * ```
 */
export function valueRange(values: ArrayLike<number>): ValueRange {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
    if (whole && !Number.isInteger(value)) whole = false;
  }
  return { min, max, whole };
}
