import type { TierInput } from "./TierInput.js";

/**
 * The names of the built-in metrics a tier policy can score, gate or rule on (see {@link TIER_METRICS}); a
 * manager-entered rating the policy declares is read as `rating.NAME`.
 *
 * @example
 * ```ts
 * const metric: TierMetricName = "grossMargin";
 * ```
 */
export type TierMetricName =
  | "revenue"
  | "grossMargin"
  | "grossMarginRate"
  | "profit"
  | "profitMargin"
  | "clv"
  | "pAlive"
  | "expectedPurchases"
  | "orders"
  | "averageOrderValue"
  | "purchaseInterval"
  | "daysSinceLastPurchase"
  | "distinctProducts"
  | "distinctCategories"
  | "returnRate"
  | "revenueTrend"
  | "trendGrowthRate"
  | "yearOverYearGrowth"
  | "shareOfWallet"
  | "crossSell"
  | "tenure"
  | "repeatRate"
  | "nps"
  | "satisfaction"
  | "complaints"
  | "interactions"
  | "referrals"
  | "rfmR"
  | "rfmF"
  | "rfmM"
  | "averageDaysToPay"
  | "maxDaysPastDue"
  | "overdueShare"
  | "creditUtilisation"
  | "qualified";

/**
 * The unit a metric's raw value is in.
 *
 * @example
 * ```ts
 * const unit: TierMetricUnit = TIER_METRICS.revenue.unit; // => "minor"
 * ```
 */
export type TierMetricUnit = "minor" | "count" | "days" | "ratio" | "percent" | "score" | "flag";

/**
 * One entry of the metric catalogue: where the value comes from, its unit, and which way is better.
 *
 * @example
 * ```ts
 * const metric: TierMetric = TIER_METRICS.averageDaysToPay;
 * metric.higherIsBetter; // => false
 * ```
 */
export interface TierMetric {
  /** What the metric is, in a few words (English; the name is the code a CRM translates). */
  description: string;
  /** The unit of the raw value. */
  unit: TierMetricUnit;
  /** Whether a higher value is better (the default direction; a policy may turn it). */
  higherIsBetter: boolean;
  /** Reads the raw value, `undefined` when its source is missing. */
  read(input: TierInput): number | undefined;
}

function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  return numerator === undefined || denominator === undefined || denominator <= 0
    ? undefined
    : numerator / denominator;
}

/**
 * The metric catalogue: every built-in metric by name, with its source among the stages' outputs, its unit and
 * its default direction. A policy refers to metrics by these names; an unknown name is a policy error with its
 * JSON path. Money metrics are minor units; where both the features and the P&L have a value, the features win.
 *
 * @example
 * ```ts
 * TIER_METRICS.revenue.read({ id: "C1", features: { revenueMinor: 120000 } as CustomerFeatures }); // => 120000
 * TIER_METRICS.daysSinceLastPurchase.higherIsBetter; // => false
 * ```
 */
