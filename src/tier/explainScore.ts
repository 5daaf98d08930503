import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import type { Scorecard } from "./scoreAccounts.js";
import type { MissingRule } from "./tierPolicySchema.js";

/**
 * One metric of one account's score.
 *
 * @example
 * ```ts
 * const metric: MetricBreakdown = { metric: "revenue", raw: 500, normalised: 0.5, points: 50, weight: 0.45, contribution: 22.5 };
 * ```
 */
export interface MetricBreakdown {
  /** The metric's name. */
  metric: string;
  /** The raw value; absent when missing. */
  raw?: number | undefined;
  /** The normalised value 0..1 (1 = best); absent when missing. */
  normalised?: number | undefined;
  /** The points 0..100 (a missing value: 50 when neutral, 0 when zero); absent when excluded. */
  points?: number | undefined;
  /** The missing-value rule applied, when the value is missing. */
  missing?: MissingRule | undefined;
  /** Its effective weight in the total score (0..1; 0 when excluded): dimension share × share in the dimension. */
  weight: number;
  /** Weight × points: what it adds to the total score. */
  contribution: number;
}

/**
 * One dimension of one account's score.
 *
 * @example
 * ```ts
 * const dimension: DimensionBreakdown = { name: "credit", weight: 0.25, score: 0, contribution: 0, metrics: [] };
 * ```
 */
export interface DimensionBreakdown {
  /** The dimension's name. */
  name: string;
  /** Its effective weight in the total score (0..1; 0 when excluded). */
  weight: number;
  /** Its score 0..100; absent when every metric was excluded. */
  score?: number | undefined;
  /** Weight × score: what it adds to the total score (the sum of its metrics' contributions). */
  contribution: number;
  /** Its metrics. */
  metrics: MetricBreakdown[];
}

/**
 * Why an account scored what it did: every dimension and metric with its raw value, points and contribution.
 *
 * @example
 * ```ts
 * const breakdown: ScoreBreakdown = explainScore(card, "C-001");
 * breakdown.dimensions.reduce((sum, d) => sum + d.contribution, 0); // => breakdown.score (up to rounding)
 * ```
 */
export interface ScoreBreakdown {
  /** The account's id. */
  id: string;
  /** The total score 0..100: the sum of the dimensions' contributions. */
  score: number;
  /** The dimensions, in policy order. */
  dimensions: DimensionBreakdown[];
}

/**
 * One account's full score breakdown: for each dimension its effective weight, score and contribution, and for
 * each metric its raw value, normalised value, points, effective weight and contribution. The contributions of
 * the metrics add up to their dimension's, and the dimensions' to the score (up to floating-point rounding).
 *
 * @param scorecard - The scorecard ({@link scoreAccounts}).
 * @param id - The account's id.
 * @returns The breakdown.
 * @throws {KeyAccountError} when no account has the id (`reference.unknown-customer`).
 *
 * @example
 * ```ts
 * const card = scoreAccounts([{ id: "A", features: { revenueMinor: 5 } as CustomerFeatures }], TIER_PRESETS.abc);
 * explainScore(card, "A").dimensions[0]?.metrics[0];
 * // => { metric: "revenue", raw: 5, normalised: 0.5, points: 50, weight: 1, contribution: 50 }
 * ```
 */
export function explainScore(scorecard: Scorecard, id: string): ScoreBreakdown {
  const i = scorecard.ids.indexOf(id);
  if (i < 0) throw new KeyAccountError([makeIssue("reference.unknown-customer", ["id"], { value: id })]);
  const { policy } = scorecard;
  const dimensionScore = (d: number): number => scorecard.dimensionScores[d]?.[i] as number;
  let totalWeight = 0;
  policy.dimensions.forEach((dimension, d) => {
    if (!Number.isNaN(dimensionScore(d))) totalWeight += dimension.weight;
  });
  const dimensions = policy.dimensions.map((dimension, d): DimensionBreakdown => {
    const score = dimensionScore(d);
    const included = !Number.isNaN(score) && totalWeight > 0;
    const share = included ? dimension.weight / totalWeight : 0;
    const entries = scorecard.metrics.filter((metric) => metric.dimension === d);
    let metricWeight = 0;
    for (const entry of entries) if (!Number.isNaN(entry.points[i] as number)) metricWeight += entry.weight;
    const metrics = entries.map((entry): MetricBreakdown => {
      const raw = scorecard.values.get(entry.metric)?.[i] as number;
      const points = entry.points[i] as number;
      const weight = included && !Number.isNaN(points) ? (share * entry.weight) / metricWeight : 0;
      const breakdown: MetricBreakdown = {
        metric: entry.metric,
        weight,
        contribution: weight === 0 ? 0 : weight * points,
      };
      if (Number.isNaN(raw)) breakdown.missing = entry.missing;
      else {
        breakdown.raw = raw;
        breakdown.normalised = points / 100;
      }
      if (!Number.isNaN(points)) breakdown.points = points;
      return breakdown;
    });
    const breakdown: DimensionBreakdown = { name: dimension.name, weight: share, contribution: 0, metrics };
    if (!Number.isNaN(score)) breakdown.score = score;
    breakdown.contribution = included ? share * score : 0;
    return breakdown;
  });
  return { id, score: scorecard.score[i] as number, dimensions };
}
