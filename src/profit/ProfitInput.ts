/**
 * The facts of one customer's P&L over a period (see {@link profitInputs}); money in whole minor units.
 *
 * @example
 * ```ts
 * const input: ProfitInput = { id: "C1", salesMinor: 100000, discountsMinor: 5000, returnsMinor: 2000,
 *   costOfGoodsMinor: 60000, uncostedRevenueMinor: 0, orders: 4, orderLines: 10, deliveries: 4, visits: 1,
 *   calls: 3, complaints: 0, overdueAmountDays: 0 };
 * ```
 */
export interface ProfitInput {
  /** The customer's id. */
  id: string;
  /** The customer's tier, for the fixed account-management cost. */
  tier?: string | undefined;
  /** Sales as charged (after discounts): Σ sale amounts. */
  salesMinor: number;
  /** Discounts given on the sales (positive). */
  discountsMinor: number;
  /** Returns and cancellations (positive). */
  returnsMinor: number;
  /** Cost of goods of the lines that carry a cost (returns give theirs back). */
  costOfGoodsMinor: number;
  /** Net revenue of the lines without a cost (priced with the cost model's margin rate). */
  uncostedRevenueMinor: number;
  /** Orders (distinct order ids of the sales; a sale without one is an order). */
  orders: number;
  /** Sale lines. */
  orderLines: number;
  /** Deliveries: days with a sale. */
  deliveries: number;
  /** Visits. */
  visits: number;
  /** Calls. */
  calls: number;
  /** Complaints opened. */
  complaints: number;
  /** Σ over invoices of the overdue balance × the days it was past due (minor-unit days). */
  overdueAmountDays: number;
}
