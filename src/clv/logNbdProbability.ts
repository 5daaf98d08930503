import { logGamma } from "../math/logGamma.js";

/**
 * ln P(N = x) for the purchases N in (0, t] of a customer who stays alive and buys as a Poisson process with rate
 * λ ~ gamma(r, α): the negative binomial distribution (NBD)
 * P(N = x) = Γ(r + x)/(Γ(r) x!) · (α/(α + t))^r · (t/(α + t))^x. Internal to clv.
 *
 * @param r - The gamma shape, > 0.
 * @param alpha - The gamma rate α, > 0.
 * @param t - The length of the interval, ≥ 0.
 * @param x - The count, a whole number ≥ 0.
 * @param logCoefficient - ln Γ(r + x) − ln Γ(r) − ln x!, computed when not given (a caller that integrates over t
 *   passes it once).
 * @returns ln P(N = x); −Infinity when it is 0 (x > 0 at t = 0).
 *
 * @example
 * ```ts
 * Math.exp(logNbdProbability(1, 1, 1, 1)); // => 0.25 (geometric with q = ½)
 * ```
 */
export function logNbdProbability(
  r: number,
  alpha: number,
  t: number,
  x: number,
  logCoefficient: number = logGamma(r + x) - logGamma(r) - logGamma(x + 1),
): number {
  if (!(t > 0)) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  const logScale = Math.log(alpha + t);
  return logCoefficient + r * (Math.log(alpha) - logScale) + (x === 0 ? 0 : x * (Math.log(t) - logScale));
}
