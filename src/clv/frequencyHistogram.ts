import type { BtydSummary } from "./BtydSummary.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** One bar pair of {@link frequencyHistogram}: the customers with one number of repeat purchases. */
export interface FrequencyBar {
  /** The number of repeat purchases x; the last bar holds every x ≥ this value. */
  frequency: number;
  /** Whether this is the open-ended last bar (x ≥ `frequency`). */
  andMore: boolean;
  /** Customers with this frequency in the data (weights included). */
  actual: number;
  /** Customers the model expects with it: Σᵢ wᵢ P(X(Tᵢ) = x). */
  expected: number;
}

/**
 * The in-sample check of a fitted purchase model (Fader, Hardie & Lee 2005, figure 1): how many customers made
 * 0, 1, 2, … repeat purchases in the calibration period, against how many the model expects given each
 * customer's observation length T (BG/BB: n opportunities), Σᵢ wᵢ P(X(Tᵢ) = x). The last bar is open-ended
 * (x ≥ `maxFrequency`, expected = customers − the other bars), so actual and expected both sum to the number of
 * customers. Data for a bar chart. Customers with the same T share the probabilities, so the cost grows with the
 * number of distinct T values (at most the number of distinct first-purchase days), not with the customers.
 *
 * @param model - The purchase model.
 * @param params - Its parameters, fitted on these summaries.
 * @param customers - The calibration summaries, in the model's time unit.
 * @param maxFrequency - Frequencies at or above this share the last bar (default 7, as in the paper), ≥ 1.
 * @returns One bar pair per frequency 0 … `maxFrequency`.
 *
 * @example
 * ```ts
 * frequencyHistogram(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnowSummaries);
 * // => [{ frequency: 0, andMore: false, actual: 1411, expected: 1407.7 }, …,
 * //     { frequency: 7, andMore: true, actual: 64, expected: 71.9 }] (CDNOW sample, weeks)
 * ```
 */
export function frequencyHistogram<K extends string>(
  model: PurchaseModel<K>,
  params: Readonly<Record<K, number>>,
  customers: readonly BtydSummary[],
  maxFrequency = 7,
): FrequencyBar[] {
  const last = Math.max(1, Math.floor(maxFrequency));
  const actual = new Array<number>(last + 1).fill(0);
  // Customers sharing a T share P(X(T) = x): group them.
  const weightByT = new Map<number, number>();
  let total = 0;
  for (const customer of customers) {
    const weight = customer.weight ?? 1;
    const bar = Math.min(customer.frequency, last);
    actual[bar] = (actual[bar] as number) + weight;
    weightByT.set(customer.T, (weightByT.get(customer.T) ?? 0) + weight);
    total += weight;
  }
  const expected = new Array<number>(last + 1).fill(0);
  for (const [T, weight] of weightByT) {
    for (let x = 0; x < last; x++) {
      expected[x] = (expected[x] as number) + weight * model.purchaseCountProbability(params, x, T);
    }
  }
  const belowLast = expected.slice(0, last).reduce((sum, value) => sum + value, 0);
  expected[last] = Math.max(0, total - belowLast);
  return actual.map((count, frequency) => ({
    frequency,
    andMore: frequency === last,
    actual: count,
    expected: expected[frequency] as number,
  }));
}
