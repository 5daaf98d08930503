import { valueRange } from "../math/valueRange.js";

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

// The order statistics of values at the given 0-based ranks (ascending, distinct), by quickselect on a copy.
function orderStatisticsBySelect(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const a = Float64Array.from(values);
  const n = a.length;
  let left = 0;
  return ranks.map((rank) => {
    select(a, rank, left, n - 1);
    left = rank;
    return a[rank] as number;
  });
}

/** The widest range of whole numbers counted one count per value. */
const COUNTED_RANGE = 1 << 16;
/** Inputs at least this large take the counting paths of {@link orderStatistics}. */
const COUNTED_FROM = 1 << 15;
/** The number of buckets of {@link orderStatisticsByBuckets}. */
const BUCKETS = 1 << 16;

// The order statistics of values at the given 0-based ranks (ascending, distinct) when the values are whole
// numbers within a range of COUNTED_RANGE (days, orders): one count per value, then a walk up the counts.
function orderStatisticsByCounting(
  values: ArrayLike<number>,
  ranks: readonly number[],
  min: number,
  max: number,
): number[] {
  const n = values.length;
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < n; i++) {
    const slot = (values[i] as number) - min;
    counts[slot] = (counts[slot] as number) + 1;
  }
  let slot = 0;
  let below = 0; // values in the slots before `slot`
  return ranks.map((rank) => {
    while (below + (counts[slot] as number) <= rank) below += counts[slot++] as number;
    return min + slot;
  });
}

// The order statistics of values at the given 0-based ranks (ascending, distinct), without sorting the values:
// one pass counts them in BUCKETS equal-width buckets from min to max (the bucket of a value never decreases as
// the value grows, so a rank's value lies in the bucket the counts put the rank in); a second pass gathers the
// values of those few buckets, which are then sorted and read.
function orderStatisticsByBuckets(
  values: ArrayLike<number>,
  ranks: readonly number[],
  min: number,
  max: number,
): number[] {
  const n = values.length;
  const scale = BUCKETS / (max - min);
  const bucketOf = (value: number) => Math.min(BUCKETS - 1, Math.floor((value - min) * scale));
  const counts = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) {
    const bucket = bucketOf(values[i] as number);
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  // The bucket of each rank and the number of values before that bucket.
  const wanted = new Int32Array(BUCKETS).fill(-1); // bucket → its place in `gathered`
  const places: { bucket: number; before: number }[] = [];
  const placeOfRank: number[] = [];
  let bucket = 0;
  let below = 0;
  for (const rank of ranks) {
    while (below + (counts[bucket] as number) <= rank) below += counts[bucket++] as number;
    if (wanted[bucket] === -1) {
      wanted[bucket] = places.length;
      places.push({ bucket, before: below });
    }
    placeOfRank.push(wanted[bucket] as number);
  }
  const gathered = places.map(({ bucket }) => new Float64Array(counts[bucket] as number));
  const filled = new Uint32Array(places.length);
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    const place = wanted[bucketOf(value)] as number;
    if (place >= 0) {
      (gathered[place] as Float64Array)[filled[place] as number] = value;
      filled[place] = (filled[place] as number) + 1;
    }
  }
  for (const group of gathered) group.sort();
  return ranks.map((rank, r) => {
    const place = placeOfRank[r] as number;
    return (gathered[place] as Float64Array)[rank - (places[place] as { before: number }).before] as number;
  });
}

// The order statistics of values at the given 0-based ranks (ascending, distinct): small inputs by quickselect on
// a copy; large ones by counting whole numbers of a narrow range, or else by buckets.
function orderStatistics(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n < COUNTED_FROM) return orderStatisticsBySelect(values, ranks);
  const { min, max, whole } = valueRange(values);
  if (min === max) return ranks.map(() => min);
  if (whole && max - min < COUNTED_RANGE) return orderStatisticsByCounting(values, ranks, min, max);
  // A span beyond the largest double (values near ±1.8e308) has no finite bucket width.
  if (!Number.isFinite(max - min)) return orderStatisticsBySelect(values, ranks);
  return orderStatisticsByBuckets(values, ranks, min, max);
}

/**
 * Type-7 quantiles at the probabilities 1/k … (k − 1)/k without sorting: each quantile interpolates between two
 * order statistics, found (large inputs) by counting whole numbers of a narrow range, or by counting the values in
 * equal-width buckets and sorting the few values of the buckets that hold the ranks, or (small inputs) by
 * quickselect on a copy, in O(n·k) instead of O(n log n). Same results as {@link quantileType7} on the sorted values.
 *
 * @param values - Finite values (not changed).
 * @param bins - k.
 * @returns The k − 1 quantiles, non-decreasing.
 *
 * @example
 * ```ts
 * quantilesType7(Float64Array.from([10, 1, 60, 30, 200]), 5); // => [8.2, 22, 42, 88]
 * ```
 */
export function quantilesType7(values: ArrayLike<number>, bins: number): number[] {
  const n = values.length;
  const wanted = new Set<number>();
  const points: { lo: number; fraction: number }[] = [];
  for (let j = 1; j < bins; j++) {
    const scaled = (n - 1) * j;
    const lo = Math.floor(scaled / bins);
    const fraction = (scaled - lo * bins) / bins;
    points.push({ lo, fraction });
    wanted.add(lo);
    if (fraction !== 0 && lo + 1 < n) wanted.add(lo + 1);
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const statistics = orderStatistics(values, ranks);
  const at = (rank: number) => statistics[ranks.indexOf(rank)] as number;
  return points.map(({ lo, fraction }) => {
    const low = at(lo);
    return fraction === 0 || lo + 1 >= n ? low : low + fraction * (at(lo + 1) - low);
  });
}
