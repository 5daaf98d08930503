// Quickselect: rearranges a[left..right] so that a[k] is the value a sorted array would have there, everything
// before it ≤ and everything after it ≥. Median-of-three pivots; deterministic.
function select(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : Math.max(x, z)) : x < z ? x : Math.max(y, z);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Type-7 quantiles at the probabilities 1/k … (k − 1)/k without sorting: quickselect finds the two order
 * statistics each quantile interpolates between, in O(n·k) instead of O(n log n). Same results as
 * {@link quantileType7} on the sorted values.
 *
 * @param values - The values; rearranged in place (pass a copy).
 * @param bins - k.
 * @returns The k − 1 quantiles, non-decreasing.
 *
 * @example
 * ```ts
 * quantilesType7(Float64Array.from([10, 1, 60, 30, 200]), 5); // => [8.2, 22, 42, 88]
 * ```
 */
export function quantilesType7(values: Float64Array, bins: number): number[] {
  const n = values.length;
  const out: number[] = [];
  let left = 0;
  for (let j = 1; j < bins; j++) {
    const scaled = (n - 1) * j;
    const lo = Math.floor(scaled / bins);
    const fraction = (scaled - lo * bins) / bins;
    select(values, lo, left, n - 1);
    left = lo;
    const low = values[lo] as number;
    if (fraction === 0 || lo + 1 >= n) {
      out.push(low);
      continue;
    }
    // The next order statistic is the smallest value after lo.
    let next = Number.POSITIVE_INFINITY;
    for (let i = lo + 1; i < n; i++) if ((values[i] as number) < next) next = values[i] as number;
    out.push(low + fraction * (next - low));
  }
  return out;
}
