import * as z from "zod/mini";

/**
 * What a missing metric value counts as: `neutral` (the middle, 50 points), `zero` (the worst, 0 points) or
 * `exclude` (left out; the other metrics of its dimension — or, when a whole dimension is missing, the other
 * dimensions — are re-weighted).
 *
 * @example
 * ```ts
 * const rule: MissingRule = "exclude";
 * ```
 */
export type MissingRule = "neutral" | "zero" | "exclude";

/**
 * One band of a `bands` normalisation: values from `from` up to the next band's `from` get `points` (0..100).
 *
 * @example
 * ```ts
 * const band: ScoreBand = { from: 31, points: 70 }; // 31 days and more to pay: 70 points
 * ```
 */
export interface ScoreBand {
  /** The lowest value of the band. */
  from: number;
  /** The points a value in the band gets, 0..100. */
  points: number;
}

/**
 * How a metric's raw value becomes a normalised value in 0..1 (then points 0..100):
 * - `percentile`: the mid-rank percentile in the portfolio, (below + (equal − 1) / 2) ÷ (n − 1), ties share;
 * - `minMax`: (x − min) ÷ (max − min) with x capped to [min, max]; a bound left out is the portfolio's;
 * - `log`: ln(1 + x − min) ÷ ln(1 + max − min), x capped, for heavy-tailed money metrics;
 * - `bands`: fixed thresholds → points (below the first band: 0 points).
 * The metric's direction turns the first three (lower is better: 1 − value); bands give their points as written.
 *
 * @example
 * ```ts
 * const byRevenue: Normalisation = { method: "log", min: 0, max: 100_000_000 };
 * const byNps: Normalisation = { method: "bands", bands: [{ from: 0, points: 0 }, { from: 7, points: 50 }, { from: 9, points: 100 }] };
 * ```
 */
export type Normalisation =
  | { method: "percentile" }
  | { method: "minMax"; min?: number | undefined; max?: number | undefined }
  | { method: "log"; min?: number | undefined; max?: number | undefined }
  | { method: "bands"; bands: ScoreBand[] };

/**
 * One metric of a dimension: which metric, its weight in the dimension, how it is normalised.
 *
 * @example
 * ```ts
 * const metric: PolicyMetric = { metric: "grossMargin", weight: 40, normalise: { method: "percentile" }, missing: "exclude" };
 * ```
 */
export interface PolicyMetric {
  /** A metric of {@link TIER_METRICS} or a declared rating `rating.NAME`. */
  metric: string;
  /** Its weight within the dimension (≥ 0; weights are relative). */
  weight: number;
  /** How the raw value becomes points. */
  normalise: Normalisation;
  /** Which way is better; default the metric's own ({@link TierMetric}`.higherIsBetter`). */
  direction?: "higher" | "lower" | undefined;
  /** What a missing value counts as; default the policy's `missing`. */
  missing?: MissingRule | undefined;
}

/**
 * A scorecard dimension (value, cooperation, growth, loyalty, strategic fit, credit …): weighted metrics.
 *
 * @example
 * ```ts
 * const value: PolicyDimension = {
 *   name: "value", weight: 50,
 *   metrics: [{ metric: "revenue", weight: 1, normalise: { method: "log", min: 0, max: 500000000 } }],
 * };
 * ```
 */
export interface PolicyDimension {
  /** The dimension's name. */
  name: string;
  /** Its weight in the total score (≥ 0; weights are relative). */
  weight: number;
  /** Its metrics. */
  metrics: PolicyMetric[];
}

/**
 * A condition on one value, for gates and rules: `min ≤ value ≤ max` (either bound may be left out; a missing
 * value fails). `metric` is a metric name, `score` (the total) or `dimension.NAME` (a dimension's score).
 *
 * @example
 * ```ts
 * const creditGate: TierCondition = { metric: "dimension.credit", min: 30 };
 * ```
 */
export interface TierCondition {
  /** The value tested. */
  metric: string;
  /** The lowest value that passes. */
  min?: number | undefined;
  /** The highest value that passes. */
  max?: number | undefined;
}

/**
 * A tier, best first in the policy's list; the last tier is the base tier that takes everyone else.
 *
 * @example
 * ```ts
 * const strategic: PolicyTier = { name: "strategic", gates: [{ metric: "qualified", min: 1 }] };
 * ```
 */
export interface PolicyTier {
  /** The tier's name (a code a CRM labels, e.g. `strategic`, `vip`, `A`). */
  name: string;
  /** What people call the tier, by language (e.g. `{ "en": "Strategic account", "zh-CN": "战略客户" }`); default the name. */
  label?: { en?: string | undefined; "zh-CN"?: string | undefined } | undefined;
  /** Conditions every account of this tier must meet; one that fails drops to the next tier. */
  gates?: TierCondition[] | undefined;
}

