/**
 * The median of the first `count` values of a scratch buffer of whole numbers (day intervals): the mean of the
 * two middle values when `count` is even. O(count): insertion sort for a few values, a histogram when the values
 * span a small range, else selection. The buffer's order is changed. `count` must be at least 1. Internal.
 */
export function median(
  values: Int32Array | Float64Array,
  count: number,
  histogram: { counts: Int32Array },
): number {
  if (count <= 16) {
    for (let a = 1; a < count; a++) {
      const value = values[a] ?? 0;
      let b = a - 1;
      while (b >= 0 && (values[b] ?? 0) > value) {
        values[b + 1] = values[b] ?? 0;
        b--;
      }
      values[b + 1] = value;
    }
    const middle = count >> 1;
    return count % 2 === 1 ? (values[middle] ?? 0) : midpoint(values[middle - 1] ?? 0, values[middle] ?? 0);
  }
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const value = values[i] ?? 0;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const span = high - low + 1;
  if (span <= 4 * count && Number.isInteger(low) && Number.isInteger(high)) {
    return histogramMedian(values, count, low, span, histogram);
  }
  const upper = select(values, count, count >> 1);
  if (count % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper middle after selection.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count >> 1; i++) lower = Math.max(lower, values[i] ?? 0);
  return midpoint(lower, upper);
}

/**
 * The mean of the two middle values. One function for every path: a rare path whose halves happened to be whole
 * so far would otherwise be compiled for whole numbers only, and thrown away at its first fraction.
 */
function midpoint(lower: number, upper: number): number {
  return (lower + upper) / 2;
}

function histogramMedian(
  values: Int32Array | Float64Array,
  count: number,
  low: number,
  span: number,
  histogram: { counts: Int32Array },
): number {
  if (histogram.counts.length < span)
    histogram.counts = new Int32Array(Math.max(span, histogram.counts.length * 2));
  const counts = histogram.counts;
  counts.fill(0, 0, span);
  for (let i = 0; i < count; i++) {
    const bin = (values[i] ?? 0) - low;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  // The values of ranks count >> 1 (upper middle) and, for an even count, the one before it.
  const upperRank = count >> 1;
  let seen = 0;
  let lower = Number.NaN;
  for (let bin = 0; bin < span; bin++) {
    seen += counts[bin] ?? 0;
    if (Number.isNaN(lower) && seen > upperRank - 1) lower = bin + low;
    if (seen > upperRank) return count % 2 === 1 ? bin + low : midpoint(lower, bin + low);
  }
  return largest(values, count);
}

/** The largest value (a fallback the histogram walk never reaches). */
function largest(values: Int32Array | Float64Array, count: number): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) largest = Math.max(largest, values[i] ?? 0);
  return largest;
}

/** Hoare's quickselect with a median-of-three pivot: the k-th smallest (0-based) of the first `count` values. */
function select(values: Int32Array | Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    const a = values[left] ?? 0;
    const b = values[middle] ?? 0;
    const c = values[right] ?? 0;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] ?? 0;
}
