import { createRandom } from "../math/createRandom.js";
import { logAddExp } from "../math/logAddExp.js";
import { logGamma } from "../math/logGamma.js";
import { randomGamma } from "../math/randomGamma.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";
import { paretoNbdCountProbability } from "./paretoNbdCountProbability.js";

/** The Pareto/NBD parameter names: purchase rate gamma(r, α), dropout rate gamma(s, β). */
export type ParetoNbdParameter = "r" | "alpha" | "s" | "beta";
type P = Readonly<Record<ParetoNbdParameter, number>>;

// ln of ₂F₁(r+s+x, b; r+s+x+1; z) / (m+y)^(r+s+x), z = |α−β|/(m+y), m = max(α, β), b = r+x (α < β) or s+1
// (α ≥ β): the pieces of Fader & Hardie's note 008, eq. (22)/(23), with z in [0, 1). Euler's transformation
// gives (1 − z)^(1−b) Σₖ Πⱼ<ₖ (c − b + j)/(c + j) · z, c = r+s+x+1: positive terms, each ratio ≤ z, so the sum is
// at most 1/(1 − z) and never overflows (this is logHyp2f1's path, inlined: the fit calls it per row).
function logPiece(rsx: number, second: number, m: number, gap: number, y: number): number {
  const z = gap / (m + y);
  const c = rsx + 1;
  let term = 1;
  let sum = 1;
  if (z > 0) {
    for (let j = 0; j < 1_000_000; j++) {
      term *= ((c - second + j) / (c + j)) * z;
      sum += term;
      if (term <= 1e-17 * sum) break;
    }
  }
  return (1 - second) * Math.log1p(-z) + Math.log(sum) - rsx * Math.log(m + y);
}

// The per-customer log-likelihood split into its two terms: alive at T, and dropped out in (t_x, T].
function terms(p: P, x: number, tx: number, T: number, gammaPart: number): [number, number] {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const alive = gammaPart - (r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return [alive, Number.NEGATIVE_INFINITY];
  const [m, second] = alpha < beta ? [beta, r + x] : [alpha, s + 1];
  const gap = Math.abs(alpha - beta);
  const high = logPiece(rsx, second, m, gap, tx);
  const low = logPiece(rsx, second, m, gap, T);
  // A0 = piece(t_x) − piece(T) > 0; log(e^high − e^low) = high + log(−expm1(low − high)).
  const logA0 = high + Math.log(-Math.expm1(Math.min(low - high, -1e-300)));
  return [alive, gammaPart + Math.log(s) - Math.log(rsx) + logA0];
}

function logLikelihood(p: P, d: WeightedSummaries): number {
  const { r, alpha, s, beta } = p;
  const lgR = logGamma(r);
  const base = r * Math.log(alpha) + s * Math.log(beta) - lgR;
  let total = 0;
  let lastX = -1;
  let gammaPart = 0;
  for (let i = 0; i < d.frequency.length; i++) {
    const x = d.frequency[i] as number;
    if (x !== lastX) {
      gammaPart = logGamma(r + x) + base;
      lastX = x;
    }
    const [alive, dropped] = terms(p, x, d.recency[i] as number, d.T[i] as number, gammaPart);
    total += (d.weight[i] as number) * logAddExp(alive, dropped);
  }
  return total;
}

function pAlive(p: P, c: BtydSummary): number {
  const [alive, dropped] = terms(p, c.frequency, c.recency, c.T, 0);
  return 1 / (1 + Math.exp(dropped - alive));
}

// [1 − (1 + u)^−(s−1)] / (s − 1), with its limit ln(1 + u) at s = 1.
function rateIntegral(s: number, u: number): number {
  const l = Math.log1p(u);
  return Math.abs(s - 1) < 1e-10 ? l : -Math.expm1(-(s - 1) * l) / (s - 1);
}

function simulate(p: P, options: { customers: number; T: number; seed: number }): BtydSummary[] {
  const random = createRandom(options.seed);
  const result: BtydSummary[] = [];
  for (let i = 0; i < options.customers; i++) {
    const lambda = randomGamma(random, p.r) / p.alpha;
    const mu = randomGamma(random, p.s) / p.beta;
    const end = Math.min(options.T, -Math.log(1 - random()) / mu);
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (time > end) break;
      x++;
      last = time;
    }
    result.push({ frequency: x, recency: last, T: options.T });
  }
  return result;
}

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie's note 008): while alive, a customer
 * buys as a Poisson process with rate λ ~ gamma(r, α); her lifetime is exponential with rate μ ~ gamma(s, β).
 * Non-contractual, continuous time. The likelihood uses the ₂F₁ form of note 008 in log space (argument always
 * in [0, 1), series after Euler's transformation with positive terms); s = 1 and recency = T are handled exactly.
 *
 * @example
 * ```ts
 * const fit = paretoNbd.fit(groupSummaries(cdnowSummaryRows)); // CDNOW sample, weeks
 * fit.params; // => { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } (to 3 decimals)
 * fit.logLikelihood; // => -9595.0
 * ```
 */
export const paretoNbd: PurchaseModel<ParetoNbdParameter> = {
  name: "paretonbd",
  parameterNames: ["r", "alpha", "s", "beta"],
  discrete: false,
  logLikelihood,
  fit(data, options): ModelFit<ParetoNbdParameter> {
    const diagnosis = data.frequency.some((x) => x > 0)
      ? []
      : [makeIssue("model.no-repeat-buyers", [], { model: "paretonbd", customers: data.customers })];
    return fitMaximumLikelihood(
      "paretonbd",
      this.parameterNames,
      ([r = 1, alpha = 1, s = 1, beta = 1]) => logLikelihood({ r, alpha, s, beta }, data),
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
    );
  },
  expectedPurchases(p, t) {
    if (t <= 0) return 0;
    return ((p.r * p.beta) / p.alpha) * rateIntegral(p.s, t / p.beta);
  },
  purchaseCountProbability(p, x, t) {
    return paretoNbdCountProbability(p.r, p.alpha, p.s, p.beta, x, t);
  },
  expectedPurchasesWhileAlive(p, t, c) {
    if (t <= 0) return 0;
    const { r, alpha, s, beta } = p;
    const rate = ((r + c.frequency) * (beta + c.T)) / (alpha + c.T);
    return rate * rateIntegral(s, t / (beta + c.T));
  },
  conditionalExpectedPurchases(p, t, c) {
    return t <= 0 ? 0 : this.expectedPurchasesWhileAlive(p, t, c) * pAlive(p, c);
  },
  pAlive,
  simulate,
};
