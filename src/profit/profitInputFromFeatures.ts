import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { ProfitInput } from "./ProfitInput.js";

/**
 * The P&L facts that per-customer features carry, for when only a transaction summary is at hand (the command
 * line). Compared with {@link profitInputs} from the records: discounts, visits, calls and the overdue
 * amount × days are 0 (features do not keep them); order lines are all transaction lines (returns included);
 * deliveries are the purchase periods (days with a sale when the summary's period is `day`). The cost of goods
 * is exact: net revenue − gross margin when every line has a cost; when only some do, the costed revenue is
 * recovered as gross margin ÷ margin rate, rounded to the minor unit (exact below 10^15), and the rest is
 * uncosted revenue.
 *
 * @param features - One customer's features ({@link summarize}).
 * @returns Its P&L facts.
 *
 * @example
 * ```ts
 * const f = { id: "C1", grossSalesMinor: 12000, returnsMinor: 2000, revenueMinor: 10000, grossMarginMinor: 4000,
 *   grossMarginRate: 0.4, linesWithoutCost: 0, orderCount: 3, transactionCount: 4, purchasePeriods: 2 };
 * const input = profitInputFromFeatures(f as CustomerFeatures);
 * [input.salesMinor, input.returnsMinor, input.costOfGoodsMinor, input.uncostedRevenueMinor]; // => [12000, 2000, 6000, 0]
 * ```
 */
export function profitInputFromFeatures(features: CustomerFeatures): ProfitInput {
  const margin = features.grossMarginMinor;
  let costed = 0;
  if (margin !== undefined) {
    if (features.linesWithoutCost === 0) costed = features.revenueMinor;
    else if (features.grossMarginRate !== undefined && features.grossMarginRate !== 0)
      costed = Math.round(margin / features.grossMarginRate);
  }
  return {
    id: features.id,
    salesMinor: features.grossSalesMinor,
    discountsMinor: 0,
    returnsMinor: features.returnsMinor,
    costOfGoodsMinor: margin === undefined ? 0 : costed - margin,
    uncostedRevenueMinor: features.revenueMinor - costed,
    orders: features.orderCount,
    orderLines: features.transactionCount,
    deliveries: features.purchasePeriods,
    visits: 0,
    calls: 0,
    complaints: features.interactions?.complaintCount ?? 0,
    overdueAmountDays: 0,
  };
}
