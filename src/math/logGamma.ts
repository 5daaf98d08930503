// Lanczos approximation, g = 7, n = 9 (the coefficients of Numerical Recipes 3rd ed. / Boost's "lanczos13m53"
// family as used by many libraries); relative error below 1e-14 for x ≥ 0.5, reflection below.
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046727;

/**
 * The natural logarithm of the gamma function, ln Γ(x), for x > 0 (Lanczos approximation, g = 7, n = 9;
 * relative error below 1e-13). Finite for every finite x > 0, so it is safe for counts up to millions.
 *
 * @param x - A positive number.
 * @returns ln Γ(x); `NaN` when x ≤ 0 or is not finite (a programmer error, not a data case).
 *
 * @example
 * ```ts
 * logGamma(5); // => 3.1780538303479458 (ln 24)
 * logGamma(0.5); // => 0.5723649429247001 (ln √π)
 * ```
 */
export function logGamma(x: number): number {
  if (!(x > 0) || x === Number.POSITIVE_INFINITY) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0] as number;
  for (let i = 1; i < 9; i++) sum += (COEFFICIENTS[i] as number) / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
