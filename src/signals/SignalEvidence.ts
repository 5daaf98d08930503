import type { ComparisonOperator } from "./signalPolicySchema.js";

/**
 * Why a condition held: one tested metric, its value, and what it was tested against. With a `ref` condition the
 * threshold is the computed `ref × times + plus`, and `ref` says where it came from. `negated` marks the parts of a
 * `not` (which held because this part did not).
 *
 * @example
 * ```ts
 * const evidence: SignalEvidence = {
 *   metric: "daysSinceLastPurchase", value: 75, test: ">", threshold: 64,
 *   ref: { metric: "purchaseInterval", value: 32, times: 2, plus: 0 },
 * };
 * ```
 */
export interface SignalEvidence {
  /** The metric tested. */
  metric: string;
  /** Its value for the account (`undefined`: missing). */
  value: number | string | undefined;
  /** The test: a comparison, `between`, `in` or `missing`. */
  test: ComparisonOperator | "between" | "in" | "missing";
  /** What the value was tested against. */
  threshold: number | [number, number] | (string | number)[] | boolean | undefined;
  /** For a comparison with another metric: that metric, its value, and the factor and offset applied. */
  ref?: { metric: string; value: number; times: number; plus: number } | undefined;
  /** True for the parts of a `not`. */
  negated?: boolean | undefined;
}
