import { logAddExp } from "../math/logAddExp.js";
import { logNbdProbability } from "./logNbdProbability.js";

const MAX_TERMS = 10_000_000;

/**
 * P(N ≥ x) for the NBD count N in (0, t] of a Poisson process with rate λ ~ gamma(r, α) (see
 * {@link logNbdProbability}). The terms are summed in logs from the side of x that has no cancellation: up to the
 * mean, 1 − Σⱼ₌₀…ₓ₋₁ P(N = j); above it, the upper tail Σⱼ≥ₓ P(N = j), whose terms fall there at least
 * geometrically (P(N = j + 1)/P(N = j) = q (r + j)/(j + 1) < 1 for j above the mean). Internal to clv.
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
  const logQ = Math.log(t) - Math.log(alpha + t);
  // ln P(N = j + 1) − ln P(N = j).
  const step = (j: number): number => logQ + Math.log(r + j) - Math.log(j + 1);
  if (x <= (r * t) / alpha) {
    let logCurrent = logNbdProbability(r, alpha, t, 0);
    let logBelow = logCurrent;
    for (let j = 0; j < x - 1; j++) {
      logCurrent += step(j);
      logBelow = logAddExp(logBelow, logCurrent);
    }
    return Math.max(0, -Math.expm1(logBelow));
  }
  let relative = 1;
  let sum = 1;
  for (let j = x; j < x + MAX_TERMS; j++) {
    relative *= Math.exp(step(j));
    sum += relative;
    if (relative <= 1e-17 * sum) break;
  }
  return Math.min(1, Math.exp(logNbdProbability(r, alpha, t, x) + Math.log(sum)));
}
