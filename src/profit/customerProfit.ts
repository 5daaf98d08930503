import type { CostModel } from "./costModelSchema.js";
import type { ProfitInput } from "./ProfitInput.js";
import { type CostToServe, profitTable } from "./profitTable.js";

/** One customer's P&L, exact to the minor unit. */
export interface CustomerPnl {
  /** The customer's id. */
  id: string;
  /** The tier the fixed cost came from. */
  tier?: string | undefined;
  /** Sales before discounts: sales + discounts. */
  grossSalesMinor: number;
  /** Discounts. */
  discountsMinor: number;
  /** Returns and cancellations. */
  returnsMinor: number;
  /** Gross sales − discounts − returns. */
  netRevenueMinor: number;
  /** Cost of goods: the recorded costs plus the estimate for uncosted lines. */
  costOfGoodsMinor: number;
  /** The part of `costOfGoodsMinor` estimated with the margin rate: uncosted revenue × (1 − rate), half-even. */
  estimatedCostOfGoodsMinor: number;
  /** Revenue of lines with no cost and no margin rate to price them (their cost of goods is missing). */
  uncostedRevenueMinor: number;
  /** Net revenue − cost of goods. */
  grossMarginMinor: number;
  /** Each cost-to-serve line. */
  costToServe: CostToServe;
  /** The sum of the cost-to-serve lines. */
  costToServeMinor: number;
  /** Gross margin − cost to serve. */
  profitMinor: number;
  /** Profit ÷ net revenue × 100; `undefined` when net revenue is not positive. */
  marginPercent?: number | undefined;
}

/**
 * Computes each customer's P&L from its facts and a cost model: gross sales (before discounts) − discounts −
 * returns = net revenue; gross margin = net revenue − cost of goods (recorded, or revenue × (1 − marginRate) for the lines
 * without a cost); profit = gross margin − cost to serve (per order, line, delivery, visit, call, complaint, the
 * financing of late payment, the tier's fixed cost). Every amount is whole minor units; rates are applied as
 * exact decimal fractions and rounded half to even once per line and customer. The P&L of {@link profitTable},
 * one object per customer; for a large portfolio, read the columns of {@link profitTable} instead.
 *
 * @param inputs - Per-customer facts ({@link profitInputs}).
 * @param costModel - The cost model (checked here; see {@link parseCostModel}).
 * @returns One P&L per input, in input order.
 * @throws {KeyAccountError} when the cost model is not valid, listing every problem.
 *
 * @example
 * ```ts
 * const [pnl] = customerProfit(
 *   [{ id: "C1", salesMinor: 95000, discountsMinor: 5000, returnsMinor: 5000, costOfGoodsMinor: 0,
 *      uncostedRevenueMinor: 90000, orders: 4, orderLines: 10, deliveries: 4, visits: 1, calls: 2,
 *      complaints: 1, overdueAmountDays: 365242500 }],
 *   { currency: "EUR", marginRate: 0.35, perOrderMinor: 500, perVisitMinor: 8000, perCallMinor: 1000,
 *     perComplaintMinor: 2500, financing: { rate: 0.1, per: "year" } },
 * );
 * [pnl?.netRevenueMinor, pnl?.costOfGoodsMinor, pnl?.costToServe.financingMinor, pnl?.profitMinor];
 * // => [90000, 58500, 100000, -83000]
 * ```
 */
export function customerProfit(inputs: readonly ProfitInput[], costModel: CostModel): CustomerPnl[] {
  const { ids, tiers, costToServe, marginPercent, ...amounts } = profitTable(inputs, costModel);
  const entryOf = <K extends string>(columns: Record<K, Float64Array>, i: number) =>
    Object.fromEntries(
      Object.entries<Float64Array>(columns).map(([name, column]) => [name, column[i]]),
    ) as Record<K, number>;
  return ids.map((id, i) => {
    const margin = marginPercent[i] as number;
    const pnl: CustomerPnl = {
      id,
      ...entryOf(amounts, i),
      costToServe: entryOf(costToServe, i),
      marginPercent: Number.isNaN(margin) ? undefined : margin,
    };
    const tier = tiers[i];
    if (tier !== undefined) pnl.tier = tier;
    return pnl;
  });
}
