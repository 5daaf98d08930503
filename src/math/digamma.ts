/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then
 * the asymptotic series (absolute error below 1e-12). Used for analytic likelihood gradients.
 *
 * @param x - A positive number.
 * @returns ψ(x); `NaN` when x ≤ 0.
 *
 * @example
 * ```ts
 * digamma(1); // => -0.5772156649015329 (−γ, the Euler–Mascheroni constant)
 * ```
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let result = 0;
  let y = x;
  while (y < 10) {
    result -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(y) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}
