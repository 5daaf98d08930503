/**
 * The first derivatives of a vector-valued function of several variables by central differences (step
 * 1e-5 · max(1, |xᵢ|)), one column per variable: entry [i][k] is ∂fₖ/∂xᵢ. Internal to math: {@link gradient} (a
 * function with one value) and the Hessian of an exact gradient in {@link minimize}.
 *
 * @param f - The function.
 * @param x - The point.
 * @returns ∂f/∂xᵢ at `x`, one array per variable i.
 *
 * @example
 * ```ts
 * jacobian(([a = 0, b = 0]) => [a * b, a + 3 * b], [2, 5]); // => ≈ [[5, 1], [2, 3]]
 * ```
 */
export function jacobian(f: (x: readonly number[]) => number[], x: readonly number[]): number[][] {
  const point = [...x];
  return x.map((value, i) => {
    const step = 1e-5 * Math.max(1, Math.abs(value));
    point[i] = value + step;
    const up = f(point);
    point[i] = value - step;
    const down = f(point);
    point[i] = value;
    return up.map((u, k) => (u - (down[k] as number)) / (2 * step));
  });
}
