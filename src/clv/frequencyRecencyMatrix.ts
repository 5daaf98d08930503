import type { PurchaseModel } from "./PurchaseModel.js";

/** Options of {@link frequencyRecencyMatrix}. */
export interface FrequencyRecencyOptions {
  /** The observation length T shared by every cell (BG/BB: opportunities n), in the model's time unit. */
  T: number;
  /** The horizon t of the expected purchases in (T, T + t], in the model's time unit. */
  horizon: number;
  /** The largest frequency x of the grid (default 20). */
  maxFrequency?: number | undefined;
  /**
   * The recencies t_x of the grid, each in (0, T] (default: 1, 2, … up to T, and T itself). Frequency 0 has the
   * one cell t_x = 0; a discrete model (BG/BB) also skips t_x < x, which no customer can have.
   */
  recencies?: readonly number[] | undefined;
}

/** One cell of {@link frequencyRecencyMatrix}. */
export interface FrequencyRecencyCell {
  /** x. */
  frequency: number;
  /** t_x. */
  recency: number;
  /** Expected purchases in (T, T + horizon] of a customer with (x, t_x, T). */
  expectedPurchases: number;
  /** P(alive) at T of that customer. */
  pAlive: number;
}

/**
 * Data for the two standard heat maps of a purchase model (Fader, Hardie & Lee 2005, figure 5; lifetimes'
 * frequency/recency matrices): over a grid of frequency x and recency t_x at one observation length T, the
 * conditional expected purchases in the next `horizon` and P(alive). Only cells a customer can have are listed
 * (x = 0 only at t_x = 0; for a discrete model t_x ≥ x), one row per cell, ready for a Vega-Lite `rect` mark.
 *
 * @param model - The purchase model.
 * @param params - Its fitted parameters.
 * @param options - T, the horizon and the grid.
 * @returns The cells, by frequency, then recency.
 *
 * @example
 * ```ts
 * frequencyRecencyMatrix(bgNbd, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { T: 38.86, horizon: 39,
 *   maxFrequency: 2, recencies: [30.43] });
 * // => [{ frequency: 0, recency: 0, expectedPurchases: 0.195…, pAlive: 1 },
 * //     { frequency: 1, recency: 30.43, expectedPurchases: 0.671…, pAlive: 0.700… },
 * //     { frequency: 2, recency: 30.43, expectedPurchases: 1.226…, pAlive: 0.727… }]
 * ```
 */
export function frequencyRecencyMatrix<K extends string>(
  model: PurchaseModel<K>,
  params: Readonly<Record<K, number>>,
  options: FrequencyRecencyOptions,
): FrequencyRecencyCell[] {
  const { T, horizon } = options;
  const maxFrequency = options.maxFrequency ?? 20;
  const recencies = (options.recencies ?? defaultRecencies(T)).filter(
    (recency) => recency > 0 && recency <= T,
  );
  const cells: FrequencyRecencyCell[] = [];
  const add = (frequency: number, recency: number): void => {
    const customer = { frequency, recency, T };
    cells.push({
      frequency,
      recency,
      expectedPurchases: model.conditionalExpectedPurchases(params, horizon, customer),
      pAlive: model.pAlive(params, customer),
    });
  };
  add(0, 0);
  for (let frequency = 1; frequency <= maxFrequency; frequency++) {
    for (const recency of recencies) {
      if (!model.discrete || recency >= frequency) add(frequency, recency);
    }
  }
  return cells;
}

// 1, 2, … ≤ T, then T itself when it is not a whole number.
function defaultRecencies(T: number): number[] {
  const recencies: number[] = [];
  for (let recency = 1; recency <= T; recency++) recencies.push(recency);
  if (!Number.isInteger(T) && T > 0) recencies.push(T);
  return recencies;
}
