/**
 * How raw values were cut into scores 1..k:
 * - `quantile` — type-7 quantiles at 1/k … (k−1)/k; a value scores 1 + the number of break points it exceeds
 *   (right-closed intervals `(b[j−1], b[j]]`), so equal values always get the same score.
 * - `rfm-package` — R rfm's rule (`rfm_table_customer`, its `bins()` helper): break points are the type-7
 *   quantiles plus 1 (one day, one order, one major currency unit), intervals are left-closed `[b[j−1], b[j])`:
 *   a value must reach a quantile + 1 to score above it. Equal values get the same score.
 * - `ntile` — equal-count tiles: a value scores ⌊k · (number of values strictly below it) / n⌋ + 1, so ties share
 *   the tile of their first position; without ties every score has ⌊n/k⌋ or ⌈n/k⌉ customers.
 * - `ckmeans` — natural breaks: optimal 1-D k-means (Wang & Song's Ckmeans.1d.dp, simple-statistics); a break is
 *   the largest value of a cluster.
 * - `fixed` — the user's break points.
 * - `mean` / `median` — two scores, high (2) and low (1), split at the portfolio's arithmetic mean or its median
 *   (type 7: the middle value, or the average of the two middle ones) — the Chinese 8-class model
 *   ({@link RFM_EIGHT_CLASS_SEGMENTS}). A value exactly at the split point is low on every measure: high means
 *   strictly better than the mean, so frequency and monetary are right-closed (value ≤ b scores 1) and the
 *   reversed recency is left-closed (days ≥ b score 1, days < b score 2).
 *
 * @example
 * ```ts
 * const recency: ScoreBreaks = { method: "quantile", closed: "right", breaks: [9, 30, 81, 200], reversed: true };
 * ```
 */
export interface ScoreBreaks {
  /** The scoring method. */
  method: ScoreMethod;
  /** `right`: value ≤ b[j] scores at most j; `left`: value < b[j] scores at most j. */
  closed: "left" | "right";
  /** The k − 1 break points, non-decreasing. */
  breaks: number[];
  /** Whether low values get high scores (recency: few days since the last purchase = high score). */
  reversed: boolean;
}

/**
 * The scoring methods of {@link ScoreBreaks}.
 *
 * @example
 * ```ts
 * const method: ScoreMethod = "ntile";
 * ```
 */
export type ScoreMethod = "quantile" | "rfm-package" | "ntile" | "ckmeans" | "fixed" | "mean" | "median";

/**
 * Every {@link ScoreMethod} (for flags and forms).
 *
 * @example
 * ```ts
 * SCORE_METHODS.includes("ckmeans"); // => true
 * SCORE_METHODS.includes("median"); // => true
 * ```
 */
export const SCORE_METHODS: readonly ScoreMethod[] = [
  "quantile",
  "rfm-package",
  "ntile",
  "ckmeans",
  "fixed",
  "mean",
  "median",
];
