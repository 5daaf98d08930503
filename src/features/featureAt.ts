import type { CustomerFeatures } from "./CustomerFeatures.js";
import type { FeatureColumns } from "./FeatureColumns.js";

/** A number column's entry, `undefined` for the `NaN` that marks a missing value. */
function optional(column: readonly number[], i: number): number | undefined {
  const value = column[i] as number;
  return Number.isNaN(value) ? undefined : value;
}

/**
 * One customer of {@link FeatureColumns} as a {@link CustomerFeatures} object (`NaN` entries become `undefined`);
 * a {@link FeatureSummary}'s `features` are these objects.
 *
 * @param columns - The columns ({@link summarize}'s `columns`, or {@link toFeatureColumns}).
 * @param i - The customer's position, 0 ≤ i < `columns.ids.length`.
 * @returns The customer's features.
 *
 * @example
 * ```ts
 * const { columns } = summarize(
 *   { transactions: [{ customerId: "C1", date: "2024-05-01", amountMinor: 1250, currency: "USD", kind: "sale" }] },
 *   { asOf: "2024-06-30" },
 * );
 * const c1 = featureAt(columns, 0);
 * [c1.id, c1.revenueMinor, c1.lastPurchaseDate, c1.interPurchaseCv]; // => ["C1", 1250, "2024-05-01", undefined]
 * ```
 */
export function featureAt(columns: FeatureColumns, i: number): CustomerFeatures {
  const c = columns;
  return {
    id: c.ids[i] as string,
    currency: c.currency[i],
    mixedCurrencies: c.mixedCurrencies[i] === 1,
    frequency: optional(c.frequency, i),
    recency: optional(c.recency, i),
    T: optional(c.T, i),
    monetaryValue: optional(c.monetaryValue, i),
    frequencyHoldout: optional(c.frequencyHoldout, i),
    monetaryValueHoldout: optional(c.monetaryValueHoldout, i),
    durationHoldout: optional(c.durationHoldout, i),
    revenueMinor: c.revenueMinor[i] as number,
    grossSalesMinor: c.grossSalesMinor[i] as number,
    returnsMinor: c.returnsMinor[i] as number,
    returnRate: optional(c.returnRate, i),
    grossMarginMinor: optional(c.grossMarginMinor, i),
    grossMarginRate: optional(c.grossMarginRate, i),
    linesWithoutCost: c.linesWithoutCost[i] as number,
    transactionCount: c.transactionCount[i] as number,
    orderCount: c.orderCount[i] as number,
    averageOrderValueMinor: optional(c.averageOrderValueMinor, i),
    firstPurchaseDate: c.firstPurchaseDate[i],
    lastPurchaseDate: c.lastPurchaseDate[i],
    daysSinceLastPurchase: optional(c.daysSinceLastPurchase, i),
    purchasePeriods: c.purchasePeriods[i] as number,
    interPurchaseMedianDays: optional(c.interPurchaseMedianDays, i),
    interPurchaseMeanDays: optional(c.interPurchaseMeanDays, i),
    interPurchaseCv: optional(c.interPurchaseCv, i),
    recentRevenueMinor: c.recentRevenueMinor[i] as number,
    previousRevenueMinor: c.previousRevenueMinor[i] as number,
    revenueTrendMinor: c.revenueTrendMinor[i] as number,
    revenueTrendRatio: optional(c.revenueTrendRatio, i),
    distinctProducts: c.distinctProducts[i] as number,
    distinctCategories: c.distinctCategories[i] as number,
    tenureDays: optional(c.tenureDays, i),
    interactions: c.interactions[i],
    receivables: c.receivables[i],
    creditLimitMinor: optional(c.creditLimitMinor, i),
    creditUtilisation: optional(c.creditUtilisation, i),
  };
}
