import { betaExpectation } from "../math/betaExpectation.js";
import { logGamma } from "../math/logGamma.js";
import { logNbdProbability } from "./logNbdProbability.js";

/**
 * P(X(t) = x) for a new Pareto/NBD customer: x purchases in (0, t] after the first one. By the law of total
 * probability over her lifetime τ (exponential with rate μ ~ gamma(s, β), so P(τ > y) = (β/(β + y))^s): alive at t
 * with x purchases, or dead at y < t with x purchases by then,
 * P(X(t) = x) = (β/(β + t))^s · P(N(t) = x) + ∫₀ᵗ P(N(y) = x) · s β^s/(β + y)^(s+1) dy,
 * N(y) the NBD count of a gamma(r, α) Poisson process. Both parts are positive, so nothing cancels (unlike the
 * difference of ₂F₁ sums in Fader & Hardie's closed form, which gives the same value); the integral is a
 * tanh–sinh quadrature over y/t. Internal to clv.
 *
 * @param r - Purchase-rate shape.
 * @param alpha - Purchase-rate scale α.
 * @param s - Drop-out-rate shape.
 * @param beta - Drop-out-rate scale β.
 * @param x - The count, a whole number ≥ 0.
 * @param t - The interval's length.
 * @returns The probability.
 *
 * @example
 * ```ts
 * paretoNbdCountProbability(0.553, 10.578, 0.606, 11.669, 0, 39); // => 0.5936… (CDNOW: no repeat in 39 weeks)
 * ```
 */
export function paretoNbdCountProbability(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
): number {
  if (!(t > 0)) return x === 0 ? 1 : 0;
  const logBeta = Math.log(beta);
  const logCoefficient = logGamma(r + x) - logGamma(r) - logGamma(x + 1);
  const alive = Math.exp(
    s * (logBeta - Math.log(beta + t)) + logNbdProbability(r, alpha, t, x, logCoefficient),
  );
  // ∫₀¹ t · P(N(tu) = x) · s β^s (β + tu)^−(s+1) du as the mean over u ~ beta(1, 1).
  const dead = betaExpectation(
    (u) =>
      t *
      s *
      Math.exp(
        logNbdProbability(r, alpha, t * u, x, logCoefficient) +
          s * logBeta -
          (s + 1) * Math.log(beta + t * u),
      ),
    1,
    1,
  );
  return Math.min(1, alive + Math.max(0, dead));
}
