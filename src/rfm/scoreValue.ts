import type { ScoreBreaks } from "./ScoreMethod.js";

/**
 * The score 1..k of one raw value under break points (see {@link ScoreBreaks}): 1 + the number of break points
 * the value is past (`>` for right-closed, `≥` for left-closed), turned around (k + 1 − score) when `reversed`.
 *
 * @param value - The raw value (days, orders, minor units).
 * @param scoring - The break points and their rule.
 * @returns The score, 1..k where k is the number of break points + 1.
 *
 * @example
 * ```ts
 * const monetary = { method: "fixed", closed: "right", breaks: [100, 500], reversed: false } as const;
 * scoreValue(100, monetary); // => 1
 * scoreValue(101, monetary); // => 2
 * scoreValue(9000, { ...monetary, reversed: true }); // => 1
 * ```
 */
export function scoreValue(value: number, scoring: ScoreBreaks): number {
  const { breaks } = scoring;
  let score = 1;
  if (scoring.closed === "right") {
    for (let j = 0; j < breaks.length; j++) if (value > (breaks[j] as number)) score++;
  } else {
    for (let j = 0; j < breaks.length; j++) if (value >= (breaks[j] as number)) score++;
  }
  return scoring.reversed ? breaks.length + 2 - score : score;
}
