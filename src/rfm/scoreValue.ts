import type { ScoreBreaks } from "./ScoreMethod.js";
import { scoreColumn } from "./scoreColumn.js";

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
  return scoreColumn([value], scoring)[0] as number;
}
