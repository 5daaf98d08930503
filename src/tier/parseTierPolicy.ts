import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import type { Issue, IssuePath } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { metricSource } from "./metricSource.js";
import {
  looseTierPolicySchema,
  type PolicyMetric,
  type TierCondition,
  type TierPolicy,
  tierPolicySchema,
} from "./tierPolicySchema.js";

const RESERVED_NAMES = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);

// The schemas, built on first use and kept (they never change): building one takes milliseconds, parsing with it
// microseconds, and a what-if calculator checks a policy on every move of a slider.
let schemas: { strict: z.ZodMiniType<TierPolicy>; loose: z.ZodMiniType<TierPolicy> } | undefined;

// Checks what the schema cannot: names, metric references, weights, bounds, the order of thresholds.
function checkPolicy(policy: TierPolicy): Issue[] {
  const issues: Issue[] = [];
  const add = (code: Issue["code"], path: IssuePath, params: Record<string, string | number>): void => {
    const full = ["policy", ...path];
    issues.push(makeIssue(code, full, { field: full.join("."), ...params }));
  };
  const checkNames = (list: readonly { name: string }[], key: string): void => {
    const seen = new Set<string>();
    list.forEach(({ name }, index) => {
      if (RESERVED_NAMES.has(name)) add("policy.name.reserved", [key, index, "name"], { name });
      else if (seen.has(name)) add("policy.name.duplicate", [key, index, "name"], { name });
      seen.add(name);
    });
  };
  checkNames(policy.tiers, "tiers");
  checkNames(policy.dimensions, "dimensions");
  checkNames(policy.ratings ?? [], "ratings");
  const tierNames = policy.tiers.map((tier) => tier.name);
  const dimensionNames = new Set(policy.dimensions.map((dimension) => dimension.name));
  const checkMetric = (metric: string, path: IssuePath, allowScores: boolean): void => {
    const known =
      metricSource(metric, policy) !== undefined ||
      (allowScores &&
        (metric === "score" ||
          (metric.startsWith("dimension.") && dimensionNames.has(metric.slice("dimension.".length)))));
    if (!known) add("policy.metric.unknown", path, { metric });
  };
  const checkRange = (min: number | undefined, max: number | undefined, path: IssuePath): void => {
    if (min !== undefined && max !== undefined && min > max) add("policy.range.order", path, { min, max });
  };
  const checkCondition = (condition: TierCondition, path: IssuePath): void => {
    checkMetric(condition.metric, [...path, "metric"], true);
    if (condition.min === undefined && condition.max === undefined) add("policy.condition.empty", path, {});
    checkRange(condition.min, condition.max, path);
  };
  const checkTier = (tier: string, path: IssuePath): boolean => {
    const known = tierNames.includes(tier);
    if (!known) add("policy.tier.unknown", path, { tier });
    return known;
  };
  const checkSequence = (listed: readonly string[], key: string): boolean => {
    const known = listed.map((tier, index) => checkTier(tier, ["assignment", key, index, "tier"]));
    const expected = tierNames.slice(0, -1);
    if (known.every(Boolean) && listed.join("\n") !== expected.join("\n")) {
      add("policy.tiers.sequence", ["assignment", key], {
        expected: expected.join(", "),
        actual: listed.join(", ") || "none",
      });
      return false;
    }
    return known.every(Boolean);
  };
  (policy.ratings ?? []).forEach((rating, index) => {
    checkRange(rating.min, rating.max, ["ratings", index]);
  });
  if (policy.dimensions.every((dimension) => dimension.weight === 0)) {
    add("policy.weights.sum", ["dimensions"], {});
  }
  policy.dimensions.forEach((dimension, d) => {
    if (dimension.metrics.every((metric) => metric.weight === 0)) {
      add("policy.weights.sum", ["dimensions", d, "metrics"], {});
    }
    dimension.metrics.forEach((metric, m) => {
      checkPolicyMetric(metric, ["dimensions", d, "metrics", m]);
    });
  });
  function checkPolicyMetric(metric: PolicyMetric, path: IssuePath): void {
    checkMetric(metric.metric, [...path, "metric"], false);
    const normalise = metric.normalise;
    if (normalise.method === "minMax" || normalise.method === "log") {
      checkRange(normalise.min, normalise.max, [...path, "normalise"]);
    }
    if (normalise.method !== "bands") return;
    const higher = metric.direction
      ? metric.direction === "higher"
      : (metricSource(metric.metric, policy)?.higherIsBetter ?? true);
    normalise.bands.forEach((band, b) => {
      const before = normalise.bands[b - 1];
      if (before === undefined) return;
      const bandPath = [...path, "normalise", "bands", b];
      if (band.from <= before.from) {
        add("policy.band.order", [...bandPath, "from"], { value: band.from, previous: before.from });
      }
      if (higher ? band.points < before.points : band.points > before.points) {
        add("policy.band.points", [...bandPath, "points"], {
          value: band.points,
          previous: before.points,
          direction: higher ? "higher" : "lower",
        });
      }
    });
  }
  policy.tiers.forEach((tier, t) => {
    tier.gates?.forEach((gate, g) => {
      checkCondition(gate, ["tiers", t, "gates", g]);
    });
  });
  const assignment = policy.assignment;
  switch (assignment.method) {
    case "thresholds": {
      const listed = assignment.thresholds.map((threshold) => threshold.tier);
      if (!checkSequence(listed, "thresholds")) break;
      assignment.thresholds.forEach((threshold, index) => {
        const above = assignment.thresholds[index - 1];
        if (above !== undefined && threshold.minScore >= above.minScore) {
          add("policy.threshold.order", ["assignment", "thresholds", index, "minScore"], {
            tier: threshold.tier,
            value: threshold.minScore,
            previousTier: above.tier,
            previous: above.minScore,
          });
        }
      });
      break;
    }
    case "shares": {
      checkSequence(
        assignment.shares.map((share) => share.tier),
        "shares",
      );
      const total = assignment.shares.reduce((sum, share) => sum + share.share, 0);
      if (total > 1 + 1e-9) add("policy.share.total", ["assignment", "shares"], { total });
      break;
    }
    case "abc": {
      checkMetric(assignment.metric, ["assignment", "metric"], false);
      if (policy.tiers.length !== 3) {
        add("option.invalid", ["tiers"], {
          reason: "ABC assignment gives three classes: give exactly three tiers",
        });
      }
      const [a, b] = assignment.cutoffs ?? [0.8, 0.95];
      checkRange(a, b, ["assignment", "cutoffs"]);
      break;
    }
    case "rules":
      assignment.rules.forEach((rule, r) => {
        checkTier(rule.tier, ["assignment", "rules", r, "tier"]);
        rule.when.forEach((condition, c) => {
          checkCondition(condition, ["assignment", "rules", r, "when", c]);
        });
      });
      break;
  }
  if (policy.newAccounts !== undefined) checkTier(policy.newAccounts.tier, ["newAccounts", "tier"]);
  return issues;
}

/**
 * Checks a tier policy (e.g. parsed JSON) and returns it typed. Every problem is reported at once with its JSON
 * path: the shape ({@link tierPolicySchema}: unknown keys — `__proto__` and `constructor` included —, negative
 * weights, scores outside 0..100) and what the shape cannot say. The second kind is checked also when the only
 * structural problems are unknown keys.
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
  schemas ??= { strict: tierPolicySchema(), loose: looseTierPolicySchema() };
  const strict = z.safeParse(schemas.strict, input);
  if (strict.success) {
    const issues = checkPolicy(strict.data);
    if (issues.length > 0) throw new KeyAccountError(issues);
    return strict.data;
  }
  const issues = documentIssues(strict.error.issues, "policy");
  const loose = z.safeParse(schemas.loose, input);
  if (loose.success) issues.push(...checkPolicy(loose.data));
  throw new KeyAccountError(issues);
}
