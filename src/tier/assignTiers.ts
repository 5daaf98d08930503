import type { Issue, IssueCode } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { TextIndex } from "../model/TextIndex.js";
import type { LazyList } from "../signals/LazyList.js";
import { type BoundCondition, computedTiers, passes, roundScore } from "./computedTiers.js";
import { parseTierPolicy } from "./parseTierPolicy.js";
import type { Scorecard } from "./scoreAccounts.js";
import type { TierCondition, TierPolicy } from "./tierPolicySchema.js";

/**
 * Why an account is in its tier, as a message code and its values (render with {@link formatMessage}, in any
 * locale): which threshold, share, class or rule placed it, which gate, hysteresis rule, grace period or override
 * moved it.
 *
 * @example
 * ```ts
 * const reason: TierReason = { code: "tier.threshold.met", params: { tier: "key", score: 64.5, threshold: 60 } };
 * formatMessage(reason.code, reason.params); // => "Score 64.5 reaches the key threshold of 60."
 * ```
 */
export interface TierReason {
  /** The message code, `tier.…`. */
  code: IssueCode;
  /** The values the message names. */
  params: Readonly<Record<string, string | number>>;
}

/**
 * An account's tier from the previous run, with its hysteresis state.
 *
 * @example
 * ```ts
 * const previous: PreviousTier = { id: "C-001", tier: "strategic", periodsBelow: 1 };
 * ```
 */
export interface PreviousTier {
  /** The account's id. */
  id: string;
  /** Its tier then. */
  tier: string;
  /** Consecutive periods it had been computed below that tier (`periodsBelow` of the previous result); default 0. */
  periodsBelow?: number | undefined;
}

/**
 * A manager's decision to put an account in a tier, whatever its score, until a day.
 *
 * @example
 * ```ts
 * const override: TierOverride = {
 *   id: "C-007", tier: "key", reason: "framework tender", author: "Li Na", expires: "2025-06-30",
 * };
 * ```
 */
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

/**
 * Options of {@link assignTiers}.
 *
 * @example
 * ```ts
 * const options: TierOptions = { asOf: "2024-12-31", previous: lastQuarter.accounts, overrides: [] };
 * ```
 */
export interface TierOptions {
  /** The day of the assignment, `YYYY-MM-DD` (overrides expire against it). */
  asOf: string;
  /** The previous run's tiers, for hysteresis and migration: an array, or a {@link LazyList} that makes them. */
  previous?: readonly PreviousTier[] | LazyList<PreviousTier> | undefined;
  /** Manual overrides. */
  overrides?: readonly TierOverride[] | undefined;
  /**
   * A policy to tier with instead of the scorecard's (e.g. changed thresholds, tiers, gates, hysteresis): the
   * scores are not recomputed, so its ratings, missing-value rule and dimensions must be the scorecard's, and the
   * metrics its gates and rules name must have been scored.
   */
  policy?: TierPolicy | undefined;
}

/**
 * One account's tier and why.
 *
 * @example
 * ```ts
 * const account: TieredAccount = {
 *   id: "C-005", tier: "strategic", score: 66, previousTier: "strategic", changed: false, periodsBelow: 1,
 *   reasons: [{ code: "tier.hysteresis.down-held", params: { tier: "strategic", computed: "key", periods: 1, required: 2 } }],
 * };
 * ```
 */
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

/**
 * The result of {@link assignTiers}.
 *
 * @example
 * ```ts
 * const result: TierAssignment = assignTiers(card, { asOf: "2024-12-31" });
 * result.tiers[result.tierIndex[0] ?? 0] === result.accounts[0]?.tier; // => true
 * ```
 */
