import { createRandom } from "../math/createRandom.js";
import { logGamma } from "../math/logGamma.js";
import { randomGamma } from "../math/randomGamma.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import type { FitOptions, ModelFit } from "./ModelFit.js";

/** The Gamma-Gamma parameter names: spend per transaction gamma(p, ν), ν ~ gamma(q, γ). */
export type GammaGammaParameter = "p" | "q" | "gamma";

/**
 * One customer's spend summary for the Gamma-Gamma model: x repeat transactions with mean value `monetaryValue`
 * (z̄). Rows with x = 0 carry no spend information and are skipped by the fit.
 *
 * @example
 * ```ts
 * const row: SpendSummary = { frequency: 2, monetaryValue: 22.35 }; // CDNOW customer 1, US$
 * ```
 */
export interface SpendSummary {
  /** x: the number of transactions averaged (repeat purchases). */
  frequency: number;
  /** z̄: their mean value, > 0 when x > 0. */
  monetaryValue: number;
  /** How many customers share the summary (default 1). */
  weight?: number | undefined;
}

/** The Gamma-Gamma model: its likelihood, fit, spend predictions and a seeded simulator. */
export interface SpendModel {
  /** `"gammagamma"`. */
  readonly name: string;
  /** `["p", "q", "gamma"]`. */
  readonly parameterNames: readonly GammaGammaParameter[];
  /** The log-likelihood of the z̄ of the customers with x > 0 (density of z̄, summed with weights). */
  logLikelihood(params: Readonly<Record<GammaGammaParameter, number>>, rows: readonly SpendSummary[]): number;
  /** Maximum-likelihood fit on the customers with x > 0; throws on a negative or non-finite value. */
  fit(rows: readonly SpendSummary[], options?: FitOptions): ModelFit<GammaGammaParameter>;
  /**
   * Expected mean spend per transaction of a customer: (p(γ + x z̄)) / (px + q − 1), a weighted mean of the
   * population mean pγ/(q − 1) and z̄. For x = 0 it is the population mean, undefined when q ≤ 1 (then
   * `undefined` is returned; see {@link SpendModel.populationMeanSpend}).
   */
  conditionalExpectedSpend(
    params: Readonly<Record<GammaGammaParameter, number>>,
    customer: SpendSummary,
  ): number | undefined;
  /** pγ/(q − 1), or `undefined` with a `model.spend-mean-undefined` issue when q ≤ 1. */
  populationMeanSpend(params: Readonly<Record<GammaGammaParameter, number>>): {
    value?: number | undefined;
    issue?: Issue | undefined;
  };
  /** Draws customers' (x, z̄) with the given repeat counts (seeded). */
  simulate(
    params: Readonly<Record<GammaGammaParameter, number>>,
    frequencies: readonly number[],
    seed: number,
  ): SpendSummary[];
}

function check(rows: readonly SpendSummary[]): void {
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    if (!(Number.isFinite(row.frequency) && row.frequency >= 0)) {
      issues.push(
        makeIssue(
          "field.invalid",
          ["frequency"],
          { field: "frequency", value: row.frequency, reason: "must be ≥ 0" },
          index + 1,
        ),
      );
    } else if (row.frequency > 0 && !(Number.isFinite(row.monetaryValue) && row.monetaryValue > 0)) {
      issues.push(
        makeIssue(
          "field.invalid",
          ["monetaryValue"],
          { field: "monetaryValue", value: row.monetaryValue, reason: "must be > 0 when frequency > 0" },
          index + 1,
        ),
      );
    }
  });
  if (issues.length > 0) throw new KeyAccountError(issues);
}

function logLikelihood(
  params: Readonly<Record<GammaGammaParameter, number>>,
  rows: readonly SpendSummary[],
): number {
  const { p, q, gamma } = params;
  const base = q * Math.log(gamma) - logGamma(q);
  let total = 0;
  for (const row of rows) {
    const x = row.frequency;
    if (!(x > 0)) continue;
    const z = row.monetaryValue;
    const px = p * x;
    // Fader & Hardie (2013), eq. (3): the density of z̄ given x.
    const ll =
      logGamma(px + q) -
      logGamma(px) +
      base +
      (px - 1) * Math.log(z) +
      px * Math.log(x) -
      (px + q) * Math.log(gamma + x * z);
    total += (row.weight ?? 1) * ll;
  }
  return total;
}

/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013, note 025; Colombo & Jiang 1999): a customer's transaction
 * values are gamma(p, ν) with ν ~ gamma(q, γ) across customers, independent of the purchase process. Fitted on
 * the repeat buyers' mean repeat spend z̄. The population mean spend pγ/(q − 1) exists only when q > 1; with
 * q ≤ 1 the model refuses to give it (a negative or infinite mean is never returned).
 *
 * @example
 * ```ts
 * const fit = gammaGamma.fit(cdnowSpendRows); // 946 repeat buyers, US$
 * fit.params; // => { p: 6.25, q: 3.74, gamma: 15.44 } (to 2 decimals)
 * gammaGamma.conditionalExpectedSpend(fit.params, { frequency: 2, monetaryValue: 22.35 }); // => 24.6…
 * ```
 */
export const gammaGamma: SpendModel = {
  name: "gammagamma",
  parameterNames: ["p", "q", "gamma"],
  logLikelihood,
  fit(rows, options) {
    check(rows);
    const customers = rows.reduce((sum, row) => sum + (row.frequency > 0 ? (row.weight ?? 1) : 0), 0);
    const diagnosis =
      customers > 0
        ? []
        : [makeIssue("model.no-repeat-buyers", [], { model: "gammagamma", customers: rows.length })];
    const fit = fitMaximumLikelihood(
      "gammagamma",
      this.parameterNames,
      ([p = 1, q = 1, gamma = 1]) => logLikelihood({ p, q, gamma }, rows),
      [1, 1, 1],
      customers,
      options,
      diagnosis,
    );
    if (fit.params.q <= 1) {
      fit.diagnosis.push(this.populationMeanSpend(fit.params).issue as Issue);
    }
    return fit;
  },
  conditionalExpectedSpend(params, customer) {
    const { p, q, gamma } = params;
    const x = Math.max(customer.frequency, 0);
    const denominator = p * x + q - 1;
    if (!(denominator > 0)) return undefined;
    return (p * (gamma + x * (x > 0 ? customer.monetaryValue : 0))) / denominator;
  },
  populationMeanSpend(params) {
    if (params.q > 1) return { value: (params.p * params.gamma) / (params.q - 1) };
    return { issue: makeIssue("model.spend-mean-undefined", ["q"], { q: params.q }) };
  },
  simulate(params, frequencies, seed) {
    const random = createRandom(seed);
    return frequencies.map((x) => {
      const nu = randomGamma(random, params.q) / params.gamma;
      let sum = 0;
      for (let i = 0; i < x; i++) sum += randomGamma(random, params.p) / nu;
      return { frequency: x, monetaryValue: x > 0 ? sum / x : 0 };
    });
  },
};
