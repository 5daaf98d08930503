import type { GrowthFeatures } from "./growthFeatures.js";

/**
 * The portfolio's repeat-purchase rate: the share of customers with an order who placed at least two.
 *
 * @param features - Per-customer growth features ({@link growthFeatures}).
 * @returns Customers with ≥ 2 orders ÷ customers with ≥ 1 order; 0 without any.
 *
 * @example
 * ```ts
 * portfolioRepeatRate([{ orders: 1 }, { orders: 3 }, { orders: 0 }] as GrowthFeatures[]); // => 0.5
 * ```
 */
export function portfolioRepeatRate(features: readonly GrowthFeatures[]): number {
  let buyers = 0;
  let repeat = 0;
  for (const entry of features) {
    if (entry.orders >= 1) buyers++;
    if (entry.orders >= 2) repeat++;
  }
  return buyers === 0 ? 0 : repeat / buyers;
}