export interface TierAssignment {
  /** The tiers, best first. */
  tiers: string[];
  /** The accounts' ids, in the scorecard's order. */
  ids: string[];
  /** Each account's tier as an index into `tiers`. */
  tierIndex: Uint8Array;
  /** Each account's previous tier as an index into `tiers`; −1 without one. */
  previousIndex: Int8Array;
  /** Each account's consecutive periods held above its computed tier by hysteresis. */
  periodsBelow: Uint32Array;
  /**
   * One entry per scored account, in the scorecard's order, with its reasons: the columns above as objects,
   * built on first read (a what-if re-tiering that reads only `tierIndex` never builds them).
   */
  readonly accounts: TieredAccount[];
  /**
   * The account at an index, the same as `accounts[index]`, made when asked (the whole list of a large portfolio
   * need never be held).
   */
  account(index: number): TieredAccount;
  /** The reasons of the account at an index, without building `accounts`. */
  reasons(index: number): TierReason[];
  /** Each account's net revenue (minor units; 0 when unknown), for {@link tierMigration}. */
  revenueMinor: Float64Array;
  /** Accounts of the previous run that were not scored this time. */
  departed: PreviousTier[];
  /** Overrides for accounts that were not scored, previous tiers the policy does not have. */
  issues: Issue[];
}

// What decided an account's tier after the assignment method: one hysteresis outcome (low bits) and flags.
const EVENT = {
  none: 0,
  upHeld: 1,
  downHeld: 2,
  downPeriods: 3,
  downMargin: 4,
  hysteresis: 7,
  grace: 8,
  override: 16,
  overrideExpired: 32,
} as const;

// What of a policy the scores depend on, as text to compare.
const scorecardOf = (policy: TierPolicy): string =>
  JSON.stringify([policy.ratings ?? [], policy.missing ?? "neutral", policy.dimensions]);

function requirement(condition: TierCondition): string {
  if (condition.min !== undefined && condition.max !== undefined) return `${condition.min}..${condition.max}`;
  return condition.min !== undefined ? `≥ ${condition.min}` : `≤ ${condition.max}`;
}

