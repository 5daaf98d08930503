import { createRandom } from "../math/createRandom.js";
import { randomBeta } from "../math/randomBeta.js";
import { randomGamma } from "../math/randomGamma.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import { betaGeometricCountProbability } from "./betaGeometricCountProbability.js";
import { betaGeometricLikelihood } from "./betaGeometricLikelihood.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import { indexSummaries } from "./indexSummaries.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";
import { purchasesWhileAlive } from "./purchasesWhileAlive.js";

/** The BG/NBD parameter names: purchase rate gamma(r, α), dropout probability beta(a, b). */
export type BgNbdParameter = "r" | "alpha" | "a" | "b";
type P = Readonly<Record<BgNbdParameter, number>>;

function logLikelihood(p: P, d: WeightedSummaries): number {
  return betaGeometricLikelihood(p, indexSummaries(d), false).value;
}

function pAlive(p: P, c: BtydSummary): number {
  const x = c.frequency;
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  const logOdds =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
  return 1 / (1 + Math.exp(logOdds));
}

function simulate(p: P, options: { customers: number; T: number; seed: number }): BtydSummary[] {
  const random = createRandom(options.seed);
  const result: BtydSummary[] = [];
  for (let i = 0; i < options.customers; i++) {
    const lambda = randomGamma(random, p.r) / p.alpha;
    const drop = randomBeta(random, p.a, p.b);
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (time > options.T) break;
      x++;
      last = time;
      if (random() < drop) break;
    }
    result.push({ frequency: x, recency: last, T: options.T });
  }
  return result;
}

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive, a customer
 * buys as a Poisson process with rate λ ~ gamma(r, α); after each purchase she drops out with probability
 * p ~ beta(a, b). Non-contractual, continuous time. The likelihood is computed in log space; the
 * expected purchases use ₂F₁ after Euler's transformation, or a quadrature over p where that series cancels (a ≈ 1,
 * a + b ≈ 1), so x up to 10,000 and a + b < 1 stay finite and non-negative.
 *
 * @example
 * ```ts
 * const fit = bgNbd.fit(groupSummaries(cdnowSummaryRows)); // CDNOW sample, weeks
 * fit.params; // => { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (to 3 decimals)
 * fit.logLikelihood; // => -9582.4
 * bgNbd.conditionalExpectedPurchases(fit.params, 39, { frequency: 2, recency: 30.43, T: 38.86 }); // => 1.226
 * ```
 */
export const bgNbd: PurchaseModel<BgNbdParameter> = {
  name: "bgnbd",
  parameterNames: ["r", "alpha", "a", "b"],
  discrete: false,
  logLikelihood,
  fit(data, options): ModelFit<BgNbdParameter> {
    const diagnosis = data.frequency.some((x) => x > 0)
      ? []
      : [makeIssue("model.no-repeat-buyers", [], { model: "bgnbd", customers: data.customers })];
    const indexed = indexSummaries(data);
    return fitMaximumLikelihood(
      "bgnbd",
      this.parameterNames,
      ([r = 1, alpha = 1, a = 1, b = 1]) => betaGeometricLikelihood({ r, alpha, a, b }, indexed, false).value,
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
      {
        expansion: ([r = 1, alpha = 1, a = 1, b = 1]) =>
          betaGeometricLikelihood({ r, alpha, a, b }, indexed, false),
      },
    );
  },
  expectedPurchases(p, t) {
    if (t <= 0) return 0;
    const { r, alpha, a, b } = p;
    return purchasesWhileAlive(r, t / alpha, a, b);
  },
  purchaseCountProbability(p, x, t) {
    return betaGeometricCountProbability(p.r, p.alpha, p.a, p.b, x, t, false);
  },
  expectedPurchasesWhileAlive(p, t, c) {
    if (t <= 0) return 0;
    const { r, alpha, a, b } = p;
    const x = c.frequency;
    return purchasesWhileAlive(r + x, t / (alpha + c.T), a, b + x);
  },
  conditionalExpectedPurchases(p, t, c) {
    return t <= 0 ? 0 : this.expectedPurchasesWhileAlive(p, t, c) * pAlive(p, c);
  },
  pAlive,
  simulate,
};
