import { abcTable } from "../profit/abcTable.js";
import type { TierReason } from "./assignTiers.js";
import type { TierCondition, TierPolicy } from "./tierPolicySchema.js";

/**
 * A condition with the column it reads (the score, a dimension's score or a metric's raw values).
 *
 * @example
 * ```ts
 * const bound: BoundCondition = { condition: { metric: "score", min: 60 }, column: card.score };
 * ```
 */
export interface BoundCondition {
  /** The condition. */
  condition: TierCondition;
  /** The values it tests, by account. */
  column: Float64Array;
}

/**
 * The tiers the assignment method gives, before gates and hysteresis, and the reason of each.
 *
 * @example
 * ```ts
 * const computed: ComputedTiers = computedTiers(policy, card.ids, card.score, [], undefined);
 * computed.reason(0).code; // => "tier.threshold.met"
 * ```
 */
export interface ComputedTiers {
  /** Each account's tier index. */
  tier: Uint8Array;
  /**
   * What the method ranks the accounts on, higher is better, for hysteresis margins: the score (thresholds,
   * shares), or minus the percentage of the metric held by the accounts ranked before it (ABC); the score for
   * rules, which have no cuts.
   */
  standing: Float64Array;
  /**
   * For each tier but the base tier, the least standing that reaches it in this run: the threshold (thresholds),
   * the score of the last account within the tier's cumulative share (shares; +∞ when none is), minus the
   * cumulative cut-off in % (ABC). Empty for rules.
   */
  cuts: number[];
  /** The reason of account i's computed tier (built on request). */
  reason(i: number): TierReason;
}

/**
 * Scores rounded to hundredths for the texts people read.
 *
 * @example
 * ```ts
 * roundScore(76.666666); // => 76.67
 * ```
 */
export const roundScore = (value: number): number => Math.round(value * 100) / 100;

/**
 * Whether a value passes a condition: present and within `min..max`.
 *
 * @param condition - The condition.
 * @param value - The value, NaN when missing.
 * @returns Whether it passes.
 *
 * @example
 * ```ts
 * passes({ metric: "score", min: 50 }, 61); // => true
 * ```
 */
export function passes(condition: TierCondition, value: number): boolean {
  return (
    !Number.isNaN(value) &&
    (condition.min === undefined || value >= condition.min) &&
    (condition.max === undefined || value <= condition.max)
  );
}

/**
 * The tier each account's score or values give by the policy's assignment method: thresholds on the score,
 * shares of the accounts ranked by score (ties by id), ABC classes of a value metric ({@link abcTable}; a missing
 * value counts 0), or the first rule whose conditions all hold; the base tier otherwise.
 *
 * @param policy - The checked policy.
 * @param ids - The accounts' ids.
 * @param score - Their scores.
 * @param rules - The rules' conditions bound to their columns (`rules` method), in rule order.
 * @param abcValues - The ABC metric's raw values (`abc` method).
 * @returns The tier indexes and their reasons.
 *
 * @example
 * ```ts
 * computedTiers(policy, ["A"], Float64Array.of(91), [], undefined).tier; // => Uint8Array [0] (thresholds 80 / 50)
 * ```
 */
export function computedTiers(
  policy: TierPolicy,
  ids: readonly string[],
  score: Float64Array,
  rules: readonly { tier: number; when: BoundCondition[] }[],
  abcValues: Float64Array | undefined,
): ComputedTiers {
  const n = ids.length;
  const tiers = policy.tiers.map((tier) => tier.name);
  const base = tiers.length - 1;
  const tier = new Uint8Array(n).fill(base);
  const assignment = policy.assignment;
  const scoreOf = (i: number): number => roundScore(score[i] as number);
  switch (assignment.method) {
    case "thresholds": {
      const thresholds = assignment.thresholds.map((threshold) => threshold.minScore);
      for (let i = 0; i < n; i++) {
        const s = score[i] as number;
        let t = 0;
        while (t < base && s < (thresholds[t] as number)) t++;
        tier[i] = t;
      }
      const lowest = thresholds[base - 1] as number;
      return {
        tier,
        standing: score,
        cuts: thresholds,
        reason: (i) => {
          const t = tier[i] as number;
          return t < base
            ? {
                code: "tier.threshold.met",
                params: { tier: tiers[t] as string, score: scoreOf(i), threshold: thresholds[t] as number },
              }
            : {
                code: "tier.threshold.base",
                params: { tier: tiers[base] as string, score: scoreOf(i), threshold: lowest },
              };
        },
      };
    }
    case "shares": {
      // The ranking by score, ties by id (the ABC table's ranking; its classes are not used here).
      const order = abcTable(ids, score).order;
      const cumulative: number[] = [];
      const cuts: number[] = [];
      let share = 0;
      let start = 0;
      assignment.shares.forEach((entry, t) => {
        share += entry.share;
        const end = Math.min(n, Math.floor(share * n + 1e-9));
        for (let k = start; k < end; k++) tier[order[k] as number] = t;
        cumulative.push(roundScore(share * 100));
        cuts.push(end > 0 ? (score[order[end - 1] as number] as number) : Number.POSITIVE_INFINITY);
        start = Math.max(start, end);
      });
      return {
        tier,
        standing: score,
        cuts,
        reason: (i) => {
          const t = tier[i] as number;
          return t < base
            ? {
                code: "tier.share.within",
                params: {
                  tier: tiers[t] as string,
                  score: scoreOf(i),
                  share: cumulative[t] as number,
                  cutoff: roundScore(cuts[t] as number),
                },
              }
            : { code: "tier.share.base", params: { tier: tiers[base] as string, score: scoreOf(i) } };
        },
      };
    }
    case "abc": {
      const cutoffs = assignment.cutoffs ?? [0.8, 0.95];
      const table = abcTable(
        ids,
        Float64Array.from(abcValues ?? [], (v) => (Number.isNaN(v) ? 0 : v)),
        { cutoffs },
      );
      // Minus the share (in %) of the positive total held by the accounts ranked before each account.
      const standing = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const i = table.order[r] as number;
        tier[i] = "ABC".indexOf(table.abc[r] as string);
        standing[i] = r === 0 ? 0 : -100 * (table.cumulativeShare[r - 1] as number);
      }
      return {
        tier,
        standing,
        cuts: cutoffs.map((cutoff) => -100 * cutoff),
        reason: (i) => {
          const t = tier[i] as number;
          return {
            code: "tier.abc.class",
            params: {
              tier: tiers[t] as string,
              class: "ABC"[t] as string,
              metric: assignment.metric,
              share: roundScore(0 - (standing[i] as number)),
            },
          };
        },
      };
    }
    case "rules": {
      const matched = new Int16Array(n).fill(-1);
      for (let i = 0; i < n; i++) {
        const r = rules.findIndex((rule) =>
          rule.when.every(({ condition, column }) => passes(condition, column[i] as number)),
        );
        const rule = rules[r];
        if (rule !== undefined) {
          tier[i] = rule.tier;
          matched[i] = r;
        }
      }
      return {
        tier,
        standing: score,
        cuts: [],
        reason: (i) => {
          const r = matched[i] as number;
          return r < 0
            ? { code: "tier.rule.base", params: { tier: tiers[base] as string } }
            : {
                code: "tier.rule.matched",
                params: { tier: tiers[tier[i] as number] as string, rule: r + 1 },
              };
        },
      };
    }
  }
}
