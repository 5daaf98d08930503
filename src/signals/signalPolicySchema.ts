import * as z from "zod/mini";
import { CARE_DATE_KINDS, type CareDateKind, type Holiday } from "./upcomingCareDates.js";

/**
 * How urgent an alert is: `info`, `warning` or `critical` (alerts are sorted most severe first).
 *
 * @example
 * ```ts
 * const severity: SignalSeverity = "critical";
 * ```
 */
export type SignalSeverity = "info" | "warning" | "critical";

/**
 * A comparison of a number metric: `<`, `<=`, `>`, `>=`, `==`, `!=`.
 *
 * @example
 * ```ts
 * const op: ComparisonOperator = ">=";
 * ```
 */
export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";

/**
 * A condition over an account's metrics ({@link SIGNAL_METRICS}), as data (never code):
 * - `{ metric, op, value }`: a number metric compared with a constant;
 * - `{ metric, op, ref, times?, plus? }`: compared with another metric of the same account, `ref × times + plus`
 *   (its own baseline: "days since the last order > 2 × its median interval");
 * - `{ metric, between: [low, high] }`: low ≤ value ≤ high;
 * - `{ metric, in: [...] }`: the value (number or text) is one of the list;
 * - `{ metric, missing: true | false }`: whether the metric has no value;
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: condition }`.
 * A comparison, `between` or `in` on a missing value (or a missing `ref`) does not hold.
 *
 * @example
 * ```ts
 * const overdue: SignalCondition = {
 *   all: [
 *     { metric: "daysSinceLastPurchase", op: ">", ref: "purchaseInterval", times: 2 },
 *     { metric: "orders", op: ">=", value: 3 },
 *   ],
 * };
 * ```
 */
export type SignalCondition =
  | { metric: string; op: ComparisonOperator; value: number }
  | {
      metric: string;
      op: ComparisonOperator;
      ref: string;
      times?: number | undefined;
      plus?: number | undefined;
    }
  | { metric: string; between: [number, number] }
  | { metric: string; in: (string | number)[] }
  | { metric: string; missing: boolean }
  | { all: SignalCondition[] }
  | { any: SignalCondition[] }
  | { not: SignalCondition };

/**
 * A text for people in both shipped languages: English (required) and Simplified Chinese. `{metric}` placeholders
 * are filled with the account's metric values, formatted by unit (money with its currency, ratios as percent);
 * `{customer}` is the account's name (else its id).
 *
 * @example
 * ```ts
 * const text: LocalisedText = { en: "{daysSinceLastPurchase} days without an order", "zh-CN": "已 {daysSinceLastPurchase} 天未下单" };
 * ```
 */
export interface LocalisedText {
  /** English. */
  en: string;
  /** Simplified Chinese; English is used when it is absent. */
  "zh-CN"?: string | undefined;
}

/**
 * One alert rule: when `when` holds for an account in scope, an alert with this severity, category and message.
 *
 * @example
 * ```ts
 * const rule: SignalRule = {
 *   id: "churn.no-contact",
 *   category: "churn",
 *   severity: "warning",
 *   when: { metric: "daysSinceLastFollowUp", op: ">", value: 120 },
 *   message: { en: "No contact for {daysSinceLastFollowUp} days", "zh-CN": "已 {daysSinceLastFollowUp} 天未联系" },
 *   scope: { tiers: ["strategic", "key"] },
 * };
 * ```
 */
export interface SignalRule {
  /** A stable id (letters, digits, `.`, `-`, `_`), part of every alert's de-duplication key. */
  id: string;
  /** The alert's category, e.g. `churn`, `credit`, `complaint`, `follow-up`, `pool`, `care`, `qualification`. */
  category: string;
  /** The alert's severity. */
  severity: SignalSeverity;
  /** The condition. */
  when: SignalCondition;
  /** The alert's message template. */
  message: LocalisedText;
  /** Only accounts of these tiers and/or segments (a list left out does not restrict). */
  scope?: { tiers?: string[] | undefined; segments?: string[] | undefined } | undefined;
}

/**
 * A grade: ordered classes, the first whose condition holds gives the account its label (else `otherwise`), read
 * by rules as the text metric `grade.NAME` — e.g. a credit rating A–D from payment history.
 *
 * @example
 * ```ts
 * const rating: SignalGrade = {
 *   name: "credit",
 *   classes: [{ label: "D", when: { metric: "overdue90Plus", op: ">", value: 0 }, reason: { en: "over 90 days overdue" } }],
 *   otherwise: "A",
 * };
 * ```
 */
