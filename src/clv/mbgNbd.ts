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

/** The MBG/NBD parameter names: purchase rate gamma(r, α), dropout probability beta(a, b). */
export type MbgNbdParameter = "r" | "alpha" | "a" | "b";
type P = Readonly<Record<MbgNbdParameter, number>>;

function logLikelihood(p: P, d: WeightedSummaries): number {
  return betaGeometricLikelihood(p, indexSummaries(d), true).value;
}

function pAlive(p: P, c: BtydSummary): number {
  const x = c.frequency;
  const { r, alpha, a, b } = p;
  const logOdds =
    Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
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
    // MBG/NBD: a customer may also drop out right after the first purchase.
    if (random() < drop) {
      result.push({ frequency: 0, recency: 0, T: options.T });
      continue;
    }
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
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD where a customer can also drop out right after
 * her first purchase, so a customer with no repeat purchase is not certainly alive (P(alive) < 1 at x = 0).
 * Purchase rate λ ~ gamma(r, α), dropout probability p ~ beta(a, b). Likelihood in log space; expected purchases
 * via ₂F₁ after Euler's transformation.
 *
 * @example
 * ```ts
 * const fit = mbgNbd.fit(groupSummaries(cdnowSummaryRows)); // CDNOW sample, weeks
 * mbgNbd.pAlive(fit.params, { frequency: 0, recency: 0, T: 38.86 }); // => < 1, unlike BG/NBD
 * ```
 */
export const mbgNbd: PurchaseModel<MbgNbdParameter> = {
  name: "mbgnbd",
  parameterNames: ["r", "alpha", "a", "b"],
  discrete: false,
  logLikelihood,
  fit(data, options): ModelFit<MbgNbdParameter> {
    const diagnosis = data.frequency.some((x) => x > 0)
      ? []
      : [makeIssue("model.no-repeat-buyers", [], { model: "mbgnbd", customers: data.customers })];
    const indexed = indexSummaries(data);
    return fitMaximumLikelihood(
      "mbgnbd",
      this.parameterNames,
      ([r = 1, alpha = 1, a = 1, b = 1]) => betaGeometricLikelihood({ r, alpha, a, b }, indexed, true).value,
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
      {
        expansion: ([r = 1, alpha = 1, a = 1, b = 1]) =>
          betaGeometricLikelihood({ r, alpha, a, b }, indexed, true),
      },
    );
  },
  expectedPurchases(p, t) {
    if (t <= 0) return 0;
    const { r, alpha, a, b } = p;
    return (b / (a + b)) * purchasesWhileAlive(r, t / alpha, a, b + 1);
  },
  purchaseCountProbability(p, x, t) {
    return betaGeometricCountProbability(p.r, p.alpha, p.a, p.b, x, t, true);
  },
  expectedPurchasesWhileAlive(p, t, c) {
    if (t <= 0) return 0;
    const { r, alpha, a, b } = p;
    const x = c.frequency;
    return purchasesWhileAlive(r + x, t / (alpha + c.T), a, b + x + 1);
  },
  conditionalExpectedPurchases(p, t, c) {
    return t <= 0 ? 0 : this.expectedPurchasesWhileAlive(p, t, c) * pAlive(p, c);
  },
  pAlive,
  simulate,
};
