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

/** The widest range of whole numbers {@link orderStatisticsByCounting} counts. */
const COUNTED_RANGE = 1 << 16;

// The order statistics of values at the given 0-based ranks (ascending, distinct) when the values are whole
// numbers within a range of COUNTED_RANGE (days, orders): one count per value, then a walk up the counts.
// `undefined` for other values.
function orderStatisticsByCounting(
  values: ArrayLike<number>,
  ranks: readonly number[],
): number[] | undefined {
  const n = values.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (!Number.isInteger(value)) return undefined;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (max - min >= COUNTED_RANGE) return undefined;
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

/** Inputs at least this large take the sampled path of {@link orderStatistics}. */
const SAMPLED_FROM = 1 << 15;
const SAMPLE_SIZE = 1 << 14;
/** Sample positions on each side of a rank's expected place: 4 standard deviations of a sample quantile. */
const SAMPLE_MARGIN = 256;

// The order statistics of values at the given 0-based ranks (ascending, distinct), without sorting or copying
// the values: whole numbers in a narrow range are counted; otherwise a fixed-stride sample brackets each group of nearby ranks between two sample values; one pass
// counts the values below each bracket and gathers those inside it (values equal to a bracket's ends are counted,
// not gathered, so ties cost nothing); the ranks are then read from the sorted bracket. A bracket that misses a
// rank (a sample unlike the values) sends the whole computation to quickselect, so the result is exact either way.
function orderStatistics(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n < SAMPLED_FROM) return orderStatisticsBySelect(values, ranks);
  const counted = orderStatisticsByCounting(values, ranks);
  if (counted !== undefined) return counted;
  const sample = new Float64Array(SAMPLE_SIZE);
  for (let i = 0; i < SAMPLE_SIZE; i++) sample[i] = values[Math.floor((i * n) / SAMPLE_SIZE)] as number;
  sample.sort();
  const place = (rank: number) => Math.floor((rank * SAMPLE_SIZE) / n);
  // Brackets: [first rank, last rank] groups whose sample places are at most one apart.
  const groups: [number, number][] = [];
  for (let r = 0; r < ranks.length; r++) {
    const last = groups[groups.length - 1];
    if (last !== undefined && place(ranks[r] as number) - place(ranks[last[1]] as number) <= 1) last[1] = r;
    else groups.push([r, r]);
  }
  const w = groups.length;
  const low = new Float64Array(w);
  const high = new Float64Array(w);
  groups.forEach(([first, last], b) => {
    const from = place(ranks[first] as number) - SAMPLE_MARGIN;
    const to = place(ranks[last] as number) + SAMPLE_MARGIN;
    low[b] = from < 0 ? Number.NEGATIVE_INFINITY : (sample[from] as number);
    high[b] = to >= SAMPLE_SIZE ? Number.POSITIVE_INFINITY : (sample[to] as number);
  });
  const below = new Float64Array(w);
  const atLow = new Float64Array(w);
  const atHigh = new Float64Array(w);
  const inside: number[][] = Array.from({ length: w }, () => []);
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    for (let b = 0; b < w; b++) {
      const lo = low[b] as number;
      if (value < lo) below[b] = (below[b] as number) + 1;
      else if (value === lo) atLow[b] = (atLow[b] as number) + 1;
      else {
        const hi = high[b] as number;
        if (value < hi) (inside[b] as number[]).push(value);
        else if (value === hi) atHigh[b] = (atHigh[b] as number) + 1;
      }
    }
  }
  const out: number[] = [];
  for (let b = 0; b < w; b++) {
    // Sorted, the bracket is: atLow × low, the gathered values, atHigh × high.
    const lowCount = atLow[b] as number;
    const gathered = Float64Array.from(inside[b] as number[]).sort();
    const size = lowCount + gathered.length + (atHigh[b] as number);
    const [first, last] = groups[b] as [number, number];
    for (let r = first; r <= last; r++) {
      const offset = (ranks[r] as number) - (below[b] as number);
      if (offset < 0 || offset >= size) return orderStatisticsBySelect(values, ranks);
      if (offset < lowCount) out.push(low[b] as number);
      else if (offset < lowCount + gathered.length) out.push(gathered[offset - lowCount] as number);
      else out.push(high[b] as number);
    }
  }
  return out;
}

/**
 * Type-7 quantiles at the probabilities 1/k … (k − 1)/k without sorting: each quantile interpolates between two
 * order statistics, found (large inputs) by counting whole numbers of a narrow range, or by a sampled bracket and
 * one pass over the values, or (small inputs) by quickselect on a copy, in O(n·k) instead of O(n log n). Same results as {@link quantileType7} on the sorted values.
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
