import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import type { Issue, IssuePath } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { metricSource } from "./metricSource.js";
import {
  type PolicyMetric,
  salvageTierPolicySchema,
  type TierCondition,
  type TierPolicy,
  tierPolicySchema,
} from "./tierPolicySchema.js";

const RESERVED_NAMES = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);

// The schemas, built on first use and kept (they never change): building one takes milliseconds, parsing with it
// microseconds, and a what-if calculator checks a policy on every move of a slider.
let schemas: { strict: z.ZodMiniType<TierPolicy>; salvage: z.ZodMiniType<unknown> } | undefined;

// A document as the salvaging schema reads it: any field or list entry may be undefined (it did not parse).
type Salvaged<T> = T extends readonly (infer E)[]
  ? (Salvaged<E> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> | undefined }
    : T;

// Checks what the schema cannot: names, metric references, weights, bounds, the order of thresholds. Each check
// runs on the parts it needs when they parsed and is skipped otherwise, so a broken part hides nothing else.
function checkPolicy(policy: Salvaged<TierPolicy>): Issue[] {
  const issues: Issue[] = [];
  const add = (code: Issue["code"], path: IssuePath, params: Record<string, string | number>): void => {
    const full = ["policy", ...path];
    issues.push(makeIssue(code, full, { field: full.join("."), ...params }));
  };
  const ratings = policy.ratings ?? [];
  const dimensions = policy.dimensions ?? [];
  const tiers = policy.tiers ?? [];
  const checkNames = (list: readonly ({ name?: string | undefined } | undefined)[], key: string): void => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const name = entry?.name;
      if (name === undefined) return;
      if (RESERVED_NAMES.has(name)) add("policy.name.reserved", [key, index, "name"], { name });
      else if (seen.has(name)) add("policy.name.duplicate", [key, index, "name"], { name });
      seen.add(name);
    });
  };
  checkNames(tiers, "tiers");
  checkNames(dimensions, "dimensions");
  checkNames(ratings, "ratings");
  // A reference is checked only against a list whose every name parsed: a broken name may be the one meant.
  const namesOf = (list: readonly ({ name?: string | undefined } | undefined)[]): string[] | undefined => {
    const names = list.map((entry) => entry?.name);
    return names.every((name) => name !== undefined) ? (names as string[]) : undefined;
  };
  const tierNames = policy.tiers === undefined ? undefined : namesOf(tiers);
  const dimensionNames = new Set(namesOf(dimensions));
  const ratingNames = namesOf(ratings);
  // The ratings as metricSource reads them (only their names matter here).
  const declared = { ratings: (ratingNames ?? []).map((name) => ({ name, min: 0, max: 0 })) };
  const checkMetric = (metric: string | undefined, path: IssuePath, allowScores: boolean): void => {
    if (metric === undefined) return;
    if (metric.startsWith("rating.") && ratingNames === undefined) return;
    if (allowScores && metric.startsWith("dimension.") && namesOf(dimensions) === undefined) return;
    const known =
      metricSource(metric, declared) !== undefined ||
      (allowScores &&
        (metric === "score" ||
          (metric.startsWith("dimension.") && dimensionNames.has(metric.slice("dimension.".length)))));
    if (!known) add("policy.metric.unknown", path, { metric });
  };
  const checkRange = (min: number | undefined, max: number | undefined, path: IssuePath): void => {
    if (min !== undefined && max !== undefined && min > max) add("policy.range.order", path, { min, max });
  };
  const checkCondition = (condition: Salvaged<TierCondition> | undefined, path: IssuePath): void => {
    if (condition === undefined) return;
    checkMetric(condition.metric, [...path, "metric"], true);
    if (condition.min === undefined && condition.max === undefined) add("policy.condition.empty", path, {});
    checkRange(condition.min, condition.max, path);
  };
  // Whether a tier name is one of the policy's tiers; undefined when that cannot be told.
  const checkTier = (tier: string | undefined, path: IssuePath): boolean | undefined => {
    if (tier === undefined || tierNames === undefined) return undefined;
    const known = tierNames.includes(tier);
    if (!known) add("policy.tier.unknown", path, { tier });
    return known;
  };
  // Whether the tiers listed are known and in the policy's order; false when that cannot be told.
  const checkSequence = (
    listed: readonly ({ tier?: string | undefined } | undefined)[],
    key: string,
  ): boolean => {
    const known = listed.map((entry, index) => checkTier(entry?.tier, ["assignment", key, index, "tier"]));
    if (tierNames === undefined || !known.every((ok) => ok === true)) return false;
    const names = listed.map((entry) => entry?.tier as string);
    const expected = tierNames.slice(0, -1);
    if (names.join("\n") !== expected.join("\n")) {
      add("policy.tiers.sequence", ["assignment", key], {
        expected: expected.join(", "),
        actual: names.join(", ") || "none",
      });
      return false;
    }
    return true;
  };
  ratings.forEach((rating, index) => {
    checkRange(rating?.min, rating?.max, ["ratings", index]);
  });
  // Weights adding up to 0: told only when every weight parsed.
  const allZero = (weights: readonly (number | undefined)[]): boolean =>
    weights.every((weight) => weight === 0);
  if (policy.dimensions !== undefined && allZero(dimensions.map((dimension) => dimension?.weight))) {
    add("policy.weights.sum", ["dimensions"], {});
  }
  dimensions.forEach((dimension, d) => {
    const metrics = dimension?.metrics;
    if (metrics === undefined) return;
    if (allZero(metrics.map((metric) => metric?.weight))) {
      add("policy.weights.sum", ["dimensions", d, "metrics"], {});
    }
    metrics.forEach((metric, m) => {
      if (metric !== undefined) checkPolicyMetric(metric, ["dimensions", d, "metrics", m]);
    });
  });
  function checkPolicyMetric(metric: Salvaged<PolicyMetric>, path: IssuePath): void {
    checkMetric(metric.metric, [...path, "metric"], false);
    const normalise = metric.normalise;
    if (normalise === undefined) return;
    if (normalise.method === "minMax" || normalise.method === "log") {
      checkRange(normalise.min, normalise.max, [...path, "normalise"]);
    }
    if (normalise.method !== "bands" || normalise.bands === undefined) return;
    const bands = normalise.bands;
    // The direction the points must follow: unknown (not checked) for a metric that is broken or not known.
    const higher = metric.direction
      ? metric.direction === "higher"
      : metric.metric === undefined
        ? undefined
        : metricSource(metric.metric, declared)?.higherIsBetter;
    bands.forEach((band, b) => {
      const before = bands[b - 1];
      if (band === undefined || before === undefined) return;
      const bandPath = [...path, "normalise", "bands", b];
      if (band.from !== undefined && before.from !== undefined && band.from <= before.from) {
        add("policy.band.order", [...bandPath, "from"], { value: band.from, previous: before.from });
      }
      if (higher === undefined || band.points === undefined || before.points === undefined) return;
      if (higher ? band.points < before.points : band.points > before.points) {
        add("policy.band.points", [...bandPath, "points"], {
          value: band.points,
          previous: before.points,
          direction: higher ? "higher" : "lower",
        });
      }
    });
  }
  tiers.forEach((tier, t) => {
    tier?.gates?.forEach((gate, g) => {
      checkCondition(gate, ["tiers", t, "gates", g]);
    });
  });
  const assignment = policy.assignment;
  switch (assignment?.method) {
    case "thresholds": {
      const thresholds = assignment.thresholds;
      if (thresholds === undefined || !checkSequence(thresholds, "thresholds")) break;
      thresholds.forEach((threshold, index) => {
        const above = thresholds[index - 1];
        const value = threshold?.minScore;
        const previous = above?.minScore;
        if (value !== undefined && previous !== undefined && value >= previous) {
          add("policy.threshold.order", ["assignment", "thresholds", index, "minScore"], {
            tier: threshold?.tier as string,
            value,
            previousTier: above?.tier as string,
            previous,
          });
        }
      });
      break;
    }
    case "shares": {
      const shares = assignment.shares;
      if (shares === undefined) break;
      checkSequence(shares, "shares");
      const total = shares.reduce((sum, share) => sum + (share?.share ?? 0), 0);
      if (total > 1 + 1e-9) add("policy.share.total", ["assignment", "shares"], { total });
      break;
    }
    case "abc": {
      checkMetric(assignment.metric, ["assignment", "metric"], false);
      if (policy.tiers !== undefined && tiers.length !== 3) {
        add("option.invalid", ["tiers"], {
          reason: "ABC assignment gives three classes: give exactly three tiers",
        });
      }
      const [a, b] = assignment.cutoffs ?? [0.8, 0.95];
      checkRange(a, b, ["assignment", "cutoffs"]);
      break;
    }
    case "rules":
      assignment.rules?.forEach((rule, r) => {
        checkTier(rule?.tier, ["assignment", "rules", r, "tier"]);
        rule?.when?.forEach((condition, c) => {
          checkCondition(condition, ["assignment", "rules", r, "when", c]);
        });
      });
      break;
  }
  checkTier(policy.newAccounts?.tier, ["newAccounts", "tier"]);
  return issues;
}