/**
 * How accounts are put in tiers:
 * - `thresholds`: a minimum score per tier (every tier but the base tier, best first, strictly falling);
 * - `shares`: the top share of accounts by score per tier (e.g. 0.05 = the top 5 %), ties by id;
 * - `abc`: ABC classes on a value metric (three tiers; cut-offs of the cumulative share, default 0.8 and 0.95);
 * - `rules`: ordered rules, the first whose conditions all hold decides; no match is the base tier.
 *
 * @example
 * ```ts
 * const byShares: TierAssignmentMethod = {
 *   method: "shares", shares: [{ tier: "strategic", share: 0.05 }, { tier: "key", share: 0.15 }],
 * };
 * ```
 */
export type TierAssignmentMethod =
  | { method: "thresholds"; thresholds: { tier: string; minScore: number }[] }
  | { method: "shares"; shares: { tier: string; share: number }[] }
  | { method: "abc"; metric: string; cutoffs?: [number, number] | undefined }
  | { method: "rules"; rules: { tier: string; when: TierCondition[] }[] };

/**
 * Hysteresis against the previous assignment. An account moves up only when it passes the higher tier's cut by
 * `upMargin`; it moves down at once when it falls more than `downMargin` past its tier's cut; otherwise it moves
 * down only after `downPeriods` consecutive periods below. The cut and the margins are in the method's own units:
 * score points around the threshold (`thresholds`) or around this run's cut-off score, the score of the last
 * account within the tier's share (`shares`); percentage points of the cumulative share around the cut-off
 * (`abc`: with cut-off 80 % and `upMargin` 5, a B account becomes A only when the accounts ranked before it hold
 * 75 % or less). `rules` have no cut: only `downPeriods` applies.
 *
 * @example
 * ```ts
 * const hysteresis: Hysteresis = { upMargin: 2, downMargin: 10, downPeriods: 2 };
 * ```
 */
export interface Hysteresis {
  /** Points (score points; percentage points with `abc`) past a higher tier's cut needed to move up; default 0. */
  upMargin?: number | undefined;
  /** Points (score points; percentage points with `abc`) past the tier's cut that move down at once; default none. */
  downMargin?: number | undefined;
  /** Consecutive periods below the tier before moving down; default 1 (at once). */
  downPeriods?: number | undefined;
}

/**
 * The tier policy, one JSON document: the ratings managers enter, the scorecard's dimensions and metrics, the
 * tiers (best first), how accounts are assigned, hysteresis and the new-account grace period.
 *
 * @example
 * ```ts
 * const policy: TierPolicy = {
 *   version: 1,
 *   name: "two tiers by revenue",
 *   dimensions: [{ name: "value", weight: 1, metrics: [{ metric: "revenue", weight: 1, normalise: { method: "percentile" } }] }],
 *   tiers: [{ name: "key" }, { name: "ordinary" }],
 *   assignment: { method: "thresholds", thresholds: [{ tier: "key", minScore: 80 }] },
 * };
 * ```
 */
export interface TierPolicy {
  /** The version of the policy format: 1. */
  version: 1;
  /** The policy's name. */
  name: string;
  /** The manager-entered ratings the policy uses, read as metrics `rating.NAME`; values outside min..max are missing. */
  ratings?: { name: string; min: number; max: number }[] | undefined;
  /** What a missing metric value counts as, unless a metric says otherwise; default `neutral`. */
  missing?: MissingRule | undefined;
  /** The scorecard. */
  dimensions: PolicyDimension[];
  /** The tiers, best first (at least two). */
  tiers: PolicyTier[];
  /** How accounts are put in tiers. */
  assignment: TierAssignmentMethod;
  /** Hysteresis against the previous assignment. */
  hysteresis?: Hysteresis | undefined;
  /** Accounts younger than `graceDays` (metric `tenure`) are not placed below `tier`, nor below their previous tier. */
  newAccounts?: { graceDays: number; tier: string } | undefined;
}

