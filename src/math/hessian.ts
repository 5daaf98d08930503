/**
 * The matrix of second derivatives of a function of several variables by central differences (step
 * 1e-4 · max(1, |xᵢ|)). Used for Newton steps and for standard errors at a maximum-likelihood optimum.
 *
 * @param f - The function.
 * @param x - The point.
 * @returns The symmetric matrix ∂²f/∂xᵢ∂xⱼ at `x`, as rows.
 *
 * @example
 * ```ts
 * hessian(([a = 0, b = 0]) => a * a * b, [1, 2]); // => ≈ [[4, 2], [2, 0]]
 * ```
 */
export function hessian(f: (x: readonly number[]) => number, x: readonly number[]): number[][] {
  const n = x.length;
  const steps = x.map((value) => 1e-4 * Math.max(1, Math.abs(value)));
  const point = [...x];
  const at = (i: number, di: number, j: number, dj: number): number => {
    point[i] = (x[i] as number) + di;
    point[j] = (point[j] as number) + dj;
    const value = f(point);
    point[i] = x[i] as number;
    point[j] = x[j] as number;
    return value;
  };
  const center = f(x);
  const result: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = steps[i] as number;
    const row = result[i] as number[];
    row[i] = (at(i, hi, i, 0) - 2 * center + at(i, -hi, i, 0)) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = steps[j] as number;
      const value =
        (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
      row[j] = value;
      (result[j] as number[])[i] = value;
    }
  }
  return result;
}
