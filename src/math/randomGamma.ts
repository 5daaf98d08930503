/**
 * Draws from a gamma distribution with the given shape and rate 1 (Marsaglia & Tsang 2000, with the
 * boost U^(1/shape) for shape < 1; normals by Box–Muller). Divide by a rate to rescale.
 *
 * @param random - A uniform generator on [0, 1), e.g. {@link createRandom}.
 * @param shape - The shape, > 0.
 * @returns A gamma(shape, 1) variate (> 0).
 *
 * @example
 * ```ts
 * randomGamma(createRandom(1), 2); // => a positive number with mean 2 over many draws
 * ```
 */
export function randomGamma(random: () => number, shape: number): number {
  if (shape < 1) {
    const u = random();
    return randomGamma(random, shape + 1) * (u > 0 ? u : Number.MIN_VALUE) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = random();
      const u2 = random();
      x = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(1 - u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
