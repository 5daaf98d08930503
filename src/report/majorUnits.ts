import { currencyDigits } from "../model/currencyDigits.js";

/**
 * An amount of minor units in the currency's major unit, as a plain number for a chart axis (not exact: use
 * {@link formatMoney} for output that must be exact).
 *
 * @param minor - The amount, minor units.
 * @param currency - The ISO 4217 code.
 * @returns The amount in major units.
 *
 * @example
 * ```ts
 * majorUnits(123456, "USD"); // => 1234.56
 * majorUnits(1500, "JPY"); // => 1500
 * ```
 */
export function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}
