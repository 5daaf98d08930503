import type { Issue, IssueCode } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { parseTierPolicy } from "./parseTierPolicy.js";
import { rankDescending } from "./rankDescending.js";
import type { Scorecard } from "./scoreAccounts.js";
import type { TierCondition, TierPolicy } from "./tierPolicySchema.js";

/**
 * Why an account is in its tier, as a message code and its values (render with {@link formatMessage}, in any
 * locale): which threshold, share, class or rule placed it, which gate, hysteresis rule, grace period or override
 * moved it.
 */
export interface TierReason {
  /** The message code, `tier.…`. */
  code: IssueCode;
  /** The values the message names. */
  params: Readonly<Record<string, string | number>>;
}

/** An account's tier from the previous run, with its hysteresis state. */
export interface PreviousTier {
  /** The account's id. */
  id: string;
  /** Its tier then. */
  tier: string;
  /** Consecutive periods it had been computed below that tier (`periodsBelow` of the previous result); default 0. */
  periodsBelow?: number | undefined;
}

/** A manager's decision to put an account in a tier, whatever its score, until a day. */
export interface TierOverride {
  /** The account's id. */
  id: string;
  /** The tier it is put in. */
  tier: string;
  /** Why, in the manager's words. */
  reason: string;
  /** Who decided. */
  author: string;
  /** The last day it applies, `YYYY-MM-DD`; after it, it is reported as expired and no longer applies. */
  expires?: string | undefined;
}

/** Options of {@link assignTiers}. */
export interface TierOptions {
  /** The day of the assignment, `YYYY-MM-DD` (overrides expire against it). */
  asOf: string;
  /** The previous run's tiers, for hysteresis and migration. */
  previous?: readonly PreviousTier[] | undefined;
  /** Manual overrides. */
  overrides?: readonly TierOverride[] | undefined;
  /**
   * A policy to tier with instead of the scorecard's (e.g. changed thresholds): the scores are not recomputed, so
   * its scorecard should be the same; the metrics its gates and rules name must have been scored.
   */
  policy?: TierPolicy | undefined;
}

/** One account's tier and why. */
export interface TieredAccount {
  /** The account's id. */
  id: string;
  /** Its tier. */
  tier: string;
  /** Its score, 0..100. */
  score: number;
  /** Its tier in the previous run, when it had one. */
  previousTier?: string | undefined;
  /** Whether the tier differs from `previousTier` (false without one). */
  changed: boolean;
  /** Consecutive periods computed below its tier and held there by hysteresis (pass it back next run). */
  periodsBelow: number;
  /** What decided the tier, in order: the assignment, gates, hysteresis, grace period, override. */
  reasons: TierReason[];
}

/** The result of {@link assignTiers}. */
export interface TierAssignment {
  /** The tiers, best first. */
  tiers: string[];
  /** One entry per scored account, in the scorecard's order. */
  accounts: TieredAccount[];
  /** Each account's tier as an index into `tiers`. */
  tierIndex: Uint8Array;
  /** Each account's net revenue (minor units; 0 when unknown), for {@link tierMigration}. */
  revenueMinor: Float64Array;
  /** Accounts of the previous run that were not scored this time. */
  departed: PreviousTier[];
  /** Overrides for accounts that were not scored, previous tiers the policy does not have. */
  issues: Issue[];
}

const round = (value: number): number => Math.round(value * 100) / 100;

function requirement(condition: TierCondition): string {
  if (condition.min !== undefined && condition.max !== undefined) return `${condition.min}..${condition.max}`;
  return condition.min !== undefined ? `≥ ${condition.min}` : `≤ ${condition.max}`;
}

function checkOptions(options: TierOptions, tiers: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  if (parseDay(options.asOf, "YYYY-MM-DD") === undefined) {
    issues.push(makeIssue("date.invalid", ["asOf"], { value: String(options.asOf), expected: "YYYY-MM-DD" }));
  }
  const seen = new Map<string, number>();
  options.overrides?.forEach((override, index) => {
    if (!tiers.includes(override.tier)) {
      issues.push(
        makeIssue("policy.tier.unknown", ["overrides", index, "tier"], {
          field: `overrides.${index}.tier`,
          tier: override.tier,
        }),
      );
    }
    if (override.expires !== undefined && parseDay(override.expires, "YYYY-MM-DD") === undefined) {
      issues.push(
        makeIssue("date.invalid", ["overrides", index, "expires"], {
          value: override.expires,
          expected: "YYYY-MM-DD",
        }),
      );
    }
    const first = seen.get(override.id);
    if (first !== undefined) {
      issues.push(
        makeIssue("id.duplicate", ["overrides", index, "id"], { value: override.id, firstRow: first + 1 }),
      );
    } else seen.set(override.id, index);
  });
  return issues;
}

