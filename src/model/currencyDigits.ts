// ISO 4217 minor-unit exponents that differ from 2. The table is kept here rather than read from Intl, which
// sandboxed engines (warehouse UDFs) may lack.
const ZERO_DECIMAL = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
const FOUR_DECIMAL = new Set(["CLF", "UYW"]);

/**
 * The number of decimals of a currency's minor unit (ISO 4217): 2 for most currencies, 0 for JPY and KRW, 3 for
 * KWD and BHD.
 *
 * @param currency - A three-letter ISO 4217 code.
 * @returns The exponent: amounts are stored as integers of 10^-exponent of the currency.
 *
 * @example
 * ```ts
 * currencyDigits("CNY"); // => 2
 * currencyDigits("JPY"); // => 0
 * currencyDigits("KWD"); // => 3
 * ```
 */
export function currencyDigits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return FOUR_DECIMAL.has(currency) ? 4 : 2;
}
