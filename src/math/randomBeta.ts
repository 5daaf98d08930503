import { randomGamma } from "./randomGamma.js";

/**
 * Draws from a beta(a, b) distribution as G_a / (G_a + G_b) with gamma variates.
 *
 * @param random - A uniform generator on [0, 1), e.g. {@link createRandom}.
 * @param a - The first shape, > 0.
 * @param b - The second shape, > 0.
 * @returns A beta(a, b) variate in [0, 1].
 *
 * @example
 * ```ts
 * randomBeta(createRandom(1), 2, 2); // => a number in [0, 1] with mean 0.5 over many draws
 * ```
 */
export function randomBeta(random: () => number, a: number, b: number): number {
  const x = randomGamma(random, a);
  const y = randomGamma(random, b);
  return x / (x + y);
}