// The schema, strict (unknown keys are errors) or salvaging: unknown keys dropped, and every field and list entry
// that does not parse read as undefined (the rest kept), so the checks of parseTierPolicy can run on every part
// that is well-formed. Lists keep their length there (a broken entry keeps its index for the JSON paths).
/* @__NO_SIDE_EFFECTS__ */
function policySchema(strict: boolean): z.ZodMiniType<unknown> {
  const part = (schema: z.ZodMiniType): z.ZodMiniType => (strict ? schema : z.catch(schema, undefined));
  // The discriminator of a union is kept as it is: the union picks its option by it.
  const object = (shape: Record<string, z.ZodMiniType>): z.ZodMiniObject =>
    strict
      ? z.strictObject(shape)
      : z.object(
          Object.fromEntries(
            Object.entries(shape).map(([key, field]) => [key, key === "method" ? field : part(field)]),
          ),
        );
  const list = (item: z.ZodMiniType, min: number): z.ZodMiniType =>
    strict ? z.array(item).check(z.minLength(min)) : z.array(part(item));
  const name = z.string().check(z.minLength(1));
  const finite = z.number();
  const weight = z.number().check(z.nonnegative());
  const share = z.number().check(z.positive(), z.maximum(1));
  const missing = z.optional(z.enum(["neutral", "zero", "exclude"]));
  const bounds = { min: z.optional(finite), max: z.optional(finite) };
  const condition = object({ metric: name, ...bounds });
  const normalise = z.discriminatedUnion("method", [
    object({ method: z.literal("percentile") }),
    object({ method: z.literal("minMax"), ...bounds }),
    object({ method: z.literal("log"), ...bounds }),
    object({
      method: z.literal("bands"),
      bands: list(object({ from: finite, points: z.number().check(z.minimum(0), z.maximum(100)) }), 1),
    }),
  ]);
  const metric = object({
    metric: name,
    weight,
    normalise,
    direction: z.optional(z.enum(["higher", "lower"])),
    missing,
  });
  const assignment = z.discriminatedUnion("method", [
    object({
      method: z.literal("thresholds"),
      thresholds: list(object({ tier: name, minScore: z.number().check(z.minimum(0), z.maximum(100)) }), 0),
    }),
    object({ method: z.literal("shares"), shares: list(object({ tier: name, share }), 0) }),
    object({ method: z.literal("abc"), metric: name, cutoffs: z.optional(z.tuple([share, share])) }),
    object({
      method: z.literal("rules"),
      rules: list(object({ tier: name, when: list(condition, 1) }), 0),
    }),
  ]);
  return object({
    version: z.literal(1),
    name,
    ratings: z.optional(list(object({ name, min: finite, max: finite }), 0)),
    missing,
    dimensions: list(object({ name, weight, metrics: list(metric, 1) }), 1),
    tiers: list(
      object({
        name,
        label: z.optional(object({ en: z.optional(name), "zh-CN": z.optional(name) })),
        gates: z.optional(list(condition, 0)),
      }),
      2,
    ),
    assignment,
    hysteresis: z.optional(
      object({
        upMargin: z.optional(weight),
        downMargin: z.optional(weight),
        downPeriods: z.optional(z.number().check(z.int(), z.minimum(1))),
      }),
    ),
    newAccounts: z.optional(object({ graceDays: z.number().check(z.int(), z.nonnegative()), tier: name })),
  });
}

/**
 * The zod schema of a {@link TierPolicy}: its shape, with unknown keys (`__proto__` and `constructor`
 * included) as errors. What the shape cannot say — metric names, the order of thresholds, weights that add up
 * to 0 — is checked by {@link parseTierPolicy}. Turn it into a JSON Schema for a CRM's settings form with
 * `z.toJSONSchema(tierPolicySchema())` (zod/mini), as `keyaccount policy --schema` does.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * z.safeParse(tierPolicySchema(), TIER_PRESETS.abc).success; // => true
 * z.safeParse(tierPolicySchema(), { ...TIER_PRESETS.abc, colour: "red" }).success; // => false
 * z.toJSONSchema(tierPolicySchema()).required; // => ["version", "name", "dimensions", "tiers", "assignment"]
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function tierPolicySchema(): z.ZodMiniType<TierPolicy> {
  return policySchema(true) as z.ZodMiniType<TierPolicy>;
}

/**
 * The same shape as {@link tierPolicySchema}, salvaging: unknown keys are dropped rather than reported, and a
 * field or list entry that does not parse is read as `undefined` while the rest is kept. {@link parseTierPolicy}
 * uses it to check the well-formed parts of a document that has structural problems, so every problem —
 * a wrongly typed field and an unknown metric elsewhere — is reported at once.
 *
 * @returns A zod/mini schema; its output is the document with `undefined` wherever a part did not parse
 * (`undefined` itself when the document is not an object).
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const salvaged = z.parse(salvageTierPolicySchema(), { ...TIER_PRESETS.abc, name: 7, colour: "red" });
 * (salvaged as TierPolicy).name; // => undefined
 * (salvaged as TierPolicy).tiers.length; // => 3
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function salvageTierPolicySchema(): z.ZodMiniType<unknown> {
  return z.catch(policySchema(false), undefined);
}
