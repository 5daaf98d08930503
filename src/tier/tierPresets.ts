import type { TierPolicy } from "./tierPolicySchema.js";

/**
 * The names of the preset policies: `strategic-key-ordinary` (strategic / key / potential / ordinary, the
 * usual key-account scheme), `vip-gold-silver-bronze` (score thresholds with hysteresis) and `abc` (ABC classes
 * on revenue).
 *
 * @example
 * ```ts
 * const preset: TierPresetName = "abc";
 * ```
 */
export type TierPresetName = "strategic-key-ordinary" | "vip-gold-silver-bronze" | "abc";

/**
 * Ready-made policies for the schemes the field uses, to start from and adjust (each passes
 * {@link parseTierPolicy}):
 *
 * - `strategic-key-ordinary`: six dimensions — value (revenue, gross margin, CLV), cooperation (orders, order
 *   size, customisation, support and training use, framework contract), growth (trend, share of wallet,
 *   expansion plans), loyalty (tenure, repeat rate, NPS, referrals), strategic fit (manager rating, industry
 *   match), credit (days to pay, overdue share) — and ordered rules: score ≥ 75 → strategic (when the credit
 *   dimension scores ≥ 40), score ≥ 55 → key, growth ≥ 70 → potential, else ordinary; down after two periods
 *   below; new accounts (under 180 days) are at least potential.
 * - `vip-gold-silver-bronze`: value, loyalty and credit; thresholds 85 / 70 / 50 with an up margin of 2 points,
 *   down after two periods below or at once when 10 points below.
 * - `abc`: A / B / C by ABC classes of revenue (80 % / 95 %); the score is revenue's percentile.
 *
 * Ratings a manager has not entered count as neutral (50 points), and a CLV that was not computed is left out.
 *
 * @example
 * ```ts
 * TIER_PRESETS["strategic-key-ordinary"].tiers.map((tier) => tier.name);
 * // => ["strategic", "key", "potential", "ordinary"]
 * TIER_PRESETS.abc.assignment; // => { method: "abc", metric: "revenue", cutoffs: [0.8, 0.95] }
 * ```
 */