/**
 * Checks a tier policy (e.g. parsed JSON) and returns it typed. Every problem is reported at once with its JSON
 * path: the shape ({@link tierPolicySchema}: unknown keys — `__proto__` and `constructor` included —, negative
 * weights, scores outside 0..100) and what the shape cannot say. The second kind is checked on every part that is
 * well-formed even when others are not (read with a salvaging schema): a wrongly typed field and an unknown
 * metric elsewhere are both reported; only a check that needs a broken part is skipped (a reference to a tier,
 * rating or dimension is not checked while a name of that list is broken).
 *
 * @param input - The candidate policy.
 * @returns The policy.
 * @throws {KeyAccountError} listing every problem: `field.unknown`, `option.invalid`, `policy.metric.unknown`
 * (a name that is not in {@link TIER_METRICS}, not a declared rating, not `score` or `dimension.NAME` where those
 * are allowed), `policy.tier.unknown`, `policy.name.duplicate`, `policy.name.reserved`, `policy.weights.sum`
 * (weights adding up to 0), `policy.threshold.order` (overlapping or unordered thresholds),
 * `policy.tiers.sequence`, `policy.share.total`, `policy.band.order`, `policy.band.points`, `policy.range.order`,
 * `policy.condition.empty`.
 *
 * @example
 * ```ts
 * parseTierPolicy(TIER_PRESETS.abc).tiers.map((tier) => tier.name); // => ["A", "B", "C"]
 * try {
 *   parseTierPolicy({ ...TIER_PRESETS.abc, assignment: { method: "abc", metric: "turnover" }, colour: "red" });
 * } catch (error) {
 *   (error as KeyAccountError).issues.map((issue) => issue.code); // => ["field.unknown", "policy.metric.unknown"]
 * }
 * ```
 */
export function parseTierPolicy(input: unknown): TierPolicy {
  schemas ??= { strict: tierPolicySchema(), salvage: salvageTierPolicySchema() };
  const strict = z.safeParse(schemas.strict, input);
  if (strict.success) {
    const issues = checkPolicy(strict.data);
    if (issues.length > 0) throw new KeyAccountError(issues);
    return strict.data;
  }
  const issues = documentIssues(strict.error.issues, "policy");
  const salvaged = z.parse(schemas.salvage, input) as Salvaged<TierPolicy> | undefined;
  if (salvaged !== undefined) issues.push(...checkPolicy(salvaged));
  throw new KeyAccountError(issues);
}