/**
 * Puts every scored account in a tier and says why. The policy's assignment method gives the computed tier
 * (thresholds on the score, shares of the accounts by score, ABC classes on a value metric, or ordered rules);
 * a tier whose gates an account fails passes it down to the next. Against the previous run, hysteresis holds
 * an account in its tier: with thresholds it moves up only when it passes the higher threshold by `upMargin`,
 * down at once when more than `downMargin` below; with every method it moves down only after `downPeriods`
 * consecutive periods below. A new account (tenure under `newAccounts.graceDays`) is not placed below the grace
 * tier nor below its previous tier. Last, an override applies until its expiry day; an expired one is reported
 * and no longer applies. Only the mapping from scores is done here: after a threshold change, pass the new policy
 * with the same scorecard.
 *
 * @param scorecard - The scores ({@link scoreAccounts}).
 * @param options - The day, the previous tiers, the overrides, a changed policy; see {@link TierOptions}.
 * @returns Each account's tier with its reasons, and what changed.
 * @throws {KeyAccountError} listing every problem: a bad policy, an `asOf` or expiry that is not a day
 * (`date.invalid`), an override to a tier the policy does not have (`policy.tier.unknown`) or repeated for an
 * account (`id.duplicate`), a metric the scorecard did not compute (`policy.metric.unscored`).
 *
 * @example
 * ```ts
 * const card = scoreAccounts([{ id: "A", features: { revenueMinor: 9 } as CustomerFeatures },
 *   { id: "B", features: { revenueMinor: 1 } as CustomerFeatures }], policy); // thresholds key ≥ 80
 * const result = assignTiers(card, { asOf: "2024-12-31", previous: [{ id: "B", tier: "key" }] });
 * result.accounts.map((a) => `${a.id} ${a.tier} ${a.changed}`); // => ["A key false", "B ordinary true"]
 * result.accounts[1]?.reasons[1]; // => { code: "tier.hysteresis.down-periods", params: { from: "key", tier: "ordinary", periods: 1 } }
 * ```
 */
