/**
 * Solves the linear system A · X = B by Gaussian elimination with partial pivoting (B may have several
 * columns; pass the identity to get the inverse).
 *
 * @param matrix - The square matrix A, as rows (not changed).
 * @param rhs - The right-hand side B, as rows with one entry per column of B (not changed).
 * @returns X as rows, or `undefined` when A is singular (a pivot below 1e-300 or not finite).
 *
 * @example
 * ```ts
 * solveLinear([[2, 0], [0, 4]], [[1, 0], [0, 1]]); // => [[0.5, 0], [0, 0.25]]
 * ```
 */
export function solveLinear(
  matrix: readonly (readonly number[])[],
  rhs: readonly (readonly number[])[],
): number[][] | undefined {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const b = rhs.map((row) => [...row]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = row;
    }
    const pivotValue = (a[pivot] as number[])[col] as number;
    if (!(Math.abs(pivotValue) > 1e-300) || !Number.isFinite(pivotValue)) return undefined;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    [b[col], b[pivot]] = [b[pivot] as number[], b[col] as number[]];
    const pivotRow = a[col] as number[];
    const pivotRhs = b[col] as number[];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const target = a[row] as number[];
      const factor = (target[col] as number) / pivotValue;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) target[k] = (target[k] as number) - factor * (pivotRow[k] as number);
      const targetRhs = b[row] as number[];
      for (let k = 0; k < targetRhs.length; k++)
        targetRhs[k] = (targetRhs[k] as number) - factor * (pivotRhs[k] as number);
    }
  }
  return b.map((row, i) => row.map((value) => value / ((a[i] as number[])[i] as number)));
}
