import { metricSource } from "./metricSource.js";
import type { TierPolicy } from "./tierPolicySchema.js";

/**
 * The metrics a checked policy reads: those of its dimensions, its gates and rules (not `score` nor
 * `dimension.NAME`) and its ABC metric, each once, in that order. A caller computes only the inputs these need
 * (the command line reads the growth features of a transaction file only when a growth metric is named).
 *
 * @param policy - The policy, checked ({@link parseTierPolicy}).
 * @returns The metric names.
 *
 * @example
 * ```ts
 * policyMetricNames(TIER_PRESETS.abc); // => ["revenue"]
 * ```
 */
export function policyMetricNames(policy: TierPolicy): string[] {
  const names = new Set<string>();
  for (const dimension of policy.dimensions) for (const metric of dimension.metrics) names.add(metric.metric);
  const conditions = policy.tiers.flatMap((tier) => tier.gates ?? []);
  if (policy.assignment.method === "rules")
    conditions.push(...policy.assignment.rules.flatMap((rule) => rule.when));
  for (const condition of conditions) {
    if (metricSource(condition.metric, policy) !== undefined) names.add(condition.metric);
  }
  if (policy.assignment.method === "abc") names.add(policy.assignment.metric);
  return [...names];
}
