import { exactMultiplier } from "./exactMultiplier.js";

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
  return exactMultiplier(fraction)(amountMinor);
}
