import { createRandom } from "../math/createRandom.js";
import { logAddExp } from "../math/logAddExp.js";
import { logBeta } from "../math/logBeta.js";
import { logGamma } from "../math/logGamma.js";
import { randomBeta } from "../math/randomBeta.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import { bgBbCountProbability } from "./bgBbCountProbability.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** The BG/BB parameter names: purchase probability beta(α, β), dropout probability beta(γ, δ). */
export type BgBbParameter = "alpha" | "beta" | "gamma" | "delta";
type P = Readonly<Record<BgBbParameter, number>>;

// Fader, Hardie & Shang (2010), eq. (5): the alive-through-n term and the died-after-t_x terms, as logs.
function terms(p: P, x: number, tx: number, n: number): [number, number] {
  const { alpha, beta, gamma, delta } = p;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const alive = logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  let dropped = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= n - tx - 1; i++) {
    dropped = logAddExp(
      dropped,
      logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD,
    );
  }
  return [alive, dropped];
}

function logLikelihood(p: P, d: WeightedSummaries): number {
  let total = 0;
  for (let i = 0; i < d.frequency.length; i++) {
    const [alive, dropped] = terms(p, d.frequency[i] as number, d.recency[i] as number, d.T[i] as number);
    total += (d.weight[i] as number) * logAddExp(alive, dropped);
  }
  return total;
}

// γ = 1 makes δ/(γ − 1)·[…] 0/0; a tiny shift gives the limit.
function awayFromOne(gamma: number): number {
  return Math.abs(gamma - 1) < 1e-7 ? 1 + 1e-7 : gamma;
}

// Γ(1+δ+k)/Γ(γ+δ+k) as a log.
function logRatio(gamma: number, delta: number, k: number): number {
  return logGamma(1 + delta + k) - logGamma(gamma + delta + k);
}

function pAlive(p: P, c: BtydSummary): number {
  const x = c.frequency;
  const n = c.T;
  const [alive, dropped] = terms(p, x, c.recency, n);
  const logLik = logAddExp(alive, dropped);
  // Alive at n + 1 (FHS 2010, eq. (11)): B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L.
  const aliveNext =
    logBeta(p.alpha + x, p.beta + n - x) -
    logBeta(p.alpha, p.beta) +
    logBeta(p.gamma, p.delta + n + 1) -
    logBeta(p.gamma, p.delta);
  return Math.exp(aliveNext - logLik);
}

function simulate(p: P, options: { customers: number; T: number; seed: number }): BtydSummary[] {
  const random = createRandom(options.seed);
  const n = Math.round(options.T);
  const result: BtydSummary[] = [];
  for (let i = 0; i < options.customers; i++) {
    const buy = randomBeta(random, p.alpha, p.beta);
    const die = randomBeta(random, p.gamma, p.delta);
    let x = 0;
    let last = 0;
    for (let t = 1; t <= n; t++) {
      if (random() < die) break;
      if (random() < buy) {
        x++;
        last = t;
      }
    }
    result.push({ frequency: x, recency: last, T: n });
  }
  return result;
}

/**
 * The BG/BB model (Fader, Hardie & Shang 2010) for discrete purchase opportunities (annual donations, yearly
 * events): while alive, a customer buys at each opportunity with probability p ~ beta(α, β) and dies before an
 * opportunity with probability θ ~ beta(γ, δ). The summary's `T` is the number of opportunities n, `recency` the
 * opportunity of the last purchase, and a horizon `t` counts opportunities.
 *
 * @example
 * ```ts
 * const fit = bgBb.fit(groupSummaries(donations)); // 11,104 donors, 6 opportunities
 * fit.params; // => { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 * fit.logLikelihood; // => -33225.6
 * ```
 */
export const bgBb: PurchaseModel<BgBbParameter> = {
  name: "bgbb",
  parameterNames: ["alpha", "beta", "gamma", "delta"],
  discrete: true,
  logLikelihood,
  fit(data, options): ModelFit<BgBbParameter> {
    const diagnosis = data.frequency.some((x) => x > 0)
      ? []
      : [makeIssue("model.no-repeat-buyers", [], { model: "bgbb", customers: data.customers })];
    return fitMaximumLikelihood(
      "bgbb",
      this.parameterNames,
      ([alpha = 1, beta = 1, gamma = 1, delta = 1]) => logLikelihood({ alpha, beta, gamma, delta }, data),
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
    );
  },
  expectedPurchases(p, t) {
    if (t <= 0) return 0;
    // FHS 2010, eq. (7): α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))].
    const gamma = awayFromOne(p.gamma);
    const { alpha, beta, delta } = p;
    const bracket = -Math.expm1(logRatio(gamma, delta, t) - logRatio(gamma, delta, 0));
    return (alpha / (alpha + beta)) * (delta / (gamma - 1)) * bracket;
  },
  purchaseCountProbability(p, x, t) {
    return bgBbCountProbability(p.alpha, p.beta, p.gamma, p.delta, x, t);
  },
  expectedPurchasesWhileAlive(p, t, c) {
    if (t <= 0) return 0;
    // FHS 2010, eq. (13) divided by P(alive at n + 1), eq. (11): E[p | alive] · Σ survival, in logs.
    const gamma = awayFromOne(p.gamma);
    const { alpha, beta, delta } = p;
    const x = c.frequency;
    const n = c.T;
    const logRest =
      logBeta(alpha + x + 1, beta + n - x) -
      logBeta(alpha + x, beta + n - x) +
      logGamma(gamma + delta) -
      logGamma(1 + delta) +
      logRatio(gamma, delta, n) -
      logBeta(gamma, delta + n + 1) +
      logBeta(gamma, delta);
    const bracket = -Math.expm1(logRatio(gamma, delta, n + t) - logRatio(gamma, delta, n));
    return Math.exp(logRest) * (delta / (gamma - 1)) * bracket;
  },
  conditionalExpectedPurchases(p, t, c) {
    return t <= 0 ? 0 : this.expectedPurchasesWhileAlive(p, t, c) * pAlive(p, c);
  },
  pAlive,
  simulate,
};
