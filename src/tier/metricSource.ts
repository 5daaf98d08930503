import type { TierInput } from "./TierInput.js";
import { TIER_METRICS } from "./tierMetrics.js";
import type { TierPolicy } from "./tierPolicySchema.js";

/**
 * Where a metric name's raw value comes from, and which way is better by default.
 *
 * @example
 * ```ts
 * const source: MetricSource = { read: (input) => input.features?.orderCount, higherIsBetter: true };
 * ```
 */
export interface MetricSource {
  /** Reads the raw value; `undefined` when missing. */
  read(input: TierInput): number | undefined;
  /** The default direction. */
  higherIsBetter: boolean;
  /** For a rating: its declared range (values outside are missing). */
  range?: { min: number; max: number } | undefined;
}

/**
 * Resolves a metric name of a policy: a built-in metric of {@link TIER_METRICS} or a declared rating
 * `rating.NAME`; `undefined` when the name is neither.
 *
 * @param name - The metric's name.
 * @param policy - The policy (for its ratings).
 * @returns The source, or `undefined`.
 *
 * @example
 * ```ts
 * metricSource("rating.fit", { ...policy, ratings: [{ name: "fit", min: 1, max: 5 }] })?.range; // => { min: 1, max: 5 }
 * metricSource("colour", policy); // => undefined
 * ```
 */
export function metricSource(name: string, policy: Pick<TierPolicy, "ratings">): MetricSource | undefined {
  if (Object.hasOwn(TIER_METRICS, name)) return TIER_METRICS[name as keyof typeof TIER_METRICS];
  if (!name.startsWith("rating.")) return undefined;
  const ratingName = name.slice("rating.".length);
  const rating = policy.ratings?.find((declared) => declared.name === ratingName);
  if (rating === undefined) return undefined;
  return {
    read: (input) => {
      const ratings = input.ratings;
      return ratings !== undefined && Object.hasOwn(ratings, ratingName) ? ratings[ratingName] : undefined;
    },
    higherIsBetter: true,
    range: { min: rating.min, max: rating.max },
  };
}
