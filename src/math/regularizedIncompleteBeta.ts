import { logBeta } from "./logBeta.js";

const MAX_ITERATIONS = 100_000;
const EPSILON = 1e-16;
const TINY = 1e-300;

// The continued fraction of I_x(a, b) · a B(a, b) / (x^a y^b) by the modified Lentz method (Numerical Recipes'
// betacf); it converges fast for x < (a + 1)/(a + b + 2), in about √max(a, b) steps.
function continuedFraction(a: number, b: number, x: number): number {
  const guard = (value: number): number => (Math.abs(value) < TINY ? TINY : value);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b)/B(a, b), the beta(a, b) distribution function,
 * by its continued fraction on the side where it converges fast (I_x(a, b) = 1 − I_y(b, a)), with the prefactor in
 * logs. Pass y = 1 − x when it is known more accurately than the difference (x near 1).
 *
 * @param a - The first shape, > 0.
 * @param b - The second shape, > 0.
 * @param x - The argument, in [0, 1].
 * @param y - 1 − x (default computed from x).
 * @returns I_x(a, b), in [0, 1].
 *
 * @example
 * ```ts
 * regularizedIncompleteBeta(2, 1, 0.5); // => 0.25 (I_x(a, 1) = xᵃ)
 * ```
 */
export function regularizedIncompleteBeta(a: number, b: number, x: number, y: number = 1 - x): number {
  if (!(x > 0)) return 0;
  if (!(y > 0)) return 1;
  const logFront = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  const value =
    x < (a + 1) / (a + b + 2)
      ? (Math.exp(logFront) * continuedFraction(a, b, x)) / a
      : 1 - (Math.exp(logFront) * continuedFraction(b, a, y)) / b;
  return Math.min(1, Math.max(0, value));
}
