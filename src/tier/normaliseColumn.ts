import { argsortDescending } from "../profit/argsortDescending.js";
import type { Normalisation } from "./tierPolicySchema.js";

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
  // The range of the present values and, to rank them, the present values and where they are (the column
  // itself when none is missing); missing ones stay NaN.
  const ranked = normalise.method === "percentile";
  let count = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = raw[i] as number;
    out[i] = Number.NaN;
    if (Number.isNaN(x)) continue;
    count++;
    if (x < lowest) lowest = x;
    if (x > highest) highest = x;
  }
  if (ranked) {
    let present = raw;
    let where: Uint32Array | undefined;
    if (count < n) {
      present = new Float64Array(count);
      where = new Uint32Array(count);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const x = raw[i] as number;
        if (Number.isNaN(x)) continue;
        present[k] = x;
        where[k++] = i;
      }
    }
    // Ranked once by the radix argsort (sequential passes, no comparator), then each run of equal values gets
    // its mid-rank percentile.
    const order = argsortDescending(present);
    let start = 0;
    while (start < count) {
      const value = present[order[start] as number];
      let end = start + 1;
      while (end < count && present[order[end] as number] === value) end++;
      const p = count === 1 ? 0.5 : (count - end + (end - start - 1) / 2) / (count - 1);
      const normalised = higherIsBetter ? p : 1 - p;
      for (let k = start; k < end; k++) {
        const at = order[k] as number;
        out[where === undefined ? at : (where[at] as number)] = normalised;
      }
      start = end;
    }
    return out;
  }
  const lo = normalise.min ?? lowest;
  const hi = normalise.max ?? highest;
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
