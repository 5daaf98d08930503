import type { PurchaseModel } from "./PurchaseModel.js";

/** One customer of a cohort in {@link cumulativeTracking}, on one time axis in the model's time unit. */
export interface TrackedCustomer {
  /** When the first purchase was (from the axis' origin, e.g. the cohort's first day). */
  firstPurchase: number;
  /** When each repeat purchase was (same axis); empty or omitted when only the model's curve is wanted. */
  repeatPurchases?: readonly number[] | undefined;
  /** How many customers share these times (default 1). */
  weight?: number | undefined;
}

/** One point of {@link cumulativeTracking}'s curves. */
export interface TrackingPoint {
  /** The time on the axis. */
  time: number;
  /** Expected repeat purchases of the cohort by this time: Σᵢ wᵢ E[X(time − firstPurchaseᵢ)]. */
  expected: number;
  /** Actual repeat purchases by this time (at or before it). */
  actual: number;
}

/**
 * The cumulative tracking plot of a purchase model (Fader, Hardie & Lee 2005, figure 2): the cohort's expected
 * cumulative repeat purchases over time, each customer counted from her own first purchase (E[X(t)] of a new
 * customer, t = time − first purchase), against the actual cumulative repeat purchases. Across the calibration
 * period it checks the fit, beyond it the forecast.
 *
 * @param model - The purchase model.
 * @param params - Its fitted parameters (in the axis' time unit).
 * @param customers - The cohort: first purchase and repeat purchase times on one axis.
 * @param times - The times at which to evaluate the curves (e.g. every week).
 * @returns One point per time, in the given order.
 *
 * @example
 * ```ts
 * cumulativeTracking(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [
 *   { firstPurchase: 0, repeatPurchases: [2.4, 30.43] },
 * ], [39]);
 * // => [{ time: 39, expected: 1.197…, actual: 2 }]
 * ```
 */
export function cumulativeTracking<K extends string>(
  model: PurchaseModel<K>,
  params: Readonly<Record<K, number>>,
  customers: readonly TrackedCustomer[],
  times: readonly number[],
): TrackingPoint[] {
  // Customers who started together share E[X(t)]; the repeat purchases, sorted, give the actual curve.
  const weightByStart = new Map<number, number>();
  const purchases: [number, number][] = [];
  for (const customer of customers) {
    const weight = customer.weight ?? 1;
    weightByStart.set(customer.firstPurchase, (weightByStart.get(customer.firstPurchase) ?? 0) + weight);
    for (const time of customer.repeatPurchases ?? []) purchases.push([time, weight]);
  }
  purchases.sort((p, q) => p[0] - q[0]);
  const cumulative: number[] = [];
  let running = 0;
  for (const [, weight] of purchases) {
    running += weight;
    cumulative.push(running);
  }
  return times.map((time) => {
    let expected = 0;
    for (const [start, weight] of weightByStart) {
      if (time > start) expected += weight * model.expectedPurchases(params, time - start);
    }
    return { time, expected, actual: purchasesUpTo(purchases, cumulative, time) };
  });
}

// The cumulative weight of the sorted purchases at or before `time` (binary search).
function purchasesUpTo(
  purchases: readonly [number, number][],
  cumulative: readonly number[],
  time: number,
): number {
  let low = 0;
  let high = purchases.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((purchases[middle] as [number, number])[0] <= time) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : (cumulative[low - 1] as number);
}
