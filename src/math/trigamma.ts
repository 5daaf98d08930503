/**
 * The trigamma function ψ′(x) = d²/dx² ln Γ(x), for x > 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10,
 * then the asymptotic series (absolute error below 1e-12). Used for analytic likelihood Hessians.
 *
 * @param x - A positive number.
 * @returns ψ′(x); `NaN` when x ≤ 0.
 *
 * @example
 * ```ts
 * trigamma(1); // => 1.6449340668482506 (π²/6 = 1.6449340668482264)
 * ```
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let result = 0;
  let y = x;
  while (y < 10) {
    result += 1 / (y * y);
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  return (
    result +
    inv +
    0.5 * inv2 +
    inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - inv2 * (5 / 66)))))
  );
}
