import { logAddExp } from "../math/logAddExp.js";
import { logBeta } from "../math/logBeta.js";
import { logGamma } from "../math/logGamma.js";

// ln of the binomial coefficient C(n, k).
function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * P(X(n) = x) for a new BG/BB customer (Fader, Hardie & Shang 2010): x purchases in n opportunities. She is either
 * alive through all n opportunities and buys at x of them, or dies after i opportunities (x ≤ i < n) having bought
 * at x of those:
 * C(n, x) B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ) + Σᵢ C(i, x) B(α + x, β + i − x)/B(α, β) ·
 * B(γ + 1, δ + i)/B(γ, δ), summed in logs. Internal to clv.
 *
 * @param alpha - Purchase beta α.
 * @param beta - Purchase beta β.
 * @param gamma - Death beta γ.
 * @param delta - Death beta δ.
 * @param x - The count, a whole number ≥ 0.
 * @param n - The opportunities (rounded down to a whole number).
 * @returns The probability; 0 when x > n.
 *
 * @example
 * ```ts
 * bgBbCountProbability(2, 3, 1, 4, 1, 1); // => 0.32 (to 14 digits; α/(α+β) · δ/(γ+δ) = 2/5 · 4/5)
 * ```
 */
export function bgBbCountProbability(
  alpha: number,
  beta: number,
  gamma: number,
  delta: number,
  x: number,
  n: number,
): number {
  const opportunities = Math.max(0, Math.floor(n));
  if (x > opportunities) return 0;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  let total =
    logChoose(opportunities, x) +
    logBeta(alpha + x, beta + opportunities - x) -
    lbAB +
    logBeta(gamma, delta + opportunities) -
    lbGD;
  for (let i = x; i < opportunities; i++) {
    total = logAddExp(
      total,
      logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD,
    );
  }
  return Math.exp(total);
}
