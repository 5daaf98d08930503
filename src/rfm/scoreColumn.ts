import { valueRange } from "../math/valueRange.js";
import type { ScoreBreaks } from "./ScoreMethod.js";

/** Columns at least this long with whole numbers spanning less than LOOKUP_RANGE are scored by a lookup table. */
const LOOKUP_FROM = 1 << 12;
const LOOKUP_RANGE = 1 << 16;

/**
 * Scores many raw values at once under break points (the rule of {@link scoreValue}): 1 + the number of break
 * points a value is past (`>` for right-closed, `≥` for left-closed), turned around (k + 1 − score) when
 * `reversed`. Break points are non-decreasing, so the count stops at the first one the value is not past; long
 * columns of whole numbers in a narrow range (days, orders) are scored once per distinct value.
 *
 * @param values - The raw values (days, orders, minor units).
 * @param scoring - The break points and their rule.
 * @returns The scores 1..k, where k is the number of break points + 1, in the order of `values`.
 *
 * @example
 * ```ts
 * const monetary = { method: "fixed", closed: "right", breaks: [100, 500], reversed: false } as const;
 * Array.from(scoreColumn([100, 101, 9000], monetary)); // => [1, 2, 3]
 * ```
 */
export function scoreColumn(values: ArrayLike<number>, scoring: ScoreBreaks): Uint8Array {
  const breaks = Float64Array.from(scoring.breaks);
  const count = breaks.length;
  const n = values.length;
  const scores = new Uint8Array(n);
  // Left-closed: value ≥ b counts, i.e. b ≤ value; right-closed: b < value. Counting past breaks from the low end.
  const leftClosed = scoring.closed === "left";
  const scoreOf = (value: number) => {
    let past = 0;
    if (leftClosed) while (past < count && (breaks[past] as number) <= value) past++;
    else while (past < count && (breaks[past] as number) < value) past++;
    return scoring.reversed ? count + 1 - past : past + 1;
  };
  // Whole numbers in a narrow range (days, orders) are scored once per distinct value, then looked up.
  const range = n >= LOOKUP_FROM ? valueRange(values) : undefined;
  if (range?.whole && range.max - range.min < LOOKUP_RANGE) {
    const { min, max } = range;
    const lookup = new Uint8Array(max - min + 1);
    for (let v = min; v <= max; v++) lookup[v - min] = scoreOf(v);
    for (let i = 0; i < n; i++) scores[i] = lookup[(values[i] as number) - min] as number;
  } else for (let i = 0; i < n; i++) scores[i] = scoreOf(values[i] as number);
  return scores;
}
