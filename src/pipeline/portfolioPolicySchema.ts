import * as z from "zod/mini";
import type { Locale } from "../model/locale.js";
import { PERIODS, type Period } from "../model/period.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import { type CostModel, costModelSchema } from "../profit/costModelSchema.js";
import { SCORE_METHODS, type ScoreMethod } from "../rfm/ScoreMethod.js";
import { type SegmentMapDefinition, segmentMapSchema } from "../rfm/segmentMapSchema.js";
import { type SignalPackName, type SignalPolicy, signalPolicySchema } from "../signals/signalPolicySchema.js";
import { type TierPolicy, tierPolicySchema } from "../tier/tierPolicySchema.js";
import type { TierPresetName } from "../tier/tierPresets.js";

/**
 * The purchase models {@link scorePortfolio} can fit for the predictive CLV.
 *
 * @example
 * ```ts
 * const model: PortfolioPurchaseModel = "paretonbd";
 * ```
 */
export type PortfolioPurchaseModel = "bgnbd" | "mbgnbd" | "paretonbd";

/**
 * The built-in RFM segment maps a portfolio policy can name: `grid` ({@link GRID_SEGMENTS}), `rfm-package`
 * ({@link RFM_PACKAGE_SEGMENTS}) and `eight-class`, the Chinese 8-class model ({@link RFM_EIGHT_CLASS_SEGMENTS}).
 *
 * @example
 * ```ts
 * const segments: BuiltInSegmentMap = "eight-class";
 * ```
 */
export type BuiltInSegmentMap = "grid" | "rfm-package" | "eight-class";

/**
 * The predictive CLV settings of a portfolio policy: the purchase model, when to fit it, the horizon, discounting
 * and margin, and the calibration/holdout model check.
 *
 * @example
 * ```ts
 * const clv: PortfolioClvSettings = {
 *   model: "bgnbd", horizon: 12, horizonUnit: "month", discountRate: 0.01, discountUnit: "month", margin: 0.3,
 * };
 * ```
 */
export interface PortfolioClvSettings {
  /** The purchase model; default `"bgnbd"`. Spend per purchase is always Gamma-Gamma. */
  model?: PortfolioPurchaseModel | undefined;
  /** Fit only when at least this many customers bought more than once; default 30. Below it, no CLV, with the reason. */
  minRepeatBuyers?: number | undefined;
  /** The CLV horizon; default 12. */
  horizon?: number | undefined;
  /** The horizon's unit; default `"month"`. */
  horizonUnit?: TimeUnit | undefined;
  /** The discount rate per `discountUnit`; default 0.01. */
  discountRate?: number | undefined;
  /** The discounting period; default `"month"`. */
  discountUnit?: TimeUnit | undefined;
  /** The share of revenue that is margin, 0..1; default 1 (CLV in revenue). */
  margin?: number | undefined;
  /**
   * The model check: the last `holdoutDays` days are held out, the model is fitted on the days before and its
   * predictions for the holdout are compared with what happened. 0 turns it off; default 180.
   */
  holdoutDays?: number | undefined;
}

/**
 * The whole job's configuration, one JSON document: how customers are summarised, RFM, the CLV model, the cost
 * model, the tier policy (or a preset's name) and the signal rules (or the names of built-in packs), the task
 * window and the language of the texts.
 *
 * @example
 * ```ts
 * const policy: PortfolioPolicy = {
 *   version: 1, name: "key accounts 2026", currency: "USD",
 *   tiers: "strategic-key-ordinary", signals: ["churn", "credit", "follow-up"],
 * };
 * ```
 */
