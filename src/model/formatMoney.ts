import { currencyDigits } from "./currencyDigits.js";

/**
 * Writes integer minor units as a plain decimal string in the currency's major unit, exactly (no rounding, no
 * grouping, no symbol): the form for CSV and JSON output.
 *
 * @param minor - An integer amount of minor units (cents, fen …).
 * @param currency - The ISO 4217 code.
 * @returns The amount, e.g. `"-12.30"`.
 *
 * @example
 * ```ts
 * formatMoney(123456, "USD"); // => "1234.56"
 * formatMoney(-5, "CNY"); // => "-0.05"
 * formatMoney(1500, "JPY"); // => "1500"
 * ```
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const text = String(Math.abs(minor)).padStart(digits + 1, "0");
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
