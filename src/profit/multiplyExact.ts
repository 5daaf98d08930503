/**
 * An exact fraction `numerator / denominator` of whole numbers, for multiplying money by a rate without binary
 * rounding.
 */
export interface Fraction {
  /** The numerator. */
  numerator: bigint;
  /** The denominator, positive. */
  denominator: bigint;
}

/**
 * Multiplies whole minor units by an exact fraction and rounds half to even: exact for any amount, on plain
 * numbers while the product is below 2^53 and on BigInt beyond.
 *
 * @param amountMinor - Whole minor units.
 * @param fraction - The exact multiplier.
 * @returns round-half-even(amountMinor × numerator ÷ denominator); exact while the result is a safe integer
 * (|result| < 2^53, i.e. money below 9·10^15 minor units).
 *
 * @example
 * ```ts
 * multiplyExact(15, { numerator: 1n, denominator: 2n }); // => 8
 * multiplyExact(25, { numerator: 1n, denominator: 10n }); // => 2
 * ```
 */
export function multiplyExact(amountMinor: number, fraction: Fraction): number {
  const n = Number(fraction.numerator);
  const d = Number(fraction.denominator);
  const product = amountMinor * n;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
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
  const den = fraction.denominator;
  let quotient = big / den;
  let remainder = big % den;
  if (remainder < 0n) {
    quotient--;
    remainder += den;
  }
  const twice = 2n * remainder;
  if (twice > den || (twice === den && quotient % 2n !== 0n)) quotient++;
  return Number(quotient);
}
