import type { ScoreBreaks } from "../rfm/ScoreMethod.js";

/**
 * The raw values that earn a score, written as an inequality on `x`: `x ≤ 9`, `9 < x ≤ 30`, `x > 200` for
 * right-closed breaks (`<` and `≥` swap for left-closed ones); for reversed breaks (recency) the highest score has
 * the lowest values. `—` when there are no break points (a single score covers every value).
 *
 * @param scoring - The break points and their rule ({@link ScoreBreaks}).
 * @param score - The score, 1..k.
 * @param format - Writes a break point (e.g. as money).
 * @returns The inequality.
 *
 * @example
 * ```ts
 * const recency = { method: "quantile", closed: "right", breaks: [9, 30, 81, 200], reversed: true } as const;
 * scoreRangeText(recency, 5, String); // => "x ≤ 9"
 * scoreRangeText(recency, 4, String); // => "9 < x ≤ 30"
 * scoreRangeText(recency, 1, String); // => "x > 200"
 * ```
 */
export function scoreRangeText(
  scoring: ScoreBreaks,
  score: number,
  format: (value: number) => string,
): string {
  const { breaks } = scoring;
  const k = breaks.length + 1;
  const position = scoring.reversed ? k - score : score - 1;
  const lower = position > 0 ? breaks[position - 1] : undefined;
  const upper = position < k - 1 ? breaks[position] : undefined;
  const [below, above] = scoring.closed === "right" ? ["<", "≤"] : ["≤", "<"];
  if (lower !== undefined && upper !== undefined)
    return `${format(lower)} ${below} x ${above} ${format(upper)}`;
  if (upper !== undefined) return `x ${above} ${format(upper)}`;
  if (lower !== undefined) return `x ${scoring.closed === "right" ? ">" : "≥"} ${format(lower)}`;
  return "—";
}
