import { createRandom } from "../math/createRandom.js";
import { digamma } from "../math/digamma.js";
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
//
// With `derivatives`, its partial derivatives in b, c − b, r+s+x (as c − 1) and z go to derivatives[at … at + 3]:
// d ln tₖ = Aₖ d(c − b) − Bₖ dc + k dz/z, Aₖ = Σⱼ<ₖ 1/(c − b + j), Bₖ = Σⱼ<ₖ 1/(c + j), summed over the terms
// (k tₖ/z is kept as k uₖ, uₖ = tₖ/z, so that z = 0 still gives the first coefficient).
function logPiece(
  rsx: number,
  second: number,
  z: number,
  logScale: number,
  derivatives?: Float64Array,
  at = 0,
): number {
  const c = rsx + 1;
  const cb = c - second;
  let term = 1;
  let sum = 1;
  let sumA = 0;
  let sumB = 0;
  let sumK = 0;
  let a = 0;
  let b = 0;
  for (let j = 0; j < 1_000_000; j++) {
    const up = term * ((cb + j) / (c + j));
    term = up * z;
    sum += term;
    if (derivatives !== undefined) {
      a += 1 / (cb + j);
      b += 1 / (c + j);
      sumA += term * a;
      sumB += term * b;
      sumK += (j + 1) * up;
    }
    if (term <= 1e-17 * sum) break;
  }
  const log1mz = Math.log1p(-z);
  if (derivatives !== undefined) {
    derivatives[at] = -log1mz;
    derivatives[at + 1] = sumA / sum;
    derivatives[at + 2] = -sumB / sum - logScale;
    derivatives[at + 3] = -(1 - second) / (1 - z) + sumK / sum;
  }
  return (1 - second) * log1mz + Math.log(sum) - rsx * logScale;
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
// (x, time), ln Γ(r + x) once per x. With `gradient`, dLL/d(r, α, s, β) goes there: each row's term is
// ln(e^alive + e^dropped), whose derivative is (1 − π) d alive + π d dropped with π the dropped share, and
// d ln(e^h − e^l) = (dh − E dl)/(1 − E), E = e^(l − h).
function likelihood(p: P, d: IndexedSummaries, pieces: PieceIndex, gradient?: number[]): number {
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
  // Per piece, d/d(r, α, s, β) when the gradient is wanted (from logPiece's derivatives in b, c − b, r+s+x, z).
  const slopes = gradient === undefined ? undefined : new Float64Array(4 * piece.length);
  for (let k = 0; k < piece.length; k++) {
    const x = frequencies[pieces.run[k] as number] as number;
    const t = pieces.time[k] as number;
    const y = times[t] as number;
    const rsx = r + s + x;
    piece[k] = logPiece(rsx, alphaBelow ? r + x : s + 1, gap / (m + y), logScale[t] as number, slopes, 4 * k);
    if (slopes !== undefined) {
      const dB = slopes[4 * k] as number;
      const dCB = slopes[4 * k + 1] as number;
      const dRsx = slopes[4 * k + 2] as number;
      const dZ = slopes[4 * k + 3] as number;
      // b = r+x, c − b = s+1, z = (β−α)/(β+y), scale β+y when α < β; b = s+1, c − b = r+x, z = (α−β)/(α+y),
      // scale α+y otherwise.
      const my = m + y;
      const other = (alphaBelow ? alpha : beta) + y;
      const towardsM = (dZ * other) / (my * my) - rsx / my;
      const awayFromM = -dZ / my;
      slopes[4 * k] = (alphaBelow ? dB : dCB) + dRsx;
      slopes[4 * k + 1] = alphaBelow ? awayFromM : towardsM;
      slopes[4 * k + 2] = (alphaBelow ? dCB : dB) + dRsx;
      slopes[4 * k + 3] = alphaBelow ? towardsM : awayFromM;
    }
  }
  const logAlpha = Math.log(alpha);
  const logBeta = Math.log(beta);
  const base = r * logAlpha + s * logBeta - logGamma(r);
  const psiR = gradient === undefined ? 0 : digamma(r);
  const logS = Math.log(s);
  let total = 0;
  let gR = 0;
  let gAlpha = 0;
  let gS = 0;
  let gBeta = 0;
  for (let k = 0; k < frequencies.length; k++) {
    const x = frequencies[k] as number;
    const rsx = r + s + x;
    const gammaPart = logGamma(r + x) + base;
    const dropWeight = logS - Math.log(rsx);
    let runWeight = 0;
    for (let i = runStarts[k] as number; i < (runStarts[k + 1] as number); i++) {
      const w = weight[i] as number;
      const T = endTime[i] as number;
      const alive = -(r + x) * (logAlphaT[T] as number) - s * (logBetaT[T] as number);
      const high = pieces.recency[i] as number;
      let row = alive;
      // The dropped share π of the row's likelihood.
      let dropped = 0;
      let E = 0;
      let q = 1;
      if (high >= 0) {
        // ln(e^alive + e^(dropWeight + A0)) with A0 = h + ln q, h = piece(t_x), q = −expm1(piece(T) − h): with
        // u = alive − dropWeight − h it is dropWeight + h + ln(eᵘ + q), one exp and one log.
        const h = piece[high] as number;
        q = -Math.expm1(Math.min((piece[pieces.end[i] as number] as number) - h, -1e-300));
        E = 1 - q;
        const u = alive - dropWeight - h;
        if (u > 0) {
          const v = q * Math.exp(-u);
          row = alive + Math.log(1 + v);
          dropped = v / (1 + v);
        } else {
          const v = Math.exp(u);
          row = dropWeight + h + Math.log(v + q);
          dropped = q / (v + q);
        }
      }
      total += w * (gammaPart + row);
      if (slopes !== undefined) {
        runWeight += w;
        const kept = w * (1 - dropped);
        gR -= kept * (logAlphaT[T] as number);
        gAlpha -= (kept * (r + x)) / (alpha + (times[T] as number));
        gS -= kept * (logBetaT[T] as number);
        gBeta -= (kept * s) / (beta + (times[T] as number));
        if (high >= 0) {
          const wd = w * dropped;
          const h4 = 4 * high;
          const l4 = 4 * (pieces.end[i] as number);
          const scale = wd / q;
          gR += wd * (-1 / rsx) + scale * ((slopes[h4] as number) - E * (slopes[l4] as number));
          gAlpha += scale * ((slopes[h4 + 1] as number) - E * (slopes[l4 + 1] as number));
          gS +=
            wd * (1 / s - 1 / rsx) + scale * ((slopes[h4 + 2] as number) - E * (slopes[l4 + 2] as number));
          gBeta += scale * ((slopes[h4 + 3] as number) - E * (slopes[l4 + 3] as number));
        }
      }
    }
    // ln Γ(r + x) + r ln α + s ln β − ln Γ(r), for every row of the run.
    if (slopes !== undefined) {
      gR += runWeight * (digamma(r + x) - psiR + logAlpha);
      gAlpha += (runWeight * r) / alpha;
      gS += runWeight * logBeta;
      gBeta += (runWeight * s) / beta;
    }
  }
  if (gradient !== undefined) gradient.splice(0, gradient.length, gR, gAlpha, gS, gBeta);
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
    // One pass gives the value and the gradient; the optimiser asks for the value at a point, then (once it
    // accepts the point) for the gradient there, which the last pass already has.
    let last: { theta: readonly number[]; value: number; gradient: number[] } | undefined;
    const pass = (theta: readonly number[]): { value: number; gradient: number[] } => {
      if (last === undefined || theta.some((value, i) => value !== last?.theta[i])) {
        const [r = 1, alpha = 1, s = 1, beta = 1] = theta;
        const gradient: number[] = [];
        const value = likelihood({ r, alpha, s, beta }, indexed, pieces, gradient);
        last = { theta: [...theta], value, gradient };
      }
      return last;
    };
    return fitMaximumLikelihood(
      "paretonbd",
      this.parameterNames,
      (theta) => pass(theta).value,
      [1, 1, 1, 1],
      data.customers,
      options,
      diagnosis,
      { gradient: (theta) => pass(theta).gradient },
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
