/**
 * The scorecard metrics only the growth features ({@link growthFeatures}) give: a run computes them when its tier
 * policy names one of these (tenure and repeat rate come with the per-customer features too).
 *
 * @example
 * ```ts
 * GROWTH_METRICS.includes("trendGrowthRate"); // => true
 * ```
 */
export const GROWTH_METRICS: readonly string[] = [
  "trendGrowthRate",
  "yearOverYearGrowth",
  "shareOfWallet",
  "crossSell",
  "referrals",
];
