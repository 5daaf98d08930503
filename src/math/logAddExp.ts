/**
 * ln(eˣ + eʸ) without overflow or underflow: the sum of two numbers given and returned as logarithms.
 *
 * @param x - A logarithm (may be −Infinity, for a zero term).
 * @param y - A logarithm (may be −Infinity).
 * @returns ln(eˣ + eʸ); −Infinity when both are −Infinity.
 *
 * @example
 * ```ts
 * logAddExp(Math.log(2), Math.log(3)); // => 1.6094379124341003 (ln 5)
 * logAddExp(-1000, -1000); // => -999.3068528194401
 * ```
 */
export function logAddExp(x: number, y: number): number {
  const high = Math.max(x, y);
  if (high === Number.NEGATIVE_INFINITY) return high;
  const low = Math.min(x, y);
  return high + Math.log1p(Math.exp(low - high));
}
