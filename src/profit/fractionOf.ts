import Decimal from "decimal.js";
import type { Fraction } from "./multiplyExact.js";

/**
 * The exact fraction of a rate as written (its shortest decimal text: 0.06 is 6/100, not the binary double),
 * reduced. Runs decimal.js once per rate, at the edge.
 *
 * @param rate - A finite number.
 * @returns The fraction.
 *
 * @example
 * ```ts
 * fractionOf(0.06); // => { numerator: 3n, denominator: 50n }
 * ```
 */
export function fractionOf(rate: number): Fraction {
  const [numerator, denominator] = new Decimal(rate).toFraction() as [Decimal, Decimal];
  return { numerator: BigInt(numerator.toFixed(0)), denominator: BigInt(denominator.toFixed(0)) };
}
