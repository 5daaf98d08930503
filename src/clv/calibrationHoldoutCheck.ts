import type { BtydSummary } from "./BtydSummary.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** A customer's calibration summary and what happened in the holdout period (same time unit). */
export interface HoldoutCustomer extends BtydSummary {
  /** Purchases in the holdout period. */
  frequencyHoldout: number;
  /** The holdout period's length. */
  durationHoldout: number;
}

/** One row of {@link calibrationHoldoutCheck}'s table: the customers with one calibration frequency. */
export interface HoldoutGroup {
  /** The calibration frequency x; the last group holds every x ≥ this value. */
  frequency: number;
  /** Whether this is the open-ended last group (x ≥ `frequency`). */
  andMore: boolean;
  /** Customers in the group (weights included). */
  customers: number;
  /** Mean actual holdout purchases. */
  actual: number;
  /** Mean predicted holdout purchases. */
  predicted: number;
}

/** {@link calibrationHoldoutCheck}'s result. */
export interface HoldoutCheck {
  /** Actual vs predicted mean holdout purchases by calibration frequency (Fader, Hardie & Lee 2005, fig. 4). */
  byFrequency: HoldoutGroup[];
  /** Mean absolute error per customer. */
  mae: number;
  /** Root mean squared error per customer. */
  rmse: number;
  /** Total actual holdout purchases. */
  totalActual: number;
  /** Total predicted holdout purchases. */
  totalPredicted: number;
}

/**
 * Compares a fitted model's predictions with a holdout period: for every customer, the expected purchases in the
 * holdout given the calibration summary, against the actual count; errors per customer and the conditional
 * expectations by calibration frequency (the standard BTYD validation).
 *
 * @param model - The purchase model.
 * @param params - Its parameters, fitted on the calibration summaries.
 * @param customers - Calibration summaries with holdout counts and lengths, in the model's time unit.
 * @param maxFrequency - Frequencies at or above this share the last group (default 7, as in the papers).
 * @returns The comparison table, MAE, RMSE and totals.
 *
 * @example
 * ```ts
 * calibrationHoldoutCheck(bgNbd, fit.params, [
 *   { frequency: 2, recency: 30.43, T: 38.86, frequencyHoldout: 1, durationHoldout: 39 },
 * ]);
 * // => { byFrequency: [{ frequency: 2, andMore: false, customers: 1, actual: 1, predicted: 1.226 }],
 * //      mae: 0.226, rmse: 0.226, totalActual: 1, totalPredicted: 1.226 }
 * ```
 */
export function calibrationHoldoutCheck<K extends string>(
  model: PurchaseModel<K>,
  params: Readonly<Record<K, number>>,
  customers: readonly HoldoutCustomer[],
  maxFrequency = 7,
): HoldoutCheck {
  const groups = new Map<number, { customers: number; actual: number; predicted: number }>();
  let absolute = 0;
  let squared = 0;
  let weights = 0;
  let totalActual = 0;
  let totalPredicted = 0;
  for (const customer of customers) {
    const weight = customer.weight ?? 1;
    const predicted = model.conditionalExpectedPurchases(params, customer.durationHoldout, customer);
    const actual = customer.frequencyHoldout;
    const error = predicted - actual;
    absolute += weight * Math.abs(error);
    squared += weight * error * error;
    weights += weight;
    totalActual += weight * actual;
    totalPredicted += weight * predicted;
    const key = Math.min(customer.frequency, maxFrequency);
    const group = groups.get(key) ?? { customers: 0, actual: 0, predicted: 0 };
    group.customers += weight;
    group.actual += weight * actual;
    group.predicted += weight * predicted;
    groups.set(key, group);
  }
  const byFrequency = [...groups.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([frequency, group]) => ({
      frequency,
      andMore: frequency === maxFrequency,
      customers: group.customers,
      actual: group.actual / group.customers,
      predicted: group.predicted / group.customers,
    }));
  return {
    byFrequency,
    mae: weights > 0 ? absolute / weights : 0,
    rmse: weights > 0 ? Math.sqrt(squared / weights) : 0,
    totalActual,
    totalPredicted,
  };
}
