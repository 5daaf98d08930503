import { logBeta } from "./logBeta.js";

const STEP = 1 / 32;
const RANGE = 4.5;

/**
 * E[g(p)] for p ~ beta(a, b), for a g that is smooth on [0, 1] with finite end values, accurate to ~1e-10 for
 * any a, b > 0 — including the strongly peaked densities of a or b far below 1, where the mass sits within 1e-300
 * of an end. The straight line through g(0) and g(1) is integrated exactly (its mean is
 * g(0)·b/(a+b) + g(1)·a/(a+b)); the rest, which vanishes at both ends, by tanh-sinh quadrature (step 1/32 on
 * [−4.5, 4.5]) with the density in logs.
 *
 * @param g - The function, called with p and 1 − p (both accurate near the ends); g(0) and g(1) must be finite.
 * @param a - The first beta shape, > 0.
 * @param b - The second beta shape, > 0.
 * @returns The expectation.
 *
 * @example
 * ```ts
 * betaExpectation((p) => p * p, 2, 3); // => 0.2 (E[p²] = a(a+1)/((a+b)(a+b+1)))
 * ```
 */
export function betaExpectation(g: (p: number, q: number) => number, a: number, b: number): number {
  const g0 = g(0, 1);
  const g1 = g(1, 0);
  const lb = logBeta(a, b);
  let sum = 0;
  for (let t = -RANGE; t <= RANGE + 1e-12; t += STEP) {
    const s = (Math.PI / 2) * Math.sinh(t);
    // p = 1/(1 + e^(−2s)), q = 1 − p = 1/(1 + e^(2s)), in logs so neither underflows to a wrong 0.
    const logP = -Math.log1p(Math.exp(-2 * s));
    const logQ = -Math.log1p(Math.exp(2 * s));
    const p = Math.exp(logP);
    const q = Math.exp(logQ);
    const rest = g(p, q) - g0 * q - g1 * p;
    if (rest === 0) continue;
    // dp/dt = π cosh(t) p q; the density p^(a−1) q^(b−1) / B(a, b).
    const weight = Math.exp(a * logP + b * logQ - lb) * Math.PI * Math.cosh(t);
    sum += rest * weight;
  }
  return g0 * (b / (a + b)) + g1 * (a / (a + b)) + STEP * sum;
}