export const TIER_METRICS: Readonly<Record<TierMetricName, TierMetric>> = {
  revenue: {
    description: "net revenue",
    unit: "minor",
    higherIsBetter: true,
    read: (a) => a.features?.revenueMinor ?? a.profit?.netRevenueMinor,
  },
  grossMargin: {
    description: "gross margin",
    unit: "minor",
    higherIsBetter: true,
    read: (a) => a.features?.grossMarginMinor ?? a.profit?.grossMarginMinor,
  },
  grossMarginRate: {
    description: "gross margin ÷ net revenue",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.features?.grossMarginRate,
  },
  profit: {
    description: "profit after cost to serve",
    unit: "minor",
    higherIsBetter: true,
    read: (a) => a.profit?.profitMinor,
  },
  profitMargin: {
    description: "profit ÷ net revenue × 100",
    unit: "percent",
    higherIsBetter: true,
    read: (a) => a.profit?.marginPercent,
  },
  clv: {
    description: "customer lifetime value",
    unit: "minor",
    higherIsBetter: true,
    read: (a) => a.clv?.clv,
  },
  pAlive: {
    description: "probability the customer is alive",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.clv?.pAlive,
  },
  expectedPurchases: {
    description: "expected purchases over the CLV horizon",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.clv?.expectedPurchases,
  },
  orders: {
    description: "orders",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.features?.orderCount ?? a.growth?.orders,
  },
  averageOrderValue: {
    description: "average order value",
    unit: "minor",
    higherIsBetter: true,
    read: (a) => a.features?.averageOrderValueMinor,
  },
  purchaseInterval: {
    description: "median days between purchases",
    unit: "days",
    higherIsBetter: false,
    read: (a) => a.features?.interPurchaseMedianDays,
  },
  daysSinceLastPurchase: {
    description: "days since the last purchase",
    unit: "days",
    higherIsBetter: false,
    read: (a) => a.features?.daysSinceLastPurchase,
  },
  distinctProducts: {
    description: "distinct products bought",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.features?.distinctProducts ?? a.growth?.distinctProducts,
  },
  distinctCategories: {
    description: "distinct product categories bought",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.features?.distinctCategories ?? a.growth?.distinctCategories,
  },
  returnRate: {
    description: "returns ÷ gross sales",
    unit: "ratio",
    higherIsBetter: false,
    read: (a) => a.features?.returnRate,
  },
  revenueTrend: {
    description: "recent ÷ previous window's revenue",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.features?.revenueTrendRatio,
  },
  trendGrowthRate: {
    description: "revenue trend: slope ÷ mean per period",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.growth?.trendGrowthRate,
  },
  yearOverYearGrowth: {
    description: "last 12 months ÷ the 12 before − 1",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.growth?.yearOverYearGrowth,
  },
  shareOfWallet: {
    description: "last 12 months' revenue ÷ the yearly potential",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => a.growth?.shareOfWallet,
  },
  crossSell: {
    description: "categories bought beyond the first",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.growth?.crossSellCount,
  },
  tenure: {
    description: "days since the relationship began",
    unit: "days",
    higherIsBetter: true,
    read: (a) => a.features?.tenureDays ?? a.growth?.tenureDays,
  },
  repeatRate: {
    description: "repeat orders ÷ orders",
    unit: "ratio",
    higherIsBetter: true,
    read: (a) => {
      if (a.growth !== undefined) return a.growth.repeatPurchaseRate;
      const orders = a.features?.orderCount;
      return orders === undefined || orders === 0 ? undefined : (orders - 1) / orders;
    },
  },
  nps: {
    description: "latest NPS answer (0–10)",
    unit: "score",
    higherIsBetter: true,
    read: (a) => a.features?.interactions?.latestNps,
  },
  satisfaction: {
    description: "mean satisfaction (1–5)",
    unit: "score",
    higherIsBetter: true,
    read: (a) => a.features?.interactions?.averageSatisfaction,
  },
  complaints: {
    description: "complaints opened",
    unit: "count",
    higherIsBetter: false,
    read: (a) => (a.features === undefined ? undefined : (a.features.interactions?.complaintCount ?? 0)),
  },
  interactions: {
    description: "interactions (visits, calls, trainings …)",
    unit: "count",
    higherIsBetter: true,
    read: (a) => (a.features === undefined ? undefined : (a.features.interactions?.interactionCount ?? 0)),
  },
  referrals: {
    description: "referrals recorded",
    unit: "count",
    higherIsBetter: true,
    read: (a) => a.growth?.referrals,
  },
  rfmR: { description: "RFM recency score", unit: "score", higherIsBetter: true, read: (a) => a.rfm?.r },
  rfmF: { description: "RFM frequency score", unit: "score", higherIsBetter: true, read: (a) => a.rfm?.f },
  rfmM: { description: "RFM monetary score", unit: "score", higherIsBetter: true, read: (a) => a.rfm?.m },
  averageDaysToPay: {
    description: "mean days from invoice to full payment",
    unit: "days",
    higherIsBetter: false,
    read: (a) => a.features?.receivables?.averageDaysToPay,
  },
  maxDaysPastDue: {
    description: "most days an open invoice is past due",
    unit: "days",
    higherIsBetter: false,
    read: (a) =>
      a.features?.receivables === undefined ? undefined : (a.features.receivables.maxDaysPastDue ?? 0),
  },
  overdueShare: {
    description: "overdue ÷ open receivables",
    unit: "ratio",
    higherIsBetter: false,
    read: (a) => {
      const receivables = a.features?.receivables;
      if (receivables === undefined) return undefined;
      return ratio(receivables.overdueAmountMinor, receivables.openReceivablesMinor) ?? 0;
    },
  },
  creditUtilisation: {
    description: "open receivables ÷ credit limit",
    unit: "ratio",
    higherIsBetter: false,
    read: (a) => a.features?.creditUtilisation,
  },
  qualified: {
    description: "holds the qualification documents it needs (1) or not (0)",
    unit: "flag",
    higherIsBetter: true,
    read: (a) => (a.qualified === undefined ? undefined : a.qualified ? 1 : 0),
  },
};
