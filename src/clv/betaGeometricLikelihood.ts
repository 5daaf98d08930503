import { digamma } from "../math/digamma.js";
import { logGamma } from "../math/logGamma.js";
import type { SecondOrderExpansion } from "../math/minimizeNewton.js";
import { trigamma } from "../math/trigamma.js";
import type { IndexedSummaries } from "./indexSummaries.js";

/**
 * The parameters of the BG/NBD and the MBG/NBD: purchase rate gamma(r, α), dropout probability beta(a, b).
 *
 * @example
 * ```ts
 * const p: BetaGeometricParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export interface BetaGeometricParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The log-likelihood of the BG/NBD (Fader, Hardie & Lee 2005) or, with `dropoutAtFirstPurchase`, of the MBG/NBD
 * (Batislam, Denizel & Filiztekin 2007, where a customer may also drop out right after the first purchase), with
 * its exact gradient and Hessian in (r, α, a, b), in one pass over the rows. Internal to clv: the two models'
 * likelihood and fit.
 *
 * A customer's term is G(x) − (r + x) ln(α + T) + softplus(D), D = ln a − ln(b + x + m − 1) − (r + x)(ln(α + t_x)
 * − ln(α + T)), m = 1 for the MBG/NBD and 0 for the BG/NBD (whose softplus term is absent when x = 0), with
 * G(x) = ln Γ(r + x) − ln Γ(r) + r ln α + ln Γ(a + b) + ln Γ(b + x + m) − ln Γ(b) − ln Γ(a + b + x + m). G and
 * its derivatives (digamma, trigamma) are computed once per distinct x, ln(α + t) once per distinct time; a row
 * costs one exp and one division, and adds weighted sums that are multiplied by the constants of its x at the end of
 * its run.
 *
 * @param p - The parameters.
 * @param data - The indexed summaries.
 * @param dropoutAtFirstPurchase - true for the MBG/NBD, false for the BG/NBD.
 * @returns The log-likelihood (summed with weights), its gradient and its Hessian in the order r, α, a, b.
 *
 * @example
 * ```ts
 * betaGeometricLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, indexSummaries(cdnow), false).value;
 * // => -9582.4…
 * ```
 */
