/**
 * Turns counts into start offsets in place: with the count of bucket b at `counts[b + 1]` and 0 at `counts[0]`,
 * `counts[b]` becomes where bucket b begins. Internal to features.
 */
export function prefixSums(counts: Int32Array): Int32Array {
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] ?? 0) + (counts[b - 1] ?? 0);
  return counts;
}
