import { logGamma } from "./logGamma.js";

/**
 * The natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * @param a - A positive number.
 * @param b - A positive number.
 * @returns ln B(a, b); `NaN` when a or b is not positive.
 *
 * @example
 * ```ts
 * logBeta(1, 1); // => 0
 * logBeta(2, 3); // => -2.4849066497880004 (ln 1/12)
 * ```
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
