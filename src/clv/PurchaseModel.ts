import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import type { FitOptions, ModelFit } from "./ModelFit.js";

/**
 * What {@link PurchaseModel.simulate} needs: how many customers, how long each is observed (in the model's time
 * unit; BG/BB: the number of opportunities), and the seed.
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { customers: 1000, T: 39, seed: 7 };
 * ```
 */
export interface SimulateOptions {
  /** Customers to simulate. */
  customers: number;
  /** Observation length T of every customer (BG/BB: opportunities n, a whole number). */
  T: number;
  /** The seed of {@link createRandom}. */
  seed: number;
}

/**
 * A buy-till-you-die purchase model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB): its likelihood, its fit, its
 * predictions and a seeded simulator. All times are in the data's time unit (the unit of the summaries the model
 * was fitted on); a horizon `t` in another unit gives a wrong answer, so convert first (see {@link daysPerUnit}).
 *
 * @example
 * ```ts
 * const fit = bgNbd.fit(groupSummaries(rows));
 * bgNbd.conditionalExpectedPurchases(fit.params, 39, { frequency: 2, recency: 30.43, T: 38.86 }); // => 1.226
 * ```
 */
export interface PurchaseModel<K extends string> {
  /** The model's name, as the command line spells it. */
  readonly name: string;
  /** The parameter names, as in the papers, in the optimiser's order. */
  readonly parameterNames: readonly K[];
  /** Whether time counts discrete purchase opportunities (BG/BB: at most one purchase each) or is continuous. */
  readonly discrete: boolean;
  /** The log-likelihood of the data, summed over customers (weights included). */
  logLikelihood(params: Readonly<Record<K, number>>, data: WeightedSummaries): number;
  /** Maximum-likelihood fit; see {@link ModelFit}. */
  fit(data: WeightedSummaries, options?: FitOptions): ModelFit<K>;
  /** Expected purchases of a new customer in (0, t] after the first purchase. */
  expectedPurchases(params: Readonly<Record<K, number>>, t: number): number;
  /**
   * P(X(t) = x): the probability that a new customer makes exactly x purchases in (0, t] after the first one
   * (BG/BB: in t opportunities). Over x = 0, 1, 2, … it sums to 1 and its mean is `expectedPurchases(params, t)`.
   */
  purchaseCountProbability(params: Readonly<Record<K, number>>, x: number, t: number): number;
  /**
   * Expected purchases in (T, T + t] of a customer with the summary who is alive at T; it depends on x and T only
   * (not on t_x), so it can be shared by customers with the same x and T. conditionalExpectedPurchases =
   * pAlive × this.
   */
  expectedPurchasesWhileAlive(params: Readonly<Record<K, number>>, t: number, customer: BtydSummary): number;
  /** Expected purchases in (T, T + t] of a customer with the summary (x, t_x, T). */
  conditionalExpectedPurchases(params: Readonly<Record<K, number>>, t: number, customer: BtydSummary): number;
  /** The probability that a customer with the summary is still alive at T. */
  pAlive(params: Readonly<Record<K, number>>, customer: BtydSummary): number;
  /** Draws `customers` summaries from the model with the parameters (seeded, replayable). */
  simulate(params: Readonly<Record<K, number>>, options: SimulateOptions): BtydSummary[];
}
