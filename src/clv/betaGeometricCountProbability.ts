import { logBeta } from "../math/logBeta.js";
import { logNbdProbability } from "./logNbdProbability.js";
import { nbdTailProbability } from "./nbdTailProbability.js";

/**
 * P(X(t) = x) for a new customer of BG/NBD (Fader, Hardie & Lee 2005, eq. 8) or MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007): x purchases in (0, t] after the first one. Internal to clv.
 *
 * With `dropAtStart` false (BG/NBD) a customer drops out after each repeat purchase with probability p; with it
 * true (MBG/NBD) also right after the first purchase, so the number of drop-out chances by the x-th repeat
 * purchase is x + s, s = 0 or 1. She is either alive at t with x purchases, (1 − p)^(x+s) · P(N = x), or dropped out
 * right after her x-th, p (1 − p)^(x+s−1) · P(N ≥ x) (only when x + s ≥ 1); with p ~ beta(a, b):
 * P(X(t) = x) = B(a, b + x + s)/B(a, b) · P(N = x) + B(a + 1, b + x + s − 1)/B(a, b) · P(N ≥ x), N the NBD count.
 *
 * @param r - Purchase-rate shape.
 * @param alpha - Purchase-rate scale α.
 * @param a - Drop-out beta a.
 * @param b - Drop-out beta b.
 * @param x - The count, a whole number ≥ 0.
 * @param t - The interval's length.
 * @param dropAtStart - MBG/NBD's extra drop-out chance right after the first purchase.
 * @returns The probability.
 *
 * @example
 * ```ts
 * betaGeometricCountProbability(1, 1, 1, 2, 1, 1, false); // => 0.3333… (BG/NBD: ⅔ · ¼ + ⅓ · ½)
 * ```
 */
export function betaGeometricCountProbability(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  t: number,
  dropAtStart: boolean,
): number {
  const chances = x + (dropAtStart ? 1 : 0);
  const base = logBeta(a, b);
  const alive = Math.exp(logBeta(a, b + chances) - base + logNbdProbability(r, alpha, t, x));
  const dropped =
    chances > 0 ? Math.exp(logBeta(a + 1, b + chances - 1) - base) * nbdTailProbability(r, alpha, t, x) : 0;
  return alive + dropped;
}