export interface SignalGrade {
  /** The grade's name. */
  name: string;
  /** The classes, tried in order. */
  classes: { label: string; when: SignalCondition; reason?: LocalisedText | undefined }[];
  /** The label when no class matches. */
  otherwise: string;
}

/**
 * One points rule of a score: `points` (positive or negative) when `when` holds, optionally decaying with the age
 * of what earned them: × 0.5^(age ÷ halfLifeDays), the age read from a days metric (HubSpot-style score decay).
 *
 * @example
 * ```ts
 * const visited: PointsRule = {
 *   when: { metric: "daysSinceLastFollowUp", op: "<=", value: 90 }, points: 20,
 *   decay: { ageMetric: "daysSinceLastFollowUp", halfLifeDays: 30 },
 * };
 * ```
 */
export interface PointsRule {
  /** The condition. */
  when: SignalCondition;
  /** The points it adds (negative: takes away). */
  points: number;
  /** Halve the points every `halfLifeDays` of `ageMetric`. */
  decay?: { ageMetric: string; halfLifeDays: number } | undefined;
}

/**
 * A points score in the style of CRM scoring rules (engagement, health): `base` plus the points of every rule
 * that holds, each group's sum capped to its `min`..`max`, the total to the score's `min`..`max`. Read by rules as
 * the number metric `score.NAME`.
 *
 * @example
 * ```ts
 * const health: PointsScore = {
 *   name: "health", base: 50, min: 0, max: 100,
 *   groups: [{ name: "complaints", min: -30, rules: [{ when: { metric: "openComplaints", op: ">", value: 0 }, points: -20 }] }],
 * };
 * ```
 */
export interface PointsScore {
  /** The score's name. */
  name: string;
  /** The starting points; default 0. */
  base?: number | undefined;
  /** The lowest total. */
  min?: number | undefined;
  /** The highest total. */
  max?: number | undefined;
  /** The groups of rules. */
  groups: { name: string; min?: number | undefined; max?: number | undefined; rules: PointsRule[] }[];
}

/**
 * A value that may differ per tier: one number for every tier, or numbers by tier name with `default` for the
 * tiers not listed (and accounts without a tier).
 *
 * @example
 * ```ts
 * const cadence: TierValues = { strategic: 14, key: 30, default: 90 };
 * ```
 */
export type TierValues = number | Record<string, number>;

/**
 * The settings the built-in metrics and tasks read (see {@link SIGNAL_METRICS}); every field has a default.
 *
 * @example
 * ```ts
 * const settings: SignalSettings = { followUpCadenceDays: { strategic: 14, key: 30, default: 90 }, pool: { noFollowUpDays: 30, warnDays: 5 } };
 * ```
 */
export interface SignalSettings {
  /** The recent window of follow-ups and complaints, in whole days ≥ 1; default 90. */
  windowDays?: number | undefined;
  /** The recent window of days-to-pay, in whole days ≥ 1; default 180. */
  payWindowDays?: number | undefined;
  /** Days between follow-ups (metric `followUpCadence`); default 30. */
  followUpCadenceDays?: TierValues | undefined;
  /** Target hours to the first response to a complaint; default 24. */
  responseTargetHours?: TierValues | undefined;
  /** Target hours to resolve a complaint; default 72. */
  resolutionTargetHours?: TierValues | undefined;
  /**
   * The shared-pool rule: an account not followed up within `noFollowUpDays` days, or without a deal within
   * `noDealDays` days, goes back to the pool, warned `warnDays` days before; locked and won accounts are exempt.
   * Without either limit there is no pool rule.
   */
  pool?:
    | { noFollowUpDays?: number | undefined; noDealDays?: number | undefined; warnDays?: number | undefined }
    | undefined;
  /** Care reminders: how far ahead, which kinds, the holiday calendar, and for which tiers (default all). */
  care?:
    | {
        lookAheadDays?: number | undefined;
        kinds?: CareDateKind[] | undefined;
        holidays?: Holiday[] | undefined;
        tiers?: string[] | undefined;
      }
    | undefined;
  /** Days before a document's expiry from which it is "expiring"; default 30. */
  expiryWarningDays?: number | undefined;
  /** Days after which a document's verification is due again; default 365. */
  verificationReviewDays?: number | undefined;
  /** Days after which the customer record is due for a review; default 180. */
  profileReviewDays?: number | undefined;
}

/**
 * The names of the built-in rule packs ({@link SIGNAL_PACKS}).
 *
 * @example
 * ```ts
 * const pack: SignalPackName = "credit";
 * ```
 */
export type SignalPackName = "churn" | "credit" | "complaints" | "follow-up" | "care" | "qualification";

