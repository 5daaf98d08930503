import { createRandom } from "../math/createRandom.js";
import { digamma } from "../math/digamma.js";
import { logAddExp } from "../math/logAddExp.js";
import { logGamma } from "../math/logGamma.js";
import { randomBeta } from "../math/randomBeta.js";
import { randomGamma } from "../math/randomGamma.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import { betaGeometricCountProbability } from "./betaGeometricCountProbability.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";
import { purchasesWhileAlive } from "./purchasesWhileAlive.js";

/** The BG/NBD parameter names: purchase rate gamma(r, α), dropout probability beta(a, b). */
export type BgNbdParameter = "r" | "alpha" | "a" | "b";
type P = Readonly<Record<BgNbdParameter, number>>;

function logLikelihood(p: P, d: WeightedSummaries): number {
  const { r, alpha, a, b } = p;
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let total = 0;
  let lastX = -1;
  let gammaPart = 0;
  for (let i = 0; i < d.frequency.length; i++) {
    const x = d.frequency[i] as number;
    if (x !== lastX) {
      gammaPart = logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
      lastX = x;
    }
    const alive = -(r + x) * Math.log(alpha + (d.T[i] as number));
    const rest =
      x > 0
        ? logAddExp(alive, logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + (d.recency[i] as number)))
        : alive;
    total += (d.weight[i] as number) * (gammaPart + rest);
  }
  return total;
}

// dLL/d(r, α, a, b), analytically (digamma for the gamma-function terms): the fit's gradient.
function gradientOf(p: P, d: WeightedSummaries): number[] {
  const { r, alpha, a, b } = p;
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const logAlpha = Math.log(alpha);
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  let lastX = -1;
  let dr = 0;
  let da = 0;
  let db = 0;
  let logB = 0;
  for (let i = 0; i < d.frequency.length; i++) {
    const x = d.frequency[i] as number;
    const w = d.weight[i] as number;
    if (x !== lastX) {
      const psiABX = digamma(a + b + x);
      dr = digamma(r + x) - psiR + logAlpha;
      da = psiAB - psiABX;
      db = psiAB + digamma(b + x) - psiB - psiABX;
      logB = x > 0 ? Math.log(b + x - 1) : 0;
      lastX = x;
    }
    const T = d.T[i] as number;
    const logT = Math.log(alpha + T);
    let rowR = dr - logT;
    let rowAlpha = r / alpha - (r + x) / (alpha + T);
    let rowA = da;
    let rowB = db;
    if (x > 0) {
      const tx = d.recency[i] as number;
      const logTx = Math.log(alpha + tx);
      // ℓ = A3 + softplus(D), D = ln a − ln(b+x−1) − (r+x)(ln(α+t_x) − ln(α+T)); softplus' = σ(D).
      const D = Math.log(a) - logB - (r + x) * (logTx - logT);
      const sigma = 1 / (1 + Math.exp(-D));
      rowR -= sigma * (logTx - logT);
      rowAlpha -= sigma * (r + x) * (1 / (alpha + tx) - 1 / (alpha + T));
      rowA += sigma / a;
      rowB -= sigma / (b + x - 1);
    }
    gr += w * rowR;
    gAlpha += w * rowAlpha;
    ga += w * rowA;
    gb += w * rowB;
  }
  return [gr, gAlpha, ga, gb];
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
    return fitMaximumLikelihood(
      "bgnbd",
      this.parameterNames,
      ([r = 1, alpha = 1, a = 1, b = 1]) => logLikelihood({ r, alpha, a, b }, data),
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
      ([r = 1, alpha = 1, a = 1, b = 1]) => gradientOf({ r, alpha, a, b }, data),
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