export interface PortfolioPolicy {
  /** The policy format's version: 1. */
  version: 1;
  /** A name for the policy, shown in the report. */
  name: string;
  /** The language of the texts (reasons, alerts, tasks, report); default `"en"`. */
  locale?: Locale | undefined;
  /** Use only transactions and invoices in this currency (others are counted); default: all, flagged when mixed. */
  currency?: string | undefined;
  /** How transactions are summarised. */
  features?:
    | {
        /** Purchase grouping; default `"day"`. */
        period?: Period | undefined;
        /** The unit of recency and T for the BTYD models; default `"week"`. */
        timeUnit?: TimeUnit | undefined;
        /** The recent-revenue window in days; default 90. */
        recentDays?: number | undefined;
      }
    | undefined;
  /** RFM scoring. */
  rfm?:
    | {
        /** Score bins; default: the segment map's (5 for `grid` and `rfm-package`, 2 for `eight-class`). */
        bins?: number | undefined;
        /**
         * Binning method; default: the segment map's (`mean` for `eight-class`), else `"quantile"`. `mean` and
         * `median` split each measure into high and low (2 bins).
         */
        method?: ScoreMethod | undefined;
        /**
         * A built-in segment map or a segment map of one's own; default `"eight-class"` for the methods `mean` and
         * `median`, else `"grid"`.
         */
        segments?: BuiltInSegmentMap | SegmentMapDefinition | undefined;
      }
    | undefined;
  /** Predictive CLV, or `false` for none. Default: fitted with the defaults of {@link PortfolioClvSettings}. */
  clv?: PortfolioClvSettings | false | undefined;
  /** The cost model for the customer P&L; without one, profit is the gross margin. */
  costModel?: CostModel | undefined;
  /** The tier policy, or a preset's name. */
  tiers: TierPolicy | TierPresetName;
  /** The signal policy, or built-in packs by name; default every built-in pack. `[]` for no signals. */
  signals?: SignalPolicy | SignalPackName[] | undefined;
  /** Tasks due within this many days are listed; default 14. */
  taskDays?: number | undefined;
}

/**
 * The zod schema of a {@link PortfolioPolicy}, for CRMs to validate with and to export as JSON Schema
 * (`z.toJSONSchema`). `deep: false` leaves the tier, signal, segment-map and cost-model parts unchecked (any object), for
 * {@link parsePortfolioPolicy}, which hands them to their own parsers.
 *
 * @param deep - Whether the parts are checked with their own schemas; default true.
 * @returns The schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * z.safeParse(portfolioPolicySchema(), { version: 1, name: "p", tiers: "abc" }).success; // => true
 * z.safeParse(portfolioPolicySchema(), { version: 1, name: "p", tiers: "abc", colour: 1 }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function portfolioPolicySchema(deep = true): z.ZodMiniType<PortfolioPolicy> {
  // Unchecked, a part is any JSON object (a preset's or a pack's name is not one).
  const part = (schema: z.ZodMiniType): z.ZodMiniType => (deep ? schema : z.record(z.string(), z.unknown()));
  const positive = z.number().check(z.positive());
  const days = z.number().check(z.int(), z.nonnegative());
  const unit = z.enum(TIME_UNITS as [TimeUnit, ...TimeUnit[]]);
  const presets = z.enum(["strategic-key-ordinary", "vip-gold-silver-bronze", "abc"]);
  const packs = z.array(z.enum(["churn", "credit", "complaints", "follow-up", "care", "qualification"]));
  return z.strictObject({
    version: z.literal(1),
    name: z.string().check(z.minLength(1)),
    locale: z.optional(z.enum(["en", "zh-CN"])),
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    features: z.optional(
      z.strictObject({
        period: z.optional(z.enum(PERIODS as [Period, ...Period[]])),
        timeUnit: z.optional(unit),
        recentDays: z.optional(z.number().check(z.int(), z.minimum(1))),
      }),
    ),
    rfm: z.optional(
      z.strictObject({
        bins: z.optional(z.number().check(z.int(), z.minimum(2), z.maximum(9))),
        method: z.optional(z.enum(SCORE_METHODS as [ScoreMethod, ...ScoreMethod[]])),
        segments: z.optional(
          z.union([z.enum(["grid", "rfm-package", "eight-class"]), part(segmentMapSchema())]),
        ),
      }),
    ),
    clv: z.optional(
      z.union([
        z.literal(false),
        z.strictObject({
          model: z.optional(z.enum(["bgnbd", "mbgnbd", "paretonbd"])),
          minRepeatBuyers: z.optional(z.number().check(z.int(), z.minimum(1))),
          horizon: z.optional(positive),
          horizonUnit: z.optional(unit),
          discountRate: z.optional(z.number().check(z.nonnegative())),
          discountUnit: z.optional(unit),
          margin: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
          holdoutDays: z.optional(days),
        }),
      ]),
    ),
    costModel: z.optional(part(costModelSchema())),
    tiers: z.union([presets, part(tierPolicySchema())]),
    signals: z.optional(z.union([packs, part(signalPolicySchema())])),
    taskDays: z.optional(days),
  }) as unknown as z.ZodMiniType<PortfolioPolicy>;
}