/**
 * The signal policy, one JSON document: built-in packs to include, settings, grades, points scores and rules.
 *
 * @example
 * ```ts
 * const policy: SignalPolicy = {
 *   version: 1,
 *   include: ["churn", "credit"],
 *   settings: { followUpCadenceDays: { strategic: 14, key: 30, default: 90 } },
 *   rules: [],
 * };
 * ```
 */
export interface SignalPolicy {
  /** The version of the format: 1. */
  version: 1;
  /** The policy's name. */
  name?: string | undefined;
  /** Built-in packs whose grades, scores and rules are added before this policy's own. */
  include?: SignalPackName[] | undefined;
  /** Settings (cadences, targets, windows). */
  settings?: SignalSettings | undefined;
  /** Grades (text metrics `grade.NAME`). */
  grades?: SignalGrade[] | undefined;
  /** Points scores (number metrics `score.NAME`). */
  scores?: PointsScore[] | undefined;
  /** Alert rules. */
  rules?: SignalRule[] | undefined;
}

/**
 * The zod schema of a {@link SignalPolicy}'s shape, with unknown keys as errors. Conditions are checked by
 * {@link parseSignalPolicy} (their paths are precise there), so here they are any JSON value; so are the metric
 * names and message placeholders.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * z.safeParse(signalPolicySchema(), { version: 1, rules: [] }).success; // => true
 * z.safeParse(signalPolicySchema(), { version: 1, colour: "red" }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function signalPolicySchema(): z.ZodMiniType<SignalPolicy> {
  const name = z.string().check(z.minLength(1));
  const id = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));
  const days = z.number().check(z.int(), z.nonnegative());
  // The recent windows are whole days ≥ 1 and the care look-ahead at most 36600 days, as accountFacts and
  // upcomingCareDates require: a policy they would reject at evaluation is rejected here.
  const window = z.number().check(z.int(), z.minimum(1));
  const lookAhead = z.number().check(z.int(), z.nonnegative(), z.maximum(36_600));
  const positive = z.number().check(z.positive());
  const condition = z.unknown();
  const text = z.strictObject({ en: name, "zh-CN": z.optional(name) });
  const tierValues = z.union([positive, z.record(z.string(), positive)]);
  const bounds = { min: z.optional(z.number()), max: z.optional(z.number()) };
  const day = z.string().check(z.regex(/^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
  return z.strictObject({
    version: z.literal(1),
    name: z.optional(name),
    include: z.optional(
      z.array(z.enum(["churn", "credit", "complaints", "follow-up", "care", "qualification"])),
    ),
    settings: z.optional(
      z.strictObject({
        windowDays: z.optional(window),
        payWindowDays: z.optional(window),
        followUpCadenceDays: z.optional(tierValues),
        responseTargetHours: z.optional(tierValues),
        resolutionTargetHours: z.optional(tierValues),
        pool: z.optional(
          z.strictObject({
            noFollowUpDays: z.optional(days),
            noDealDays: z.optional(days),
            warnDays: z.optional(days),
          }),
        ),
        care: z.optional(
          z.strictObject({
            lookAheadDays: z.optional(lookAhead),
            kinds: z.optional(z.array(z.enum(CARE_DATE_KINDS as [CareDateKind, ...CareDateKind[]]))),
            holidays: z.optional(z.array(z.strictObject({ date: day, name }))),
            tiers: z.optional(z.array(name)),
          }),
        ),
        expiryWarningDays: z.optional(days),
        verificationReviewDays: z.optional(days),
        profileReviewDays: z.optional(days),
      }),
    ),
    grades: z.optional(
      z.array(
        z.strictObject({
          name: id,
          classes: z.array(z.strictObject({ label: name, when: condition, reason: z.optional(text) })),
          otherwise: name,
        }),
      ),
    ),
    scores: z.optional(
      z.array(
        z.strictObject({
          name: id,
          base: z.optional(z.number()),
          ...bounds,
          groups: z.array(
            z.strictObject({
              name,
              ...bounds,
              rules: z.array(
                z.strictObject({
                  when: condition,
                  points: z.number(),
                  decay: z.optional(z.strictObject({ ageMetric: name, halfLifeDays: positive })),
                }),
              ),
            }),
          ),
        }),
      ),
    ),
    rules: z.optional(
      z.array(
        z.strictObject({
          id,
          category: id,
          severity: z.enum(["info", "warning", "critical"]),
          when: condition,
          message: text,
          scope: z.optional(
            z.strictObject({ tiers: z.optional(z.array(name)), segments: z.optional(z.array(name)) }),
          ),
        }),
      ),
    ),
  }) as unknown as z.ZodMiniType<SignalPolicy>;
}