export function assignTiers(scorecard: Scorecard, options: TierOptions): TierAssignment {
  const policy = options.policy === undefined ? scorecard.policy : parseTierPolicy(options.policy);
  const tiers = policy.tiers.map((tier) => tier.name);
  const base = tiers.length - 1;
  const issues = checkOptions(options, tiers);
  const { ids, score } = scorecard;
  const n = ids.length;
  const scoredDimensions = scorecard.policy.dimensions.map((dimension) => dimension.name);
  // The column a condition reads: the score, a dimension's score or a metric's raw value.
  const columnOf = (metric: string, path: (string | number)[]): Float64Array => {
    if (metric === "score") return score;
    const column = metric.startsWith("dimension.")
      ? scorecard.dimensionScores[scoredDimensions.indexOf(metric.slice("dimension.".length))]
      : scorecard.values.get(metric);
    if (column !== undefined) return column;
    issues.push(makeIssue("policy.metric.unscored", path, { metric }));
    return score;
  };
  const gates = policy.tiers.map((tier, t) =>
    (tier.gates ?? []).map((gate, g) => ({
      gate,
      column: columnOf(gate.metric, ["policy", "tiers", t, "gates", g]),
    })),
  );
  const assignment = policy.assignment;
  const rules =
    assignment.method === "rules"
      ? assignment.rules.map((rule, r) => ({
          tier: tiers.indexOf(rule.tier),
          when: rule.when.map((condition, c) => ({
            condition,
            column: columnOf(condition.metric, ["policy", "assignment", "rules", r, "when", c]),
          })),
        }))
      : [];
  const abcColumn =
    assignment.method === "abc" ? columnOf(assignment.metric, ["policy", "assignment", "metric"]) : undefined;
  if (issues.length > 0) throw new KeyAccountError(issues);
  const passes = (condition: TierCondition, value: number): boolean =>
    !Number.isNaN(value) &&
    (condition.min === undefined || value >= condition.min) &&
    (condition.max === undefined || value <= condition.max);

  // The computed tier of every account, with the reason, by the assignment method.
  const computed = new Uint8Array(n).fill(base);
  const firstReason: TierReason[] = new Array(n);
  const thresholds = assignment.method === "thresholds" ? assignment.thresholds.map((t) => t.minScore) : [];
  if (assignment.method === "thresholds") {
    const lowest = thresholds[thresholds.length - 1] as number;
    for (let i = 0; i < n; i++) {
      const s = score[i] as number;
      let t = 0;
      while (t < base && s < (thresholds[t] as number)) t++;
      computed[i] = t;
      firstReason[i] =
        t < base
          ? {
              code: "tier.threshold.met",
              params: { tier: tiers[t] as string, score: round(s), threshold: thresholds[t] as number },
            }
          : {
              code: "tier.threshold.base",
              params: { tier: tiers[base] as string, score: round(s), threshold: lowest },
            };
    }
  } else if (assignment.method === "shares" || assignment.method === "abc") {
    const values =
      assignment.method === "shares"
        ? score
        : Float64Array.from(abcColumn as Float64Array, (v) => (Number.isNaN(v) ? 0 : v));
    const order = rankDescending(ids, values);
    if (assignment.method === "shares") {
      let cumulative = 0;
      let start = 0;
      assignment.shares.forEach((share, t) => {
        cumulative += share.share;
        const end = Math.min(n, Math.floor(cumulative * n + 1e-9));
        const cutoff = end > 0 ? round(score[order[end - 1] as number] as number) : 100;
        for (let k = start; k < end; k++) {
          const i = order[k] as number;
          computed[i] = t;
          firstReason[i] = {
            code: "tier.share.within",
            params: {
              tier: share.tier,
              score: round(score[i] as number),
              share: round(cumulative * 100),
              cutoff,
            },
          };
        }
        start = Math.max(start, end);
      });
      for (let k = start; k < n; k++) {
        const i = order[k] as number;
        firstReason[i] = {
          code: "tier.share.base",
          params: { tier: tiers[base] as string, score: round(score[i] as number) },
        };
      }
    } else {
      const [a, b] = assignment.cutoffs ?? [0.8, 0.95];
      let total = 0;
      for (let i = 0; i < n; i++) if ((values[i] as number) > 0) total += values[i] as number;
      let before = 0;
      for (let k = 0; k < n; k++) {
        const i = order[k] as number;
        const value = values[i] as number;
        const share = total > 0 ? before / total : 1;
        const t = value <= 0 || total <= 0 ? 2 : share < a ? 0 : share < b ? 1 : 2;
        computed[i] = t;
        firstReason[i] = {
          code: "tier.abc.class",
          params: {
            tier: tiers[t] as string,
            class: "ABC"[t] as string,
            metric: assignment.metric,
            share: round(share * 100),
          },
        };
        if (value > 0) before += value;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const r = rules.findIndex((rule) =>
        rule.when.every(({ condition, column }) => passes(condition, column[i] as number)),
      );
      const rule = rules[r];
      computed[i] = rule === undefined ? base : rule.tier;
      firstReason[i] =
        rule === undefined
          ? { code: "tier.rule.base", params: { tier: tiers[base] as string } }
          : { code: "tier.rule.matched", params: { tier: tiers[rule.tier] as string, rule: r + 1 } };
    }
  }

  // Gates: a tier whose gates the account fails passes it down to the next tier.
  const gated = (t: number, i: number, reasons: TierReason[]): number => {
    let tier = t;
    while (tier < base) {
      const failed = (gates[tier] ?? []).find(({ gate, column }) => !passes(gate, column[i] as number));
      if (failed === undefined) break;
      const value = failed.column[i] as number;
      reasons.push({
        code: "tier.gate.failed",
        params: {
          tier: tiers[tier] as string,
          metric: failed.gate.metric,
          value: Number.isNaN(value) ? "—" : round(value),
          requirement: requirement(failed.gate),
          to: tiers[tier + 1] as string,
        },
      });
      tier++;
    }
    return tier;
  };

  const previous = new Map<string, PreviousTier>();
  options.previous?.forEach((entry, index) => {
    if (tiers.includes(entry.tier)) previous.set(entry.id, entry);
    else {
      issues.push(
        makeIssue("policy.tier.unknown", ["previous", index, "tier"], {
          field: `previous.${index}.tier`,
          tier: entry.tier,
        }),
      );
    }
  });
  const overrides = new Map((options.overrides ?? []).map((override) => [override.id, override]));
  const hysteresis = policy.hysteresis ?? {};
  const upMargin = assignment.method === "thresholds" ? (hysteresis.upMargin ?? 0) : 0;
  const downMargin = assignment.method === "thresholds" ? hysteresis.downMargin : undefined;
  const downPeriods = hysteresis.downPeriods ?? 1;
  const grace = policy.newAccounts;
  const graceTier = grace === undefined ? base : tiers.indexOf(grace.tier);
  const tenure = scorecard.values.get("tenure");
  const revenue = scorecard.values.get("revenue");
  const revenueMinor = new Float64Array(n);
  const tierIndex = new Uint8Array(n);
  const accounts: TieredAccount[] = new Array(n);
  const threshold = (t: number): number => (t < base ? (thresholds[t] as number) : 0);

  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const s = score[i] as number;
    const reasons: TierReason[] = [firstReason[i] as TierReason];
    const c = gated(computed[i] as number, i, reasons);
    const before = previous.get(id);
    const p = before === undefined ? -1 : tiers.indexOf(before.tier);
    let h = c;
    let below = 0;
    if (p >= 0 && c < p && upMargin > 0) {
      h = p;
      for (let t = c; t < p; t++) {
        if (s >= threshold(t) + upMargin) {
          h = t;
          break;
        }
      }
      if (h !== c) {
        reasons.push({
          code: "tier.hysteresis.up-held",
          params: {
            tier: tiers[c] as string,
            score: round(s),
            threshold: threshold(c),
            margin: upMargin,
            kept: tiers[h] as string,
          },
        });
      }
    } else if (p >= 0 && c > p) {
      below = (before?.periodsBelow ?? 0) + 1;
      if (downMargin !== undefined && s < threshold(p) - downMargin) {
        reasons.push({
          code: "tier.hysteresis.down-margin",
          params: {
            from: tiers[p] as string,
            tier: tiers[c] as string,
            score: round(s),
            threshold: threshold(p),
            margin: downMargin,
          },
        });
        below = 0;
      } else if (below >= downPeriods) {
        reasons.push({
          code: "tier.hysteresis.down-periods",
          params: { from: tiers[p] as string, tier: tiers[c] as string, periods: below },
        });
        below = 0;
      } else {
        h = p;
        reasons.push({
          code: "tier.hysteresis.down-held",
          params: {
            tier: tiers[p] as string,
            computed: tiers[c] as string,
            periods: below,
            required: downPeriods,
          },
        });
      }
    }
    let f = h === c ? c : gated(h, i, reasons);
    if (f !== h) below = 0;
    const days = tenure?.[i] as number;
    if (grace !== undefined && days < grace.graceDays) {
      const floor = p >= 0 ? Math.min(graceTier, p) : graceTier;
      if (floor < f) {
        f = floor;
        below = 0;
        reasons.push({
          code: "tier.grace.new-account",
          params: { tier: tiers[f] as string, tenureDays: days, graceDays: grace.graceDays },
        });
      }
    }
    const override = overrides.get(id);
    if (override !== undefined) {
      const expired = override.expires !== undefined && override.expires < options.asOf;
      reasons.push({
        code: expired ? "tier.override.expired" : "tier.override.applied",
        params: {
          tier: override.tier,
          author: override.author,
          expires: override.expires ?? "—",
          ...(expired ? {} : { reason: override.reason }),
        },
      });
      if (!expired) {
        f = tiers.indexOf(override.tier);
        below = 0;
      }
    }
    tierIndex[i] = f;
    const value = revenue?.[i] as number;
    revenueMinor[i] = Number.isNaN(value) ? 0 : value;
    const account: TieredAccount = {
      id,
      tier: tiers[f] as string,
      score: s,
      changed: p >= 0 && p !== f,
      periodsBelow: below,
      reasons,
    };
    if (before !== undefined && p >= 0) account.previousTier = before.tier;
    accounts[i] = account;
  }
  const scored = new Set(ids);
  const departed = [...previous.values()].filter((entry) => !scored.has(entry.id));
  for (const id of overrides.keys()) {
    if (!scored.has(id))
      issues.push(makeIssue("reference.unknown-customer", ["overrides", id], { value: id }));
  }
  return { tiers, accounts, tierIndex, revenueMinor, departed, issues };
}