export function betaGeometricLikelihood(
  p: BetaGeometricParameters,
  data: IndexedSummaries,
  dropoutAtFirstPurchase: boolean,
): SecondOrderExpansion {
  const { r, alpha, a, b } = p;
  const shift = dropoutAtFirstPurchase ? 1 : 0;
  const { times, weight, recencyTime, endTime, frequencies, runStarts } = data;
  const logTime = new Float64Array(times.length);
  const inverseTime = new Float64Array(times.length);
  for (let t = 0; t < times.length; t++) {
    const at = alpha + (times[t] as number);
    logTime[t] = Math.log(at);
    inverseTime[t] = 1 / at;
  }
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const triR = trigamma(r);
  const triB = trigamma(b);
  const triAB = trigamma(a + b);
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let value = 0;
  let logOnePlus = 0;
  let product = 1;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  let hRR = 0;
  let hRAlpha = 0;
  let hRA = 0;
  let hRB = 0;
  let hAlphaAlpha = 0;
  let hAlphaA = 0;
  let hAlphaB = 0;
  let hAA = 0;
  let hAB = 0;
  let hBB = 0;
  for (let run = 0; run < frequencies.length; run++) {
    const x = frequencies[run] as number;
    const k = r + x;
    const bx = b + x + shift;
    const abx = a + b + x + shift;
    const dropout = x > 0 || dropoutAtFirstPurchase;
    const c = dropout ? logA - Math.log(bx - 1) : 0;
    // Weighted sums over the run's rows: w; w·ln(α+T), w/(α+T), w/(α+T)²; and for the softplus term, with
    // Δ = ln(α+t_x) − ln(α+T), δ = 1/(α+t_x) − 1/(α+T), δ₂ = 1/(α+t_x)² − 1/(α+T)², σ = softplus′(D) and
    // h = softplus″(D): w·softplus(D), w·σ·(1, Δ, δ, δ₂), w·h·(1, Δ, δ, Δ², Δδ, δ²).
    let sumW = 0;
    let sumL = 0;
    let sumI = 0;
    let sumI2 = 0;
    let softplus = 0;
    let s = 0;
    let sDelta = 0;
    let sD = 0;
    let sD2 = 0;
    let h = 0;
    let hDelta = 0;
    let hD = 0;
    let hDeltaDelta = 0;
    let hDeltaD = 0;
    let hDD = 0;
    const end = runStarts[run + 1] as number;
    for (let i = runStarts[run] as number; i < end; i++) {
      const w = weight[i] as number;
      const T = endTime[i] as number;
      const logT = logTime[T] as number;
      const inverseT = inverseTime[T] as number;
      sumW += w;
      sumL += w * logT;
      sumI += w * inverseT;
      sumI2 += w * inverseT * inverseT;
      if (dropout) {
        const tx = recencyTime[i] as number;
        const inverseTx = inverseTime[tx] as number;
        const delta = (logTime[tx] as number) - logT;
        const d = inverseTx - inverseT;
        const d2 = inverseTx * inverseTx - inverseT * inverseT;
        const D = c - k * delta;
        // softplus(D) = max(D, 0) + ln(1 + e^−|D|), σ = 1/(1 + e^−D), h = σ(1 − σ) = e^−|D|/(1 + e^−|D|)².
        const e = Math.exp(-Math.abs(D));
        const onePlus = 1 + e;
        const inverse = 1 / onePlus;
        const ws = w * (D >= 0 ? inverse : e * inverse);
        const wh = w * e * inverse * inverse;
        softplus += w * Math.max(D, 0);
        // The ln(1 + e^−|D|) of rows of unit weight are summed as the log of their running product (factors in
        // (1, 2]: one log per ~900 rows), the others one log each.
        if (w === 1) {
          product *= onePlus;
          if (product > 1e270) {
            logOnePlus += Math.log(product);
            product = 1;
          }
        } else logOnePlus += w * Math.log(onePlus);
        s += ws;
        sDelta += ws * delta;
        sD += ws * d;
        sD2 += ws * d2;
        h += wh;
        hDelta += wh * delta;
        hD += wh * d;
        hDeltaDelta += wh * delta * delta;
        hDeltaD += wh * delta * d;
        hDD += wh * d * d;
      }
    }
    // G(x) and its derivatives, times the run's weight.
    const psiK = digamma(k) - psiR;
    const psiABX = digamma(abx);
    const triABX = trigamma(abx);
    value += sumW * (logGamma(k) - lgR + r * logAlpha + lgAB + logGamma(bx) - lgB - logGamma(abx));
    gR += sumW * (psiK + logAlpha);
    gAlpha += (sumW * r) / alpha;
    gA += sumW * (psiAB - psiABX);
    gB += sumW * (psiAB + digamma(bx) - psiB - psiABX);
    hRR += sumW * (trigamma(k) - triR);
    hRAlpha += sumW / alpha;
    hAlphaAlpha -= (sumW * r) / (alpha * alpha);
    hAA += sumW * (triAB - triABX);
    hAB += sumW * (triAB - triABX);
    hBB += sumW * (triAB + trigamma(bx) - triB - triABX);
    // −(r + x) ln(α + T).
    value -= k * sumL;
    gR -= sumL;
    gAlpha -= k * sumI;
    hRAlpha -= sumI;
    hAlphaAlpha += k * sumI2;
    // softplus(D): ∇D = (−Δ, −(r+x)δ, 1/a, −1/(b+x+m−1)); ∂²D/∂r∂α = −δ, ∂²D/∂α² = (r+x)δ₂, ∂²D/∂a² = −1/a²,
    // ∂²D/∂b² = 1/(b+x+m−1)²; the Hessian is h ∇D∇Dᵀ + σ ∇²D.
    if (dropout) {
      const A = 1 / a;
      const B = -1 / (bx - 1);
      value += softplus;
      gR -= sDelta;
      gAlpha -= k * sD;
      gA += A * s;
      gB += B * s;
      hRR += hDeltaDelta;
      hRAlpha += k * hDeltaD - sD;
      hRA -= A * hDelta;
      hRB -= B * hDelta;
      hAlphaAlpha += k * k * hDD + k * sD2;
      hAlphaA -= k * A * hD;
      hAlphaB -= k * B * hD;
      hAA += A * A * (h - s);
      hAB += A * B * h;
      hBB += B * B * (h + s);
    }
  }
  return {
    value: value + logOnePlus + Math.log(product),
    gradient: [gR, gAlpha, gA, gB],
    hessian: [
      [hRR, hRAlpha, hRA, hRB],
      [hRAlpha, hAlphaAlpha, hAlphaA, hAlphaB],
      [hRA, hAlphaA, hAA, hAB],
      [hRB, hAlphaB, hAB, hBB],
    ],
  };
}
