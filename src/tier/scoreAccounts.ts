import type { Issue } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import type { LazyList } from "../signals/LazyList.js";
import { metricSource } from "./metricSource.js";
import { normaliseColumn } from "./normaliseColumn.js";
import { parseTierPolicy } from "./parseTierPolicy.js";
import { policyMetricNames } from "./policyMetricNames.js";
import type { TierInput } from "./TierInput.js";
import type { MissingRule, TierPolicy } from "./tierPolicySchema.js";

/**
 * One metric of a dimension as scored: its place in the policy and its points per account.
 *
 * @example
 * ```ts
 * const metric: ScoredMetric = card.metrics[0] as ScoredMetric;
 * [metric.metric, metric.points[0]]; // => ["revenue", 50]
 * ```
 */
export interface ScoredMetric {
  /** The index of its dimension in `policy.dimensions`. */
  dimension: number;
  /** The metric's name. */
  metric: string;
  /** Its weight in the dimension, as the policy gives it. */
  weight: number;
  /** The missing-value rule that applies to it. */
  missing: MissingRule;
  /** Points 0..100 per account (a missing value gets 50 when neutral, 0 when zero); NaN when excluded. */
  points: Float64Array;
}

/**
 * The scorecard of a portfolio, as columns: entry i of every column is account i of `ids` (input order). The
 * normalised metrics are computed once here; {@link assignTiers} only maps scores to tiers, so a threshold change
 * re-tiers without re-scoring.
 *
 * @example
 * ```ts
 * const card: Scorecard = scoreAccounts(inputs, TIER_PRESETS["vip-gold-silver-bronze"]);
 * card.score.length === inputs.length; // => true
 * ```
 */
export interface Scorecard {
  /** The policy the accounts were scored with. */
  policy: TierPolicy;
  /** The accounts' ids, in input order. */
  ids: string[];
  /** The total score, 0..100. */
  score: Float64Array;
  /** Per policy dimension, each account's dimension score 0..100; NaN when all its metrics were excluded. */
  dimensionScores: Float64Array[];
  /** Every metric of every dimension, in policy order, with its points. */
  metrics: ScoredMetric[];
  /**
   * The raw value of every metric the policy names (scorecard, gates, rules, ABC) and of `revenue` and `tenure`,
   * by name; NaN marks a missing value.
   */
  values: ReadonlyMap<string, Float64Array>;
  /** `rating.out-of-range` for each rating outside its declared range (it counts as missing). */
  issues: Issue[];
}

/**
 * Scores every account on the policy's scorecard. Each metric's raw value is read from the stages' outputs
 * ({@link TIER_METRICS}) or the manager's ratings, normalised by its method and direction to points 0..100
 * (missing values by the missing-value rule); a dimension's score is the weighted mean of its metrics' points, the
 * total the weighted mean of the dimension scores. An excluded metric (or a dimension with every metric
 * excluded) is left out and the others are re-weighted; an account with nothing to score scores 0. Read one
 * account's breakdown with {@link explainScore}.
 *
 * @param inputs - The accounts: an array, or a {@link LazyList} that makes each when read (each is read once).
 * @param policy - The tier policy (checked here with {@link parseTierPolicy}).
 * @returns The scorecard, as columns.
 * @throws {KeyAccountError} when the policy is not valid, listing every problem.
 *
 * @example
 * ```ts
 * const policy = TIER_PRESETS.abc;
 * const card = scoreAccounts(
 *   [100, 300, 200].map((revenueMinor, i) => ({ id: `C${i}`, features: { revenueMinor } as CustomerFeatures })),
 *   policy,
 * );
 * Array.from(card.score); // => [0, 100, 50]
 * ```
 */
export function scoreAccounts(
  inputs: readonly TierInput[] | LazyList<TierInput>,
  policy: TierPolicy,
): Scorecard {
  const checked = parseTierPolicy(policy);
  const n = inputs.length;
  const ids = new Array<string>(n);
  // Revenue (for the migration) and tenure (for the grace period) are read whether the policy names them or not.
  const read = [...new Set(["revenue", "tenure", ...policyMetricNames(checked)])].flatMap((name) => {
    const source = metricSource(name, checked);
    return source === undefined ? [] : [{ name, source, column: new Float64Array(n), issues: [] as Issue[] }];
  });
  // Each account is read once for all its metrics: a list that makes its inputs when read makes each once.
  for (let i = 0; i < n; i++) {
    const input = inputs.at(i) as TierInput;
    ids[i] = input.id;
    for (const { name, source, column, issues } of read) {
      const value = source.read(input);
      const range = source.range;
      if (value === undefined || !Number.isFinite(value)) column[i] = Number.NaN;
      else if (range !== undefined && (value < range.min || value > range.max)) {
        column[i] = Number.NaN;
        issues.push(
          makeIssue("rating.out-of-range", [input.id, name], {
            field: name,
            value,
            min: range.min,
            max: range.max,
          }),
        );
      } else column[i] = value;
    }
  }
  const values = new Map(read.map(({ name, column }) => [name, column]));
  const issues = read.flatMap((metric) => metric.issues);
  const metrics: ScoredMetric[] = [];
  const dimensionScores: Float64Array[] = [];
  const totalWeighted = new Float64Array(n);
  const totalWeight = new Float64Array(n);
  const weights = new Float64Array(n);
  checked.dimensions.forEach((dimension, d) => {
    const weighted = new Float64Array(n);
    weights.fill(0);
    for (const entry of dimension.metrics) {
      const source = metricSource(entry.metric, checked);
      const higherIsBetter = entry.direction
        ? entry.direction === "higher"
        : (source?.higherIsBetter ?? true);
      const missing = entry.missing ?? checked.missing ?? "neutral";
      const points = normaliseColumn(
        values.get(entry.metric) as Float64Array,
        entry.normalise,
        higherIsBetter,
      );
      const fill = missing === "neutral" ? 50 : missing === "zero" ? 0 : Number.NaN;
      for (let i = 0; i < n; i++) {
        const p = points[i] as number;
        const value = Number.isNaN(p) ? fill : p * 100;
        points[i] = value;
        if (!Number.isNaN(value)) {
          weighted[i] = (weighted[i] as number) + entry.weight * value;
          weights[i] = (weights[i] as number) + entry.weight;
        }
      }
      metrics.push({ dimension: d, metric: entry.metric, weight: entry.weight, missing, points });
    }
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      const score = w > 0 ? (weighted[i] as number) / w : Number.NaN;
      weighted[i] = score;
      if (!Number.isNaN(score)) {
        totalWeighted[i] = (totalWeighted[i] as number) + dimension.weight * score;
        totalWeight[i] = (totalWeight[i] as number) + dimension.weight;
      }
    }
    dimensionScores.push(weighted);
  });
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = totalWeight[i] as number;
    score[i] = w > 0 ? Math.min(100, Math.max(0, (totalWeighted[i] as number) / w)) : 0;
  }
  return { policy: checked, ids, score, dimensionScores, metrics, values, issues };
}
