/**
 * The median of the first `count` values of a scratch buffer (the mean of the two middle values when `count` is
 * even), by selection in O(count): the buffer's order is changed. `count` must be at least 1. Internal.
 */
export function median(values: Float64Array, count: number): number {
  const upper = select(values, count, count >> 1);
  if (count % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper middle after selection.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count >> 1; i++) lower = Math.max(lower, values[i] ?? 0);
  return (lower + upper) / 2;
}

/** Hoare's quickselect with a median-of-three pivot: the k-th smallest (0-based) of the first `count` values. */
function select(values: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    const a = values[left] ?? 0;
    const b = values[middle] ?? 0;
    const c = values[right] ?? 0;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
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