export const TIER_PRESETS: Readonly<Record<TierPresetName, TierPolicy>> = {
  "strategic-key-ordinary": {
    version: 1,
    name: "strategic / key / potential / ordinary",
    ratings: [
      { name: "customisation", min: 0, max: 5 },
      { name: "supportUse", min: 0, max: 5 },
      { name: "contract", min: 0, max: 1 },
      { name: "expansionPlans", min: 1, max: 5 },
      { name: "strategicFit", min: 1, max: 5 },
      { name: "industryMatch", min: 0, max: 1 },
    ],
    missing: "neutral",
    dimensions: [
      {
        name: "value",
        weight: 30,
        metrics: [
          { metric: "revenue", weight: 40, normalise: { method: "percentile" } },
          { metric: "grossMargin", weight: 35, normalise: { method: "percentile" } },
          { metric: "clv", weight: 25, normalise: { method: "percentile" }, missing: "exclude" },
        ],
      },
      {
        name: "cooperation",
        weight: 20,
        metrics: [
          { metric: "orders", weight: 30, normalise: { method: "percentile" } },
          { metric: "averageOrderValue", weight: 25, normalise: { method: "percentile" } },
          { metric: "rating.customisation", weight: 15, normalise: { method: "minMax", min: 0, max: 5 } },
          { metric: "rating.supportUse", weight: 15, normalise: { method: "minMax", min: 0, max: 5 } },
          { metric: "rating.contract", weight: 15, normalise: { method: "minMax", min: 0, max: 1 } },
        ],
      },
      {
        name: "growth",
        weight: 15,
        metrics: [
          { metric: "trendGrowthRate", weight: 35, normalise: { method: "minMax", min: -0.2, max: 0.2 } },
          { metric: "shareOfWallet", weight: 30, normalise: { method: "minMax", min: 0, max: 1 } },
          { metric: "rating.expansionPlans", weight: 35, normalise: { method: "minMax", min: 1, max: 5 } },
        ],
      },
      {
        name: "loyalty",
        weight: 15,
        metrics: [
          { metric: "tenure", weight: 30, normalise: { method: "minMax", min: 0, max: 1826 } },
          { metric: "repeatRate", weight: 25, normalise: { method: "minMax", min: 0, max: 1 } },
          {
            metric: "nps",
            weight: 30,
            normalise: {
              method: "bands",
              bands: [
                { from: 0, points: 0 },
                { from: 7, points: 60 },
                { from: 9, points: 100 },
              ],
            },
          },
          { metric: "referrals", weight: 15, normalise: { method: "minMax", min: 0, max: 5 } },
        ],
      },
      {
        name: "strategicFit",
        weight: 10,
        metrics: [
          { metric: "rating.strategicFit", weight: 70, normalise: { method: "minMax", min: 1, max: 5 } },
          { metric: "rating.industryMatch", weight: 30, normalise: { method: "minMax", min: 0, max: 1 } },
        ],
      },
      {
        name: "credit",
        weight: 10,
        metrics: [
          {
            metric: "averageDaysToPay",
            weight: 50,
            normalise: {
              method: "bands",
              bands: [
                { from: 0, points: 100 },
                { from: 31, points: 70 },
                { from: 61, points: 30 },
                { from: 91, points: 0 },
              ],
            },
          },
          { metric: "overdueShare", weight: 50, normalise: { method: "minMax", min: 0, max: 1 } },
        ],
      },
    ],
    tiers: [
      {
        name: "strategic",
        label: { en: "Strategic account", "zh-CN": "战略客户" },
        gates: [{ metric: "dimension.credit", min: 40 }],
      },
      { name: "key", label: { en: "Key account", "zh-CN": "重点客户" } },
      { name: "potential", label: { en: "Potential account", "zh-CN": "潜力客户" } },
      { name: "ordinary", label: { en: "Ordinary account", "zh-CN": "普通客户" } },
    ],
    assignment: {
      method: "rules",
      rules: [
        { tier: "strategic", when: [{ metric: "score", min: 75 }] },
        { tier: "key", when: [{ metric: "score", min: 55 }] },
        { tier: "potential", when: [{ metric: "dimension.growth", min: 70 }] },
      ],
    },
    hysteresis: { downPeriods: 2 },
    newAccounts: { graceDays: 180, tier: "potential" },
  },
  "vip-gold-silver-bronze": {
    version: 1,
    name: "VIP / gold / silver / bronze",
    dimensions: [
      {
        name: "value",
        weight: 50,
        metrics: [
          { metric: "revenue", weight: 60, normalise: { method: "percentile" } },
          { metric: "grossMargin", weight: 40, normalise: { method: "percentile" } },
        ],
      },
      {
        name: "loyalty",
        weight: 30,
        metrics: [
          { metric: "orders", weight: 40, normalise: { method: "percentile" } },
          { metric: "tenure", weight: 30, normalise: { method: "minMax", min: 0, max: 1826 } },
          { metric: "daysSinceLastPurchase", weight: 30, normalise: { method: "percentile" } },
        ],
      },
      {
        name: "credit",
        weight: 20,
        metrics: [{ metric: "maxDaysPastDue", weight: 1, normalise: { method: "minMax", min: 0, max: 90 } }],
      },
    ],
    tiers: [
      { name: "vip", label: { en: "VIP", "zh-CN": "VIP 客户" } },
      { name: "gold", label: { en: "Gold", "zh-CN": "金牌客户" } },
      { name: "silver", label: { en: "Silver", "zh-CN": "银牌客户" } },
      { name: "bronze", label: { en: "Bronze", "zh-CN": "铜牌客户" } },
    ],
    assignment: {
      method: "thresholds",
      thresholds: [
        { tier: "vip", minScore: 85 },
        { tier: "gold", minScore: 70 },
        { tier: "silver", minScore: 50 },
      ],
    },
    hysteresis: { upMargin: 2, downMargin: 10, downPeriods: 2 },
  },
  abc: {
    version: 1,
    name: "A / B / C by revenue",
    dimensions: [
      {
        name: "value",
        weight: 1,
        metrics: [{ metric: "revenue", weight: 1, normalise: { method: "percentile" } }],
      },
    ],
    tiers: [
      { name: "A", label: { en: "Class A", "zh-CN": "A 类客户" } },
      { name: "B", label: { en: "Class B", "zh-CN": "B 类客户" } },
      { name: "C", label: { en: "Class C", "zh-CN": "C 类客户" } },
    ],
    assignment: { method: "abc", metric: "revenue", cutoffs: [0.8, 0.95] },
  },
};
