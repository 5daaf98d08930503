import { jacobian } from "./jacobian.js";

/**
 * The gradient of a function of several variables by central differences (step 1e-5 · max(1, |xᵢ|)); the
 * error is of order step² times the third derivative, ample for maximum-likelihood fits in log-parameter space.
 *
 * @param f - The function.
 * @param x - The point.
 * @returns ∂f/∂xᵢ at `x`, one entry per variable.
 *
 * @example
 * ```ts
 * gradient(([a = 0, b = 0]) => a * a + 3 * b, [2, 5]); // => [4.000000000004, 3.0000000000000004] (≈ [4, 3])
 * ```
 */
export function gradient(f: (x: readonly number[]) => number, x: readonly number[]): number[] {
  return jacobian((point) => [f(point)], x).map(([derivative = 0]) => derivative);
}
