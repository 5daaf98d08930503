import { createRandom } from "../math/createRandom.js";
import { logGamma } from "../math/logGamma.js";
import { randomGamma } from "../math/randomGamma.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary, WeightedSummaries } from "./BtydSummary.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import { type IndexedSummaries, indexSummaries } from "./indexSummaries.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";
import { paretoNbdCountProbability } from "./paretoNbdCountProbability.js";

/** The Pareto/NBD parameter names: purchase rate gamma(r, α), dropout rate gamma(s, β). */
export type ParetoNbdParameter = "r" | "alpha" | "s" | "beta";
type P = Readonly<Record<ParetoNbdParameter, number>>;

// ln of ₂F₁(r+s+x, b; r+s+x+1; z) / (m+y)^(r+s+x), z = |α−β|/(m+y), m = max(α, β), b = r+x (α < β) or s+1
// (α ≥ β): the pieces of Fader & Hardie's note 008, eq. (22)/(23), with z in [0, 1), given ln(m+y). Euler's
// transformation gives (1 − z)^(1−b) Σₖ Πⱼ<ₖ (c − b + j)/(c + j) · z, c = r+s+x+1: positive terms, each ratio ≤ z,
// so the sum is at most 1/(1 − z) and never overflows (this is logHyp2f1's path, inlined: the fit calls it per
// distinct (x, y) and pass).
function logPiece(rsx: number, second: number, z: number, logScale: number): number {
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
  return (1 - second) * Math.log1p(-z) + Math.log(sum) - rsx * logScale;
}

// ln(piece(t_x) − piece(T)), the pieces given as logs high and low: log(e^high − e^low) = high +
// log(−expm1(low − high)), A0 of note 008 (> 0 for t_x < T).
function logPieceDifference(high: number, low: number): number {
  return high + Math.log(-Math.expm1(Math.min(low - high, -1e-300)));
}

// The per-customer log-likelihood split into its two terms: alive at T, and dropped out in (t_x, T].
function terms(p: P, x: number, tx: number, T: number, gammaPart: number): [number, number] {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const alive = gammaPart - (r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx >= T) return [alive, Number.NEGATIVE_INFINITY];
  const [m, second] = alpha < beta ? [beta, r + x] : [alpha, s + 1];
  const gap = Math.abs(alpha - beta);
  const high = logPiece(rsx, second, gap / (m + tx), Math.log(m + tx));
  const low = logPiece(rsx, second, gap / (m + T), Math.log(m + T));
  return [alive, gammaPart + Math.log(s) - Math.log(rsx) + logPieceDifference(high, low)];
}

/** Which (x, time) pairs need a piece: t_x and T of each row with t_x < T, shared by the rows of one x. */
interface PieceIndex {
  /** Per piece: its run (its x) and its time, indices into the indexed summaries. */
  run: Int32Array;
  time: Int32Array;
  /** Per row: the pieces at t_x and at T (−1 when t_x = T: no dropout term). */
  recency: Int32Array;
  end: Int32Array;
}

function indexPieces(d: IndexedSummaries): PieceIndex {
  const n = d.weight.length;
  const recency = new Int32Array(n).fill(-1);
  const end = new Int32Array(n).fill(-1);
  const run: number[] = [];
  const time: number[] = [];
  // The piece of each time in the current run, valid where owner[time] is the run.
  const owner = new Int32Array(d.times.length).fill(-1);
  const pieceOfTime = new Int32Array(d.times.length);
  const pieceOf = (k: number, t: number): number => {
    if (owner[t] !== k) {
      owner[t] = k;
      pieceOfTime[t] = run.length;
      run.push(k);
      time.push(t);
    }
    return pieceOfTime[t] as number;
  };
  for (let k = 0; k < d.frequencies.length; k++) {
    for (let i = d.runStarts[k] as number; i < (d.runStarts[k + 1] as number); i++) {
      const tx = d.recencyTime[i] as number;
      const T = d.endTime[i] as number;
      if (tx === T) continue;
      recency[i] = pieceOf(k, tx);
      end[i] = pieceOf(k, T);
    }
  }
  return { run: Int32Array.from(run), time: Int32Array.from(time), recency, end };
}

// The log-likelihood in one pass: ln(α + t) and ln(β + t) once per distinct time, the pieces once per distinct
// (x, time), ln Γ(r + x) once per x.
function likelihood(p: P, d: IndexedSummaries, pieces: PieceIndex): number {
  const { r, alpha, s, beta } = p;
  const { times, frequencies, runStarts, weight, endTime } = d;
  const logAlphaT = new Float64Array(times.length);
  const logBetaT = new Float64Array(times.length);
  for (let t = 0; t < times.length; t++) {
    logAlphaT[t] = Math.log(alpha + (times[t] as number));
    logBetaT[t] = Math.log(beta + (times[t] as number));
  }
  const alphaBelow = alpha < beta;
  const m = alphaBelow ? beta : alpha;
  const logScale = alphaBelow ? logBetaT : logAlphaT;
  const gap = Math.abs(alpha - beta);
  const piece = new Float64Array(pieces.run.length);
  for (let k = 0; k < piece.length; k++) {
    const x = frequencies[pieces.run[k] as number] as number;
    const t = pieces.time[k] as number;
    piece[k] = logPiece(
      r + s + x,
      alphaBelow ? r + x : s + 1,
      gap / (m + (times[t] as number)),
      logScale[t] as number,
    );
  }
  const base = r * Math.log(alpha) + s * Math.log(beta) - logGamma(r);
  const logS = Math.log(s);
  let total = 0;
  for (let k = 0; k < frequencies.length; k++) {
    const x = frequencies[k] as number;
    const gammaPart = logGamma(r + x) + base;
    const dropWeight = logS - Math.log(r + s + x);
    for (let i = runStarts[k] as number; i < (runStarts[k + 1] as number); i++) {
      const T = endTime[i] as number;
      const alive = -(r + x) * (logAlphaT[T] as number) - s * (logBetaT[T] as number);
      const high = pieces.recency[i] as number;
      let row = alive;
      if (high >= 0) {
        // ln(e^alive + e^(dropWeight + A0)) with A0 = h + ln q, h = piece(t_x), q = −expm1(piece(T) − h): with
        // u = alive − dropWeight − h it is dropWeight + h + ln(eᵘ + q), one exp and one log.
        const h = piece[high] as number;
        const q = -Math.expm1(Math.min((piece[pieces.end[i] as number] as number) - h, -1e-300));
        const u = alive - dropWeight - h;
        row = u > 0 ? alive + Math.log(1 + q * Math.exp(-u)) : dropWeight + h + Math.log(Math.exp(u) + q);
      }
      total += (weight[i] as number) * (gammaPart + row);
    }
  }
  return total;
}

function logLikelihood(p: P, d: WeightedSummaries): number {
  const indexed = indexSummaries(d);
  return likelihood(p, indexed, indexPieces(indexed));
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
    const indexed = indexSummaries(data);
    const pieces = indexPieces(indexed);
    return fitMaximumLikelihood(
      "paretonbd",
      this.parameterNames,
      ([r = 1, alpha = 1, s = 1, beta = 1]) => likelihood({ r, alpha, s, beta }, indexed, pieces),
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
