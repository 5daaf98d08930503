import type { ScoreBreaks } from "./ScoreMethod.js";

/**
 * Scores many raw values at once under break points (the rule of {@link scoreValue}): 1 + the number of break
 * points a value is past (`>` for right-closed, `≥` for left-closed), turned around (k + 1 − score) when
 * `reversed`. Break points are non-decreasing, so the count stops at the first one the value is not past.
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
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    let past = 0;
    if (leftClosed) while (past < count && (breaks[past] as number) <= value) past++;
    else while (past < count && (breaks[past] as number) < value) past++;
    scores[i] = scoring.reversed ? count + 1 - past : past + 1;
  }
  return scores;
}
