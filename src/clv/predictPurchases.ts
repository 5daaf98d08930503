import type { BtydSummary } from "./BtydSummary.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** {@link predictPurchases}' result: one entry per customer, in input order. */
export interface PurchasePrediction {
  /** Expected purchases in (T, T + t] given each customer's summary. */
  expectedPurchases: Float64Array;
  /** P(alive) at T. */
  pAlive: Float64Array;
}

/**
 * Expected purchases over a horizon and P(alive), for many customers at once (a column per quantity).
 *
 * @param model - The purchase model.
 * @param params - Its fitted parameters.
 * @param customers - The summaries, in the model's time unit.
 * @param t - The horizon, in the model's time unit (BG/BB: opportunities).
 * @returns The two columns.
 *
 * @example
 * ```ts
 * predictPurchases(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [
 *   { frequency: 2, recency: 30.43, T: 38.86 },
 * ], 39);
 * // => { expectedPurchases: Float64Array [1.226…], pAlive: Float64Array [0.726…] }
 * ```
 */
export function predictPurchases<K extends string>(
  model: PurchaseModel<K>,
  params: Readonly<Record<K, number>>,
  customers: readonly BtydSummary[],
  t: number,
): PurchasePrediction {
  const expectedPurchases = new Float64Array(customers.length);
  const pAlive = new Float64Array(customers.length);
  // conditionalExpectedPurchases = expectedPurchasesWhileAlive × pAlive: P(alive) is computed once per customer.
  customers.forEach((customer, i) => {
    const alive = model.pAlive(params, customer);
    expectedPurchases[i] = t <= 0 ? 0 : model.expectedPurchasesWhileAlive(params, t, customer) * alive;
    pAlive[i] = alive;
  });
  return { expectedPurchases, pAlive };
}
