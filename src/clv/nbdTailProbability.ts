import { regularizedIncompleteBeta } from "../math/regularizedIncompleteBeta.js";

/**
 * P(N ≥ x) for the NBD count N in (0, t] of a Poisson process with rate λ ~ gamma(r, α) (see
 * `logNbdProbability`): the regularized incomplete beta I_q(x, r), q = t/(α + t), which needs no sum over
 * the x terms below it and no long sum over a heavy upper tail. Internal to clv.
 *
 * @param r - The gamma shape, > 0.
 * @param alpha - The gamma rate α, > 0.
 * @param t - The length of the interval, ≥ 0.
 * @param x - The count, a whole number ≥ 0.
 * @returns P(N ≥ x), in [0, 1].
 *
 * @example
 * ```ts
 * nbdTailProbability(1, 1, 1, 1); // => 0.5 (geometric with q = ½)
 * ```
 */
export function nbdTailProbability(r: number, alpha: number, t: number, x: number): number {
  if (x <= 0) return 1;
  if (!(t > 0)) return 0;
  return regularizedIncompleteBeta(x, r, t / (alpha + t), alpha / (alpha + t));
}