// Each scored account's row in the previous run (−1 for none; the last row when an id is listed twice), found
// through the previous ids packed in a TextIndex: a Map of a million ids would hold a million strings.
function previousRows(
  given: readonly PreviousTier[] | LazyList<PreviousTier>,
  ids: readonly string[],
): (account: number) => number {
  const index = new TextIndex();
  const rows = new Int32Array(given.length);
  for (let at = 0; at < given.length; at++) rows[index.entry((given.at(at) as PreviousTier).id)] = at;
  const rowOf = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const entry = index.find(ids[i] as string);
    rowOf[i] = entry < 0 ? -1 : (rows[entry] as number);
  }
  index.release();
  return (account) => rowOf[account] as number;
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
 * an account in its tier: it moves up only when it passes the higher tier's cut by `upMargin`, down at once when
 * more than `downMargin` past its tier's cut, and otherwise only after `downPeriods` consecutive periods below.
 * The cut is the threshold, this run's cut-off score of the shares, or the ABC cut-off of the cumulative share
 * (margins then in percentage points); rules have no cut, only `downPeriods`. A new account (tenure under `newAccounts.graceDays`) is not placed below the grace
 * tier nor below its previous tier. Last, an override applies until its expiry day; an expired one is reported
 * and no longer applies. Only the mapping from scores is done here: after a threshold change, pass the new policy
 * with the same scorecard.
 *
 * @param scorecard - The scores ({@link scoreAccounts}).
 * @param options - The day, the previous tiers, the overrides, a changed policy; see {@link TierOptions}.
 * @returns Each account's tier with its reasons, and what changed.
 * @throws {KeyAccountError} listing every problem: a bad policy, an `asOf` or expiry that is not a day
 * (`date.invalid`), an override to a tier the policy does not have (`policy.tier.unknown`) or repeated for an
 * account (`id.duplicate`), a metric the scorecard did not compute (`policy.metric.unscored`), a `policy` whose
 * scorecard differs from the one the accounts were scored with (`option.invalid`).
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
  if (policy !== scorecard.policy && scorecardOf(policy) !== scorecardOf(scorecard.policy)) {
    issues.push(
      makeIssue("option.invalid", ["policy"], {
        field: "policy",
        reason:
          "its ratings, missing-value rule or dimensions differ from the policy the accounts were scored with; score them again",
      }),
    );
  }
  const { ids, score } = scorecard;
  const n = ids.length;
  const scoredDimensions = scorecard.policy.dimensions.map((dimension) => dimension.name);
  // The column a condition reads: the score, a dimension's score or a metric's raw value.
  const bind = (condition: TierCondition, path: (string | number)[]): BoundCondition => {
    const metric = condition.metric;
    const column =
      metric === "score"
        ? score
        : metric.startsWith("dimension.")
          ? scorecard.dimensionScores[scoredDimensions.indexOf(metric.slice("dimension.".length))]
          : scorecard.values.get(metric);
    if (column === undefined) issues.push(makeIssue("policy.metric.unscored", path, { metric }));
    return { condition, column: column ?? score };
  };
  const gates = policy.tiers.map((tier, t) =>
    (tier.gates ?? []).map((gate, g) => bind(gate, ["policy", "tiers", t, "gates", g])),
  );
  const assignment = policy.assignment;
  const rules =
    assignment.method === "rules"
      ? assignment.rules.map((rule, r) => ({
          tier: tiers.indexOf(rule.tier),
          when: rule.when.map((condition, c) =>
            bind(condition, ["policy", "assignment", "rules", r, "when", c]),
          ),
        }))
      : [];
  const abcValues =
    assignment.method === "abc"
      ? bind({ metric: assignment.metric, min: 0 }, ["policy", "assignment", "metric"]).column
      : undefined;
  if (issues.length > 0) throw new KeyAccountError(issues);
  const computed = computedTiers(policy, ids, score, rules, abcValues);

  // The first tier from t down whose gates account i passes.
  const gated = (t: number, i: number): number => {
    let tier = t;
    while (tier < base) {
      const list = gates[tier] as BoundCondition[];
      let pass = true;
      for (let g = 0; g < list.length && pass; g++) {
        const gate = list[g] as BoundCondition;
        pass = passes(gate.condition, gate.column[i] as number);
      }
      if (pass) break;
      tier++;
    }
    return tier;
  };

  // Each account's previous tier and periods below it: read in place when the previous run lists the same
  // accounts in the same order (the usual case: last period's output), else looked up by id.
  const given = options.previous ?? [];
  const previousAt = (at: number): PreviousTier => given.at(at) as PreviousTier;
  const previousIndex = new Int8Array(n).fill(-1);
  const previousBelow = new Uint32Array(n);
  const matched = new Uint8Array(given.length);
  const known = new Int8Array(given.length);
  for (let at = 0; at < given.length; at++) {
    const entry = previousAt(at);
    const tier = tiers.indexOf(entry.tier);
    known[at] = tier;
    if (tier < 0) {
      issues.push(
        makeIssue("policy.tier.unknown", ["previous", at, "tier"], {
          field: `previous.${at}.tier`,
          tier: entry.tier,
        }),
      );
    }
  }
  let aligned = given.length === n;
  for (let i = 0; i < n && aligned; i++) aligned = previousAt(i).id === ids[i];
  const rowOf = aligned || given.length === 0 ? (i: number) => i : previousRows(given, ids);
  for (let i = 0; i < n && given.length > 0; i++) {
    const at = rowOf(i);
    if (at < 0 || (known[at] as number) < 0) continue;
    matched[at] = 1;
    previousIndex[i] = known[at] as number;
    previousBelow[i] = previousAt(at).periodsBelow ?? 0;
  }
  const overrides = new Map((options.overrides ?? []).map((override) => [override.id, override]));
  const hysteresis = policy.hysteresis ?? {};
  // The margins are in the units the method ranks on (computed.standing): score points around the thresholds or
  // this run's cut-off scores of the shares, percentage points of the cumulative share around the ABC cut-offs.
  const { standing, cuts } = computed;
  const threshold = (t: number): number => (t < base ? (cuts[t] as number) : Number.NEGATIVE_INFINITY);
  const margins = assignment.method !== "rules";
  const upMargin = margins ? (hysteresis.upMargin ?? 0) : 0;
  const downMargin = margins ? hysteresis.downMargin : undefined;
  const downPeriods = hysteresis.downPeriods ?? 1;
  const grace = policy.newAccounts;
  const graceTier = grace === undefined ? base : tiers.indexOf(grace.tier);
  const tenure = scorecard.values.get("tenure") as Float64Array;
  const revenue = scorecard.values.get("revenue") as Float64Array;

  // One pass decides; what decided is kept as small codes, and the reasons are built from them on request.
  const gatedIndex = new Uint8Array(n);
  const heldIndex = new Uint8Array(n);
  const tierIndex = new Uint8Array(n);
  const periodsBelow = new Uint32Array(n);
  const event = new Uint8Array(n);
  const revenueMinor = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const s = standing[i] as number;
    const c = gated(computed.tier[i] as number, i);
    const p = previousIndex[i] as number;
    let h = c;
    let below = 0;
    let happened: number = EVENT.none;
    if (p >= 0 && c < p && upMargin > 0) {
      h = p;
      for (let t = c; t < p; t++) {
        if (s >= threshold(t) + upMargin) {
          h = t;
          break;
        }
      }
      if (h !== c) happened = EVENT.upHeld;
    } else if (p >= 0 && c > p) {
      below = (previousBelow[i] as number) + 1;
      if (downMargin !== undefined && s < threshold(p) - downMargin) {
        happened = EVENT.downMargin;
        below = 0;
      } else if (below >= downPeriods) {
        happened = EVENT.downPeriods;
        below = 0;
      } else {
        h = p;
        happened = EVENT.downHeld;
      }
    }
    let f = h === c ? c : gated(h, i);
    if (f !== h) below = 0;
    if (grace !== undefined && (tenure[i] as number) < grace.graceDays) {
      const floor = p >= 0 ? Math.min(graceTier, p) : graceTier;
      if (floor < f) {
        f = floor;
        below = 0;
        happened |= EVENT.grace;
      }
    }
    const override = overrides.size > 0 ? overrides.get(id) : undefined;
    if (override !== undefined) {
      if (override.expires !== undefined && override.expires < options.asOf)
        happened |= EVENT.overrideExpired;
      else {
        happened |= EVENT.override;
        f = tiers.indexOf(override.tier);
        below = 0;
      }
    }
    gatedIndex[i] = c;
    heldIndex[i] = h;
    tierIndex[i] = f;
    periodsBelow[i] = below;
    event[i] = happened;
    const value = revenue[i] as number;
    revenueMinor[i] = Number.isNaN(value) ? 0 : value;
  }
  const departed: PreviousTier[] = [];
  for (let at = 0; at < given.length; at++)
    if (matched[at] === 0 && (known[at] as number) >= 0) departed.push(previousAt(at));
  if (overrides.size > 0) {
    const scored = new Set(ids);
    for (const id of overrides.keys()) {
      if (!scored.has(id))
        issues.push(makeIssue("reference.unknown-customer", ["overrides", id], { value: id }));
    }
  }

  // The reasons of account i, in the order they acted.
  const gateReasons = (t: number, i: number, reasons: TierReason[]): void => {
    for (let tier = t; tier < base; tier++) {
      const failed = (gates[tier] ?? []).find(
        ({ condition, column }) => !passes(condition, column[i] as number),
      );
      if (failed === undefined) return;
      const value = failed.column[i] as number;
      reasons.push({
        code: "tier.gate.failed",
        params: {
          tier: tiers[tier] as string,
          metric: failed.condition.metric,
          value: Number.isNaN(value) ? "—" : roundScore(value),
          requirement: requirement(failed.condition),
          to: tiers[tier + 1] as string,
        },
      });
    }
  };
  const reasonsOf = (i: number): TierReason[] => {
    const reasons = [computed.reason(i)];
    gateReasons(computed.tier[i] as number, i, reasons);
    const s = roundScore(score[i] as number);
    // ABC margins are told as the cumulative share before the account against the cut-off, in %.
    const abc = assignment.method === "abc";
    const position = (value: number): number => roundScore(0 - value);
    const c = gatedIndex[i] as number;
    const h = heldIndex[i] as number;
    const p = previousIndex[i] as number;
    const happened = event[i] as number;
    const name = (t: number): string => tiers[t] as string;
    switch (happened & EVENT.hysteresis) {
      case EVENT.upHeld:
        reasons.push(
          abc
            ? {
                code: "tier.hysteresis.up-held-share",
                params: {
                  tier: name(c),
                  share: position(standing[i] as number),
                  cutoff: position(threshold(c)),
                  margin: upMargin,
                  kept: name(h),
                },
              }
            : {
                code: "tier.hysteresis.up-held",
                params: {
                  tier: name(c),
                  score: s,
                  threshold: roundScore(threshold(c)),
                  margin: upMargin,
                  kept: name(h),
                },
              },
        );
        break;
      case EVENT.downHeld:
        reasons.push({
          code: "tier.hysteresis.down-held",
          params: {
            tier: name(p),
            computed: name(c),
            periods: periodsBelow[i] as number,
            required: downPeriods,
          },
        });
        break;
      case EVENT.downPeriods:
        reasons.push({
          code: "tier.hysteresis.down-periods",
          params: {
            from: name(p),
            tier: name(c),
            periods: (previousBelow[i] as number) + 1,
          },
        });
        break;
      case EVENT.downMargin:
        reasons.push(
          abc
            ? {
                code: "tier.hysteresis.down-margin-share",
                params: {
                  from: name(p),
                  tier: name(c),
                  share: position(standing[i] as number),
                  cutoff: position(threshold(p)),
                  margin: downMargin as number,
                },
              }
            : {
                code: "tier.hysteresis.down-margin",
                params: {
                  from: name(p),
                  tier: name(c),
                  score: s,
                  threshold: roundScore(threshold(p)),
                  margin: downMargin as number,
                },
              },
        );
        break;
    }
    if (h !== c) gateReasons(h, i, reasons);
    if (happened & EVENT.grace && grace !== undefined) {
      const floor = p >= 0 ? Math.min(graceTier, p) : graceTier;
      reasons.push({
        code: "tier.grace.new-account",
        params: { tier: name(floor), tenureDays: tenure[i] as number, graceDays: grace.graceDays },
      });
    }
    const override =
      happened & (EVENT.override | EVENT.overrideExpired) ? overrides.get(ids[i] as string) : undefined;
    if (override !== undefined) {
      const expired = (happened & EVENT.overrideExpired) !== 0;
      reasons.push({
        code: expired ? "tier.override.expired" : "tier.override.applied",
        params: {
          tier: override.tier,
          author: override.author,
          expires: override.expires ?? "—",
          ...(expired ? {} : { reason: override.reason }),
        },
      });
    }
    return reasons;
  };
  let accounts: TieredAccount[] | undefined;
  const accountAt = (i: number): TieredAccount => {
    const p = previousIndex[i] as number;
    const f = tierIndex[i] as number;
    const account: TieredAccount = {
      id: ids[i] as string,
      tier: tiers[f] as string,
      score: score[i] as number,
      changed: p >= 0 && p !== f,
      periodsBelow: periodsBelow[i] as number,
      reasons: reasonsOf(i),
    };
    if (p >= 0) account.previousTier = tiers[p] as string;
    return account;
  };
  const result = {
    tiers,
    ids,
    tierIndex,
    previousIndex,
    periodsBelow,
    get accounts(): TieredAccount[] {
      accounts ??= ids.map((_, i) => accountAt(i));
      return accounts;
    },
    reasons: reasonsOf,
    revenueMinor,
    departed,
    issues,
  };
  // Not enumerable: comparing or serialising a result sees its data, as it always has.
  return Object.defineProperty(result, "account", {
    value: (index: number): TieredAccount => accounts?.[index] ?? accountAt(index),
    enumerable: false,
  }) as TierAssignment;
}
