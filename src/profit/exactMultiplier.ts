import type { Fraction } from "./multiplyExact.js";

/**
 * Prepares {@link multiplyExact} for one fraction, for a loop over many amounts: the fraction's parts are turned
 * into numbers once. The multiplier rounds amount × numerator ÷ denominator half to even, on plain numbers while
 * the product is a safe integer (below 2^53) and on BigInt beyond, so it is exact for any amount whose result is
 * a safe integer.
 *
 * @param fraction - The exact multiplier.
 * @returns A function of whole minor units giving the rounded product.
 *
 * @example
 * ```ts
 * const cogs = exactMultiplier({ numerator: 13n, denominator: 20n }); // 1 − 0.35
 * [cogs(59983), cogs(15)]; // => [38989, 10]
 * ```
 */
export function exactMultiplier(fraction: Fraction): (amountMinor: number) => number {
  const n = Number(fraction.numerator);
  const d = Number(fraction.denominator);
  const safeParts = Number.isSafeInteger(n) && Number.isSafeInteger(d);
  const den = fraction.denominator;
  return (amountMinor) => {
    const product = amountMinor * n;
    if (safeParts && Number.isSafeInteger(product)) {
      let quotient = Math.floor(product / d);
      let remainder = product - quotient * d;
      if (remainder < 0) {
        quotient--;
        remainder += d;
      } else if (remainder >= d) {
        quotient++;
        remainder -= d;
      }
      const twice = 2 * remainder;
      if (twice > d || (twice === d && quotient % 2 !== 0)) quotient++;
      return quotient === 0 ? 0 : quotient;
    }
    const big = BigInt(amountMinor) * fraction.numerator;
    let quotient = big / den;
    let remainder = big % den;
    if (remainder < 0n) {
      quotient--;
      remainder += den;
    }
    const twice = 2n * remainder;
    if (twice > den || (twice === den && quotient % 2n !== 0n)) quotient++;
    return Number(quotient);
  };
}
