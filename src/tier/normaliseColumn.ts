import type { Normalisation } from "./tierPolicySchema.js";

// The number of sorted values below x (lower) or at most x (upper).
function bound(sorted: Float64Array, x: number, upper: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid] as number;
    if (value < x || (upper && value === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Normalises a column of raw metric values to 0..1 (1 = best) by a policy's method; NaN (missing) stays NaN.
 * `percentile` is the mid-rank percentile (below + (equal − 1) / 2) ÷ (n − 1) among the present values (0.5 for
 * a single value); `minMax` and `log` cap to the bounds (the portfolio's when left out; every value 0.5 when
 * the bounds coincide); `bands` gives the band's points ÷ 100 as written. When lower is better, the first three
 * are turned (1 − value).
 *
 * @param raw - The raw values, NaN for missing.
 * @param normalise - The method.
 * @param higherIsBetter - The direction.
 * @returns The normalised values.
 *
 * @example
 * ```ts
 * Array.from(normaliseColumn(Float64Array.from([10, 30, 20, NaN]), { method: "percentile" }, true));
 * // => [0, 1, 0.5, NaN]
 * ```
 */
export function normaliseColumn(
  raw: Float64Array,
  normalise: Normalisation,
  higherIsBetter: boolean,
): Float64Array {
  const n = raw.length;
  const out = new Float64Array(n);
  if (normalise.method === "bands") {
    const bands = normalise.bands;
    for (let i = 0; i < n; i++) {
      const x = raw[i] as number;
      if (Number.isNaN(x)) {
        out[i] = Number.NaN;
        continue;
      }
      let points = 0;
      for (const band of bands) if (x >= band.from) points = band.points;
      out[i] = points / 100;
    }
    return out;
  }
  const present = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = raw[i] as number;
    if (!Number.isNaN(x)) present[count++] = x;
  }
  const sorted = present.subarray(0, count).sort();
  if (normalise.method === "percentile") {
    for (let i = 0; i < n; i++) {
      const x = raw[i] as number;
      if (Number.isNaN(x)) out[i] = Number.NaN;
      else if (count === 1) out[i] = 0.5;
      else {
        const below = bound(sorted, x, false);
        const equal = bound(sorted, x, true) - below;
        const p = (below + (equal - 1) / 2) / (count - 1);
        out[i] = higherIsBetter ? p : 1 - p;
      }
    }
    return out;
  }
  const lo = normalise.min ?? (sorted[0] as number);
  const hi = normalise.max ?? (sorted[count - 1] as number);
  const span = normalise.method === "log" ? Math.log1p(hi - lo) : hi - lo;
  for (let i = 0; i < n; i++) {
    const x = raw[i] as number;
    if (Number.isNaN(x)) {
      out[i] = Number.NaN;
      continue;
    }
    if (!(span > 0)) {
      out[i] = 0.5;
      continue;
    }
    const capped = Math.min(hi, Math.max(lo, x)) - lo;
    const t = (normalise.method === "log" ? Math.log1p(capped) : capped) / span;
    out[i] = higherIsBetter ? t : 1 - t;
  }
  return out;
}
